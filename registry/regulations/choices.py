"""Controlled vocabularies for regulations (SPEC §1.4, §2.5)."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Level(models.TextChoices):
    NASIONAL = "nasional", _("Nasional")
    PROVINSI = "provinsi", _("Provinsi")
    KOTA = "kota", _("Kota")


class Nature(models.TextChoices):
    PERATURAN = "peraturan", _("Peraturan (regeling)")
    PENETAPAN = "penetapan", _("Penetapan (beschikking)")
    KEBIJAKAN = "kebijakan", _("Kebijakan")


class Gazette(models.TextChoices):
    LN = "LN", _("Lembaran Negara")
    BN = "BN", _("Berita Negara")
    LD = "LD", _("Lembaran Daerah")
    BD = "BD", _("Berita Daerah")
    NONE = "", _("Tidak diundangkan")


class Status(models.TextChoices):
    """A regulation's status, derived from the relations that point at it."""

    BERLAKU = "berlaku", _("Berlaku")
    DIUBAH = "diubah", _("Berlaku, telah diubah")
    DICABUT_SEBAGIAN = "dicabut_sebagian", _("Berlaku, dicabut sebagian")
    DICABUT = "dicabut", _("Dicabut")
    TIDAK_BERLAKU = "tidak_berlaku", _("Tidak berlaku")

    @classmethod
    def in_force(cls):
        """The statuses under which a regulation still binds."""
        return [cls.BERLAKU, cls.DIUBAH, cls.DICABUT_SEBAGIAN]


class RelationKind(models.TextChoices):
    """Forward relations, stored on the newer regulation (SPEC §1.4)."""

    MENGUBAH = "mengubah", _("Mengubah")
    MENGUBAH_SEBAGIAN = "mengubah_sebagian", _("Mengubah sebagian")
    MENCABUT = "mencabut", _("Mencabut")
    MENCABUT_SEBAGIAN = "mencabut_sebagian", _("Mencabut sebagian")
    MELAKSANAKAN = "melaksanakan", _("Melaksanakan")
    TERKAIT = "terkait", _("Terkait")


#: How each forward relation reads from the target's side.
INVERSE_LABELS = {
    RelationKind.MENGUBAH: _("Diubah oleh"),
    RelationKind.MENGUBAH_SEBAGIAN: _("Diubah sebagian oleh"),
    RelationKind.MENCABUT: _("Dicabut oleh"),
    RelationKind.MENCABUT_SEBAGIAN: _("Dicabut sebagian oleh"),
    RelationKind.MELAKSANAKAN: _("Dilaksanakan oleh"),
    RelationKind.TERKAIT: _("Terkait"),
}


class ExtractionStatus(models.TextChoices):
    PENDING = "pending", _("Menunggu")
    RUNNING = "running", _("Sedang diproses")
    DONE = "done", _("Selesai")
    NEEDS_PASSWORD = "needs_password", _("Perlu kata sandi")
    NEEDS_OCR = "needs_ocr", _("Perlu OCR")
    FAILED = "failed", _("Gagal")

"""Controlled vocabularies for regulations (domain §1.4, §2.5)."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from registry.reference import regulations as reference
from registry.vocabulary import text_choices

#: Who enacts a regulation (``registry.reference.regulations.LEVELS``).
Level = text_choices("Level", reference.LEVELS)
#: What a regulation does (``registry.reference.regulations.NATURES``).
Nature = text_choices("Nature", reference.NATURES)
#: Where a regulation is promulgated (``registry.reference.regulations.GAZETTES``).
Gazette = text_choices("Gazette", reference.GAZETTES)


#: A regulation's status, derived from the relations that point at it.
Status = text_choices("Status", reference.STATUSES)
#: The statuses under which a regulation still binds.
IN_FORCE = [
    Status(choice.code) for choice in reference.STATUSES if choice.code in reference.IN_FORCE_STATUSES
]


#: Forward relations, stored on the newer regulation (``registry.reference.regulations``).
RelationKind = text_choices("RelationKind", reference.RELATION_KINDS)


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

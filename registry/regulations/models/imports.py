"""The log of JDIHN feed imports and the relation/status proposals they leave for the legal bureau.

An ``ImportRun`` is one import (from ``manage.py import_jdihn`` or the admin). In the admin the
uploaded feed waits in ``payload`` between the dry run and the confirmation (state *staged*); the
payload is emptied once the run is done. ``ImportRecord`` says what happened to each feed record.

``ImportProposal`` is what the feed says but the registry does not take on trust: a "Perubahan atas
…" title (a relation towards another regulation) or a "Tidak Berlaku" status. The legal bureau
confirms or rejects each one (``review_views.import_proposals``); a confirmed proposal becomes a new
revision of the regulation through the same code as the extraction proposals.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from ..choices import RelationKind
from .pages import RegulationPage
from .types import RegulationType


class ImportRun(models.Model):
    """One import of a JDIHN feed."""

    class State(models.TextChoices):
        STAGED = "staged", _("Menunggu konfirmasi")
        RUNNING = "running", _("Sedang berjalan")
        DONE = "done", _("Selesai")
        FAILED = "failed", _("Gagal")

    source = models.CharField(_("sumber"), max_length=500)
    state = models.CharField(_("keadaan"), max_length=10, choices=State.choices, default=State.RUNNING)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("pengguna"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    payload = models.TextField(_("isi umpan (sementara)"), blank=True)
    options = models.JSONField(_("opsi"), default=dict, blank=True)
    counts = models.JSONField(_("jumlah"), default=dict, blank=True)
    message = models.TextField(_("pesan"), blank=True)
    created_at = models.DateTimeField(_("dibuat"), auto_now_add=True)
    finished_at = models.DateTimeField(_("selesai"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("impor JDIHN")
        verbose_name_plural = _("impor JDIHN")

    def __str__(self):
        return f"{self.source} ({self.get_state_display()})"


class ImportRecord(models.Model):
    """What one feed record became: created, updated, unchanged, merged, skipped or failed."""

    class Outcome(models.TextChoices):
        CREATED = "created", _("dibuat")
        UPDATED = "updated", _("diperbarui")
        UNCHANGED = "unchanged", _("tidak berubah")
        MERGED = "merged", _("digabung")
        SKIPPED = "skipped", _("dilewati")
        FAILED = "failed", _("gagal validasi")
        ROLLED_BACK = "rolled_back", _("dibatalkan")

    class FileStatus(models.TextChoices):
        NONE = "", _("—")
        ATTACHED = "attached", _("terlampir")
        FAILED = "failed", _("gagal")

    run = models.ForeignKey(ImportRun, on_delete=models.CASCADE, related_name="records")
    position = models.PositiveIntegerField(_("urutan di umpan"))
    source_id = models.CharField(_("idData"), max_length=64, blank=True)
    label = models.CharField(_("peraturan"), max_length=255)
    outcome = models.CharField(_("hasil"), max_length=12, choices=Outcome.choices)
    reason = models.TextField(_("keterangan"), blank=True)
    regulation = models.ForeignKey(
        RegulationPage, verbose_name=_("peraturan"), null=True, blank=True, on_delete=models.SET_NULL
    )
    file_status = models.CharField(_("berkas"), max_length=10, choices=FileStatus.choices, blank=True)
    file_reason = models.TextField(_("keterangan berkas"), blank=True)

    class Meta:
        ordering = ["run", "position"]
        verbose_name = _("catatan impor JDIHN")
        verbose_name_plural = _("catatan impor JDIHN")

    def __str__(self):
        return f"#{self.position} {self.label}: {self.get_outcome_display()}"


class ImportProposal(models.Model):
    """A relation or a status a feed states, waiting for the legal bureau to confirm it."""

    class Kind(models.TextChoices):
        RELATION = "relation", _("Hubungan")
        STATUS = "status", _("Status tidak berlaku")

    class State(models.TextChoices):
        PENDING = "pending", _("Menunggu tinjauan")
        APPLIED = "applied", _("Diterapkan")
        REJECTED = "rejected", _("Ditolak")

    regulation = models.ForeignKey(
        RegulationPage,
        verbose_name=_("peraturan"),
        on_delete=models.CASCADE,
        related_name="import_proposals",
    )
    kind = models.CharField(_("jenis usulan"), max_length=10, choices=Kind.choices)
    relation_kind = models.CharField(
        _("jenis hubungan"), max_length=24, choices=RelationKind.choices, blank=True
    )
    target_type = models.ForeignKey(
        RegulationType,
        verbose_name=_("jenis peraturan tujuan"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    target_wilayah = models.CharField(_("wilayah tujuan"), max_length=120, blank=True)
    target_nomor = models.CharField(_("nomor tujuan"), max_length=60, blank=True)
    target_tahun = models.PositiveSmallIntegerField(_("tahun tujuan"), null=True, blank=True)
    target_tentang = models.TextField(_("tentang (tujuan)"), blank=True)
    evidence = models.CharField(_("bukti"), max_length=500, blank=True)
    state = models.CharField(_("keadaan"), max_length=10, choices=State.choices, default=State.PENDING)
    run = models.ForeignKey(
        ImportRun, verbose_name=_("impor"), null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(_("dibuat"), auto_now_add=True)
    decided_at = models.DateTimeField(_("diputuskan"), null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("diputuskan oleh"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        ordering = ["regulation", "kind", "pk"]
        verbose_name = _("usulan dari impor JDIHN")
        verbose_name_plural = _("usulan dari impor JDIHN")
        indexes = [models.Index(fields=["state"])]

    def __str__(self):
        return f"{self.get_kind_display()} · {self.regulation_id} ({self.get_state_display()})"

    @property
    def key(self) -> tuple:
        """What makes two proposals the same one (a second import proposes nothing twice)."""
        return (
            self.regulation_id,
            self.kind,
            self.relation_kind,
            self.target_type_id,
            self.target_nomor.casefold(),
            self.target_tahun,
        )

    @property
    def target_label(self) -> str:
        """E.g. "Peraturan Daerah Nomor 3 Tahun 2019"."""
        if self.kind != self.Kind.RELATION:
            return ""
        jenis = self.target_type.name if self.target_type else "?"
        return _("%(jenis)s Nomor %(nomor)s Tahun %(tahun)s") % {
            "jenis": jenis,
            "nomor": self.target_nomor,
            "tahun": self.target_tahun or "?",
        }

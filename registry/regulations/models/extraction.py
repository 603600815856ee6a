"""What the extraction pipeline learned from a document: page texts and the history of runs."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from ..choices import ExtractionStatus


class DocumentPage(models.Model):
    """The text of one page of a stored document, for search and display. Derived; never edited."""

    document = models.ForeignKey(
        "regulations.RegulationDocument",
        on_delete=models.CASCADE,
        related_name="pages",
        verbose_name=_("dokumen"),
    )
    number = models.PositiveIntegerField(_("halaman"))
    text = models.TextField(_("teks"), blank=True)
    is_ocr = models.BooleanField(_("teks hasil OCR"), default=False)
    is_scan = models.BooleanField(_("halaman pindaian"), default=False)
    ocr_words = models.JSONField(
        _("kata hasil OCR"),
        null=True,
        blank=True,
        help_text=_(
            "Kata-kata yang dikenali Tesseract beserta keyakinan (0–100) dan kotaknya dalam piksel pada "
            "resolusi (dpi) render; kosong untuk halaman yang teksnya dibaca dari lapisan teks PDF."
        ),
    )

    class Meta:
        ordering = ["document", "number"]
        verbose_name = _("halaman dokumen")
        verbose_name_plural = _("halaman dokumen")
        constraints = [models.UniqueConstraint(fields=["document", "number"], name="unique_document_page")]

    def __str__(self):
        return f"{self.document_id} hlm. {self.number}"


def ocr_settings_text(settings: dict) -> str:
    """The OCR settings of an extraction run in one line, e.g. "OCR: 300 dpi, psm otomatis, …"."""
    cleanup = ", ".join(settings.get("cleanup") or []) or _("tanpa pembersihan")
    options = ", ".join(settings.get("config") or []) or _("tanpa opsi tambahan")
    return _("OCR: %(dpi)s dpi, psm %(psm)s, %(cleanup)s, %(options)s") % {
        "dpi": settings.get("dpi", "?"),
        "psm": settings.get("psm") or _("otomatis"),
        "cleanup": cleanup,
        "options": options,
    }


class ExtractionRun(models.Model):
    """One extraction of one document: its outcome, reason and timings, kept as the document's history.

    While a run is *running*, the process doing it beats (``heartbeat_at``, with the pages done so far)
    as it waits on its children; ``lease_expires_at`` is the latest it may legitimately still run.
    A run that misses its beats or outlives its lease is recorded as failed by
    ``pipeline.sweep_stale_runs``.
    """

    class Phase(models.TextChoices):
        TEXT = "text", _("membaca teks")
        OCR = "ocr", _("OCR")

    document = models.ForeignKey(
        "regulations.RegulationDocument", on_delete=models.CASCADE, related_name="extraction_runs"
    )
    status = models.CharField(_("status"), max_length=20, choices=ExtractionStatus.choices)
    reason = models.TextField(_("alasan"), blank=True)
    sha256 = models.CharField(_("hash berkas"), max_length=64, blank=True)
    page_count = models.PositiveIntegerField(_("jumlah halaman"), null=True, blank=True)
    pages_with_text = models.PositiveIntegerField(_("halaman berteks"), null=True, blank=True)
    pages_scanned = models.PositiveIntegerField(_("halaman pindaian"), null=True, blank=True)
    pages_ocr = models.PositiveIntegerField(_("halaman di-OCR"), null=True, blank=True)
    started_at = models.DateTimeField(_("mulai"), auto_now_add=True)
    finished_at = models.DateTimeField(_("selesai"), null=True, blank=True)
    seconds = models.FloatField(_("lama (detik)"), null=True, blank=True)
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("diminta oleh"),
    )
    heartbeat_at = models.DateTimeField(_("detak terakhir"), null=True, blank=True)
    lease_expires_at = models.DateTimeField(_("batas waktu"), null=True, blank=True)
    worker = models.CharField(_("proses"), max_length=100, blank=True, help_text=_("host:pid"))
    phase = models.CharField(_("tahap"), max_length=10, choices=Phase.choices, blank=True)
    pages_done = models.PositiveIntegerField(_("halaman selesai"), null=True, blank=True)
    pages_total = models.PositiveIntegerField(_("halaman seluruhnya"), null=True, blank=True)
    fast_path = models.BooleanField(
        _("jalur cepat"),
        null=True,
        blank=True,
        help_text=_(
            "Apakah teks dibaca lewat jalur cepat (fastparse); kosong bila tidak ada halaman yang dibaca."
        ),
    )
    fast_path_fallbacks = models.PositiveIntegerField(
        _("dibaca ulang oleh pdfminer"),
        default=0,
        help_text=_(
            "Jumlah aliran konten (isi halaman atau form XObject) yang diserahkan jalur cepat kepada "
            "pengurai pdfminer sendiri."
        ),
    )
    ocr_settings = models.JSONField(
        _("pengaturan OCR"),
        default=dict,
        blank=True,
        help_text=_(
            "Pengaturan OCR yang dipakai run ini (bahasa, resolusi, mode segmentasi halaman, pembersihan "
            "gambar, opsi Tesseract); kosong bila tidak ada halaman yang di-OCR."
        ),
    )

    class Meta:
        ordering = ["-started_at", "-pk"]
        verbose_name = _("riwayat ekstraksi")
        verbose_name_plural = _("riwayat ekstraksi")
        indexes = [models.Index(fields=["status"], name="extraction_run_status")]

    def __str__(self):
        return f"{self.document_id}: {self.get_status_display()}"

    def ocr_settings_display(self) -> str:
        """The run's OCR settings in one line ("" when it OCR'd nothing)."""
        return ocr_settings_text(self.ocr_settings) if self.ocr_settings else ""

    def heartbeat_age_seconds(self, now=None) -> int | None:
        """Whole seconds since the last beat (since the start when it never beat)."""
        last = self.heartbeat_at or self.started_at
        if last is None:
            return None
        return max(0, int(((now or timezone.now()) - last).total_seconds()))

    def progress_display(self, now=None) -> str:
        """In Indonesian: the phase, pages done of the total, and the age of the last beat."""
        parts = []
        if self.phase:
            parts.append(str(self.get_phase_display()))
        if self.pages_total:
            parts.append(
                gettext("%(done)s dari %(total)s halaman")
                % {"done": self.pages_done or 0, "total": self.pages_total}
            )
        elif self.pages_done:
            parts.append(gettext("%(done)s halaman") % {"done": self.pages_done})
        age = self.heartbeat_age_seconds(now)
        if age is not None:
            parts.append(gettext("detak terakhir %(seconds)s detik yang lalu") % {"seconds": age})
        return " · ".join(parts)


class ArticleNode(models.Model):
    """One node of a regulation's article tree (BAB, Bagian, Paragraf, Pasal, ayat), parsed from its text.

    Derived from the document's text by the parser; recomputed on every extraction, never edited.
    ``anchor`` is stable across re-extractions of the same text (e.g. ``pasal-5-ayat-2``).
    """

    class Kind(models.TextChoices):
        BAB = "bab", _("Bab")
        BAGIAN = "bagian", _("Bagian")
        PARAGRAF = "paragraf", _("Paragraf")
        PASAL = "pasal", _("Pasal")
        AYAT = "ayat", _("Ayat")
        DIKTUM = "diktum", _("Diktum")

    document = models.ForeignKey(
        "regulations.RegulationDocument",
        on_delete=models.CASCADE,
        related_name="articles",
        verbose_name=_("dokumen"),
    )
    parent = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.CASCADE, related_name="children"
    )
    kind = models.CharField(_("jenis"), max_length=10, choices=Kind.choices)
    label = models.CharField(_("label"), max_length=60, help_text=_("Misalnya 'Pasal 5' atau 'BAB II'."))
    heading = models.CharField(_("judul"), max_length=500, blank=True)
    anchor = models.SlugField(_("jangkar"), max_length=80)
    text = models.TextField(_("teks"), blank=True)
    position = models.PositiveIntegerField(_("urutan"))
    page_number = models.PositiveIntegerField(_("halaman"), null=True, blank=True)

    class Meta:
        ordering = ["document", "position"]
        verbose_name = _("pasal/bagian")
        verbose_name_plural = _("struktur pasal")
        constraints = [models.UniqueConstraint(fields=["document", "anchor"], name="unique_article_anchor")]

    def __str__(self):
        return self.label

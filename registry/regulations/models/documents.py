"""The document model for signed regulation PDFs, ready to carry extraction state."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.documents.models import AbstractDocument, Document

from ..choices import ExtractionStatus


class RegulationDocument(AbstractDocument):
    """A stored, never-modified original (a signed PDF, a lampiran or an abstrak).

    The extraction fields record what the pipeline learned from the file; the file itself is kept
    whatever happens to its extraction.
    """

    extraction_status = models.CharField(
        _("status ekstraksi"),
        max_length=20,
        choices=ExtractionStatus.choices,
        default=ExtractionStatus.PENDING,
    )
    extraction_reason = models.TextField(_("alasan"), blank=True)
    page_count = models.PositiveIntegerField(_("jumlah halaman"), null=True, blank=True)
    pages_with_text = models.PositiveIntegerField(_("halaman berteks"), null=True, blank=True)
    pages_scanned = models.PositiveIntegerField(_("halaman pindaian"), null=True, blank=True)
    extracted_sha256 = models.CharField(_("hash berkas yang diekstraksi"), max_length=64, blank=True)
    extraction_seconds = models.FloatField(_("lama ekstraksi (detik)"), null=True, blank=True)
    extracted_at = models.DateTimeField(_("waktu ekstraksi"), null=True, blank=True)

    admin_form_fields = Document.admin_form_fields

    class Meta(AbstractDocument.Meta):
        verbose_name = _("dokumen")
        verbose_name_plural = _("dokumen")

"""The document upload form: only real PDFs, checked by their content, up to a size cap.

Wired in through ``WAGTAILDOCS_DOCUMENT_FORM_BASE``, so it serves Wagtail's single upload, multiple
upload and chooser upload views alike. The check reads bytes only and never parses the PDF in the
web process: an encrypted or damaged PDF still passes, is kept, and gets its status from the
extraction task later.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _
from wagtail.documents.forms import BaseDocumentForm

from .extraction.sniff import has_pdf_objects, sniff_file

DEFAULT_MAX_UPLOAD_BYTES = 50 * 1024 * 1024


def max_upload_bytes() -> int:
    """The size cap for uploaded documents (``REGISTRY_MAX_UPLOAD_BYTES``, 50 MB by default)."""
    return int(getattr(settings, "REGISTRY_MAX_UPLOAD_BYTES", DEFAULT_MAX_UPLOAD_BYTES))


def validate_pdf_upload(uploaded) -> None:
    """Raise a ValidationError in Indonesian unless ``uploaded`` looks like a PDF within the size cap."""
    limit = max_upload_bytes()
    if uploaded.size > limit:
        raise ValidationError(
            _("Ukuran berkas %(size)s melebihi batas %(limit)s.")
            % {"size": filesizeformat(uploaded.size), "limit": filesizeformat(limit)},
            code="file_too_large",
        )
    uploaded.seek(0)
    sniffed = sniff_file(uploaded)
    if sniffed.kind == "empty":
        raise ValidationError(_("Berkas kosong: unggah berkas PDF peraturan."), code="empty_file")
    if sniffed.kind in ("html", "zip"):
        raise ValidationError(
            _("Berkas ini bukan PDF (isinya %(what)s), walaupun namanya berakhiran .pdf.")
            % {"what": sniffed.detail},
            code="not_pdf",
        )
    if not sniffed.is_pdf:
        raise ValidationError(
            _("Berkas ini bukan PDF: tanda %%PDF- tidak ditemukan di awal berkas.") % {},
            code="not_pdf",
        )
    if not has_pdf_objects(uploaded):
        raise ValidationError(
            _("Berkas ini bukan PDF yang utuh: tidak ada satu pun objek PDF di dalamnya."),
            code="not_pdf",
        )


class RegulationDocumentForm(BaseDocumentForm):
    """Wagtail's document form, with the PDF content and size checks on the file."""

    def clean_file(self):
        """Check a newly chosen file; an unchanged file on an edit is not read again."""
        uploaded = self.cleaned_data.get("file")
        if uploaded and "file" in self.changed_data:
            validate_pdf_upload(uploaded)
        return uploaded

    def _post_clean(self):
        """Run the model validation, but keep a rejected file's errors to the one that rejected it.

        Wagtail's ``AbstractDocument.clean`` checks the file extension whatever the form found. Once
        the form has rejected the upload, the instance's file field is empty, so that check would add
        a bogus "Ekstensi berkas “” tidak diizinkan" to every rejection.
        """
        rejected = self._errors.get("file") if self._errors else None
        kept = rejected.copy() if rejected else None
        super()._post_clean()
        if kept is not None:
            self._errors["file"] = kept

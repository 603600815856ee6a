"""``--with-files``: fetch the PDF a record names (``urlDownload``), check it as an upload is
checked, attach it as the regulation's signed document, and let the existing signal extract it.

Files are fetched after their batch has committed, one transaction per file: a file that cannot be
fetched or is not a PDF is recorded on its record and never touches the batch.
"""

import logging
import posixpath
import re
from urllib.parse import unquote, urlparse

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from django.utils.translation import gettext as _

from ..forms import max_upload_bytes, validate_pdf_upload
from ..models import RegulationDocument, RegulationPage
from .planner import CREATE, UNCHANGED, UPDATE
from .source import SourceError, fetch_url

logger = logging.getLogger(__name__)


def file_name(url: str, fallback: str) -> str:
    """A safe file name for the stored copy: the URL's last path segment, ending in .pdf."""
    name = posixpath.basename(unquote(urlparse(url).path)) or fallback
    name = re.sub(r"[^A-Za-z0-9._-]+", "-", name).strip(".-")[:100] or fallback
    return name if name.lower().endswith(".pdf") else f"{name}.pdf"


def fetch_document(url: str, title: str, timeout=None) -> RegulationDocument:
    """Download ``url`` and return an unsaved document with the file stored; raises SourceError or
    ValidationError (in Indonesian) when it cannot be fetched or is not an acceptable PDF."""
    body, content_type = fetch_url(url, max_upload_bytes(), timeout, accept="application/pdf")
    name = file_name(url, "peraturan.pdf")
    validate_pdf_upload(SimpleUploadedFile(name, body, content_type))
    document = RegulationDocument(title=title[:255])
    document.file.save(name, ContentFile(body), save=False)
    document._set_document_file_metadata()
    return document


def _attach(page: RegulationPage, document: RegulationDocument, user) -> None:
    """Save the document and put it on the page in a new revision (published when the page is)."""
    publish = page.live and not page.has_unpublished_changes
    publish = publish and (user is None or page.permissions_for_user(user).can_publish())
    with transaction.atomic():
        document.save()  # queues the extraction once this commits (signal_handlers)
        draft = page.get_latest_revision_as_object()
        draft.document = document
        revision = draft.save_revision(user=user, log_action=True, clean=False)
        if publish:
            revision.publish(user=user)


def attach_files(planned, results, report, options) -> None:
    """Fetch and attach the files of a committed batch; record each failure on its result."""
    by_position = {result.position: result for result in results}
    wanted = {
        item.record.position: item
        for item in planned
        if item.action in (CREATE, UPDATE, UNCHANGED) and item.record.file_url
    }
    if not wanted:
        return
    ids = {by_position[position].page_id for position in wanted}
    pages = RegulationPage.objects.in_bulk(ids)
    for position, item in wanted.items():
        result = by_position[position]
        page = pages.get(result.page_id)
        if page is None or page.document_id:
            continue
        try:
            document = fetch_document(item.record.file_url, page.title, options.timeout)
            _attach(page, document, options.user)
        except ValidationError as exc:
            reason = " ".join(exc.messages)
        except SourceError as exc:
            reason = str(exc)
        except Exception as exc:  # noqa: BLE001 - a file must never abort the import
            logger.exception("Attaching %s failed", item.record.file_url)
            reason = _("Kesalahan tak terduga: %(error)s") % {"error": exc}
        else:
            result.file_status = "attached"
            report.files_attached += 1
            continue
        result.file_status = "failed"
        result.file_reason = reason
        report.files_failed += 1

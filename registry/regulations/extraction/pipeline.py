"""Extract a stored ``RegulationDocument`` and record what was learned (the Django side).

The original file is only ever read: it is opened from storage (or copied to a temporary file when
the storage has no local path), hashed, and handed to the child processes of ``runner``. Results go
to ``DocumentPage`` rows, one ``ExtractionRun`` per run, and the document's extraction fields.
"""

from __future__ import annotations

import contextlib
import logging
import os
import shutil
import tempfile
import time
from collections.abc import Iterator

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from ..choices import ExtractionStatus
from ..models import DocumentPage, ExtractionRun, RegulationDocument
from ..parser import parse_regulation
from ..signals import document_extracted
from ..structure import store_structure
from . import reasons
from .result import ExtractionResult
from .runner import ExtractionOptions, extract_pdf
from .sniff import sha256_of_path

logger = logging.getLogger(__name__)

#: Statuses after which the same file is not extracted again unless forced.
SETTLED = {
    ExtractionStatus.DONE,
    ExtractionStatus.NEEDS_PASSWORD,
    ExtractionStatus.NEEDS_OCR,
    ExtractionStatus.FAILED,
}


def extraction_options(**overrides) -> ExtractionOptions:
    """Extraction limits from settings (see the "Extraction" block of settings/base.py)."""
    options = ExtractionOptions(
        timeout_seconds=getattr(settings, "REGISTRY_EXTRACTION_TIMEOUT_SECONDS", 120),
        memory_mb=getattr(settings, "REGISTRY_EXTRACTION_MEMORY_MB", 1536),
        workers=getattr(settings, "REGISTRY_EXTRACTION_WORKERS", None) or os.cpu_count() or 1,
        laparams=getattr(settings, "REGISTRY_EXTRACTION_LAPARAMS", None),
        ocr=getattr(settings, "REGISTRY_OCR_ENABLED", True),
        ocr_language=getattr(settings, "REGISTRY_OCR_LANGUAGE", "ind"),
        ocr_dpi=getattr(settings, "REGISTRY_OCR_DPI", 300),
        ocr_timeout_seconds=getattr(settings, "REGISTRY_OCR_TIMEOUT_SECONDS", 900),
        ocr_page_timeout_seconds=getattr(settings, "REGISTRY_OCR_PAGE_TIMEOUT_SECONDS", 180),
    )
    for name, value in overrides.items():
        setattr(options, name, value)
    return options


@contextlib.contextmanager
def local_path(field_file) -> Iterator[str]:
    """A filesystem path to a stored file: its own path, or a temporary copy for remote storage."""
    try:
        path = field_file.path
    except NotImplementedError:
        path = None
    if path and os.path.exists(path):
        yield path
        return
    with (
        field_file.storage.open(field_file.name, "rb") as source,
        tempfile.NamedTemporaryFile(prefix="registri-", suffix=".pdf") as copy,
    ):
        shutil.copyfileobj(source, copy)
        copy.flush()
        yield copy.name


def extract_document(
    document: RegulationDocument, *, force: bool = False, requested_by=None, options=None
) -> ExtractionRun | None:
    """Extract ``document`` and store the outcome; returns the run, or None when nothing changed.

    The same file (by SHA-256) is not extracted twice unless ``force`` is set. Never raises for a
    bad file: every outcome, including a missing file, is recorded as a status with a reason.
    """
    options = options or extraction_options()
    started = time.monotonic()
    with contextlib.ExitStack() as stack:
        try:
            path = stack.enter_context(local_path(document.file))
            sha256 = sha256_of_path(path)
        except (OSError, ValueError) as exc:
            run = _start_run(document, "", requested_by)
            detail = f"{type(exc).__name__}: {exc}"[:300]
            _finish(
                document,
                run,
                ExtractionResult(ExtractionStatus.FAILED, reasons.FILE_MISSING, {"detail": detail}),
                started,
            )
            return run
        if not force and _already_extracted(document, sha256):
            return None
        run = _start_run(document, sha256, requested_by)
        try:
            outcome = extract_pdf(path, options)
        except Exception as exc:
            logger.exception("Extraction of document %s failed", document.pk)
            _finish(document, run, _internal_failure(exc), started)
            raise
    _finish(document, run, outcome, started)
    if outcome.status == ExtractionStatus.DONE:
        _store_structure(document)
    document_extracted.send(sender=RegulationDocument, instance=document, run=run)
    return run


def _store_structure(document: RegulationDocument) -> None:
    """Parse the stored page texts and keep the article tree (BAB / Pasal / ayat) of the document."""
    texts = list(
        DocumentPage.objects.filter(document=document).order_by("number").values_list("text", flat=True)
    )
    try:
        nodes = parse_regulation(texts).body
    except Exception:
        # A parser bug must not lose the extracted text; the tree is simply left empty.
        logger.exception("Parsing document %s failed", document.pk)
        nodes = []
    store_structure(document, nodes)


def _already_extracted(document: RegulationDocument, sha256: str) -> bool:
    return document.extracted_sha256 == sha256 and document.extraction_status in SETTLED


def _internal_failure(exc: Exception) -> ExtractionResult:
    detail = f"{type(exc).__name__}: {exc}"[:300]
    return ExtractionResult(ExtractionStatus.FAILED, reasons.INTERNAL_ERROR, {"detail": detail})


def _start_run(document: RegulationDocument, sha256: str, requested_by) -> ExtractionRun:
    RegulationDocument.objects.filter(pk=document.pk).update(
        extraction_status=ExtractionStatus.RUNNING, extraction_reason=""
    )
    document.extraction_status = ExtractionStatus.RUNNING
    run = ExtractionRun.objects.create(
        document=document, status=ExtractionStatus.RUNNING, sha256=sha256, requested_by=requested_by
    )
    return run


def _finish(
    document: RegulationDocument, run: ExtractionRun, outcome: ExtractionResult, started: float
) -> None:
    """Store the pages, close the run and update the document, all in one transaction."""
    seconds = round(time.monotonic() - started, 3)
    reason = reasons.reason_text(outcome.reason_code, outcome.reason_params)
    counts = {
        "page_count": outcome.page_count,
        "pages_with_text": outcome.pages_with_text if outcome.page_count else None,
        "pages_scanned": outcome.pages_scanned if outcome.page_count else None,
    }
    with transaction.atomic():
        DocumentPage.objects.filter(document=document).delete()
        DocumentPage.objects.bulk_create(
            (
                DocumentPage(
                    document=document,
                    number=page.number,
                    text=page.text.replace("\x00", ""),
                    is_ocr=page.is_ocr,
                    is_scan=page.is_scan,
                )
                for page in outcome.pages
            ),
            batch_size=500,
        )
        ExtractionRun.objects.filter(pk=run.pk).update(
            status=outcome.status,
            reason=reason,
            pages_ocr=outcome.pages_ocr if outcome.page_count else None,
            finished_at=timezone.now(),
            seconds=seconds,
            **counts,
        )
        fields = {
            "extraction_status": outcome.status,
            "extraction_reason": reason,
            "extracted_sha256": run.sha256,
            "extraction_seconds": seconds,
            "extracted_at": timezone.now(),
            **counts,
        }
        RegulationDocument.objects.filter(pk=document.pk).update(**fields)
    for name, value in fields.items():
        setattr(document, name, value)
    run.refresh_from_db()

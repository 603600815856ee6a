"""Extract a stored ``RegulationDocument`` and record what was learned (the Django side).

The original file is only ever read: it is opened from storage (or copied to a temporary file when
the storage has no local path), hashed, and handed to the child processes of ``runner``. Results go
to ``DocumentPage`` rows, one ``ExtractionRun`` per run, and the document's extraction fields.

While it waits on the children, the process doing a run beats (``ExtractionRun.heartbeat_at``, with
the pages done); :mod:`.recovery` fails the runs whose process died.
"""

from __future__ import annotations

import contextlib
import dataclasses
import logging
import os
import shutil
import socket
import tempfile
import time
from collections.abc import Iterator
from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from ..choices import ExtractionStatus
from ..models import DocumentPage, ExtractionRun, RegulationDocument
from ..parser import parse_regulation
from ..references import store_references
from ..signals import document_extracted, document_pages_stored
from ..structure import store_structure
from . import reasons
from .recovery import heartbeat_seconds, recover_document, stale_seconds
from .result import ExtractionResult, PageText
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
        fast_path=getattr(settings, "REGISTRY_EXTRACTION_FAST_PATH", True),
        ocr=getattr(settings, "REGISTRY_OCR_ENABLED", True),
        ocr_language=getattr(settings, "REGISTRY_OCR_LANGUAGE", "ind"),
        ocr_dpi=getattr(settings, "REGISTRY_OCR_DPI", 300),
        ocr_timeout_seconds=getattr(settings, "REGISTRY_OCR_TIMEOUT_SECONDS", 900),
        ocr_page_timeout_seconds=getattr(settings, "REGISTRY_OCR_PAGE_TIMEOUT_SECONDS", 180),
        ocr_psm=getattr(settings, "REGISTRY_OCR_PSM", None),
        ocr_cleanup=tuple(getattr(settings, "REGISTRY_OCR_CLEANUP", ())),
        ocr_config=tuple(getattr(settings, "REGISTRY_OCR_CONFIG", ())),
    )
    for name, value in overrides.items():
        setattr(options, name, value)
    return options


def lease_seconds(options: ExtractionOptions) -> float:
    """The longest a run may legitimately take: the text and OCR time limits, plus the stale margin."""
    ocr = options.ocr_timeout_seconds if options.ocr else 0
    return options.timeout_seconds + ocr + stale_seconds()


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
    recover_document(document)
    with contextlib.ExitStack() as stack:
        try:
            path = stack.enter_context(local_path(document.file))
            sha256 = sha256_of_path(path)
        except (OSError, ValueError) as exc:
            run = _start_run(document, "", requested_by, options)
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
        run = _start_run(document, sha256, requested_by, options)
        beating = dataclasses.replace(
            options,
            progress=_Heartbeat(run.pk, heartbeat_seconds()),
            progress_seconds=heartbeat_seconds(),
            on_pages=PageStore(document, run.pk, heartbeat_seconds()),
        )
        try:
            outcome = extract_pdf(path, beating)
        except Exception as exc:
            logger.exception("Extraction of document %s failed", document.pk)
            _finish(document, run, _internal_failure(exc), started)
            raise
    if not _finish(document, run, outcome, started):
        return run
    if outcome.status == ExtractionStatus.DONE:
        _store_structure(document)
    if outcome.ocr_settings:
        logger.info(
            "Extraction run %s OCR'd %s page(s) with %s", run.pk, outcome.pages_ocr, outcome.ocr_settings
        )
    document_extracted.send(
        sender=RegulationDocument, instance=document, run=run, ocr_settings=outcome.ocr_settings
    )
    return run


def _store_structure(document: RegulationDocument) -> None:
    """Parse the stored page texts and keep the document's article tree (BAB / Pasal / ayat) and
    what it says about other regulations (Mengingat, delegations, amended Pasal)."""
    texts = list(
        DocumentPage.objects.filter(document=document).order_by("number").values_list("text", flat=True)
    )
    try:
        parsed = parse_regulation(texts)
    except Exception:
        # A parser bug must not lose the extracted text; the derived rows are simply left empty.
        logger.exception("Parsing document %s failed", document.pk)
        parsed = None
    store_structure(document, parsed.body if parsed else [])
    store_references(document, parsed)


def _already_extracted(document: RegulationDocument, sha256: str) -> bool:
    return document.extracted_sha256 == sha256 and document.extraction_status in SETTLED


def _internal_failure(exc: Exception) -> ExtractionResult:
    detail = f"{type(exc).__name__}: {exc}"[:300]
    return ExtractionResult(ExtractionStatus.FAILED, reasons.INTERNAL_ERROR, {"detail": detail})


def _start_run(
    document: RegulationDocument, sha256: str, requested_by, options: ExtractionOptions
) -> ExtractionRun:
    """Mark the document running and open its run, together (never one without the other)."""
    now = timezone.now()
    with transaction.atomic():
        RegulationDocument.objects.filter(pk=document.pk).update(
            extraction_status=ExtractionStatus.RUNNING, extraction_reason=""
        )
        run = ExtractionRun.objects.create(
            document=document,
            status=ExtractionStatus.RUNNING,
            sha256=sha256,
            requested_by=requested_by,
            heartbeat_at=now,
            lease_expires_at=now + timedelta(seconds=lease_seconds(options)),
            worker=f"{socket.gethostname()}:{os.getpid()}"[:100],
        )
    document.extraction_status = ExtractionStatus.RUNNING
    return run


class _Heartbeat:
    """The runner's progress callback: records the beat and the pages done on the run.

    Writes at most once per ``interval`` seconds, or once a second while pages are coming in. A
    failed write is logged and skipped: the extraction itself goes on.
    """

    def __init__(self, run_pk: int, interval: float):
        self.run_pk = run_pk
        self.interval = interval
        self.written = time.monotonic()
        self.last: tuple | None = None

    def __call__(self, phase: str, done: int, total: int) -> None:
        since = time.monotonic() - self.written
        changed = (phase, done, total) != self.last
        if since < self.interval and not (changed and since >= min(1.0, self.interval)):
            return
        try:
            with transaction.atomic():
                ExtractionRun.objects.filter(pk=self.run_pk, status=ExtractionStatus.RUNNING).update(
                    heartbeat_at=timezone.now(), phase=phase, pages_done=done, pages_total=total or None
                )
        except Exception:
            logger.warning("Heartbeat of extraction run %s failed", self.run_pk, exc_info=True)
            return
        self.written, self.last = time.monotonic(), (phase, done, total)


#: Pages up to this number carry the title block, the considerations and the legal bases: the
#: metadata proposal needs them, so they are stored as soon as they are read.
PROPOSAL_PAGES = 2


class PageStore:
    """The runner's ``on_pages`` callback: stores page texts while the extraction runs.

    The first call (the text layer, before OCR) replaces the document's pages; later calls store OCR'd
    pages, at once for the first ``PROPOSAL_PAGES`` (so the review page can propose the metadata
    before the rest is read), otherwise at most once per ``interval`` seconds. Each stored batch is
    announced with ``document_pages_stored`` (the search index picks up the text). Nothing is written
    once the run is no longer running; ``_finish`` stores the complete outcome in any case.
    """

    def __init__(self, document: RegulationDocument, run_pk: int, interval: float):
        self.document = document
        self.run_pk = run_pk
        self.interval = interval
        self.pending: dict[int, PageText] = {}
        self.replace_all = True
        self.flushed = time.monotonic()
        self.batches = 0

    def __call__(self, pages: list[PageText]) -> None:
        for page in pages:
            self.pending[page.number] = page
        urgent = self.replace_all or any(number <= PROPOSAL_PAGES for number in self.pending)
        if urgent or time.monotonic() - self.flushed >= self.interval:
            self.flush()

    def flush(self) -> None:
        """Write the pending pages now (in one transaction, only while the run is running)."""
        if not self.pending:
            return
        pages = [self.pending[number] for number in sorted(self.pending)]
        self.pending = {}
        self.flushed = time.monotonic()
        try:
            with transaction.atomic():
                alive = ExtractionRun.objects.filter(pk=self.run_pk, status=ExtractionStatus.RUNNING).update(
                    heartbeat_at=timezone.now()
                )
                if not alive:
                    return
                stored = DocumentPage.objects.filter(document=self.document)
                if not self.replace_all:
                    stored = stored.filter(number__in=[page.number for page in pages])
                stored.delete()
                DocumentPage.objects.bulk_create(
                    (_page_row(self.document, page) for page in pages), batch_size=500
                )
        except Exception:
            logger.warning("Storing pages of extraction run %s failed", self.run_pk, exc_info=True)
            return
        self.replace_all = False
        self.batches += 1
        document_pages_stored.send(
            sender=RegulationDocument, instance=self.document, numbers=[page.number for page in pages]
        )


def _page_row(document: RegulationDocument, page: PageText) -> DocumentPage:
    """The row of one page, with the same fields as ``_finish`` stores."""
    return DocumentPage(
        document=document,
        number=page.number,
        text=page.text.replace("\x00", ""),
        is_ocr=page.is_ocr,
        is_scan=page.is_scan,
        ocr_words=page.ocr_words,
    )


def _finish(
    document: RegulationDocument, run: ExtractionRun, outcome: ExtractionResult, started: float
) -> bool:
    """Store the pages, close the run and update the document, all in one transaction.

    Returns False, storing nothing, when the run was meanwhile declared dead by the sweep.
    """
    seconds = round(time.monotonic() - started, 3)
    reason = reasons.reason_text(outcome.reason_code, outcome.reason_params)
    counts = {
        "page_count": outcome.page_count,
        "pages_with_text": outcome.pages_with_text if outcome.page_count else None,
        "pages_scanned": outcome.pages_scanned if outcome.page_count else None,
    }
    with transaction.atomic():
        closed = ExtractionRun.objects.filter(pk=run.pk, status=ExtractionStatus.RUNNING).update(
            status=outcome.status,
            reason=reason,
            pages_ocr=outcome.pages_ocr if outcome.page_count else None,
            finished_at=timezone.now(),
            seconds=seconds,
            fast_path=outcome.fast_path,
            fast_path_fallbacks=outcome.fast_path_fallbacks,
            ocr_settings=outcome.ocr_settings if outcome.pages_ocr else {},
            **counts,
        )
        if not closed:
            logger.warning("Extraction run %s was declared dead meanwhile; its outcome is dropped", run.pk)
            run.refresh_from_db()
            return False
        DocumentPage.objects.filter(document=document).delete()
        DocumentPage.objects.bulk_create(
            (_page_row(document, page) for page in outcome.pages),
            batch_size=500,
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
    return True

"""Run an extraction in child processes, with a wall-clock deadline and a memory cap.

The parent never parses the PDF. It forks children from a fork server that has pdfminer preloaded
(a fork costs milliseconds, and the children carry none of Django's state), hands each child every
n-th page (page i goes to child i mod n, which balances uneven pages better than contiguous ranges),
and reads page texts from pipes until every child is done or the deadline passes; then it kills
the children's process groups. A hostile PDF can therefore cost at most ``timeout_seconds`` and
``memory_mb`` per child, and never the caller's life.

Scanned pages are OCR'd afterwards by children that take them from one shared queue in page order
(the title page first), and each finished page is handed to ``ExtractionOptions.on_pages`` at once.
The child processes themselves are managed by ``children``. The result says whether the pages were
read on the fast path and how many content streams it left to pdfminer's own parser; those
fallbacks are logged (INFO) with their reasons.
"""

from __future__ import annotations

import logging
import os
import signal
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field

from . import result, worker
from .children import ChildReport, get_context, run_children
from .ocr import missing_ocr_tool
from .ocr_image import OcrSettings
from .result import ExtractionResult, PageText
from .sniff import HEADER_WINDOW, sniff_bytes
from .textlayer import use_fast_path

logger = logging.getLogger(__name__)


@dataclass
class ExtractionOptions:
    """Limits and choices for one extraction (the Django side fills them from settings)."""

    timeout_seconds: float = 120
    memory_mb: int = 1536
    workers: int = field(default_factory=lambda: os.cpu_count() or 1)
    laparams: dict | None = None
    #: Read content streams with ``fastparse`` and glyphs with ``LineDevice`` (setting
    #: ``REGISTRY_EXTRACTION_FAST_PATH``); off, or on a pdfminer it was not checked against, pdfminer's
    #: own interpreter and glyph code read the pages (same texts, about five times slower).
    fast_path: bool = True
    ocr: bool = True
    ocr_language: str = "ind"
    ocr_dpi: int = 300
    ocr_timeout_seconds: float = 900
    ocr_page_timeout_seconds: float = 180
    #: Tesseract's page segmentation mode (None: its default), the image clean-up steps and ``-c``
    #: variables (see ``ocr_image``; settings ``REGISTRY_OCR_PSM``, ``_CLEANUP``, ``_CONFIG``).
    ocr_psm: int | None = None
    ocr_cleanup: tuple[str, ...] = ()
    ocr_config: tuple[str, ...] = ()
    #: How pdftoppm hands the page to Tesseract: "pgm" (uncompressed) or "png" (the earlier path).
    ocr_image_format: str = "pgm"
    #: True: the children take scanned pages from one shared queue in page order (the title page
    #: first) and ``on_pages`` receives them as they finish. False: the earlier path (each child gets
    #: every n-th page up front, pages only in the final result), kept as the benchmark's baseline.
    ocr_queue: bool = True
    #: Called in the parent as ``on_pages(pages)``: once with the text-layer pages when OCR is about
    #: to start (scanned pages still empty), then with each batch of newly OCR'd pages. Like
    #: ``progress``, it must be quick and never raise.
    on_pages: Callable[[list[PageText]], None] | None = None
    #: Called as ``progress(phase, pages_done, pages_total)`` ("text" or "ocr"; total 0 while unknown)
    #: after every message from the children and at least every ``progress_seconds`` while waiting,
    #: so the caller can record a heartbeat. It runs in the parent; it must be quick and never raise.
    progress: Callable[[str, int, int], None] | None = None
    progress_seconds: float = 5.0


def _split(items: list, parts: int) -> list[list]:
    """Deal ``items`` into at most ``parts`` non-empty hands, round robin."""
    parts = max(1, min(parts, len(items)))
    return [items[index::parts] for index in range(parts)]


def extract_pdf(path: str, options: ExtractionOptions | None = None) -> ExtractionResult:
    """Extract the text of every page of the PDF at ``path``; never raises for a bad file."""
    options = options or ExtractionOptions()
    started = time.monotonic()
    with open(path, "rb") as fileobj:
        sniffed = sniff_bytes(fileobj.read(HEADER_WINDOW))
    if not sniffed.is_pdf:
        code = result.EMPTY_FILE if sniffed.kind == "empty" else result.NOT_PDF
        outcome = ExtractionResult(result.FAILED, code, {"what": sniffed.detail})
        outcome.seconds = time.monotonic() - started
        return outcome
    outcome = _text_phase(path, options, started)
    outcome.text_seconds = time.monotonic() - started
    if outcome.status == result.DONE:
        _ocr_phase(path, options, outcome)
    outcome.seconds = time.monotonic() - started
    outcome.ocr_seconds = max(0.0, outcome.seconds - outcome.text_seconds) if outcome.pages_ocr else 0.0
    return outcome


def _text_phase(path: str, options: ExtractionOptions, started: float) -> ExtractionResult:
    memory = options.memory_mb * 1024 * 1024 if options.memory_mb else None
    workers = max(1, options.workers)
    fast_path = use_fast_path(options.fast_path)
    args = [(path, index, workers, options.laparams, memory, fast_path) for index in range(workers)]
    report = run_children(
        worker.text_worker,
        args,
        started + options.timeout_seconds,
        *_progress(options, "text", lambda report: report.page_count),
    )
    pages = [report.pages[number] for number in sorted(report.pages)]
    outcome = ExtractionResult(result.DONE, pages=pages, workers=workers)
    outcome.peak_rss_kb = max(report.peak_rss_kb, default=0)
    outcome.peak_rss_kb_total = sum(report.peak_rss_kb)
    outcome.cpu_seconds = report.cpu_seconds
    outcome.page_count = report.page_count or (len(pages) if pages else None)
    outcome.fast_path = fast_path
    outcome.fast_path_fallbacks = _count_fallbacks(path, pages)
    error = report.first_error()
    if report.timed_out:
        _fail(outcome, result.FAILED, result.TIMEOUT, seconds=_number(options.timeout_seconds))
    elif error and error[0] == result.ENCRYPTED:
        _fail(outcome, result.NEEDS_PASSWORD, result.ENCRYPTED)
    elif (error and error[0] == result.MEMORY) or report.incomplete:
        _fail(outcome, result.FAILED, result.MEMORY, megabytes=options.memory_mb)
    elif error:
        _fail(outcome, result.FAILED, error[0], detail=error[1])
    elif report.crashes:
        _fail(outcome, result.FAILED, result.CRASHED, detail=_exit_detail(report.crashes[0]))
    elif not report.page_count:
        _fail(outcome, result.FAILED, result.NO_PAGES)
    else:
        outcome.pages = [
            report.pages.get(n) or PageText(n, error="halaman tidak terbaca")
            for n in range(1, report.page_count + 1)
        ]
        unreadable = [page for page in outcome.pages if page.error]
        if unreadable and len(unreadable) == len(outcome.pages):
            _fail(outcome, result.FAILED, result.DAMAGED, detail=unreadable[0].error)
        elif unreadable:
            outcome.reason_code = result.PAGES_UNREADABLE
            outcome.reason_params = {
                "count": len(unreadable),
                "pages": ", ".join(str(page.number) for page in unreadable[:10]),
                "detail": unreadable[0].error,
            }
    return outcome


def _count_fallbacks(path: str, pages: list[PageText]) -> int:
    """How many content streams the fast path left to pdfminer's parser; logs them with their reasons."""
    reasons = Counter(reason for page in pages for reason in page.fallbacks)
    total = sum(reasons.values())
    if total:
        numbers = [str(page.number) for page in pages if page.fallbacks]
        logger.info(
            "Fast path: %d content stream(s) of %s read by pdfminer's own parser (pages %s): %s",
            total,
            path,
            ", ".join(numbers[:20]) + (", …" if len(numbers) > 20 else ""),
            "; ".join(f"{reason} ×{count}" for reason, count in reasons.most_common()),
        )
    return total


def ocr_settings(options: ExtractionOptions) -> OcrSettings:
    """The OCR settings named by ``options``, without clean-up steps this machine cannot run."""
    return OcrSettings(
        language=options.ocr_language,
        dpi=options.ocr_dpi,
        psm=options.ocr_psm,
        cleanup=tuple(options.ocr_cleanup),
        config=tuple(options.ocr_config),
        image_format=options.ocr_image_format,
    ).usable()


def _ocr_phase(path: str, options: ExtractionOptions, outcome: ExtractionResult) -> None:
    """OCR the scanned pages in place, or say why they could not be read."""
    scanned = [page.number for page in outcome.pages if page.is_scan and not page.is_ocr]
    if not scanned:
        if not outcome.pages_with_text and not outcome.reason_code:
            outcome.reason_code = result.NO_TEXT
        return
    missing = "disabled" if not options.ocr else missing_ocr_tool(options.ocr_language)
    if missing:
        params = {"count": len(scanned), "tool": missing, "language": options.ocr_language}
        _fail(outcome, result.NEEDS_OCR, result.OCR_MISSING, **params)
        return
    memory = options.memory_mb * 1024 * 1024 if options.memory_mb else None
    settings = ocr_settings(options)
    outcome.ocr_settings = settings.as_dict()
    by_number = {page.number: page for page in outcome.pages}
    if options.ocr_queue:
        # Page order: the title page first, so the metadata can be proposed before the rest is read.
        numbers = sorted(scanned)
        next_index = get_context().Value("i", 0)
        workers = max(1, min(options.workers, len(numbers)))
        target = worker.ocr_queue_worker
        args = [(path, numbers, next_index, settings, options.ocr_page_timeout_seconds, memory)] * workers
        if options.on_pages is not None:
            options.on_pages(list(outcome.pages))
    else:
        target = worker.ocr_worker
        args = [
            (path, hand, settings.language, settings.dpi, options.ocr_page_timeout_seconds, memory, settings)
            for hand in _split(scanned, options.workers)
        ]
    report = run_children(
        target,
        args,
        time.monotonic() + options.ocr_timeout_seconds,
        *_ocr_progress(options, len(scanned), by_number),
    )
    for number, page in report.pages.items():
        page.image_coverage = by_number[number].image_coverage
        by_number[number] = page
    outcome.pages = [by_number[number] for number in sorted(by_number)]
    outcome.peak_rss_kb = max([outcome.peak_rss_kb, *report.peak_rss_kb])
    outcome.cpu_seconds += report.cpu_seconds
    unread = [number for number in scanned if number not in report.pages]
    if report.timed_out:
        _fail(
            outcome,
            result.NEEDS_OCR,
            result.OCR_TIMEOUT,
            seconds=_number(options.ocr_timeout_seconds),
            missing=len(unread),
        )
    elif unread:
        detail = next(iter(report.ocr_errors.values()), "") or _exit_detail(next(iter(report.crashes), 0))
        _fail(outcome, result.NEEDS_OCR, result.OCR_FAILED, count=len(unread), detail=detail)


def _ocr_progress(options: ExtractionOptions, total: int, by_number: dict[int, PageText]) -> tuple:
    """``run_children``'s progress arguments for the OCR phase: the heartbeat, and (on the queue
    path) each newly OCR'd page handed to ``options.on_pages`` once."""
    beat, _tick = _progress(options, "ocr", lambda report: total)
    deliver = options.on_pages if options.ocr_queue else None
    if beat is None and deliver is None:
        return (None, None)
    delivered: set[int] = set()

    def report_progress(report: ChildReport) -> None:
        if beat is not None:
            beat(report)
        fresh = [report.pages[number] for number in sorted(report.pages) if number not in delivered]
        if deliver is not None and fresh:
            for page in fresh:
                page.image_coverage = by_number[page.number].image_coverage
            delivered.update(page.number for page in fresh)
            deliver(fresh)

    return (report_progress, options.progress_seconds)


def _progress(options: ExtractionOptions, phase: str, total) -> tuple:
    """``run_children``'s progress arguments reporting ``phase`` to ``options.progress``, if any."""
    if options.progress is None:
        return (None, None)
    callback = options.progress
    callback(phase, 0, total(ChildReport()))

    def report_progress(report: ChildReport) -> None:
        callback(phase, len(report.pages), total(report))

    return (report_progress, options.progress_seconds)


def _fail(outcome: ExtractionResult, status: str, code: str, **params) -> None:
    outcome.status = status
    outcome.reason_code = code
    outcome.reason_params = params


def _number(value: float) -> int | float:
    return int(value) if float(value).is_integer() else value


def _exit_detail(exitcode: int) -> str:
    """How a child ended, for the reason text (a negative exit code is a signal)."""
    if exitcode < 0:
        try:
            name = signal.Signals(-exitcode).name
        except ValueError:
            name = str(-exitcode)
        return f"sinyal {name}"
    return f"kode keluar {exitcode}"

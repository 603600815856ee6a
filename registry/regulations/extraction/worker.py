"""Entry points that run inside the extraction child processes.

Each child limits its own address space (RLIMIT_AS), becomes the leader of a new process group (so
that a timeout kills it together with any pdftoppm/tesseract it started) and streams its results to
the parent through a pipe, one message per page:

* ``("page", PageText)`` — one page's text;
* ``("count", n)`` — the number of pages in the document;
* ``("error", code, detail)`` — the document could not be read (codes from ``result.py``);
* ``("ocr_error", number, detail)`` — one scanned page could not be recognised;
* ``("done", peak_rss_kb, completed, cpu_seconds)`` — the child finished (``completed`` is false
  when it could not deliver its result); nothing follows.

This module is preloaded by the fork server, so it imports pdfminer once for every child, and
checks there, once, whether the fast path may run on the installed pdfminer (the children inherit
the answer, and the warning, if any, is logged once).
"""

from __future__ import annotations

import contextlib
import logging
import os
import resource

from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect

from . import result
from .ocr import OcrError, ocr_page
from .result import PageText
from .textlayer import extract_pages, use_fast_path

use_fast_path()


def limit_memory(memory_bytes: int | None) -> None:
    """Cap this process's address space; allocations beyond it raise MemoryError."""
    if not memory_bytes:
        return
    _soft, hard = resource.getrlimit(resource.RLIMIT_AS)
    limit = memory_bytes if hard == resource.RLIM_INFINITY else min(memory_bytes, hard)
    resource.setrlimit(resource.RLIMIT_AS, (limit, hard))


def peak_rss_kb() -> int:
    """The largest resident set of this process or any child it waited for, in KiB."""
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return max(own, children)


def cpu_seconds() -> float:
    """CPU time (user + system) used by this process and the children it waited for."""
    own = resource.getrusage(resource.RUSAGE_SELF)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def _start(memory_bytes: int | None) -> None:
    # pdfminer warns about every recoverable oddity of a damaged file; the outcome is what counts.
    logging.getLogger("pdfminer").setLevel(logging.ERROR)
    with contextlib.suppress(OSError):
        os.setpgid(0, 0)
    limit_memory(memory_bytes)


def _send(conn, message) -> bool:
    try:
        conn.send(message)
    except (OSError, ValueError, MemoryError):
        return False
    return True


def describe_error(exc: BaseException) -> str:
    """A one-line description of an exception raised by pdfminer."""
    text = str(exc).strip()
    return (f"{type(exc).__name__}: {text}" if text else type(exc).__name__)[:300]


def text_worker(conn, path, index, count, laparams, memory_bytes, fast_path=True, password="") -> None:
    """Extract the pages whose number is ``index`` modulo ``count`` (numbers counted from 0).

    ``fast_path`` false reads the pages with pdfminer's own interpreter and glyph code.
    """
    _start(memory_bytes)
    outcome = None
    try:
        with open(path, "rb") as fileobj:
            pages = extract_pages(
                fileobj,
                lambda number: (number - 1) % count == index,
                lambda page: conn.send(("page", page)),
                laparams=laparams,
                password=password,
                fast_path=fast_path,
            )
        outcome = ("count", pages)
    except PDFPasswordIncorrect:
        outcome = ("error", result.ENCRYPTED, "")
    except PDFEncryptionError as exc:
        outcome = ("error", result.ENCRYPTION_UNSUPPORTED, describe_error(exc))
    except MemoryError:
        outcome = ("error", result.MEMORY, "")
    except RecursionError:
        outcome = ("error", result.DAMAGED, "struktur objek bersarang terlalu dalam")
    except Exception as exc:  # anything pdfminer raises on a damaged file
        outcome = ("error", result.DAMAGED, describe_error(exc))
    # Sent outside the except blocks, once the failed work (and its memory) has been released.
    completed = _send(conn, outcome)
    _send(conn, ("done", peak_rss_kb(), completed, cpu_seconds()))
    conn.close()


def ocr_worker(conn, path, numbers, language, dpi, page_timeout, memory_bytes, settings=None) -> None:
    """Recognise the scanned pages ``numbers`` one after another (the round-robin path)."""
    _start(memory_bytes)
    completed = False
    try:
        for number in numbers:
            _ocr_one(conn, path, number, language, dpi, page_timeout, settings)
        completed = True
    except MemoryError:
        pass
    _send(conn, ("done", peak_rss_kb(), completed, cpu_seconds()))
    conn.close()


def ocr_queue_worker(conn, path, numbers, next_index, settings, page_timeout, memory_bytes) -> None:
    """Recognise scanned pages taken one at a time from the shared queue ``numbers``.

    ``next_index`` is a shared integer (``multiprocessing.Value``): every child takes the next page
    under its lock, so the pages are started in the order given (the title page first) by whichever
    child is free, and a slow page holds up only the child reading it.
    """
    _start(memory_bytes)
    completed = False
    try:
        while True:
            with next_index.get_lock():
                index = next_index.value
                next_index.value = index + 1
            if index >= len(numbers):
                break
            _ocr_one(conn, path, numbers[index], settings.language, settings.dpi, page_timeout, settings)
        completed = True
    except MemoryError:
        pass
    _send(conn, ("done", peak_rss_kb(), completed, cpu_seconds()))
    conn.close()


def _ocr_one(conn, path, number, language, dpi, page_timeout, settings) -> None:
    """OCR one page and send its text, or the reason it could not be read (a timeout included)."""
    words: dict = {}
    try:
        text = ocr_page(path, number, language, dpi=dpi, timeout=page_timeout, settings=settings, words=words)
    except OcrError as exc:
        conn.send(("ocr_error", number, str(exc)))
        return
    conn.send(
        ("page", PageText(number=number, text=text, is_scan=True, is_ocr=True, ocr_words=words or None))
    )

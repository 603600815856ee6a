"""The extraction's child processes: started from a fork server, read through pipes, killed on time.

``run_children`` starts one child per argument tuple from a fork server that has the ``worker``
module (and pdfminer) preloaded, collects the children's messages (see ``worker``) into a
``ChildReport`` until they are done or the deadline passes, then kills the children's process groups.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import os
import signal
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from multiprocessing.connection import wait

from . import result, worker
from .result import PageText

_context = None

#: Worse errors first: when children disagree, the first of these found is reported.
_ERROR_PRIORITY = [
    result.ENCRYPTED,
    result.ENCRYPTION_UNSUPPORTED,
    result.MEMORY,
    result.DAMAGED,
]


def get_context():
    """The fork-server multiprocessing context, with the worker module (and pdfminer) preloaded."""
    global _context
    if _context is None:
        context = multiprocessing.get_context("forkserver")
        context.set_forkserver_preload([worker.__name__])
        _context = context
    return _context


@dataclass
class ChildReport:
    """What a group of children sent, and how they ended."""

    pages: dict[int, PageText] = field(default_factory=dict)
    page_count: int = 0
    errors: list[tuple[str, str]] = field(default_factory=list)
    ocr_errors: dict[int, str] = field(default_factory=dict)
    timed_out: bool = False
    crashes: list[int] = field(default_factory=list)
    incomplete: int = 0
    cpu_seconds: float = 0.0
    peak_rss_kb: list[int] = field(default_factory=list)

    def first_error(self) -> tuple[str, str] | None:
        """The most telling error reported by any child."""
        for code in _ERROR_PRIORITY:
            for found, detail in self.errors:
                if found == code:
                    return found, detail
        return self.errors[0] if self.errors else None


def _kill_group(process) -> None:
    """Kill a child and everything it started (it leads its own process group)."""
    if process.pid is None:
        return
    with contextlib.suppress(ProcessLookupError, PermissionError):
        os.killpg(process.pid, signal.SIGKILL)
    if process.is_alive():
        process.kill()


def run_children(
    target,
    arg_lists: list[tuple],
    deadline: float,
    on_progress: Callable[[ChildReport], None] | None = None,
    tick_seconds: float | None = None,
) -> ChildReport:
    """Start one child per argument tuple and collect their messages until done or ``deadline``.

    ``on_progress(report)`` is called after each round of messages, and every ``tick_seconds`` when
    the children are silent.
    """
    context = get_context()
    report = ChildReport()
    children = []
    for args in arg_lists:
        reader, writer = context.Pipe(duplex=False)
        process = context.Process(target=target, args=(writer, *args), daemon=True)
        process.start()
        writer.close()
        children.append((process, reader))
    finished: set = set()
    answered: set = set()
    readers = {reader: process for process, reader in children}
    while readers:
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            report.timed_out = True
            break
        if on_progress is not None and tick_seconds:
            remaining = min(remaining, tick_seconds)
        for reader in wait(list(readers), timeout=remaining):
            try:
                message = reader.recv()
            except Exception:  # EOF: the child is gone (or sent something unreadable)
                readers.pop(reader).join(timeout=5)
                reader.close()
                continue
            _record(report, message, readers[reader], finished, answered)
        if on_progress is not None:
            on_progress(report)
    for process, reader in children:
        if process.is_alive() and (report.timed_out or process not in finished):
            _kill_group(process)
        process.join(timeout=5)
        if process.is_alive():
            process.kill()
            process.join()
        if report.timed_out:
            pass
        elif process not in finished:
            report.crashes.append(process.exitcode if process.exitcode is not None else 0)
        elif process not in answered:
            # Alive to the end but unable to send its result: only a full address space does that.
            report.incomplete += 1
        reader.close()
        process.close()
    return report


def _record(report: ChildReport, message, process, finished: set, answered: set) -> None:
    if not isinstance(message, tuple) or not message:
        return
    kind = message[0]
    if kind == "page":
        page = message[1]
        report.pages[page.number] = page
    elif kind == "count":
        report.page_count = max(report.page_count, message[1])
    elif kind == "error":
        report.errors.append((message[1], message[2]))
    elif kind == "ocr_error":
        report.ocr_errors[message[1]] = message[2]
    elif kind == "done":
        report.peak_rss_kb.append(message[1])
        report.cpu_seconds += message[3]
        finished.add(process)
        if message[2]:
            answered.add(process)

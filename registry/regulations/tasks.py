"""Background tasks of the regulations app (django-tasks; immediate in development and tests).

An extraction can take minutes (OCR of a long scan), so a web request never runs it itself: with
the database backend it goes to the ``extraction`` queue; with immediate tasks (the embedded default)
and ``REGISTRY_EXTRACTION_IN_BACKGROUND``, an extraction requested while serving a web request runs
in a background thread of the same process, started once the request's transaction commits.
Commands (``load_demo``, ``ingest_pdfs``) and tests extract in the foreground. If the process dies
mid-way, the run stops beating and ``pipeline.sweep_stale_runs`` records it as failed.
"""

import logging
import threading
import time
from contextvars import ContextVar

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import connections, transaction
from django_tasks import task
from django_tasks.backends.immediate import ImmediateBackend

from .extraction.pipeline import extract_document
from .models import RegulationDocument

logger = logging.getLogger(__name__)

#: Whether this thread (or async context) is serving a web request (set by Django's request signals).
_serving_request: ContextVar[bool] = ContextVar("registri_serving_request", default=False)
_threads: set[threading.Thread] = set()
_threads_lock = threading.Lock()


@task(queue_name="extraction")
def extract_document_task(document_id: int, force: bool = False, requested_by_id: int | None = None) -> str:
    """Extract one document's text in child processes and record the outcome.

    Returns the resulting status, "unchanged" when the same file was already extracted, or
    "missing" when the document was deleted before the task ran.
    """
    document = RegulationDocument.objects.filter(pk=document_id).first()
    if document is None:
        return "missing"
    requested_by = None
    if requested_by_id is not None:
        requested_by = get_user_model().objects.filter(pk=requested_by_id).first()
    run = extract_document(document, force=force, requested_by=requested_by)
    return run.status if run is not None else "unchanged"


def note_request_started(**kwargs) -> None:
    """``request_started`` receiver: extractions requested from now on come from a web request."""
    _serving_request.set(True)


def note_request_finished(**kwargs) -> None:
    """``request_finished`` receiver."""
    _serving_request.set(False)


def extracts_in_background() -> bool:
    """Whether an extraction requested now would run in a background thread (see the module doc)."""
    return (
        bool(getattr(settings, "REGISTRY_EXTRACTION_IN_BACKGROUND", False))
        and _serving_request.get()
        and isinstance(extract_document_task.get_backend(), ImmediateBackend)
    )


def request_extraction(
    document_id: int,
    *,
    force: bool = False,
    requested_by_id: int | None = None,
    background: bool | None = None,
    after_commit: bool = True,
) -> bool:
    """Queue an extraction of a document, or start it in a background thread; True for the thread.

    ``background`` None decides by :func:`extracts_in_background`. ``after_commit`` waits for the
    current transaction to commit (so the extraction sees the saved document).
    """
    kwargs = {}
    if force:
        kwargs["force"] = True
    if requested_by_id is not None:
        kwargs["requested_by_id"] = requested_by_id
    if background is None:
        background = extracts_in_background()
    if background:

        def start():
            start_background_extraction(document_id, **kwargs)
    else:

        def start():
            extract_document_task.enqueue(document_id, **kwargs)

    if after_commit:
        transaction.on_commit(start)
    else:
        start()
    return background


def start_background_extraction(document_id: int, **kwargs) -> threading.Thread:
    """Run the extraction task in a new thread of this process.

    Not a daemon: an orderly shutdown waits for it; a killed process leaves a run that the sweep fails.
    """
    thread = threading.Thread(
        target=_extract_in_thread,
        args=(document_id,),
        kwargs=kwargs,
        name=f"registri-extraction-{document_id}",
    )
    with _threads_lock:
        _threads.add(thread)
    thread.start()
    return thread


def _extract_in_thread(document_id: int, **kwargs) -> None:
    try:
        extract_document_task.enqueue(document_id, **kwargs)
    except Exception:
        logger.exception("Background extraction of document %s failed", document_id)
    finally:
        connections.close_all()
        with _threads_lock:
            _threads.discard(threading.current_thread())


def wait_for_background_extractions(timeout: float | None = None) -> bool:
    """Wait until the background extractions of this process end; False if some still run."""
    deadline = None if timeout is None else time.monotonic() + timeout
    while True:
        with _threads_lock:
            pending = [thread for thread in _threads if thread.is_alive()]
        if not pending:
            return True
        remaining = None if deadline is None else deadline - time.monotonic()
        if remaining is not None and remaining <= 0:
            return False
        pending[0].join(remaining)

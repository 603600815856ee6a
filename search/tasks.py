"""Index maintenance as django-tasks tasks on the "search" queue, with replay of missed updates."""

import logging

from django.db import transaction
from django_tasks import task

from .backends import SearchUnavailable, get_elasticsearch_backend, writable_backends
from .models import PendingIndexOperation
from .registry import registry

logger = logging.getLogger(__name__)


def _apply(backend, source, pk) -> bool:
    """Write one object's documents to one engine; queue the work when the engine is away."""
    try:
        backend.replace(source.owner(pk), source.documents(pk))
        return True
    except SearchUnavailable as exc:
        if backend.is_database:
            raise
        logger.warning("Search engine %s unavailable, queued %s %s: %s", backend.name, source.name, pk, exc)
        with transaction.atomic():
            operation, created = PendingIndexOperation.objects.get_or_create(
                engine=backend.name, source=source.name, object_pk=str(pk), defaults={"error": str(exc)}
            )
            if not created:
                operation.attempts += 1
                operation.error = str(exc)
                operation.save(update_fields=["attempts", "error"])
        return False


def refresh_object(source_name: str, pk) -> None:
    """Bring every engine in step with one object (index it if published, else delete it)."""
    source = registry.get(source_name)
    for backend in writable_backends():
        if _apply(backend, source, pk) and not backend.is_database:
            replay_pending(backend)


def replay_pending(backend=None) -> int:
    """Apply the updates an engine missed while it was away; return how many were replayed."""
    backend = backend or get_elasticsearch_backend()
    if backend is None:
        return 0
    replayed = 0
    for operation in PendingIndexOperation.objects.filter(engine=backend.name):
        try:
            source = registry.get(operation.source)
        except KeyError:
            operation.delete()
            continue
        try:
            backend.replace(source.owner(operation.object_pk), source.documents(operation.object_pk))
        except SearchUnavailable:
            break
        operation.delete()
        replayed += 1
    return replayed


@task(queue_name="search")
def refresh_object_task(source_name: str, pk: str) -> None:
    """Task form of :func:`refresh_object`."""
    refresh_object(source_name, pk)


@task(queue_name="search")
def rebuild_elasticsearch_task() -> int:
    """Rebuild the Elasticsearch index (after synonyms change: they are compiled into its analyzer)."""
    backend = get_elasticsearch_backend()
    if backend is None:
        return 0
    count = backend.rebuild(registry.iter_documents())
    PendingIndexOperation.objects.filter(engine=backend.name).delete()
    return count


def enqueue_refresh(source_name: str, pk) -> None:
    """Queue a refresh of one object.

    Enqueued inside the caller's transaction on purpose: with django-tasks-db the task row commits
    or rolls back with the change that caused it; with the immediate backend it runs at once on the
    same connection and sees the change.
    """
    refresh_object_task.enqueue(source_name, str(pk))

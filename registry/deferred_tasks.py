"""Run derived-data tasks once per distinct call after a bulk write, instead of after every save.

With the immediate task backend every page save runs the search, coverage and index tasks at once;
a bulk write (the demo loader, a batch of the JDIHN import) saves the same objects several times
(insert, revision, publish), so most of those runs are wasted. Inside :func:`deferred_tasks`
enqueued tasks are collected, and on exit each distinct (task, arguments) call runs once, in
first-enqueued order; if the block raises, nothing is replayed. Calls of one task whose only
argument is a list of ids (the coverage recomputation, for instance) are merged into a single call
with the union of the ids. Other backends (a database queue in production) already defer work, so
they are left untouched. The backend instance is per thread (Django's connection handler), so only
the calling thread's tasks are collected.
"""

from contextlib import contextmanager

from django_tasks import DEFAULT_TASK_BACKEND_ALIAS, task_backends
from django_tasks.backends.dummy import DummyBackend
from django_tasks.backends.immediate import ImmediateBackend


def _call_key(result):
    return (result.task.module_path, repr(result.args), repr(sorted(result.kwargs.items())))


@contextmanager
def deferred_tasks():
    """Collect tasks enqueued on an immediate backend and replay each distinct call once on exit.

    Yields the number of distinct calls replayed (as a one-item list, filled in on exit).
    """
    backend = task_backends[DEFAULT_TASK_BACKEND_ALIAS]
    replayed = [0]
    if not isinstance(backend, ImmediateBackend):
        yield replayed
        return
    collector = DummyBackend(backend.alias, {"QUEUES": list(backend.queues)})
    backend.enqueue = collector.enqueue
    try:
        yield replayed
    finally:
        del backend.enqueue
    calls = _distinct_calls(collector.results)
    # Replaying can enqueue further tasks; they run immediately now that the backend is restored.
    for task, args, kwargs in calls:
        backend.enqueue(task, args, kwargs)
    replayed[0] = len(calls)


def _distinct_calls(results) -> list[tuple]:
    """(task, args, kwargs) per distinct call; single-list-argument calls of a task merged into one."""
    calls, seen, merged = [], set(), {}
    for result in results:
        args, kwargs = list(result.args), dict(result.kwargs)
        if len(args) == 1 and isinstance(args[0], list) and not kwargs:
            path = result.task.module_path
            if path in merged:
                merged[path].extend(pk for pk in args[0] if pk not in merged[path])
                continue
            merged[path] = list(args[0])
            calls.append((result.task, [merged[path]], {}))
            continue
        key = _call_key(result)
        if key not in seen:
            seen.add(key)
            calls.append((result.task, args, kwargs))
    return calls

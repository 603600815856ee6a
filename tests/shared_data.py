"""Test data built once for a module (or class) of pytest tests, as ``setUpTestData`` does for a TestCase.

A module-scoped fixture opens a transaction, builds the data and yields it; every test of the module
then runs in a savepoint inside that transaction (pytest-django's ``db`` nests its atomic block), so
what a test writes is rolled back after it, and the shared data is rolled back after the module's
last test. Each test gets a deep copy of the built objects (as Django's ``TestData`` gives each test
method its own copy), so a test that changes an instance in memory does not change the next test's.

Use it only in modules whose database tests are not transactional (``transaction=True`` would flush
the shared data); :func:`shared_copy` refuses them. Tests of the module that do not ask for the
fixture run after it was built see its rows too, so keep such fixtures to modules where every
database test uses them, or where the others read nothing the data could change.
"""

import copy
from collections.abc import Callable, Iterator
from typing import TypeVar

import pytest
from django.db import transaction

T = TypeVar("T")


def build_shared(django_db_blocker, build: Callable[[], T]) -> Iterator[T]:
    """Generator for a module- or class-scoped fixture: ``yield from build_shared(django_db_blocker, build)``."""
    with django_db_blocker.unblock():
        atomic = transaction.atomic()
        atomic.__enter__()
        try:
            data = build()
        except BaseException:
            transaction.set_rollback(True)
            atomic.__exit__(None, None, None)
            raise
    try:
        yield data
    finally:
        with django_db_blocker.unblock():
            transaction.set_rollback(True)
            atomic.__exit__(None, None, None)


def shared_copy(request, data: T) -> T:
    """The test's own deep copy of shared data; fails for a transactional test, which would flush it."""
    marker = request.node.get_closest_marker("django_db")
    if marker is not None and (marker.kwargs.get("transaction") or (marker.args and marker.args[0])):
        pytest.fail(
            f"{request.node.nodeid}: shared test data cannot serve a transactional test (transaction=True)"
        )
    return copy.deepcopy(data)

"""Fixtures shared by the whole suite, and the strict-skip rule for CI.

A test that needs something the machine lacks (Chromium, Tesseract, the corpus …) skips with a reason
on a laptop. Under CI (``CI=true``) or with ``REGISTRI_STRICT_SKIPS=1`` such a skip is reported as a
failure instead, so a missing system dependency can never turn the build green by silently running
fewer tests. A test whose server is genuinely optional in CI (the live search-cluster suite when
neither ``OPENSEARCH_URL`` nor ``ELASTICSEARCH_URL`` is set) says so with
``@pytest.mark.optional_service("reason")`` and keeps its skip; once one of those URLs is set, the
server is there to be used, and under strict skips such a skip fails the run too (CI's live run).
``REGISTRI_STRICT_SKIPS=0`` turns the rule off even under CI.
"""

import os
from pathlib import Path

import pytest

REPO_ROOT = Path(__file__).resolve().parent.parent
CORPUS_DIR = REPO_ROOT.parent / "shared" / "corpus"

_TRUE = {"1", "true", "yes", "on"}
_STRICT_KEY = pytest.StashKey[bool]()
_SERVICE_KEY = pytest.StashKey[str]()
#: Setting any of these says a live search server is there: optional_service skips then count.
SERVICE_URL_VARIABLES = ("OPENSEARCH_URL", "ELASTICSEARCH_URL")


def strict_skips_enabled(environ=os.environ) -> bool:
    """Whether skips count as failures: under CI, or when REGISTRI_STRICT_SKIPS asks for it."""
    explicit = environ.get("REGISTRI_STRICT_SKIPS", "").strip()
    if explicit:
        return explicit.lower() in _TRUE
    return environ.get("CI", "").strip().lower() in _TRUE


def pytest_configure(config):
    # Read once: tests that patch the environment must not change how the run reports skips.
    config.stash[_STRICT_KEY] = strict_skips_enabled()
    config.stash[_SERVICE_KEY] = next(
        (name for name in SERVICE_URL_VARIABLES if os.environ.get(name, "").strip()), ""
    )


def _optional_service_reason(node) -> str | None:
    """The reason given by ``@pytest.mark.optional_service``; "" when it gives none; None when unmarked."""
    marker = node.get_closest_marker("optional_service")
    if marker is None:
        return None
    reason = marker.kwargs.get("reason") or (marker.args[0] if marker.args else "")
    return str(reason).strip()


def _strict_failure_message(node, report) -> str | None:
    """Why this skip fails the run under strict skips, or None when the skip is allowed."""
    optional = _optional_service_reason(node)
    service = node.config.stash.get(_SERVICE_KEY, "")
    if optional and not service:
        return None
    if optional == "":
        return (
            f"{node.nodeid}: @pytest.mark.optional_service needs a reason, "
            'e.g. @pytest.mark.optional_service("ELASTICSEARCH_URL is unset in CI").'
        )
    longrepr = report.longrepr
    reason = str(longrepr[2]) if isinstance(longrepr, tuple) and len(longrepr) == 3 else str(longrepr)
    if optional:
        return (
            f"{node.nodeid} skipped under strict skips although {service} is set: "
            f"{reason.removeprefix('Skipped: ')}\n"
            f"With {service} set the live server is expected; unset it to let this test skip."
        )
    return (
        f"{node.nodeid} skipped under strict skips (CI=true or REGISTRI_STRICT_SKIPS=1): "
        f"{reason.removeprefix('Skipped: ')}\n"
        "Install what it needs in .ci/run, or, if the service is genuinely optional in CI, mark the "
        'test @pytest.mark.optional_service("why it may be absent").'
    )


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    """Under strict skips, report a skipped test as failed unless it is an optional service."""
    outcome = yield
    report = outcome.get_result()
    if not report.skipped or hasattr(report, "wasxfail") or not item.config.stash[_STRICT_KEY]:
        return
    message = _strict_failure_message(item, report)
    if message:
        report.outcome = "failed"
        report.longrepr = message


@pytest.hookimpl(hookwrapper=True)
def pytest_make_collect_report(collector):
    """Under strict skips, a module that skips itself at import time fails the run as well."""
    outcome = yield
    report = outcome.get_result()
    if not report.skipped or not collector.config.stash[_STRICT_KEY]:
        return
    message = _strict_failure_message(collector, report)
    if message:
        report.outcome = "failed"
        report.longrepr = message


@pytest.fixture(scope="session")
def corpus_dir() -> Path:
    """The shared corpus of real documents: ``../shared/corpus`` from the repository root."""
    if not CORPUS_DIR.is_dir():
        pytest.skip(
            f"Korpus tidak ditemukan di {CORPUS_DIR.resolve()}: letakkan folder shared/ di samping "
            "repositori (../shared/corpus dari akar proyek)."
        )
    return CORPUS_DIR


def _transactional(item) -> tuple[bool, bool]:
    """Whether ``item`` runs in a transactional database (which is flushed after it), and with serialized rollback."""
    marker = item.get_closest_marker("django_db")
    transactional = bool(
        {"transactional_db", "live_server"} & set(getattr(item, "fixturenames", ()))
        or (marker is not None and (marker.kwargs.get("transaction") or (marker.args and marker.args[0])))
    )
    serialized = bool(
        marker is not None
        and (marker.kwargs.get("serialized_rollback") or (len(marker.args) > 3 and marker.args[3]))
    ) or "django_db_serialized_rollback" in getattr(item, "fixturenames", ())
    return transactional, transactional and serialized


@pytest.hookimpl(wrapper=True)
def pytest_runtest_teardown(item, nextitem):
    """After a transactional test's flush, put back the rows the migrations made (root page, collection,
    groups …) unless the next test reloads them itself.

    In one process pytest-django runs the transactional tests last, so nothing follows a flush. Under
    pytest-xdist (``make test``) a worker's next file may hold ordinary tests, which need those rows.
    """
    result = yield
    if nextitem is not None and _transactional(item)[0] and not _transactional(nextitem)[1]:
        from django.db import connections
        from pytest_django.plugin import blocking_manager_key

        with item.config.stash[blocking_manager_key].unblock():
            for connection in connections.all():
                contents = getattr(connection, "_test_serialized_contents", None)
                if contents:
                    connection.creation.deserialize_db_from_string(contents)
                    connection.close()
    return result


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """pytest-django's test databases, and before they are dropped, an end to the PostgreSQL sessions
    that threads of the tests (live servers, worker threads) left open: otherwise PostgreSQL refuses
    to drop a database "being accessed by other users" and the test database stays behind."""
    yield
    from django.db import connections

    for connection in connections.all():
        if connection.vendor != "postgresql":
            continue
        with django_db_blocker.unblock(), connection.cursor() as cursor:
            cursor.execute(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                "WHERE datname = current_database() AND pid <> pg_backend_pid()"
            )
        connection.close()

"""SQLite under concurrent writes: readers never wait, a writer that cannot get the lock gets a 503.

The end-to-end check runs ``bench/sqlite_lock`` on a file database of its own (the test database
may be in memory, or PostgreSQL): another process holds the write lock while public pages are
requested and an admin write is posted.
"""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.contrib.auth.models import Group
from django.db import OperationalError
from django.test import RequestFactory, override_settings

from registry.security.database import DatabaseBusyMiddleware, busy_response, server_error

ROOT = Path(__file__).resolve().parents[2]
BUSY = "Basis data sedang sibuk"


def _clean_env(**extra):
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in {"DATABASE_URL", "SQLITE_BUSY_TIMEOUT", "DJANGO_SETTINGS_MODULE"}
    }
    env.update(extra)
    return env


def test_sqlite_settings_use_immediate_transactions_and_a_short_busy_timeout():
    """BEGIN IMMEDIATE, WAL, and a busy timeout of 5 s that SQLITE_BUSY_TIMEOUT changes."""
    script = (
        "import json; from registry.settings import base; "
        "print(json.dumps(base.DATABASES['default']['OPTIONS']))"
    )
    for env, timeout in (({}, 5.0), ({"SQLITE_BUSY_TIMEOUT": "2.5"}, 2.5)):
        proc = subprocess.run(
            [sys.executable, "-c", script],
            cwd=ROOT,
            env=_clean_env(**env),
            capture_output=True,
            text=True,
            timeout=60,
        )
        assert proc.returncode == 0, proc.stderr
        options = json.loads(proc.stdout.strip().splitlines()[-1])
        assert options["transaction_mode"] == "IMMEDIATE"
        assert options["timeout"] == timeout
        assert "journal_mode=WAL" in options["init_command"]


@pytest.fixture(scope="module")
def lock_bench():
    """Run bench/sqlite_lock with a 4 s lock and a 2 s busy timeout; its JSON figures."""
    proc = subprocess.run(
        [sys.executable, str(ROOT / "bench" / "sqlite_lock")],
        cwd=ROOT,
        env=_clean_env(
            BENCH_LOCK_SECONDS="4",
            SQLITE_BUSY_TIMEOUT="2",
            BENCH_REQUESTS="3",
            BENCH_SOURCE_DB="/nonexistent/registri.sqlite3",  # a migrated empty copy, never yours
        ),
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert proc.returncode == 0, proc.stdout[-3000:] + proc.stderr[-3000:]
    return json.loads(proc.stdout.strip().splitlines()[-1])


def test_wal_is_active_on_a_live_connection(lock_bench):
    assert lock_bench["journal_mode"] == "wal"
    assert lock_bench["transaction_mode"] == "IMMEDIATE"


def test_anonymous_pages_answer_quickly_while_another_process_holds_the_write_lock(lock_bench):
    """No public request waits for the lock: none took anywhere near the 2 s busy timeout."""
    assert lock_bench["anon_locked_requests"] >= lock_bench["public_pages"]
    assert lock_bench["anon_locked_errors"] == 0
    assert lock_bench["anon_locked_max_ms"] < 1500
    assert lock_bench["anon_locked_p95_ms"] < 1000


def test_an_admin_write_gets_a_503_after_the_busy_timeout_and_nothing_is_saved(lock_bench):
    """The write waits the busy timeout (not the 4 s lock, not 20 s), then 503, Retry-After, no row."""
    assert lock_bench["admin_write_locked_status"] == 503
    assert lock_bench["admin_write_locked_busy_message"] is True
    assert lock_bench["admin_write_locked_retry_after_s"] == 5
    assert 1800 <= lock_bench["admin_write_locked_wait_ms"] < 3800
    assert lock_bench["admin_write_locked_saved"] is False
    # Once the lock is gone the same write goes through.
    assert lock_bench["admin_write_after_status"] == 302
    assert lock_bench["admin_write_after_saved"] is True


# --- The middleware and the 500 handler, on any database ------------------------------------------


def locked(*args, **kwargs):
    raise OperationalError("database is locked")


def run_view(request, view):
    middleware = DatabaseBusyMiddleware(lambda req: view(req))
    response = middleware.process_view(request, view, (), {})
    if response is None:
        try:
            response = view(request)
        except Exception as exc:
            response = middleware.process_exception(request, exc)
            if response is None:
                raise
    return response


def post_request(data, **extra):
    request = RequestFactory().post("/admin/pages/3/edit/", data, **extra)
    request.csrf_processing_done = True
    request.user = None
    return request


@pytest.mark.django_db
def test_a_locked_admin_post_gets_503_and_offers_the_form_again():
    """The page says nothing was saved and carries the fields for one-click resubmission."""
    request = post_request({"title": "Perwal 12/2023", "tentang": "Pelayanan <b>KK</b>"})
    response = run_view(request, locked)
    assert response.status_code == 503
    assert response["Retry-After"] == "5"
    page = response.content.decode()
    assert BUSY in page
    assert "belum disimpan" in page
    assert 'name="title" value="Perwal 12/2023"' in page
    assert "Pelayanan &lt;b&gt;KK&lt;/b&gt;" in page  # escaped, never markup
    assert "Kirim ulang" in page


@pytest.mark.django_db
def test_a_locked_login_never_echoes_the_password():
    request = post_request({"username": "admin", "password": "rahasia-sekali"})
    response = run_view(request, locked)
    assert response.status_code == 503
    assert "rahasia-sekali" not in response.content.decode()


@pytest.mark.django_db
def test_a_locked_script_request_gets_json():
    request = post_request({"title": "x"}, HTTP_X_REQUESTED_WITH="XMLHttpRequest")
    response = run_view(request, locked)
    assert response.status_code == 503
    data = json.loads(response.content)
    assert data["error"] == "database_busy"
    assert BUSY in data["error_message"]


@pytest.mark.django_db
def test_a_post_is_one_transaction_so_a_late_lock_error_keeps_nothing():
    """A view that wrote, then met the lock, leaves no row behind: the request rolls back whole."""

    def writes_then_locks(request):
        Group.objects.create(name="Setengah jalan")
        raise OperationalError("database is locked")

    response = run_view(post_request({"name": "x"}), writes_then_locks)
    assert response.status_code == 503
    assert not Group.objects.filter(name="Setengah jalan").exists()


@pytest.mark.django_db
def test_a_locked_get_gets_503_without_a_form():
    request = RequestFactory().get("/admin/")
    response = run_view(request, locked)
    assert response.status_code == 503
    assert "Kirim ulang" not in response.content.decode()


def test_other_database_errors_still_raise():
    def broken(request):
        raise OperationalError("no such table: x")

    with pytest.raises(OperationalError):
        run_view(RequestFactory().get("/"), broken)


@pytest.mark.django_db
def test_the_500_handler_turns_a_lock_error_outside_a_view_into_the_503():
    """E.g. the session save after the view: handler500 still answers 503, not 500."""
    request = RequestFactory().get("/admin/")
    try:
        raise OperationalError("database is locked")
    except OperationalError:
        response = server_error(request)
    assert response.status_code == 503
    try:
        raise ValueError("something else")
    except ValueError:
        response = server_error(request)
    assert response.status_code == 500


@pytest.mark.django_db
@override_settings(REGISTRY_DATABASE_BUSY_RETRY_AFTER_SECONDS=9)
def test_retry_after_follows_the_setting():
    assert busy_response(RequestFactory().get("/"))["Retry-After"] == "9"

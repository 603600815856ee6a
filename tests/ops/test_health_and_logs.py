"""/healthz, request ids, JSON logs and the 500 page (#12 item 6)."""

import json
import logging
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.db import connection
from django.test import override_settings
from django.urls import path

from registry.ops import health
from registry.ops.logs import JsonFormatter, RequestIdFilter
from registry.ops.requestid import request_id_for
from registry.urls import urlpatterns as site_urlpatterns

pytestmark = pytest.mark.django_db


def test_anonymous_gets_only_the_overall_status(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok"}
    assert "no-cache" in response["Cache-Control"] or "max-age=0" in response["Cache-Control"]


def test_staff_get_the_details(admin_client):
    body = admin_client.get("/healthz").json()
    assert body["status"] == "ok"
    checks = body["checks"]
    assert checks["database"] == {"status": "ok", "vendor": connection.vendor}
    assert checks["tasks"]["pending"] == 0
    assert checks["search"]["engines"][0]["engine"] in ("sqlite", "postgresql")
    assert checks["disk"]["media"]["free_mb"] > 0


@override_settings(HEALTHZ_TOKEN="s3cret-monitor-token")
def test_the_token_shows_details_and_a_wrong_one_does_not(client):
    assert "checks" in client.get("/healthz", HTTP_X_HEALTHZ_TOKEN="s3cret-monitor-token").json()
    assert client.get("/healthz", HTTP_X_HEALTHZ_TOKEN="guess").json() == {"status": "ok"}


def test_a_failing_database_answers_503(client, monkeypatch):
    def down():
        raise RuntimeError("connection refused")

    monkeypatch.setitem(health.CHECKS, "database", down)
    response = client.get("/healthz")
    assert response.status_code == 503 and response.json() == {"status": "fail"}


def test_low_disk_or_a_search_failure_degrades_but_answers_200(admin_client, monkeypatch):
    with override_settings(REGISTRY_HEALTHZ_MIN_FREE_MB=10**12):
        response = admin_client.get("/healthz")
    assert response.status_code == 200 and response.json()["status"] == "degraded"
    assert response.json()["checks"]["disk"]["status"] == "degraded"

    def broken():
        raise RuntimeError("engine gone")

    monkeypatch.setitem(health.CHECKS, "search", broken)
    body = admin_client.get("/healthz").json()
    assert body["status"] == "degraded" and "engine gone" in body["checks"]["search"]["error"]


def test_database_task_backlog_is_counted():
    from django_tasks_db.backend import DatabaseBackend
    from django_tasks_db.models import DBTaskResult

    from registry.coverage.tasks import snapshot_coverage_task

    tasks = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}
    with override_settings(TASKS=tasks):
        from django_tasks import task_backends

        assert isinstance(task_backends["default"], DatabaseBackend)
        snapshot_coverage_task.enqueue()
        report = health.check_tasks()
    assert DBTaskResult.objects.count() == 1
    assert report["pending"] == 1 and report["pending_by_queue"] == {"default": 1}


def test_post_is_refused_and_csrf_does_not_apply(client):
    assert client.post("/healthz").status_code == 405


# --- request ids -------------------------------------------------------------------------------------


def test_safe_incoming_request_id_is_kept_and_unsafe_is_replaced(client):
    kept = client.get("/healthz", HTTP_X_REQUEST_ID="proxy-1234abcd")
    assert kept["X-Request-ID"] == "proxy-1234abcd"
    for bad in ("short", "has space in it 1234", 'x"\ninjected-log-line', "a" * 65):
        assert request_id_for(bad) != bad
    fresh = client.get("/healthz", HTTP_X_REQUEST_ID="bad value\n")
    assert len(fresh["X-Request-ID"]) == 32 and fresh["X-Request-ID"].isalnum()


def test_json_formatter_writes_one_object_per_line_with_the_request_id():
    record = logging.LogRecord("registry.x", logging.ERROR, __file__, 1, "Broke %s", ("here",), None)
    record.request_id = "req-12345678"
    line = JsonFormatter().format(record)
    assert "\n" not in line
    entry = json.loads(line)
    assert entry["message"] == "Broke here" and entry["level"] == "ERROR"
    assert entry["logger"] == "registry.x" and entry["request_id"] == "req-12345678"
    assert entry["time"].endswith("+00:00")


def _boom(request):
    raise ValueError("the view exploded")


urlpatterns = [path("boom/", _boom), *site_urlpatterns]
handler500 = "registry.security.database.server_error"


@override_settings(ROOT_URLCONF=__name__, DEBUG=False)
def test_500_logs_in_english_with_the_request_id_and_shows_it_in_indonesian(client):
    client.raise_request_exception = False
    records = []

    class Collect(logging.Handler):
        def emit(self, record):
            records.append(record)

    handler = Collect()
    handler.addFilter(RequestIdFilter())
    logger = logging.getLogger("django.request")
    logger.addHandler(handler)
    try:
        response = client.get("/boom/", HTTP_X_REQUEST_ID="incident-20260101")
    finally:
        logger.removeHandler(handler)
    assert response.status_code == 500
    assert response["X-Request-ID"] == "incident-20260101"
    page = response.content.decode()
    assert "Terjadi kesalahan pada server" in page and "incident-20260101" in page
    assert "Nomor rujukan" in page
    error = next(r for r in records if r.levelno == logging.ERROR)
    assert error.request_id == "incident-20260101"
    entry = json.loads(JsonFormatter().format(error))
    assert entry["message"].startswith("Internal Server Error: /boom/")
    assert "ValueError: the view exploded" in entry["exception"] and entry["status_code"] == 500


PRODUCTION_LOG_SCRIPT = """
import logging, logging.config
import registry.settings.production as production
logging.config.dictConfig(production.LOGGING)
from registry.ops import requestid
token = requestid._current.set("req-abcdef12")
logging.getLogger("registry.test").error("Disk %s is full", "media")
print(production.SECURE_REDIRECT_EXEMPT)
"""


def test_production_settings_log_one_json_object_per_line():
    """In a clean interpreter with the production settings, a log call prints one JSON line."""
    env = {k: v for k, v in os.environ.items() if k not in {"DEBUG", "DJANGO_SETTINGS_MODULE"}}
    env["SECRET_KEY"] = "k" * 20 + "-random-production-secret-value-0123456789"
    proc = subprocess.run(
        [sys.executable, "-c", PRODUCTION_LOG_SCRIPT],
        cwd=Path(__file__).resolve().parents[2],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert proc.returncode == 0, proc.stderr
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1
    entry = json.loads(lines[0])
    assert entry["message"] == "Disk media is full" and entry["request_id"] == "req-abcdef12"
    assert entry["level"] == "ERROR" and entry["logger"] == "registry.test"
    assert "^healthz$" in proc.stdout

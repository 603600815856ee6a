"""``/healthz``: is this installation working? Cheap checks, never cached.

Anonymous callers get ``{"status": "ok" | "degraded" | "fail"}`` only; staff users, and monitors
sending ``settings.HEALTHZ_TOKEN`` in ``X-Healthz-Token``, also get each check's details. HTTP 200 for
ok and degraded, 503 for fail (a load balancer takes the host out). A check that raises is reported
as failed with its error, never as a 500.

- ``database``: one trivial query (fail when it does not answer);
- ``tasks``: with django-tasks-db, the tasks ready to run per queue and the age of the oldest (degraded
  past ``REGISTRY_HEALTHZ_TASK_MAX_WAIT_SECONDS``: no worker is taking them); nothing to check with
  the immediate backend;
- ``search``: ``search.health.check()`` as ``manage.py search_health`` runs it (degraded when an
  engine is unhealthy: queries fall back to the database engine);
- ``disk``: free space where MEDIA_ROOT and the SQLite file live (degraded below
  ``REGISTRY_HEALTHZ_MIN_FREE_MB``).
"""

import hmac
import logging
import shutil
from pathlib import Path

from django.conf import settings
from django.db import connection
from django.db.models import Count, Min
from django.http import JsonResponse
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_safe
from django_tasks import DEFAULT_TASK_BACKEND_ALIAS, task_backends
from django_tasks_db.backend import DatabaseBackend
from django_tasks_db.models import DBTaskResult

from search.health import check as search_check

logger = logging.getLogger(__name__)

OK, DEGRADED, FAIL = "ok", "degraded", "fail"
_RANK = {OK: 0, DEGRADED: 1, FAIL: 2}
TOKEN_HEADER = "HTTP_X_HEALTHZ_TOKEN"


def check_database() -> dict:
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
        cursor.fetchone()
    return {"status": OK, "vendor": connection.vendor}


def check_tasks() -> dict:
    backend = task_backends[DEFAULT_TASK_BACKEND_ALIAS]
    if not isinstance(backend, DatabaseBackend):
        return {"status": OK, "backend": type(backend).__name__, "pending": 0}
    ready = DBTaskResult.objects.ready()
    per_queue = dict(ready.values_list("queue_name").annotate(n=Count("id")).values_list("queue_name", "n"))
    oldest = ready.aggregate(oldest=Min("enqueued_at"))["oldest"]
    wait = (timezone.now() - oldest).total_seconds() if oldest else 0.0
    limit = settings.REGISTRY_HEALTHZ_TASK_MAX_WAIT_SECONDS
    return {
        "status": DEGRADED if wait > limit else OK,
        "backend": "database",
        "pending": sum(per_queue.values()),
        "pending_by_queue": per_queue,
        "oldest_wait_seconds": round(wait, 1),
    }


def check_search() -> dict:
    reports = search_check()
    engines = [
        {"engine": r.engine, "ok": r.ok, "documents": r.documents, "pending": r.pending, "detail": r.detail}
        for r in reports
    ]
    return {"status": OK if all(r.ok for r in reports) else DEGRADED, "engines": engines}


def _disk_paths() -> dict[str, Path]:
    paths = {"media": Path(settings.MEDIA_ROOT)}
    if connection.vendor == "sqlite":
        name = str(connection.settings_dict["NAME"])
        if name and ":memory:" not in name and not name.startswith("file:"):
            paths["database"] = Path(name).parent
    return paths


def check_disk() -> dict:
    minimum = settings.REGISTRY_HEALTHZ_MIN_FREE_MB
    result = {"status": OK, "min_free_mb": minimum}
    for label, path in _disk_paths().items():
        while not path.exists() and path != path.parent:
            path = path.parent
        usage = shutil.disk_usage(path)
        free_mb = usage.free // (1024 * 1024)
        result[label] = {"path": str(path), "free_mb": free_mb, "total_mb": usage.total // (1024 * 1024)}
        if free_mb < minimum:
            result["status"] = DEGRADED
    return result


CHECKS = {"database": check_database, "tasks": check_tasks, "search": check_search, "disk": check_disk}


def run_checks() -> dict:
    """Every check's result; the overall status is the worst of them."""
    results = {}
    for name, check in CHECKS.items():
        try:
            results[name] = check()
        except Exception as exc:  # noqa: BLE001 - a broken dependency is a result, not a crash
            logger.warning("Health check %s failed: %s", name, exc)
            results[name] = {"status": FAIL, "error": f"{type(exc).__name__}: {exc}"}
    # Only the database makes the site unusable; the others degrade it.
    for name in ("tasks", "search", "disk"):
        if results[name]["status"] == FAIL:
            results[name]["status"] = DEGRADED
    overall = max((r["status"] for r in results.values()), key=_RANK.__getitem__)
    return {"status": overall, "checks": results}


def may_see_details(request) -> bool:
    """Staff users, or a caller presenting the configured token."""
    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated and (user.is_staff or user.is_superuser):
        return True
    token = getattr(settings, "HEALTHZ_TOKEN", "")
    offered = request.META.get(TOKEN_HEADER, "")
    return bool(token) and bool(offered) and hmac.compare_digest(token.encode(), offered.encode())


@csrf_exempt
@require_safe
@never_cache
def healthz(request):
    """The health endpoint (see the module docstring)."""
    report = run_checks()
    body = report if may_see_details(request) else {"status": report["status"]}
    if "checks" in body:
        body["time"] = timezone.now().isoformat()
    return JsonResponse(body, status=503 if report["status"] == FAIL else 200)

"""Background tasks that keep coverage in step (django-tasks; immediate in development and tests)."""

from datetime import date

from django_tasks import task

from . import engine, history


@task()
def recompute_coverage_task(service_ids: list[int] | None = None) -> dict:
    """Recompute coverage for some services (all when None).

    The monthly snapshot is not taken here (it once was, so the trend depended on someone publishing
    a page): the ``coverage_snapshot`` job of registry/ops/schedule.py takes it.
    """
    result = engine.recompute(service_ids)
    return {"services": result.services, "findings": result.findings, "statuses": dict(result.statuses)}


@task()
def recompute_for_regulations_task(regulation_ids: list[int]) -> dict:
    """Recompute coverage for the services that rely on (or are affected by) these regulations."""
    service_ids = engine.services_for_regulations(regulation_ids)
    if not service_ids:
        return {"services": 0, "findings": 0, "statuses": {}}
    return recompute_coverage_task.call(service_ids)


@task()
def snapshot_coverage_task(day: str | None = None) -> int:
    """Store today's (or ``day``'s, ISO format) coverage snapshot; returns the number of rows."""
    return history.take_snapshot(date.fromisoformat(day) if day else None)

"""Search health for the admin and ``manage.py search_health``."""

from .backends import get_cluster_backend, get_database_backend
from .backends.base import Health
from .models import PendingIndexOperation


def check() -> list[Health]:
    """Check the database engine and, when configured, the cluster (with its pending updates)."""
    reports = [get_database_backend().health()]
    cluster = get_cluster_backend()
    if cluster is not None:
        report = cluster.health()
        report.pending = PendingIndexOperation.objects.filter(engine=cluster.name).count()
        reports.append(report)
    return reports


def answering(reports: list[Health]) -> str:
    """The engine that answers queries now: the cluster when it is healthy, else the database's."""
    cluster = reports[1:] and reports[-1]
    if cluster and cluster.ok:
        return cluster.engine
    return reports[0].engine

"""Search health for the admin and ``manage.py search_health``."""

from .backends import get_database_backend, get_elasticsearch_backend
from .backends.base import Health
from .models import PendingIndexOperation


def check() -> list[Health]:
    """Check the database engine and, when configured, Elasticsearch (with its pending updates)."""
    reports = [get_database_backend().health()]
    elastic = get_elasticsearch_backend()
    if elastic is not None:
        report = elastic.health()
        report.pending = PendingIndexOperation.objects.filter(engine=elastic.name).count()
        reports.append(report)
    return reports

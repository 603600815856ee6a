"""Coverage snapshots over time: one row per day for the city and for each Perangkat Daerah."""

from datetime import date

from django.db import transaction
from django.utils import timezone

from .models import CoverageSnapshot
from .summary import coverage_totals


def take_snapshot(day: date | None = None) -> int:
    """Store the current totals as the snapshot of ``day`` (today by default); idempotent per day.

    Running it twice on one day replaces that day's rows; returns how many rows were written.
    """
    day = day or timezone.localdate()
    city, per_opd = coverage_totals()
    rows = [
        CoverageSnapshot(
            date=day,
            opd_id=scope.opd_id,
            lengkap=scope.lengkap,
            sebagian=scope.sebagian,
            belum=scope.belum,
            total=scope.total,
            findings_by_rule=scope.by_rule,
        )
        for scope in [city, *[t for t in per_opd if t.opd_id]]
    ]
    with transaction.atomic():
        CoverageSnapshot.objects.filter(date=day).delete()
        CoverageSnapshot.objects.bulk_create(rows)
    return len(rows)


def ensure_monthly_snapshot(today: date | None = None) -> bool:
    """Take a snapshot if the current month has none yet; return whether one was taken."""
    today = today or timezone.localdate()
    exists = CoverageSnapshot.objects.filter(
        opd__isnull=True, date__year=today.year, date__month=today.month
    ).exists()
    if not exists:
        take_snapshot(today)
    return not exists


def city_trend(limit: int = 24) -> list[CoverageSnapshot]:
    """The city's snapshots, oldest first, at most one per month (the last of each month)."""
    by_month = {}
    for snap in CoverageSnapshot.objects.filter(opd__isnull=True).order_by("date"):
        by_month[(snap.date.year, snap.date.month)] = snap
    return list(by_month.values())[-limit:]


def trend_with_current(city, today: date | None = None, limit: int = 24) -> list[CoverageSnapshot]:
    """The city's trend whose latest point is ``city`` (the current totals), not the last stored snapshot.

    Stored snapshots of the current month are replaced by an unsaved one built from ``city`` dated
    ``today``, so the trend's last point always equals the headline figures beside it (past months
    keep their stored snapshot, which counted what was public then).
    """
    today = today or timezone.localdate()
    past = [
        snap for snap in city_trend(limit) if (snap.date.year, snap.date.month) < (today.year, today.month)
    ]
    current = CoverageSnapshot(
        date=today,
        lengkap=city.lengkap,
        sebagian=city.sebagian,
        belum=city.belum,
        total=city.total,
        findings_by_rule=city.by_rule,
    )
    if not past and not city.total:
        return []  # nothing registered yet: no trend to show
    return [*past, current][-limit:]

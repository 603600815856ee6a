"""Totals, snapshots over time, and the management commands."""

from datetime import date
from io import StringIO

import pytest
from django.core.management import call_command

from registry.coverage.history import city_trend, ensure_monthly_snapshot, take_snapshot
from registry.coverage.models import CoverageSnapshot, ServiceCoverage
from registry.coverage.summary import coverage_totals
from tests import factories
from tests.shared_data import build_shared, shared_copy

from .builders import complete_service

pytestmark = pytest.mark.django_db


def build_two_units():
    """One OPD with a complete service, one with a service lacking everything."""
    good = factories.opd(title="A Dinas", abbreviation="A")
    bad = factories.opd(title="B Dinas", abbreviation="B")
    complete_service(unit=good)
    factories.service(unit=bad)
    return good, bad


@pytest.fixture(scope="module")
def module_two_units(django_db_setup, django_db_blocker):
    """The two OPD, built once for this module (tests/shared_data.py)."""
    yield from build_shared(django_db_blocker, build_two_units)


@pytest.fixture
def two_units(module_two_units, db, request):
    """This test's copy of the two OPD; what it writes is rolled back after it."""
    return shared_copy(request, module_two_units)


def test_totals_per_opd_and_city(two_units):
    """The city has 2 services, 50% lengkap; each OPD has its own count."""
    city, per_opd = coverage_totals()
    assert (city.total, city.lengkap, city.belum, city.percent_lengkap) == (2, 1, 1, 50.0)
    assert [(t.title, t.lengkap, t.belum) for t in per_opd] == [("A Dinas", 1, 0), ("B Dinas", 0, 1)]
    assert city.by_rule["NO_LEGAL_BASIS"] == 1


def test_snapshot_is_idempotent_per_day(two_units):
    """Taking the snapshot twice on one day keeps one row per scope, with the latest figures."""
    assert take_snapshot(date(2025, 3, 1)) == 3  # city + 2 OPDs
    ServiceCoverage.objects.update(status="lengkap")
    take_snapshot(date(2025, 3, 1))
    rows = CoverageSnapshot.objects.filter(date=date(2025, 3, 1))
    assert rows.count() == 3
    assert rows.get(opd__isnull=True).lengkap == 2


def test_monthly_snapshot_only_when_the_month_has_none(two_units):
    """ensure_monthly_snapshot takes one snapshot per month, not more."""
    CoverageSnapshot.objects.all().delete()
    assert ensure_monthly_snapshot(date(2025, 4, 2)) is True
    assert ensure_monthly_snapshot(date(2025, 4, 20)) is False
    assert ensure_monthly_snapshot(date(2025, 5, 1)) is True


def test_trend_keeps_the_last_snapshot_of_each_month(two_units):
    """The public trend shows one point per month."""
    CoverageSnapshot.objects.all().delete()
    for day in (date(2025, 1, 5), date(2025, 1, 25), date(2025, 2, 3)):
        take_snapshot(day)
    assert [s.date for s in city_trend()] == [date(2025, 1, 25), date(2025, 2, 3)]


def test_recompute_command_reports_progress(two_units):
    """manage.py recompute_coverage prints its phases and a summary."""
    ServiceCoverage.objects.all().delete()
    out = StringIO()
    call_command("recompute_coverage", stdout=out)
    text = out.getvalue()
    assert "evaluate 2/2" in text and "2 layanan" in text
    assert ServiceCoverage.objects.count() == 2


def test_snapshot_command_is_idempotent(two_units):
    """manage.py snapshot_coverage --date twice leaves one set of rows for that day."""
    for _ in range(2):
        call_command("snapshot_coverage", "--date", "2025-06-30", stdout=StringIO())
    assert CoverageSnapshot.objects.filter(date=date(2025, 6, 30)).count() == 3

"""Dates that take effect (#13 item 2): relations count from their source's tanggal berlaku.

Time is moved with time-machine; every "today" in the registry comes from
``registry.regulations.effective.today()`` (``timezone.localdate()``), so travelling moves it.
"""

from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.core.cache import caches
from django.test import Client

from registry.coverage.models import Finding
from registry.ops import schedule
from registry.ops.models import RunOutcome
from registry.regulations import effective
from registry.regulations.choices import RelationKind, Status
from registry.regulations.models import RegulationPage
from tests import factories
from tests.coverage.builders import complete_service

pytestmark = pytest.mark.django_db
WITA = ZoneInfo("Asia/Makassar")


def at(*args) -> datetime:
    return datetime(*args, tzinfo=WITA)


def status_of(page) -> str:
    return RegulationPage.objects.values_list("status", flat=True).get(pk=page.pk)


def run_daily_job():
    run = schedule.enqueue(schedule.JOBS_BY_NAME["apply_effective_relations"])
    assert run.outcome == RunOutcome.OK, run.message
    return run


@pytest.mark.parametrize(
    "value,expected",
    [("", None), ("2023-03-01", date(2023, 3, 1)), (" 2024-01-05 ", date(2024, 1, 5))],
)
def test_parse_as_of_reads_iso_dates(value, expected):
    """YYYY-MM-DD is read, surrounding spaces ignored, empty means no date."""
    assert effective.parse_as_of(value) == expected


@pytest.mark.parametrize(
    "value", ["2023-02-30", "01-03-2023", "2023-W09-3", "kemarin", "20230301", "0999-01-01"]
)
def test_parse_as_of_refuses_other_forms_in_indonesian(value):
    """Anything but a real YYYY-MM-DD date is refused with an Indonesian message naming the format."""
    with pytest.raises(effective.InvalidDate) as caught:
        effective.parse_as_of(value)
    assert "TTTT-BB-HH" in str(caught.value)


def test_start_date_falls_back_from_berlaku_to_the_year():
    """Berlaku, else pengundangan, else penetapan, else 1 January of the regulation's year."""
    page = RegulationPage(
        tahun=2020,
        tanggal_penetapan=date(2020, 5, 1),
        tanggal_pengundangan=date(2020, 5, 2),
        tanggal_berlaku=date(2020, 6, 1),
    )
    assert effective.start_date(page) == date(2020, 6, 1)
    page.tanggal_berlaku = None
    assert effective.start_date(page) == date(2020, 5, 2)
    page.tanggal_pengundangan = None
    assert effective.start_date(page) == date(2020, 5, 1)
    page.tanggal_penetapan = None
    assert effective.start_date(page) == date(2020, 1, 1)


def test_future_revocation_waits_for_its_date_then_the_daily_job_applies_it(settings):
    """Before tanggal berlaku the target stays berlaku and says "akan dicabut"; on the date the job revokes it."""
    settings.REGISTRY_PAGE_CACHE = True
    caches["pages"].clear()
    with time_machine.travel(at(2026, 12, 1, 9), tick=False):
        old = factories.regulation("PERWAL", nomor="48", tahun=2016)
        service, _regs = complete_service()
        service.legal_bases.create(regulation=old, provision="Pasal 2", sort_order=20)
        service.save_revision().publish()
        new = factories.regulation(
            "PERWAL",
            nomor="7",
            tahun=2026,
            tanggal_penetapan=date(2026, 11, 20),
            tanggal_pengundangan=date(2026, 11, 21),
            tanggal_berlaku=date(2027, 1, 1),
        )
        factories.relate(new, old, RelationKind.MENCABUT)
        assert status_of(old) == Status.BERLAKU
        assert effective.status_on(old, date(2026, 12, 31)) == Status.BERLAKU
        assert effective.status_on(old, date(2027, 1, 1)) == Status.DICABUT
        assert not Finding.objects.filter(coverage_id=service.pk, code="BASIS_REVOKED").exists()
        html = Client().get(old.url).content.decode()
        assert "Akan dicabut mulai 1 Januari 2027 oleh" in html
        assert "Dicabut oleh" not in html
        # The first run ever recomputes everything; later runs only what took effect since.
        run_daily_job()
        assert status_of(old) == Status.BERLAKU

    with time_machine.travel(at(2027, 1, 1, 0, 30), tick=False):
        # Page views change nothing: the status is stored by the job, not on the next request.
        Client().get(old.url)
        cached = Client().get(old.url)
        assert cached["X-Page-Cache"] == "hit" and status_of(old) == Status.BERLAKU
        run = run_daily_job()
        assert status_of(old) == Status.DICABUT
        assert "1 status peraturan berubah" in run.message
        assert Finding.objects.filter(coverage_id=service.pk, code="BASIS_REVOKED").exists()
        # The job's committed writes start a new page-cache generation: no stale "akan dicabut".
        html = Client().get(old.url).content.decode()
        assert "Dicabut oleh" in html and "Akan dicabut" not in html
    caches["pages"].clear()


def test_amendment_in_force_on_its_date_is_diubah_and_was_announced():
    """An amendment taking effect later reads "Akan diubah mulai …"; after the job, "diubah"."""
    with time_machine.travel(at(2026, 6, 1, 10), tick=False):
        base = factories.regulation("PERDA", nomor="3", tahun=2019)
        amend = factories.regulation(
            "PERDA",
            nomor="9",
            tahun=2026,
            tanggal_penetapan=date(2026, 5, 20),
            tanggal_pengundangan=date(2026, 5, 21),
            tanggal_berlaku=date(2026, 7, 1),
        )
        factories.relate(amend, base, RelationKind.MENGUBAH)
        assert status_of(base) == Status.BERLAKU
        assert "Akan diubah mulai 1 Juli 2026 dengan" in Client().get(base.url).content.decode()
        base = RegulationPage.objects.get(pk=base.pk)
        assert base.amended_by == []
    with time_machine.travel(at(2026, 7, 1, 1), tick=False):
        run_daily_job()
        assert status_of(base) == Status.DIUBAH
        assert RegulationPage.objects.get(pk=base.pk).amended_by == [amend]


def test_relation_without_tanggal_berlaku_takes_effect_at_pengundangan():
    """With no tanggal berlaku, the pengundangan date decides; publishing on that day applies it at once."""
    with time_machine.travel(at(2026, 3, 10, 8), tick=False):
        old = factories.regulation("PERWAL", nomor="1", tahun=2015)
        new = factories.regulation(
            "PERWAL",
            nomor="2",
            tahun=2026,
            tanggal_penetapan=date(2026, 3, 9),
            tanggal_pengundangan=date(2026, 3, 10),
        )
        factories.relate(new, old, RelationKind.MENCABUT)
        assert status_of(old) == Status.DICABUT


def test_daily_job_is_due_once_a_day():
    """The job runs once per local day: due again after midnight, not before."""
    job = schedule.JOBS_BY_NAME["apply_effective_relations"]
    with time_machine.travel(at(2026, 5, 4, 0, 5), tick=False):
        assert schedule.is_due(job)
        run_daily_job()
        assert not schedule.is_due(job)
    with time_machine.travel(at(2026, 5, 4, 23, 55), tick=False):
        assert not schedule.is_due(job)
    with time_machine.travel(at(2026, 5, 5, 0, 1), tick=False):
        assert schedule.is_due(job)

"""Scheduled work (#12 item 2): each job does its work, due logic, failures recorded, the admin page."""

from datetime import datetime, timedelta
from io import StringIO
from zoneinfo import ZoneInfo

import pytest
from django.contrib.auth.models import Group
from django.core import mail
from django.core.management import call_command
from django.urls import reverse

from registry.coverage.models import CoverageSnapshot, Finding, ServiceCoverage
from registry.ops import schedule
from registry.ops.models import RunOutcome, ScheduledJobRun
from registry.permissions import assign_opd_editor
from registry.regulations.choices import ExtractionStatus
from registry.services.models import LegalBasis, LegalBasisRole
from tests import factories
from tests.regulations.test_extraction_recovery import make_document, stuck

pytestmark = pytest.mark.django_db
WITA = ZoneInfo("Asia/Makassar")


def at(*args) -> datetime:
    return datetime(*args, tzinfo=WITA)


def job(name):
    return schedule.JOBS_BY_NAME[name]


def outdated_service(unit, title="Layanan Akta Kelahiran"):
    """A published service whose only SK Standar Pelayanan dates from 2018 (past the 3-year threshold)."""
    sk = factories.regulation("KEP_KEPALA_PD", tahun=2018, tentang=f"Standar Pelayanan {title}")
    page = factories.service(unit=unit, title=title)
    page.legal_bases.add(LegalBasis(regulation=sk, role=LegalBasisRole.SK_STANDAR_PELAYANAN, sort_order=1))
    page.save_revision().publish()
    return page


def test_coverage_snapshot_job_recomputes_and_snapshots():
    """The job recomputes every service (a deleted result comes back) and stores today's snapshot."""
    factories.service(unit=factories.opd())
    ServiceCoverage.objects.all().delete()
    CoverageSnapshot.objects.all().delete()
    run = schedule.enqueue(job("coverage_snapshot"))
    assert run.outcome == RunOutcome.OK, run.message
    assert ServiceCoverage.objects.count() == 1
    assert CoverageSnapshot.objects.filter(opd__isnull=True).get().total == 1
    assert "1 layanan" in run.message and run.started_at and run.finished_at


def test_publishing_no_longer_takes_the_snapshot():
    """Publishing (and viewing) pages leaves the trend alone: only the scheduled job writes it."""
    CoverageSnapshot.objects.all().delete()
    page = factories.service(unit=factories.opd())
    page.save_revision().publish()
    assert ServiceCoverage.objects.filter(service=page).exists()
    assert not CoverageSnapshot.objects.exists()


def test_review_reminders_mail_the_opd_editors_and_the_review_group(django_user_model):
    """One Indonesian e-mail per OPD with overdue SK Standar Pelayanan, to its editors and the reviewers."""
    unit = factories.opd()
    other = factories.opd(title="Dinas Kesehatan", abbreviation="Dinkes")
    outdated_service(unit)
    factories.service(unit=other, title="Layanan tanpa SK lama")
    editor = django_user_model.objects.create_user("editor", "editor@kota.example", "x")
    assign_opd_editor(editor, unit)
    other_editor = django_user_model.objects.create_user("dinkes", "dinkes@kota.example", "x")
    assign_opd_editor(other_editor, other)
    reviewer = django_user_model.objects.create_user("organisasi", "org@kota.example", "x")
    reviewer.groups.add(Group.objects.create(name="Bagian Organisasi"))
    assert Finding.objects.filter(code="SK_SP_OUTDATED").count() == 1

    run = schedule.enqueue(job("sp_review_reminders"))

    assert run.outcome == RunOutcome.OK, run.message
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert sorted(message.to) == ["editor@kota.example", "org@kota.example"]
    assert "Standar Pelayanan perlu ditinjau" in message.subject and "Disdukcapil" in message.subject
    assert "Layanan Akta Kelahiran" in message.body and "ditetapkan kembali" in message.body
    assert "1 surel pengingat untuk 1 layanan" in run.message


def test_review_reminders_name_the_opds_nobody_can_be_told_about():
    outdated_service(factories.opd())
    run = schedule.enqueue(job("sp_review_reminders"))
    assert run.outcome == RunOutcome.OK
    assert mail.outbox == []
    assert "Tanpa penerima" in run.message and "Disdukcapil" in run.message


def test_sweep_job_fails_stale_extractions(tmp_path):
    document = make_document(tmp_path)
    dead = stuck(document, silent_seconds=3600)
    run = schedule.enqueue(job("sweep_extractions"))
    dead.refresh_from_db()
    assert dead.status == ExtractionStatus.FAILED
    assert run.outcome == RunOutcome.OK and run.message.startswith("1 ekstraksi")


def test_search_replay_without_a_cluster_has_nothing_to_do():
    run = schedule.enqueue(job("search_replay"))
    assert run.outcome == RunOutcome.OK and "Tidak ada klaster" in run.message


def test_monthly_job_runs_once_per_month():
    """Due at the first tick of a month, not again that month (whatever the page views), due next month."""
    snapshot = job("coverage_snapshot")
    assert schedule.is_due(snapshot, at(2025, 4, 2, 1))
    schedule.enqueue(snapshot, now=at(2025, 4, 2, 1))
    assert not schedule.is_due(snapshot, at(2025, 4, 2, 1, 5))
    assert not schedule.is_due(snapshot, at(2025, 4, 30, 23, 59))
    assert schedule.is_due(snapshot, at(2025, 5, 1, 0, 1))


def test_interval_job_is_due_again_after_its_interval():
    sweep = job("sweep_extractions")
    schedule.enqueue(sweep, now=at(2025, 4, 2, 10, 0))
    assert not schedule.is_due(sweep, at(2025, 4, 2, 10, 4))
    assert schedule.is_due(sweep, at(2025, 4, 2, 10, 6))


def test_run_schedule_due_is_idempotent():
    """Two ticks in a row: the first runs every job, the second runs none."""
    call_command("run_schedule", "--due", stdout=StringIO())
    assert sorted(ScheduledJobRun.objects.values_list("job", flat=True)) == sorted(schedule.JOBS_BY_NAME)
    out = StringIO()
    call_command("run_schedule", "--due", stdout=out)
    assert ScheduledJobRun.objects.count() == len(schedule.JOBS)
    assert "Tidak ada tugas yang jatuh tempo" in out.getvalue()


def test_a_failing_job_is_recorded_not_raised(monkeypatch, caplog):
    """The exception ends on the run (and in the log, in English); the command still succeeds."""

    def broken():
        raise RuntimeError("snapshot storage exploded")

    monkeypatch.setattr(
        schedule,
        "JOBS_BY_NAME",
        {
            **schedule.JOBS_BY_NAME,
            "coverage_snapshot": schedule.Job("coverage_snapshot", "x", broken, monthly=True),
        },
    )
    call_command("run_schedule", "--job", "coverage_snapshot", stdout=StringIO())
    run = ScheduledJobRun.objects.get(job="coverage_snapshot")
    assert run.outcome == RunOutcome.FAILED
    assert run.message == "RuntimeError: snapshot storage exploded"
    assert "Scheduled job coverage_snapshot" in caplog.text
    # A failed monthly job is retried an hour later, not at every tick.
    assert not schedule.is_due(job("coverage_snapshot"), run.queued_at + timedelta(minutes=10))
    assert schedule.is_due(job("coverage_snapshot"), run.queued_at + timedelta(hours=2))


def test_one_active_run_per_job_and_abandoned_runs_are_closed():
    sweep = job("sweep_extractions")
    ScheduledJobRun.objects.create(job=sweep.name, trigger="schedule", outcome=RunOutcome.RUNNING)
    assert schedule.enqueue(sweep) is None
    assert not schedule.is_due(sweep)
    ScheduledJobRun.objects.update(queued_at=at(2020, 1, 1))
    assert schedule.close_abandoned() == 1
    assert ScheduledJobRun.objects.get().outcome == RunOutcome.FAILED
    assert schedule.enqueue(sweep).outcome == RunOutcome.OK


def test_admin_schedule_page_shows_last_runs_and_runs_on_demand(admin_client, django_user_model, client):
    schedule.enqueue(job("search_replay"))
    response = admin_client.get(reverse("ops_schedule"))
    assert response.status_code == 200
    text = response.content.decode()
    assert "Jadwal tugas" in text and "Tidak ada klaster pencarian" in text and "berhasil" in text
    CoverageSnapshot.objects.all().delete()
    response = admin_client.post(reverse("ops_schedule_run", args=["coverage_snapshot"]))
    assert response.status_code == 302
    assert ScheduledJobRun.objects.get(job="coverage_snapshot").trigger == "manual"
    assert CoverageSnapshot.objects.filter(opd__isnull=True).exists()
    editor = django_user_model.objects.create_user("e", "e@x.example", "x")
    client.force_login(editor)
    assert client.get(reverse("ops_schedule")).status_code in (302, 403)

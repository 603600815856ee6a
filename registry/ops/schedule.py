"""The schedule: which jobs exist, when each is due, and running one while recording the run.

``manage.py run_schedule --due`` (called every few minutes by a systemd timer or cron, see
docs/operations.md) queues every due job as a django-tasks task (:func:`run_job_task`): run at once
with the immediate backend, by a ``db_worker`` with ``django_tasks_db``. Each run is a
``ScheduledJobRun`` row, created *before* the task is queued, so a job is never queued twice (a
partial unique constraint allows one queued or running run per job) and the admin's "Jadwal tugas"
shows what happened. A job's failure is logged and recorded on its run; it never reaches the
scheduler, which only queues.
"""

import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _
from django_tasks import task

from . import jobs
from .models import ACTIVE_OUTCOMES, RunOutcome, RunTrigger, ScheduledJobRun

logger = logging.getLogger(__name__)

#: A run still queued or running after this long is taken for lost (its worker died) and closed.
ABANDONED_AFTER = timedelta(hours=6)
#: A monthly job that failed is tried again this long after its failure, not at every tick.
RETRY_AFTER = timedelta(hours=1)


@dataclass(frozen=True)
class Job:
    """A scheduled job: ``monthly`` or ``daily`` (once per calendar month or day, local time) or
    ``every`` interval."""

    name: str
    title: Promise
    run: Callable[[], str]
    every: timedelta | None = None
    monthly: bool = False
    daily: bool = False

    @property
    def cadence(self) -> str:
        if self.monthly:
            return str(_("bulanan"))
        if self.daily:
            return str(_("harian"))
        if self.every.days and not self.every.seconds:
            return str(_("setiap %(n)s hari")) % {"n": self.every.days}
        minutes = int(self.every.total_seconds() // 60)
        return str(_("setiap %(n)s menit")) % {"n": minutes}


#: In the order ``--due`` queues them: the recompute + snapshot comes before the reminders it feeds.
JOBS = (
    Job("coverage_snapshot", _("Hitung ulang dan cuplikan cakupan"), jobs.coverage_snapshot, monthly=True),
    Job(
        "sp_review_reminders",
        _("Pengingat tinjauan Standar Pelayanan"),
        jobs.sp_review_reminders,
        monthly=True,
    ),
    # Before the monthly recompute is irrelevant (that one reads today's law anyway); first in the
    # day's queue so that pages and coverage show a relation from the morning it takes effect.
    Job(
        "apply_effective_relations",
        _("Terapkan hubungan peraturan yang mulai berlaku"),
        jobs.apply_effective_relations,
        daily=True,
    ),
    Job(
        "publish_scheduled",
        _("Terbitkan halaman terjadwal"),
        jobs.publish_scheduled,
        every=timedelta(minutes=5),
    ),
    Job(
        "regulation_notifications",
        _("Pemberitahuan perubahan dasar hukum"),
        jobs.regulation_notifications,
        daily=True,
    ),
    Job("sweep_extractions", _("Sapu ekstraksi macet"), jobs.sweep_extractions, every=timedelta(minutes=5)),
    Job(
        "search_replay",
        _("Putar ulang antrean indeks pencarian"),
        jobs.search_replay,
        every=timedelta(minutes=15),
    ),
)
JOBS_BY_NAME = {job.name: job for job in JOBS}


def month_start(now: datetime) -> datetime:
    """Midnight of the first day of ``now``'s month, in the site's time zone."""
    local = timezone.localtime(now)
    return local.replace(day=1, hour=0, minute=0, second=0, microsecond=0)


def day_start(now: datetime) -> datetime:
    """Midnight of ``now``'s day, in the site's time zone."""
    return timezone.localtime(now).replace(hour=0, minute=0, second=0, microsecond=0)


def close_abandoned(now: datetime | None = None) -> int:
    """Mark as failed the runs queued or running for longer than ``ABANDONED_AFTER``."""
    now = now or timezone.now()
    return ScheduledJobRun.objects.filter(
        outcome__in=ACTIVE_OUTCOMES, queued_at__lt=now - ABANDONED_AFTER
    ).update(
        outcome=RunOutcome.FAILED,
        finished_at=now,
        message=str(_("Tidak selesai dalam %(h)s jam; pekerja tugas mungkin berhenti.") % {"h": 6}),
    )


def is_due(job: Job, now: datetime | None = None) -> bool:
    """Whether ``job`` should run now, from its recorded runs alone (page views play no part)."""
    now = now or timezone.now()
    runs = ScheduledJobRun.objects.filter(job=job.name)
    if runs.filter(outcome__in=ACTIVE_OUTCOMES).exists():
        return False
    if job.monthly or job.daily:
        start = month_start(now) if job.monthly else day_start(now)
        if runs.filter(outcome=RunOutcome.OK, queued_at__gte=start).exists():
            return False
        return not runs.filter(outcome=RunOutcome.FAILED, queued_at__gte=now - RETRY_AFTER).exists()
    return not runs.filter(queued_at__gt=now - job.every).exists()


def enqueue(
    job: Job, trigger: str = RunTrigger.SCHEDULE, now: datetime | None = None
) -> ScheduledJobRun | None:
    """Record a queued run of ``job`` and queue its task; None when a run of it is already active."""
    try:
        with transaction.atomic():
            run = ScheduledJobRun.objects.create(
                job=job.name, trigger=trigger, queued_at=now or timezone.now()
            )
    except IntegrityError:
        return None
    try:
        run_job_task.enqueue(run.pk)
    except Exception as exc:  # noqa: BLE001 - a broken queue is recorded, never raised to the scheduler
        logger.exception("Could not enqueue scheduled job %s", job.name)
        _finish(run, RunOutcome.FAILED, f"{type(exc).__name__}: {exc}")
    run.refresh_from_db()
    return run


def enqueue_due(now: datetime | None = None) -> list[tuple[Job, ScheduledJobRun | None]]:
    """Queue every due job (idempotent: a job queued or done in its period is not due)."""
    close_abandoned(now)
    return [(job, enqueue(job, now=now)) for job in JOBS if is_due(job, now)]


def _finish(run: ScheduledJobRun, outcome: str, message: str) -> None:
    run.outcome, run.message, run.finished_at = outcome, message, timezone.now()
    run.save(update_fields=["outcome", "message", "finished_at"])


def execute(run_id: int) -> str:
    """Run one queued run: mark it running, do the job, record the outcome; never raises."""
    claimed = ScheduledJobRun.objects.filter(pk=run_id, outcome=RunOutcome.QUEUED).update(
        outcome=RunOutcome.RUNNING, started_at=timezone.now()
    )
    if not claimed:  # already run (a task delivered twice), or closed as abandoned
        return "skipped"
    run = ScheduledJobRun.objects.get(pk=run_id)
    job = JOBS_BY_NAME.get(run.job)
    try:
        if job is None:
            raise LookupError(f"unknown scheduled job {run.job!r}")
        message, outcome = job.run(), RunOutcome.OK
    except Exception as exc:  # noqa: BLE001 - recorded on the run and logged, never raised
        logger.exception("Scheduled job %s (run %s) failed", run.job, run.pk)
        message, outcome = f"{type(exc).__name__}: {exc}", RunOutcome.FAILED
    _finish(run, outcome, message)
    return outcome


@task()
def run_job_task(run_id: int) -> str:
    """Task form of :func:`execute` (queue ``default``)."""
    return execute(run_id)


def last_runs() -> dict[str, ScheduledJobRun]:
    """The latest run of each job, by job name (one query per job: there are six)."""
    result = {}
    for job in JOBS:
        run = ScheduledJobRun.objects.filter(job=job.name).first()
        if run is not None:
            result[job.name] = run
    return result

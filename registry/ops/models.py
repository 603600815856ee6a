"""What the scheduler did: one row per run of a scheduled job (registry/ops/schedule.py)."""

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class RunOutcome(models.TextChoices):
    QUEUED = "queued", _("menunggu")
    RUNNING = "running", _("berjalan")
    OK = "ok", _("berhasil")
    FAILED = "failed", _("gagal")


#: Outcomes of a run that has not finished; a job has at most one such run at a time.
ACTIVE_OUTCOMES = (RunOutcome.QUEUED, RunOutcome.RUNNING)


class RunTrigger(models.TextChoices):
    SCHEDULE = "schedule", _("jadwal")
    MANUAL = "manual", _("manual")


class ScheduledJobRun(models.Model):
    """One run of one scheduled job: when it was queued, started and finished, and how it ended."""

    job = models.CharField(_("tugas"), max_length=60)
    trigger = models.CharField(_("pemicu"), max_length=10, choices=RunTrigger.choices)
    queued_at = models.DateTimeField(_("diantrekan"), default=timezone.now)
    started_at = models.DateTimeField(_("mulai"), null=True, blank=True)
    finished_at = models.DateTimeField(_("selesai"), null=True, blank=True)
    outcome = models.CharField(
        _("hasil"), max_length=10, choices=RunOutcome.choices, default=RunOutcome.QUEUED
    )
    message = models.TextField(_("pesan"), blank=True)

    class Meta:
        ordering = ["-queued_at", "-pk"]
        verbose_name = _("jalannya tugas terjadwal")
        verbose_name_plural = _("jalannya tugas terjadwal")
        indexes = [models.Index(fields=["job", "-queued_at"], name="ops_run_job_queued")]
        constraints = [
            # Two schedulers (or a scheduler and the admin's button) never queue the same job twice.
            models.UniqueConstraint(
                fields=["job"],
                condition=models.Q(outcome__in=["queued", "running"]),
                name="ops_one_active_run_per_job",
            )
        ]

    def __str__(self):
        return f"{self.job} {self.queued_at:%Y-%m-%d %H:%M} {self.outcome}"

    @property
    def seconds(self) -> float | None:
        """How long the run took, when it has finished."""
        if self.started_at and self.finished_at:
            return (self.finished_at - self.started_at).total_seconds()
        return None

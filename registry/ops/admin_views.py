"""The admin's "Jadwal tugas": each scheduled job with its last run, recent runs, and "run now"."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from .models import RunTrigger, ScheduledJobRun
from .schedule import JOBS, JOBS_BY_NAME, enqueue, is_due, last_runs

VIEW_PERMISSION = "ops.view_scheduledjobrun"


def can_view(user) -> bool:
    return user.is_superuser or user.has_perm(VIEW_PERMISSION)


def schedule(request):
    if not can_view(request.user):
        raise PermissionDenied
    runs = last_runs()
    now = timezone.now()
    rows = [{"job": job, "last": runs.get(job.name), "due": is_due(job, now)} for job in JOBS]
    titles = {job.name: job.title for job in JOBS}
    recent = [(titles.get(run.job, run.job), run) for run in ScheduledJobRun.objects.all()[:30]]
    return TemplateResponse(
        request,
        "ops/schedule.html",
        {"rows": rows, "recent": recent, "may_run": request.user.is_superuser},
    )


@require_POST
def run_now(request, name):
    if not request.user.is_superuser:
        raise PermissionDenied
    job = JOBS_BY_NAME.get(name)
    if job is None:
        raise Http404
    run = enqueue(job, RunTrigger.MANUAL)
    if run is None:
        messages.warning(request, _("%(job)s masih berjalan; tidak diantrekan lagi.") % {"job": job.title})
    else:
        messages.success(
            request,
            _("%(job)s: %(outcome)s.") % {"job": job.title, "outcome": run.get_outcome_display()},
        )
    return redirect("ops_schedule")

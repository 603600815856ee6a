"""The scheduled jobs themselves: each does its work and returns one Indonesian line for the admin."""

from io import StringIO

from django.core.management import call_command
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.models import Revision

from registry.coverage import engine, history
from registry.notifications.events import notify_all
from registry.notifications.mail import send_pending
from registry.regulations import effective
from registry.regulations.extraction.recovery import sweep_stale_runs
from registry.regulations.status import refresh_statuses
from search.backends import get_cluster_backend
from search.models import PendingIndexOperation
from search.tasks import replay_pending

from .reminders import send_review_reminders


def coverage_snapshot() -> str:
    """Recompute every service's coverage (age-based rules move with the date), then store a snapshot."""
    result = engine.recompute(None)
    rows = history.take_snapshot()
    return _("%(services)s layanan dihitung ulang; %(rows)s baris cuplikan cakupan disimpan.") % {
        "services": result.services,
        "rows": rows,
    }


def apply_effective_relations() -> str:
    """Apply the relations that take effect today (or since the last successful run).

    Stores the derived statuses (their ``statuses_changed`` signal updates the search index and
    recomputes the coverage of the services concerned; the page cache starts a new generation on
    the committed write) and recomputes the coverage of every service that relies on a regulation
    whose relations took effect, status change or not (a second amendment, an implementing Perwal).
    The first run ever recomputes all coverage.
    """
    from .models import RunOutcome, ScheduledJobRun

    today = effective.today()
    last = (
        ScheduledJobRun.objects.filter(job="apply_effective_relations", outcome=RunOutcome.OK)
        .order_by("-queued_at")
        .first()
    )
    after = timezone.localdate(last.queued_at, timezone.get_default_timezone()) if last is not None else None
    changed = refresh_statuses()
    if after is None:
        services = engine.recompute(None).services
    else:
        pairs = effective.relations_taking_effect(after, today)
        ids = {regulation_id for pair in pairs for regulation_id in pair}
        services = engine.recompute(engine.services_for_regulations(ids)).services if ids else 0
    return _("%(statuses)s status peraturan berubah; cakupan %(services)s layanan dihitung ulang.") % {
        "statuses": len(changed),
        "services": services,
    }


def publish_scheduled() -> str:
    """Run Wagtail's ``publish_scheduled``: publish the revisions whose go-live time has passed."""
    due = Revision.objects.filter(approved_go_live_at__lt=timezone.now()).count()
    call_command("publish_scheduled", stdout=StringIO())
    return _("%(n)s revisi terjadwal diterbitkan.") % {"n": due}


def sp_review_reminders() -> str:
    """E-mail each OPD whose Standar Pelayanan decrees are past the review threshold."""
    return send_review_reminders().summary()


def regulation_notifications() -> str:
    """Notify what publishing did not: amendments and revocations that took effect, e-mails not sent."""
    created = notify_all()
    sent = send_pending()
    return _("%(n)s pemberitahuan baru; %(e)s surel pemberitahuan dikirim.") % {"n": len(created), "e": sent}


def sweep_extractions() -> str:
    """Record as failed the extractions whose process died."""
    swept = sweep_stale_runs()
    return _("%(n)s ekstraksi macet ditandai gagal.") % {"n": len(swept)}


def search_replay() -> str:
    """Apply the index updates a search cluster missed while it was away."""
    cluster = get_cluster_backend()
    if cluster is None:
        return _("Tidak ada klaster pencarian; tidak ada pembaruan yang tertunda.")
    replayed = replay_pending(cluster)
    left = PendingIndexOperation.objects.filter(engine=cluster.name).count()
    if left:
        # Raised so the run is recorded as failed: the cluster is still refusing updates.
        raise RuntimeError(
            f"{replayed} pending index updates replayed, {left} still pending on {cluster.name}"
        )
    return _("%(n)s pembaruan indeks diterapkan ulang ke %(engine)s.") % {
        "n": replayed,
        "engine": cluster.name,
    }

"""The scheduled jobs themselves: each does its work and returns one Indonesian line for the admin."""

from django.utils.translation import gettext as _

from registry.coverage import engine, history
from registry.notifications.events import notify_all
from registry.notifications.mail import send_pending
from registry.regulations.extraction.recovery import sweep_stale_runs
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

"""Recompute coverage incrementally when a service, a regulation or a rule setting changes.

Coverage reads services and regulations; they do not know it exists. The handlers only enqueue
tasks (run immediately in development and tests, by a worker in production).
"""

import logging

from django.db.models.signals import post_delete, post_save, pre_delete
from wagtail.signals import page_published, page_unpublished, post_page_move

from registry.regulations.signals import references_changed, statuses_changed

logger = logging.getLogger(__name__)


def _enqueue(task, *args):
    try:
        task.enqueue(*args)
    except Exception:  # a failing coverage task must never break publishing
        logger.exception("Could not enqueue %s", task.name)


def service_changed(sender, instance, **kwargs):
    """A service was published, unpublished or moved: recompute it."""
    from .tasks import recompute_coverage_task

    _enqueue(recompute_coverage_task, [instance.pk])


def service_deleted(sender, instance, **kwargs):
    """A service was deleted: drop its coverage (the cascade usually has already)."""
    from .models import ServiceCoverage

    ServiceCoverage.objects.filter(service_id=instance.pk).delete()


def regulation_changed(sender, instance, **kwargs):
    """A regulation was published or unpublished: recompute the services it affects."""
    from .tasks import recompute_for_regulations_task

    _enqueue(recompute_for_regulations_task, [instance.pk])


def regulation_deleting(sender, instance, **kwargs):
    """A regulation is about to be deleted: recompute the services of the ones it relates to.

    Its relations vanish with it, so the affected services are found now, before the delete.
    """
    from .engine import services_for_regulations
    from .tasks import recompute_coverage_task

    service_ids = services_for_regulations([instance.pk])
    if service_ids:
        _enqueue(recompute_coverage_task, service_ids)


def statuses_were_changed(sender, page_ids, **kwargs):
    """Derived regulation statuses (or their stored delegations and amended Pasal) changed: recompute
    every service relying on those regulations."""
    from .tasks import recompute_for_regulations_task

    _enqueue(recompute_for_regulations_task, sorted(page_ids))


def rules_changed(sender, **kwargs):
    """A rule setting changed in the admin: recompute everything."""
    from .tasks import recompute_coverage_task

    _enqueue(recompute_coverage_task, None)


def register_signal_handlers():
    """Connect the handlers (called from the app config's ready())."""
    from registry.regulations.models import RegulationPage
    from registry.services.models import ServicePage

    from .models import RuleConfig

    for signal, name in (
        (page_published, "published"),
        (page_unpublished, "unpublished"),
        (post_page_move, "moved"),
    ):
        signal.connect(service_changed, sender=ServicePage, dispatch_uid=f"coverage_service_{name}")
    post_delete.connect(service_deleted, sender=ServicePage, dispatch_uid="coverage_service_deleted")
    page_published.connect(
        regulation_changed, sender=RegulationPage, dispatch_uid="coverage_regulation_published"
    )
    page_unpublished.connect(
        regulation_changed, sender=RegulationPage, dispatch_uid="coverage_regulation_unpublished"
    )
    pre_delete.connect(
        regulation_deleting, sender=RegulationPage, dispatch_uid="coverage_regulation_deleting"
    )
    statuses_changed.connect(statuses_were_changed, dispatch_uid="coverage_statuses_changed")
    references_changed.connect(statuses_were_changed, dispatch_uid="coverage_references_changed")
    post_save.connect(rules_changed, sender=RuleConfig, dispatch_uid="coverage_rule_saved")
    post_delete.connect(rules_changed, sender=RuleConfig, dispatch_uid="coverage_rule_deleted")

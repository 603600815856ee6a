"""Keep derived service data in step with the page tree."""

from wagtail.signals import post_page_move


def _sync_opd_after_move(sender, instance, parent_page_after, **kwargs):
    # The opd column mirrors the page's parent; a move through the admin does not call save().
    from .models import PerangkatDaerahPage, ServicePage

    parent = parent_page_after
    opd_id = parent.pk if parent is not None and parent.specific_class is PerangkatDaerahPage else None
    ServicePage.objects.filter(pk=instance.pk).update(opd_id=opd_id)


def register_signal_handlers():
    """Connect the handlers (called from the app config's ready())."""
    from .models import ServicePage

    post_page_move.connect(
        _sync_opd_after_move, sender=ServicePage, dispatch_uid="services_sync_opd_after_move"
    )

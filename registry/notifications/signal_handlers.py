"""Notify OPD editors when a regulation that amends or revokes another is published."""

from wagtail.signals import page_published


def _regulation_published(sender, instance, **kwargs):
    from .events import notify_source

    notify_source(instance)


def register_signal_handlers():
    """Connect the handlers (called from the app config's ready())."""
    from registry.regulations.models import RegulationPage

    page_published.connect(
        _regulation_published, sender=RegulationPage, dispatch_uid="notifications_regulation_published"
    )

"""Keep derived regulation data in step with publishing."""

from django.db.models.signals import post_delete
from wagtail.signals import page_published, page_unpublished

from .status import refresh_statuses


def _refresh(sender, **kwargs):
    refresh_statuses()


def register_signal_handlers():
    """Connect the handlers (called from the app config's ready())."""
    from .models import RegulationPage

    page_published.connect(_refresh, sender=RegulationPage, dispatch_uid="regulations_status_published")
    page_unpublished.connect(_refresh, sender=RegulationPage, dispatch_uid="regulations_status_unpublished")
    post_delete.connect(_refresh, sender=RegulationPage, dispatch_uid="regulations_status_deleted")

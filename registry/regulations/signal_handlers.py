"""Keep derived regulation data in step with publishing and with uploaded documents."""

from django.core.signals import request_finished, request_started
from django.db.models.signals import post_delete, post_save, pre_save
from wagtail.signals import page_published, page_unpublished

from .choices import ExtractionStatus
from .references import pages_affected_by, refresh_fulfilment, resolve_for_page
from .status import refresh_statuses

#: Set this attribute to True on a document instance to save it without queueing an extraction
#: (``manage.py ingest_pdfs`` extracts in the foreground itself).
SKIP_EXTRACTION_ATTR = "_skip_auto_extraction"


def _refresh(sender, **kwargs):
    refresh_statuses()


def _references_published(sender, instance, **kwargs):
    """A regulation was published: resolve the citations waiting for it, refresh delegation fulfilment."""
    resolve_for_page(instance)
    refresh_fulfilment(pages_affected_by(instance))


def _references_unpublished(sender, instance, **kwargs):
    """A regulation was unpublished: the delegations it fulfilled are open again."""
    refresh_fulfilment(pages_affected_by(instance))


def _note_file_change(sender, instance, update_fields=None, **kwargs):
    """Before a document is saved, note whether its file is new; a new file resets the status."""
    if update_fields is not None and "file" not in update_fields:
        instance._file_changed = False
        return
    if instance.pk is None:
        previous = None
    else:
        previous = sender.objects.filter(pk=instance.pk).values_list("file", flat=True).first()
    instance._file_changed = previous != instance.file.name
    if instance._file_changed and instance.pk is not None:
        instance.extraction_status = ExtractionStatus.PENDING
        instance.extraction_reason = ""


def _queue_extraction(sender, instance, created, raw=False, **kwargs):
    """After a document is saved with a new file, extract it once the transaction commits.

    In a web request on immediate tasks the extraction runs in a background thread (``tasks``).
    """
    if raw or getattr(instance, SKIP_EXTRACTION_ATTR, False):
        return
    if not (created or getattr(instance, "_file_changed", False)):
        return
    from .tasks import request_extraction

    request_extraction(instance.pk)


def register_signal_handlers():
    """Connect the handlers (called from the app config's ready())."""
    from .models import RegulationDocument, RegulationPage
    from .tasks import note_request_finished, note_request_started

    page_published.connect(_refresh, sender=RegulationPage, dispatch_uid="regulations_status_published")
    page_unpublished.connect(_refresh, sender=RegulationPage, dispatch_uid="regulations_status_unpublished")
    post_delete.connect(_refresh, sender=RegulationPage, dispatch_uid="regulations_status_deleted")
    page_published.connect(
        _references_published, sender=RegulationPage, dispatch_uid="regulations_references_published"
    )
    page_unpublished.connect(
        _references_unpublished, sender=RegulationPage, dispatch_uid="regulations_references_unpublished"
    )
    pre_save.connect(
        _note_file_change, sender=RegulationDocument, dispatch_uid="regulations_document_file_change"
    )
    post_save.connect(
        _queue_extraction, sender=RegulationDocument, dispatch_uid="regulations_document_extraction"
    )
    # Extractions requested while serving a web request may run in the background (see ``tasks``).
    request_started.connect(note_request_started, dispatch_uid="regulations_extraction_request_started")
    request_finished.connect(note_request_finished, dispatch_uid="regulations_extraction_request_finished")

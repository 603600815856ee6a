"""Background tasks of the regulations app (django-tasks; immediate in development and tests)."""

from django.contrib.auth import get_user_model
from django_tasks import task

from .extraction.pipeline import extract_document
from .models import RegulationDocument


@task(queue_name="extraction")
def extract_document_task(document_id: int, force: bool = False, requested_by_id: int | None = None) -> str:
    """Extract one document's text in child processes and record the outcome.

    Returns the resulting status, "unchanged" when the same file was already extracted, or
    "missing" when the document was deleted before the task ran.
    """
    document = RegulationDocument.objects.filter(pk=document_id).first()
    if document is None:
        return "missing"
    requested_by = None
    if requested_by_id is not None:
        requested_by = get_user_model().objects.filter(pk=requested_by_id).first()
    run = extract_document(document, force=force, requested_by=requested_by)
    return run.status if run is not None else "unchanged"

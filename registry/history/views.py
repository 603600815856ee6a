"""The admin view exporting one regulation's history (CSV or XLSX), for the legal bureau."""

from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404
from django.utils import timezone

from registry.regulations.models import RegulationPage

from .export import regulation_history, to_csv, to_xlsx
from .permissions import can_export_history

CONTENT_TYPES = {
    "csv": "text/csv; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}


def export_history(request, page_id, fmt):
    """Download the full history of one regulation as ``fmt`` ("csv" or "xlsx")."""
    if fmt not in CONTENT_TYPES:
        raise Http404
    if not can_export_history(request.user):
        raise PermissionDenied
    page = get_object_or_404(RegulationPage, pk=page_id)
    rows = regulation_history(page)
    body = to_csv(rows) if fmt == "csv" else to_xlsx(rows, page.title)
    response = HttpResponse(body, content_type=CONTENT_TYPES[fmt])
    name = f"riwayat-{page.slug}-{timezone.localdate():%Y-%m-%d}.{fmt}"
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response

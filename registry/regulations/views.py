"""Public views of the regulation registry: browsing and readable regulation URLs.

The routes of ``RegulationIndexPage`` call these views with the querysets they read, so this module
imports no models (the models import it).
"""

from django.core.paginator import Paginator
from django.db.models import Count
from django.http import Http404
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _

from registry.visibility import public_pages, serve_page
from search.params import parse_year

from . import effective
from .choices import IN_FORCE, Status

PAGE_SIZE = 20


def serve_regulation(request, regulations, jenis, tahun, nomor):
    """Serve the live regulation at /peraturan/<jenis>/<tahun>/<nomor>/; drafts are never public.

    ``regulations`` holds the index's regulation pages.
    """
    page = (
        regulations.live()
        .filter(slug=f"{jenis}-{tahun}-{nomor}", tahun=tahun, nomor_slug=nomor)
        .select_related("regulation_type", "pemrakarsa")
        .first()
    )
    if page is None:
        raise Http404(_("Peraturan tidak ditemukan."))
    # Wagtail checked the index's view restrictions only; the regulation's own are checked here.
    return serve_page(page, request)


def browse_regulations(request, index, regulations, types, jenis=None, tahun=None):
    """List public regulations by jenis, tahun and status, with counts and pagination.

    ``regulations`` holds the index's regulation pages, ``types`` the regulation types.
    ``?berlaku_pada=YYYY-MM-DD`` keeps the regulations in force on that date, each with its status
    then; a malformed date is explained on the page and ignored.
    """
    base = public_pages(regulations)
    as_of, as_of_error = None, ""
    try:
        as_of = effective.parse_as_of(request.GET.get("berlaku_pada"))
    except effective.InvalidDate as exc:
        as_of_error = str(exc)
    statuses = {}
    if as_of is not None:
        # Every regulation's status on that date in two queries, for the filter and the badges.
        statuses = effective.statuses_on(None, as_of)
        base = base.filter(pk__in=[pk for pk, code in statuses.items() if code in IN_FORCE])
    jenis = jenis or request.GET.get("jenis") or None
    tahun = tahun or parse_year(request.GET.get("tahun"))
    status = request.GET.get("status") or None

    regulation_type = None
    if jenis:
        regulation_type = types.filter(slug=jenis).first()
        if regulation_type is None:
            raise Http404(_("Jenis peraturan tidak dikenal."))
    if status and status not in Status.values:
        status = None

    # Status counts answer "how many of this jenis and tahun are still in force", so they ignore the
    # status filter itself.
    scoped = base
    if regulation_type:
        scoped = scoped.filter(regulation_type=regulation_type)
    if tahun:
        scoped = scoped.filter(tahun=tahun)
    filtered = scoped.filter(status=status) if status else scoped

    type_counts = (
        base.values("regulation_type__slug", "regulation_type__name", "regulation_type__rank")
        .annotate(n=Count("pk"))
        .order_by("regulation_type__rank", "regulation_type__name")
    )
    year_base = base.filter(regulation_type=regulation_type) if regulation_type else base
    year_counts = year_base.values("tahun").annotate(n=Count("pk")).order_by("-tahun")
    status_labels = dict(Status.choices)
    status_counts = sorted(
        (
            (row["status"], status_labels.get(row["status"], row["status"]), row["n"])
            for row in scoped.order_by().values("status").annotate(n=Count("pk"))
        ),
        key=lambda item: Status.values.index(item[0]) if item[0] in Status.values else len(Status.values),
    )

    ordered = filtered.select_related("regulation_type").order_by("-tahun", "regulation_type__rank", "nomor")
    paginator = Paginator(ordered, PAGE_SIZE)
    page_obj = paginator.get_page(request.GET.get("page"))
    if as_of is not None:
        for regulation in page_obj:
            regulation.as_of_status = statuses.get(regulation.pk, regulation.status)
            regulation.as_of_status_label = effective.status_label(regulation.as_of_status)

    context = {
        "page": index,
        "self": index,
        "regulations": page_obj,
        "paginator": paginator,
        "regulation_type": regulation_type,
        "tahun": tahun,
        "status": status,
        "statuses": Status.choices,
        "type_counts": type_counts,
        "year_counts": year_counts,
        "status_counts": status_counts,
        "is_filtered": bool(regulation_type or tahun or status or as_of),
        "as_of": as_of,
        "as_of_value": as_of.isoformat() if as_of else "",
        "as_of_label": effective.format_date(as_of),
        "as_of_error": as_of_error,
    }
    return TemplateResponse(request, "regulations/regulation_index_page.html", context)

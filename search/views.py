"""The public search page (/cari/).

A first version over Wagtail's database search; the engine-neutral interface with its SQLite FTS5,
PostgreSQL and Elasticsearch backends replaces it (issue #4).
"""

from django.core.paginator import Paginator
from django.template.response import TemplateResponse
from wagtail.models import Page

MAX_QUERY_LENGTH = 200


def search(request):
    """Search live pages; an empty or over-long query gets a clear answer, never an error."""
    query = (request.GET.get("q") or "").strip()
    too_long = len(query) > MAX_QUERY_LENGTH
    query = query[:MAX_QUERY_LENGTH]
    results = Page.objects.live().specific().search(query) if query else Page.objects.none()
    paginator = Paginator(results, 20)
    page_obj = paginator.get_page(request.GET.get("page"))
    return TemplateResponse(
        request,
        "search/search.html",
        {"query": query, "results": page_obj, "too_long": too_long},
    )

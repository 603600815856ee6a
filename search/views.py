"""The public search page (/cari/), its JSON form (?format=json) and autocomplete (/cari/saran/)."""

from django.http import JsonResponse
from django.template.response import TemplateResponse
from django.views.decorators.http import require_GET

from . import service
from .backends.base import FACET_FIELDS
from .documents import KIND_SERVICE
from .params import parse_int
from .query import MAX_QUERY_LENGTH
from .registry import registry


def _page_number(request) -> int:
    return parse_int(request.GET.get("page", "1"), minimum=1) or 1


def _direct_answer(result):
    """The answer card's content when the first hit of the first page is a service that answers the
    query (every word matched), else None."""
    if result.page != 1 or not result.answers or result.hits[0].kind != KIND_SERVICE:
        return None
    return registry.answer_for(result.hits[0].doc_id)


@require_GET
def search(request):
    """Search services, regulations and passages; any input gets a clear answer, never an error."""
    query = request.GET.get("q", "")
    filters = {name: request.GET.getlist(name) for name in FACET_FIELDS if name in request.GET}
    result = service.search(query, filters=filters, page=_page_number(request))
    if request.GET.get("format") == "json":
        return JsonResponse(result.as_json(), json_dumps_params={"ensure_ascii": False})
    titles = service.facet_titles()
    facets = [(name, titles[name], values) for name, values in result.facets.items() if values]
    return TemplateResponse(
        request,
        "search/results.html",
        {
            "query": result.query,
            "result": result,
            "facets": facets,
            "answer": _direct_answer(result),
            "max_query_length": MAX_QUERY_LENGTH,
            "page_range": range(max(1, result.page - 3), min(result.pages, result.page + 3) + 1),
        },
    )


@require_GET
def suggest(request):
    """Up to eight titles for the home search box, as JSON."""
    return JsonResponse(
        {"suggestions": service.suggest(request.GET.get("q", ""))}, json_dumps_params={"ensure_ascii": False}
    )

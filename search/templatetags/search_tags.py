"""Template helpers for the results page.

Links are built from the search as it was understood (the query cut to its searched length and
the filters that were kept), never by copying the raw query string: a 4 KB ``q`` or a hundred
unknown parameters must not be repeated in every facet and page link.
"""

from django import template
from django.http import QueryDict

register = template.Library()


def _base_params(result) -> QueryDict:
    params = QueryDict(mutable=True)
    if result.query:
        params["q"] = result.query
    for name, values in result.filters.items():
        params.setlist(name, list(values))
    return params


@register.simple_tag(takes_context=True)
def toggle_filter(context, name, value):
    """The query string with ``name=value`` added, or removed if present; back to page 1."""
    params = _base_params(context["result"])
    values = params.getlist(name)
    params.setlist(name, [v for v in values if v != value] if value in values else [*values, value])
    return "?" + params.urlencode()


@register.simple_tag(takes_context=True)
def page_url(context, number):
    """The query string for another page of the same results."""
    params = _base_params(context["result"])
    params["page"] = str(number)
    return "?" + params.urlencode()

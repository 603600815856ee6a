"""Template helpers for the results page."""

from django import template
from django.http import QueryDict

register = template.Library()


@register.simple_tag(takes_context=True)
def toggle_filter(context, name, value):
    """The query string with ``name=value`` added, or removed if present; back to page 1."""
    params: QueryDict = context["request"].GET.copy()
    values = params.getlist(name)
    params.setlist(name, [v for v in values if v != value] if value in values else [*values, value])
    params.pop("page", None)
    params.pop("format", None)
    return "?" + params.urlencode()


@register.simple_tag(takes_context=True)
def page_url(context, number):
    """The query string for another page of the same results."""
    params: QueryDict = context["request"].GET.copy()
    params["page"] = str(number)
    params.pop("format", None)
    return "?" + params.urlencode()

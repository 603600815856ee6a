"""Template tags for the public site: the site name and the main navigation."""

from django import template
from django.conf import settings
from wagtail.models import Page

from registry.visibility import public_pages

register = template.Library()


@register.simple_tag
def site_name() -> str:
    """The installation's public name (settings.WAGTAIL_SITE_NAME)."""
    return settings.WAGTAIL_SITE_NAME


def _index_urls(request) -> dict[str, str]:
    """URLs of the two browsing indexes, looked up once per request in a single query."""
    cached = getattr(request, "_registry_index_urls", None)
    if cached is not None:
        return cached
    from registry.regulations.models import RegulationIndexPage
    from registry.services.models import PerangkatDaerahIndexPage

    names = {
        RegulationIndexPage: "regulations",
        PerangkatDaerahIndexPage: "units",
    }
    urls = {}
    for page in public_pages(Page.objects.type(*names)).select_related("content_type").order_by("path"):
        name = names.get(page.content_type.model_class())
        if name and name not in urls:
            urls[name] = page.get_url(request)
    if request is not None:
        request._registry_index_urls = urls
    return urls


@register.inclusion_tag("includes/main_nav.html", takes_context=True)
def main_nav(context):
    """The primary navigation: services (on the home page), Perangkat Daerah and regulations."""
    request = context.get("request")
    urls = _index_urls(request)
    current = request.path if request is not None else ""
    return {
        "units_url": urls.get("units", ""),
        "regulations_url": urls.get("regulations", ""),
        "current_path": current,
    }

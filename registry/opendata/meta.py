"""Absolute URLs, canonical links and meta descriptions for the public pages.

Absolute URLs are built on the Wagtail site the request belongs to (its configured ``root_url``),
never on the ``Host`` header, so a canonical link or a feed entry cannot be made to point elsewhere.
"""

from django.conf import settings
from django.utils.translation import gettext as _
from wagtail.models import Site

#: Longest meta description; search engines show about this much.
DESCRIPTION_LIMIT = 160
#: Query parameters kept in a canonical link (a listing's page number); every other one is a facet.
CANONICAL_PARAMETERS = ("page",)


def site_root(request) -> str:
    """The root URL of the request's site ("https://registri.example.go.id"), without a slash."""
    site = Site.find_for_request(request) if request is not None else None
    if site is None:
        site = Site.objects.filter(is_default_site=True).first()
    root = site.root_url if site is not None else settings.WAGTAILADMIN_BASE_URL
    return root.rstrip("/")


def absolute(request, url: str) -> str:
    """``url`` (a path, or already absolute) as an absolute URL on the request's site."""
    if not url or url.startswith(("http://", "https://")):
        return url
    return site_root(request) + ("" if url.startswith("/") else "/") + url


def page_url(request, page) -> str:
    """The absolute URL of a Wagtail page (routable regulation URLs included), or ""."""
    url = page.get_url(request)
    return absolute(request, url) if url else ""


def canonical_url(request) -> str:
    """The canonical link of the current public page: its path on the site, facets left out.

    Only a page number beyond the first is kept, so each page of a listing names itself.
    """
    if request is None:
        return ""
    url = absolute(request, request.path)
    for name in CANONICAL_PARAMETERS:
        value = request.GET.get(name, "")
        if value.isascii() and value.isdigit() and int(value) > 1:
            url += f"?{name}={int(value)}"
    return url


def trim(text, limit: int = DESCRIPTION_LIMIT) -> str:
    """``text`` on one line, cut at a word boundary to at most ``limit`` characters ("…" added)."""
    text = " ".join(str(text or "").split())
    if len(text) <= limit:
        return text
    cut = text[: limit - 1]
    if " " in cut:
        cut = cut.rsplit(" ", 1)[0]
    return cut.rstrip(" ,.;:-") + "…"


def default_description() -> str:
    """What a page says about itself when it has nothing of its own."""
    return _(
        "Registri peraturan dan layanan publik %(city)s: persyaratan, biaya, jangka waktu, "
        "dasar hukum, dan naskah peraturan."
    ) % {"city": settings.REGISTRY_CITY_NAME}


def description(*candidates) -> str:
    """The first non-empty candidate, trimmed; the site's default when all are empty."""
    for candidate in candidates:
        text = trim(candidate)
        if text:
            return text
    return trim(default_description())

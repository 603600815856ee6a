"""The head of every public page: meta description, canonical link and schema.org JSON-LD.

``base.html`` calls ``{% page_meta %}`` in its ``head_meta`` block; each page template overrides the
block with its own kind, e.g. ``{% page_meta "service" %}``. The tag reads only what the page's
context has already loaded.

JSON-LD goes into ``<script type="application/ld+json">``: a data block, which browsers never
execute, so the public Content-Security-Policy (no inline scripts) does not apply to it. The JSON is
escaped as Django's ``json_script`` escapes it (``<``, ``>`` and ``&`` as ``\\u003C`` …), so no value
can close the element.
"""

import json

from django import template
from django.conf import settings
from django.core.serializers.json import DjangoJSONEncoder
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

from registry.opendata import jsonld
from registry.opendata.meta import canonical_url, description, page_url

register = template.Library()

_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


def dumps(data) -> str:
    """``data`` as JSON safe to place inside an HTML element."""
    return json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False).translate(_ESCAPES)


@register.filter
def jsonld_script(data):
    """``data`` as a ``<script type="application/ld+json">`` element ("" when there is none)."""
    if not data:
        return ""
    return format_html('<script type="application/ld+json">{}</script>', mark_safe(dumps(data)))


def _page(context):
    return context.get("page") or context.get("self")


def _search_description(context) -> str:
    page = _page(context)
    return getattr(page, "search_description", "") if page is not None else ""


# --- one builder per kind of page: (description, JSON-LD) -----------------------------------------


def _home(request, context):
    page = _page(context)
    text = description(_search_description(context), getattr(page, "intro", ""))
    return text, jsonld.website(request, text)


def _opd_index(request, context):
    page = _page(context)
    text = description(_search_description(context), page.intro)
    units = [unit for _label, members in context.get("groups", []) for unit in members]
    items = [(unit.title, page_url(request, unit)) for unit in units]
    return text, jsonld.collection(request, "CollectionPage", page.title, text, items)


def _opd(request, context):
    page = _page(context)
    text = description(_search_description(context), page.description, page.title)
    return text, jsonld.organization(request, page, text, context.get("services", ()))


def _service(request, context):
    page = _page(context)
    text = description(_search_description(context), page.summary, page.title)
    data = jsonld.government_service(
        request,
        page,
        context.get("opd"),
        context.get("channels", ()),
        context.get("legal_bases", ()),
        text,
    )
    return text, data


def _regulation(request, context):
    page = _page(context)
    text = description(
        _search_description(context),
        _("%(title)s tentang %(tentang)s") % {"title": page.short_title(), "tentang": page.tentang},
    )
    data = jsonld.legislation(
        request, page, context.get("outgoing_relations", ()), context.get("files", ()), text
    )
    return text, data


def _regulation_index(request, context):
    page = _page(context)
    kind, tahun = context.get("regulation_type"), context.get("tahun")
    name = page.title
    if kind is not None:
        name = f"{kind.name} {_('Tahun')} {tahun}" if tahun else kind.name
    if kind is not None or context.get("is_filtered"):
        text = description(
            _("Daftar %(name)s di %(site)s, dengan status, naskah, dan hubungan antarperaturan.")
            % {"name": name, "site": settings.WAGTAIL_SITE_NAME}
        )
    else:
        text = description(_search_description(context), page.intro)
    regulations = context.get("regulations") or ()
    items = [(str(reg.short_title()), page_url(request, reg)) for reg in regulations]
    paginator = context.get("paginator")
    total = paginator.count if paginator is not None else None
    return text, jsonld.collection(request, "CollectionPage", name, text, items, total)


def _listing(request, context):
    heading = context.get("listing_heading", "")
    text = description(
        context.get("listing_description", ""),
        _("Layanan publik %(city)s untuk %(name)s.") % {"city": settings.REGISTRY_CITY_NAME, "name": heading},
    )
    items = [(service.title, page_url(request, service)) for service in context.get("services", ())]
    return text, jsonld.collection(request, "CollectionPage", heading, text, items)


def _search(request, context):
    text = description(
        _("Cari layanan publik, persyaratan, dan peraturan %(city)s, termasuk pasal tertentu.")
        % {"city": settings.REGISTRY_CITY_NAME}
    )
    return text, jsonld.collection(request, "SearchResultsPage", _("Pencarian"), text)


def _transparency(request, context):
    city = context.get("city")
    text = description(
        _(
            "Transparansi cakupan regulasi layanan publik %(city)s: berapa layanan yang dasar hukum, "
            "Standar Pelayanan, dan SOP-nya lengkap, per perangkat daerah dan dari waktu ke waktu."
        )
        % {"city": settings.REGISTRY_CITY_NAME}
    )
    name = _("Transparansi cakupan regulasi layanan publik")
    data = jsonld.collection(request, "WebPage", name, text)
    if city is not None:
        data["about"] = {
            "@type": "Thing",
            "name": _("Cakupan regulasi %(n)s layanan publik") % {"n": city.total},
        }
    return text, data


def _generic(request, context):
    page = _page(context)
    title = getattr(page, "seo_title", "") or getattr(page, "title", "") or settings.WAGTAIL_SITE_NAME
    text = description(_search_description(context))
    return text, jsonld.collection(request, "WebPage", title, text)


BUILDERS = {
    "home": _home,
    "opd_index": _opd_index,
    "opd": _opd,
    "service": _service,
    "regulation": _regulation,
    "regulation_index": _regulation_index,
    "listing": _listing,
    "search": _search,
    "transparency": _transparency,
    "page": _generic,
}


@register.simple_tag(takes_context=True)
def page_meta(context, kind="page"):
    """The meta description, canonical link and JSON-LD of the current page, for ``<head>``.

    A view may hand in its own (``meta_description``, ``structured_data``) through the context.
    """
    request = context.get("request")
    if "structured_data" in context:
        text, data = description(context.get("meta_description", "")), context["structured_data"]
    else:
        text, data = BUILDERS[kind](request, context)
    parts = [format_html('<meta name="description" content="{}">', text)]
    canonical = canonical_url(request)
    if canonical:
        parts.append(format_html('<link rel="canonical" href="{}">', canonical))
    parts.append(jsonld_script(data))
    return mark_safe("\n    ".join(str(part) for part in parts if part))

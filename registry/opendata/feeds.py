"""Atom feeds of newly published or changed regulations and services (Django's syndication).

``/feed/peraturan/`` takes ``?jenis=<slug jenis>`` and ``?opd=<slug perangkat daerah pemrakarsa>``;
``/feed/layanan/`` takes ``?opd=<slug perangkat daerah>`` and ``?kategori=<slug kategori>``. An
unknown value answers 400 with an Indonesian sentence naming the parameter, rather than an empty
feed a reader would keep polling in vain. Entries are public pages only, newest publication first;
each entry's ``updated`` is the page's last publication and ``published`` its first.
"""

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.http import HttpResponse
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext as _

from registry.regulations.models import RegulationIndexPage, RegulationPage, RegulationType
from registry.services.models import PerangkatDaerahPage, ServiceCategory, ServicePage
from registry.visibility import public_pages

from .meta import absolute, page_url

#: Entries per feed.
FEED_SIZE = 50


class FilterError(Exception):
    """A filter value the feed does not know; the message is shown to the client."""


def _lookup(queryset, request, name: str, message: str):
    """The object ``?name=`` names (by slug), None when absent; FilterError when unknown."""
    value = request.GET.get(name, "").strip()
    if not value:
        return None
    found = queryset.filter(slug=value).first()
    if found is None:
        raise FilterError(message % {"value": value[:80]})
    return found


def _index_path(request) -> str:
    """The regulation index's URL (the feed's home), or the site root when there is none."""
    index = public_pages(RegulationIndexPage.objects.all()).first()
    return (index.get_url(request) if index is not None else None) or "/"


class RegistryFeed(Feed):
    """A feed that answers 400 for an unknown filter and links entries on the request's site."""

    feed_type = Atom1Feed
    language = "id"

    def __call__(self, request, *args, **kwargs):
        try:
            return super().__call__(request, *args, **kwargs)
        except FilterError as error:
            return HttpResponse(str(error), status=400, content_type="text/plain; charset=utf-8")

    def link(self, obj):
        return absolute(obj["request"], obj["path"])

    def feed_url(self, obj):
        return absolute(obj["request"], obj["request"].get_full_path())

    def author_name(self):
        return f"Pemerintah {settings.REGISTRY_CITY_NAME}"

    def items(self, obj):
        items = list(obj["items"][:FEED_SIZE])
        for item in items:
            item.feed_url = page_url(obj["request"], item)
        return items

    def item_link(self, item):
        return item.feed_url

    def item_guid(self, item):
        return item.feed_url

    def item_pubdate(self, item):
        return item.first_published_at

    def item_updateddate(self, item):
        return item.last_published_at


class RegulationFeed(RegistryFeed):
    """Regulations newly published or changed."""

    def get_object(self, request):
        kind = _lookup(
            RegulationType.objects.all(), request, "jenis", _("Jenis peraturan '%(value)s' tidak dikenal.")
        )
        unit = _lookup(
            public_pages(PerangkatDaerahPage.objects.all()),
            request,
            "opd",
            _("Perangkat daerah '%(value)s' tidak dikenal."),
        )
        items = public_pages(RegulationPage.objects.all()).select_related("regulation_type")
        if kind is not None:
            items = items.filter(regulation_type=kind)
        if unit is not None:
            items = items.filter(pemrakarsa=unit)
        parts = [part for part in (kind.name if kind else "", unit.title if unit else "") if part]
        return {
            "request": request,
            "path": _index_path(request),
            "items": items.order_by("-last_published_at", "-pk"),
            "parts": parts,
        }

    def title(self, obj):
        base = _("Peraturan terbaru · %(site)s") % {"site": settings.WAGTAIL_SITE_NAME}
        return f"{base} ({', '.join(obj['parts'])})" if obj["parts"] else base

    def subtitle(self, obj):
        return _("Peraturan yang baru diterbitkan atau diperbarui di %(site)s.") % {
            "site": settings.WAGTAIL_SITE_NAME
        }

    def item_title(self, item):
        return str(item.short_title())

    def item_description(self, item):
        return _("%(title)s tentang %(tentang)s. Status: %(status)s.") % {
            "title": item.short_title(),
            "tentang": item.tentang,
            "status": item.get_status_display(),
        }

    def item_categories(self, item):
        return [item.regulation_type.name]


class ServiceFeed(RegistryFeed):
    """Services newly published or changed."""

    def get_object(self, request):
        unit = _lookup(
            public_pages(PerangkatDaerahPage.objects.all()),
            request,
            "opd",
            _("Perangkat daerah '%(value)s' tidak dikenal."),
        )
        category = _lookup(
            ServiceCategory.objects.all(),
            request,
            "kategori",
            _("Kategori layanan '%(value)s' tidak dikenal."),
        )
        items = public_pages(ServicePage.objects.all()).select_related("opd", "category")
        if unit is not None:
            items = items.filter(opd=unit)
        if category is not None:
            items = items.filter(category=category)
        parts = [part for part in (unit.title if unit else "", category.name if category else "") if part]
        return {
            "request": request,
            "path": "/",
            "items": items.order_by("-last_published_at", "-pk"),
            "parts": parts,
        }

    def title(self, obj):
        base = _("Layanan terbaru · %(site)s") % {"site": settings.WAGTAIL_SITE_NAME}
        return f"{base} ({', '.join(obj['parts'])})" if obj["parts"] else base

    def subtitle(self, obj):
        return _("Layanan publik yang baru diterbitkan atau diperbarui di %(site)s.") % {
            "site": settings.WAGTAIL_SITE_NAME
        }

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.summary or item.title

    def item_author_name(self, item):
        return item.opd.title if item.opd else None

    def item_categories(self, item):
        return [item.category.name] if item.category else []

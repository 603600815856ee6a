"""The "Data terbuka" page and its downloads, the CPSV-AP export and ``robots.txt``."""

import json

from django.conf import settings
from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_GET

from . import cpsv
from .datasets import DATASETS
from .meta import absolute, description
from .writers import CONTENT_TYPES, LICENCE, WRITERS, dictionary_csv_response

#: Formats a dataset downloads in, with the label the page shows.
FORMATS = (("csv", "CSV"), ("xlsx", "XLSX"), ("json", "JSON"))


def _dataset(slug):
    dataset = DATASETS.get(slug)
    if dataset is None:
        raise Http404(_("Dataset tidak ditemukan."))
    return dataset


def _catalog_jsonld(request, datasets, generated, text) -> dict:
    """schema.org ``DataCatalog`` of the downloads, for dataset search engines."""
    url = absolute(request, request.path)
    return {
        "@context": "https://schema.org",
        "@type": "DataCatalog",
        "@id": url,
        "url": url,
        "name": _("Data terbuka %(site)s") % {"site": settings.WAGTAIL_SITE_NAME},
        "description": text,
        "inLanguage": "id",
        "license": LICENCE["url"],
        "publisher": {"@type": "GovernmentOrganization", "name": f"Pemerintah {settings.REGISTRY_CITY_NAME}"},
        "dataset": [
            {
                "@type": "Dataset",
                "name": str(entry["dataset"].title),
                "description": str(entry["dataset"].description),
                "license": LICENCE["url"],
                "dateModified": generated.isoformat(timespec="seconds"),
                "variableMeasured": [column["kolom"] for column in entry["dictionary"]],
                "distribution": [
                    {
                        "@type": "DataDownload",
                        "encodingFormat": CONTENT_TYPES[fmt].split(";")[0],
                        "contentUrl": link,
                    }
                    for fmt, _label, link in entry["links"]
                ],
            }
            for entry in datasets
        ],
    }


@require_GET
def open_data(request):
    """/data-terbuka/: each dataset with its size, downloads and data dictionary; licence; date."""
    generated = timezone.now()
    datasets = []
    for dataset in DATASETS.values():
        links = [
            (fmt, label, absolute(request, reverse("open_data_download", args=[dataset.slug, fmt])))
            for fmt, label in FORMATS
        ]
        datasets.append(
            {
                "dataset": dataset,
                "count": dataset.count(),
                "links": links,
                "dictionary_url": reverse("open_data_dictionary", args=[dataset.slug]),
                "dictionary": dataset.dictionary(),
            }
        )
    text = description(
        _(
            "Unduh katalog layanan, register peraturan, dasar hukum layanan, dan hasil cakupan regulasi "
            "%(city)s dalam CSV, XLSX, dan JSON, dengan kamus data. Lisensi CC BY 4.0."
        )
        % {"city": settings.REGISTRY_CITY_NAME}
    )
    context = {
        "datasets": datasets,
        "generated": generated,
        "licence": LICENCE,
        "meta_description": text,
        "structured_data": _catalog_jsonld(request, datasets, generated, text),
        "cpsv_url": reverse("open_data_cpsv"),
        "sitemap_url": reverse("sitemap"),
        "jdihn_url": reverse("jdihn_feed"),
        "regulation_feed_url": reverse("feed_regulations"),
        "service_feed_url": reverse("feed_services"),
    }
    return render(request, "opendata/data_terbuka.html", context)


@require_GET
def download(request, slug, fmt):
    """One dataset in one format (CSV streamed)."""
    dataset = _dataset(slug)
    writer = WRITERS.get(fmt)
    if writer is None:
        raise Http404(_("Format unduhan tidak dikenal. Pilih CSV, XLSX, atau JSON."))
    return writer(request, dataset, timezone.now())


@require_GET
def dictionary(request, slug):
    """The data dictionary of a CSV download, as CSV."""
    return dictionary_csv_response(request, _dataset(slug), timezone.now())


@require_GET
def cpsv_ap(request):
    """/data-terbuka/cpsv-ap.jsonld: the service catalogue in CPSV-AP 3.2 JSON-LD."""
    body = json.dumps(cpsv.catalogue(request), ensure_ascii=False, indent=1)
    return HttpResponse(body, content_type="application/ld+json; charset=utf-8")


@require_GET
@cache_control(max_age=3600, public=True)
def robots_txt(request):
    """Crawl everything public but the admin, search results and the API; name the sitemap.

    Documents under /dokumen/ stay crawlable: they are the signed regulations the public pages link
    to, served only when a public page attaches them.
    """
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        f"Disallow: {reverse('search')}",
        "Disallow: /api/",
        "Allow: /",
        "",
        f"Sitemap: {absolute(request, reverse('sitemap'))}",
        "",
    ]
    return HttpResponse("\n".join(lines), content_type="text/plain; charset=utf-8")

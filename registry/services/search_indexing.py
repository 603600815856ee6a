"""What the services app puts in the search index, and when.

A published service is one document: its name, summary, requirements, product, cost and time,
with its Perangkat Daerah, category and life events as keywords. Republishing a Perangkat Daerah
refreshes its services, which carry its name; so does any change to who may see them
(:func:`registry.visibility.connect_page_source`).
"""

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from registry.visibility import connect_page_source, public_pages
from search.documents import KIND_SERVICE, SearchDocument
from search.registry import Answer, DocumentSource

from .cost import cost_display

#: Citizens mostly look for services: they rank above regulations that match as well.
SERVICE_BOOST = 2.0


def service_documents(page) -> list[SearchDocument]:
    """The service's single document."""
    unit = page.opd
    requirements = [r.text + (f" ({r.note})" if r.note else "") for r in page.requirements.all()]
    body = [page.summary]
    if requirements:
        body.append(_("Persyaratan: ") + "; ".join(requirements))
    if page.product:
        body.append(_("Produk: ") + page.product)
    if page.cost_kind or page.cost_note:
        # The kind's own word ("Berbayar", "Gratis") too: citizens search "bayar pbb", "pbg gratis".
        kind = page.get_cost_kind_display() if page.cost_kind else ""
        body.append(_("Biaya: ") + " ".join(filter(None, [kind, cost_display(page), page.cost_note])))
    if page.time_display:
        body.append(_("Waktu: ") + page.time_display)
    keywords = [page.product]
    if unit is not None:
        keywords += [unit.title, unit.abbreviation]
    if page.category_id:
        keywords.append(page.category.name)
    keywords += [event.name for event in page.life_events.all()]
    try:
        url = page.get_url() or ""
    except Exception:  # noqa: BLE001 - a page outside any site still gets indexed, without a link
        url = ""
    return [
        SearchDocument(
            doc_id=f"service:{page.pk}",
            owner=f"service:{page.pk}",
            kind=KIND_SERVICE,
            title=page.title,
            subtitle=unit.title if unit else "",
            url=url,
            body="\n".join(part for part in body if part),
            keywords=" ".join(k for k in keywords if k),
            opd=unit.slug if unit else "",
            opd_label=unit.title if unit else "",
            boost=SERVICE_BOOST,
        )
    ]


def service_answer(page) -> Answer:
    """The direct answer for a service at the top of the results: requirements, time, cost and where."""
    facts = []
    requirements = len(page.requirements.all())
    if requirements:
        facts.append(
            (_("Persyaratan"), ngettext("%(n)d dokumen", "%(n)d dokumen", requirements) % {"n": requirements})
        )
    if page.time_display:
        facts.append((_("Waktu"), page.time_display))
    cost = cost_display(page)
    if cost:
        facts.append((_("Biaya"), cost))
    places = [channel.name for channel in page.channels.all()]
    if places or page.opd is not None:
        facts.append((_("Tempat"), ", ".join(places[:2]) if places else page.opd.title))
    return Answer(title=page.title, url=page.get_url() or "", facts=facts)


def register(registry):
    """Register services with the search app (called by ``search.registry.autodiscover``)."""
    from .models import ServicePage

    source = registry.register(
        DocumentSource(
            name="services",
            owner_prefix="service",
            queryset=lambda: (
                public_pages(ServicePage.objects.all())
                .select_related("opd", "category")
                .prefetch_related("requirements", "tariffs", "life_events")
            ),
            build=service_documents,
            answer=service_answer,
        )
    )
    connect_page_source(source, ServicePage)

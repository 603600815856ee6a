"""What the browser tests of the demo need to know, read from the database before the browser starts.

The demo's natural keys (service and OPD slugs, category and life-event slugs) name the pages; URLs
and titles come from the database, so a renamed page fails here with a clear message, not as a
timeout in the browser.
"""

from registry.regulations.models import RegulationIndexPage, RegulationPage
from registry.services.models import PerangkatDaerahPage, ServicePage


def _service(slug: str) -> ServicePage:
    return ServicePage.objects.live().select_related("opd").get(slug=slug)


def _amended_regulation() -> RegulationPage:
    """A local regulation whose status is "diubah", with the regulation that amends it."""
    return (
        RegulationPage.objects.live()
        .filter(status="diubah", regulation_type__is_local=True)
        .order_by("tahun", "nomor")
        .first()
    )


def read_facts() -> dict:
    """URLs and names of the demo pages the accessibility checks and the citizen journeys visit."""
    ktp = _service("ktp-el")
    pbg = ServicePage.objects.live().get(title__startswith="Persetujuan Bangunan Gedung (PBG)")
    birth = _service("akta-kelahiran")
    disdukcapil = PerangkatDaerahPage.objects.live().get(pk=ktp.opd_id)
    amended = _amended_regulation()
    assert amended is not None, "the demo has no amended (diubah) local regulation"
    amending = [relation.source for relation in amended.incoming_relations.select_related("source")]
    # A legal basis of the KTP-el service that names a pasal of a local regulation with text.
    basis = (
        ktp.legal_bases.select_related("regulation")
        .filter(regulation__regulation_type__is_local=True, provision__startswith="Pasal")
        .order_by("sort_order")
        .first()
    )
    return {
        "ktp": {"title": ktp.title, "url": ktp.url},
        "disdukcapil": {"title": disdukcapil.title, "url": disdukcapil.url},
        "pbg": {
            "title": pbg.title,
            "url": pbg.url,
            "cost_amount": pbg.cost_amount,
            "cost_note": pbg.cost_note,
        },
        "birth": {"title": birth.title, "url": birth.url},
        "basis": {
            "regulation": str(basis.regulation.short_title()),
            "url": basis.regulation.url,
            "provision": basis.provision,
        },
        "amended": {
            "title": str(amended.short_title()),
            "url": amended.url,
            "amended_by": [str(page.short_title()) for page in amending],
        },
        "regulation_index": RegulationIndexPage.objects.live().get().url,
    }

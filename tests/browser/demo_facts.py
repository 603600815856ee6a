"""What the browser tests of the demo need to know, read from the database before the browser starts.

The demo's natural keys (service and OPD slugs, category and life-event slugs) name the pages; URLs
and titles come from the database, so a renamed page fails here with a clear message, not as a
timeout in the browser.
"""

from registry.coverage import display
from registry.coverage.models import ServiceCoverage
from registry.coverage.rulebase import CoverageStatus
from registry.regulations.choices import RelationKind
from registry.regulations.models import RegulationIndexPage, RegulationPage
from registry.services.models import LifeEvent, PerangkatDaerahPage, ServicePage


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


def _amending(amended: RegulationPage) -> list[dict]:
    """The regulations that amend ``amended`` (what its status banner names), with their URLs."""
    kinds = [RelationKind.MENGUBAH, RelationKind.MENGUBAH_SEBAGIAN]
    relations = amended.incoming_relations.filter(kind__in=kinds).select_related("source")
    return [
        {"title": str(relation.source.short_title()), "url": relation.source.url}
        for relation in relations.order_by("source__tahun", "source__nomor")
    ]


def _incomplete_service() -> dict:
    """The first OPD (by name) with a live service whose coverage is not complete, and that service.

    The evaluator's journey opens that OPD's row on /transparansi/ and expects the service with its
    status label and the titles (or messages) of its findings, its reasons.
    """
    coverage = (
        ServiceCoverage.objects.filter(live=True, opd__isnull=False)
        .exclude(status=CoverageStatus.LENGKAP)
        .select_related("service", "opd")
        .order_by("opd__title", "service__title")
        .first()
    )
    assert coverage is not None, "every service of the demo has complete coverage"
    findings = list(coverage.findings.all())
    assert findings, f"{coverage.service.title} is {coverage.status} without a finding"
    return {
        "opd_title": coverage.opd.title,
        "opd_abbreviation": coverage.opd.abbreviation,
        "opd_slug": coverage.opd.slug,
        "service": coverage.service.title,
        "status_label": display.status_label(coverage.status),
        "reasons": sorted(
            {finding.title for finding in findings} | {finding.message for finding in findings}
        ),
    }


def read_facts() -> dict:
    """URLs and names of the demo pages the accessibility checks and the citizen journeys visit."""
    ktp = _service("ktp-el")
    pbg = ServicePage.objects.live().get(title__startswith="Persetujuan Bangunan Gedung (PBG)")
    birth = _service("akta-kelahiran")
    birth_event = LifeEvent.objects.get(slug="kelahiran")
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
        "ktp": {
            "title": ktp.title,
            "url": ktp.url,
            "requirements": [requirement.text for requirement in ktp.requirements.all()],
        },
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
            "anchor": basis.anchor,
        },
        "amended": {
            "title": str(amended.short_title()),
            "url": amended.url,
            "amended_by": [str(page.short_title()) for page in amending],
            "amending": _amending(amended),
        },
        "regulation_index": RegulationIndexPage.objects.live().get().url,
        "birth_event": {"name": birth_event.name, "url": f"/peristiwa/{birth_event.slug}/"},
        "incomplete": _incomplete_service(),
    }

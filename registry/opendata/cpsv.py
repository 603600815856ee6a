"""The service catalogue in the Core Public Service Vocabulary Application Profile (CPSV-AP 3.2).

One JSON-LD document (``/data-terbuka/cpsv-ap.jsonld``) with a ``@graph`` of every public service as
a ``cpsv:PublicService``, the Perangkat Daerah as ``cv:PublicOrganisation``, the regulations (and the
pasal a service cites) as ``eli:LegalResource``, and the concepts they are classified by. Properties
are written with their prefixes (``cv:`` = http://data.europa.eu/m8g/, ``dct:``, ``cpsv:``, ``eli:``),
so the document needs no remote context.

Mapping (Standar Pelayanan → CPSV-AP):

- persyaratan → ``cv:holdsRequirement`` (``cv:Requirement``);
- biaya/tarif → ``cv:hasCost`` (``cv:Cost``, ``cv:hasValue`` in rupiah, currency IDR);
- jangka waktu → ``cv:processingTime`` (``xsd:duration``; *hari kerja* are written as days: the
  profile has no working-day unit, and the text as announced is in ``dct:description`` of the cost);
- saluran → ``cv:hasChannel`` (``cv:Channel`` typed kantor / daring / MPP);
- produk → ``cpsv:produces`` (``cv:Output``); kategori → ``cv:isClassifiedBy``; peristiwa kehidupan →
  ``cv:isGroupedBy`` (``cv:LifeEvent``);
- dasar hukum → ``cv:hasLegalResource``: the regulation, or the pasal (``dct:relation`` to it);
- perangkat daerah → ``cv:hasCompetentAuthority`` (a service without a unit names the city).
"""

from django.conf import settings
from django.utils.text import slugify

from registry.reference import services as svc_ref
from registry.services.cost import cost_display
from registry.services.models import ServicePage
from registry.visibility import hidden_section_paths, public_pages, visible_among

from .meta import absolute, page_url, site_root

CONTEXT = {
    "cpsv": "http://purl.org/vocab/cpsv#",
    "cv": "http://data.europa.eu/m8g/",
    "dct": "http://purl.org/dc/terms/",
    "eli": "http://data.europa.eu/eli/ontology#",
    "foaf": "http://xmlns.com/foaf/0.1/",
    "locn": "http://www.w3.org/ns/locn#",
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
}
LANGUAGE = "id"
LANGUAGE_IRI = "http://publications.europa.eu/resource/authority/language/IND"
CURRENCY_IRI = "http://publications.europa.eu/resource/authority/currency/IDR"

#: ``xsd:duration`` pattern per time unit of a service.
DURATIONS = {"menit": "PT{}M", "jam": "PT{}H", "hari": "P{}D", "hari_kerja": "P{}D"}


def text(value: str) -> dict:
    return {"@value": value, "@language": LANGUAGE}


def ref(iri: str) -> dict:
    return {"@id": iri}


class CatalogueBuilder:
    """Builds the graph; shared nodes (organisations, regulations, concepts) appear once."""

    def __init__(self, request):
        self.request = request
        self.root = site_root(request)
        self.vocab = self.root + "/data-terbuka/kosakata/"
        self.nodes: dict[str, dict] = {}
        self.hidden = hidden_section_paths()

    def _add(self, node: dict) -> dict:
        self.nodes.setdefault(node["@id"], node)
        return ref(node["@id"])

    def concept(self, scheme: str, code: str, label: str) -> dict:
        return self._add(
            {"@id": f"{self.vocab}{scheme}#{code}", "@type": "skos:Concept", "skos:prefLabel": text(label)}
        )

    def location(self) -> dict:
        return self._add(
            {
                "@id": self.root + "/#wilayah",
                "@type": "dct:Location",
                "locn:geographicName": text(settings.REGISTRY_CITY_NAME),
            }
        )

    def language(self) -> dict:
        return self._add({"@id": LANGUAGE_IRI, "@type": "dct:LinguisticSystem"})

    def organisation(self, unit) -> dict:
        if unit is None or not visible_among(unit, self.hidden):
            iri, name, identifier = (
                self.root + "/#pemerintah-kota",
                f"Pemerintah {settings.REGISTRY_CITY_NAME}",
                "kota",
            )
        else:
            iri, name, identifier = page_url(self.request, unit) + "#organisasi", unit.title, f"opd-{unit.pk}"
        return self._add(
            {
                "@id": iri,
                "@type": "cv:PublicOrganisation",
                "dct:identifier": identifier,
                "skos:prefLabel": text(name),
                "dct:spatial": self.location(),
            }
        )

    def regulation(self, regulation) -> dict:
        url = page_url(self.request, regulation)
        return self._add(
            {
                "@id": url,
                "@type": "eli:LegalResource",
                "dct:identifier": str(regulation.short_title()),
                "dct:title": text(regulation.title),
                "eli:date_document": {"@value": regulation.tanggal_penetapan.isoformat(), "@type": "xsd:date"}
                if regulation.tanggal_penetapan
                else None,
            }
        )

    def legal_resource(self, basis) -> dict:
        whole = self.regulation(basis.regulation)
        if not basis.anchor:
            return whole
        return self._add(
            {
                "@id": f"{whole['@id']}#{basis.anchor}",
                "@type": "eli:LegalResource",
                "dct:identifier": f"{basis.regulation.short_title()} {basis.provision}",
                "dct:relation": whole,
            }
        )

    def service(self, page) -> dict:
        url = page_url(self.request, page)
        node = {
            "@id": url,
            "@type": "cpsv:PublicService",
            "dct:identifier": f"layanan-{page.pk}",
            "dct:title": text(page.title),
            "dct:description": text(page.summary or page.title),
            "dct:language": self.language(),
            "dct:spatial": self.location(),
            "foaf:homepage": ref(url),
            "cv:hasCompetentAuthority": self.organisation(page.opd),
            "cv:holdsRequirement": [
                {
                    "@id": f"{url}#persyaratan-{position}",
                    "@type": "cv:Requirement",
                    "dct:identifier": f"layanan-{page.pk}-persyaratan-{position}",
                    "dct:title": text(requirement.text),
                }
                for position, requirement in enumerate(page.requirements.all(), start=1)
            ],
            "cv:hasChannel": [
                {
                    "@id": f"{url}#saluran-{position}",
                    "@type": "cv:Channel",
                    "dct:identifier": f"layanan-{page.pk}-saluran-{position}",
                    "dct:type": self.concept("saluran", channel.kind, channel.get_kind_display()),
                    "dct:description": text(
                        " · ".join(part for part in (channel.name, channel.address, channel.hours) if part)
                    ),
                    "foaf:page": ref(channel.url) if channel.url else None,
                }
                for position, channel in enumerate(page.channels.all(), start=1)
            ],
            "cv:hasLegalResource": [],
        }
        for basis in page.legal_bases.all():
            if visible_among(basis.regulation, self.hidden):
                resource = self.legal_resource(basis)
                if resource not in node["cv:hasLegalResource"]:
                    node["cv:hasLegalResource"].append(resource)
        if page.time_value is not None and page.time_unit in DURATIONS:
            node["cv:processingTime"] = {
                "@value": DURATIONS[page.time_unit].format(page.time_value),
                "@type": "xsd:duration",
            }
        cost = self.cost(page, url)
        if cost is not None:
            node["cv:hasCost"] = cost
        if page.product:
            node["cpsv:produces"] = {
                "@id": f"{url}#produk",
                "@type": "cv:Output",
                "dct:identifier": f"layanan-{page.pk}-produk",
                "dct:title": text(page.product),
            }
        if page.category_id:
            node["cv:isClassifiedBy"] = self.concept("kategori", page.category.slug, page.category.name)
        events = [self.life_event(event) for event in page.life_events.all()]
        if events:
            node["cv:isGroupedBy"] = events
        return _clean(node)

    def cost(self, page, url) -> dict | None:
        if page.cost_kind == svc_ref.COST_FREE:
            value = 0.0
        elif page.cost_kind == svc_ref.COST_CHARGED and page.cost_amount is not None:
            value = float(page.cost_amount)
        else:
            return None
        note = " · ".join(part for part in (cost_display(page), page.cost_note) if part)
        return {
            "@id": f"{url}#biaya",
            "@type": "cv:Cost",
            "dct:identifier": f"layanan-{page.pk}-biaya",
            "cv:hasValue": {"@value": value, "@type": "xsd:double"},
            "cv:currency": self._add(
                {"@id": CURRENCY_IRI, "@type": "skos:Concept", "skos:prefLabel": text("Rupiah")}
            ),
            "dct:description": text(note),
            "cv:isDefinedBy": self.organisation(page.opd),
        }

    def life_event(self, event) -> dict:
        return self._add(
            {
                "@id": f"{self.vocab}peristiwa#{event.slug or slugify(event.name)}",
                "@type": "cv:LifeEvent",
                "dct:identifier": f"peristiwa-{event.slug}",
                "dct:title": text(event.name),
            }
        )

    def build(self) -> dict:
        services = (
            public_pages(ServicePage.objects.all(), self.hidden)
            .select_related("opd", "category")
            .prefetch_related(
                "requirements", "channels", "life_events", "legal_bases__regulation__regulation_type"
            )
            .order_by("pk")
        )
        graph = [self.service(page) for page in services]
        return {
            "@context": CONTEXT,
            "@id": absolute(self.request, "/data-terbuka/cpsv-ap.jsonld"),
            "dct:title": text(f"Katalog layanan publik {settings.REGISTRY_CITY_NAME}"),
            "dct:conformsTo": ref("https://semiceu.github.io/CPSV-AP/releases/3.2.0/"),
            "@graph": graph + list(self.nodes.values()),
        }


def _clean(node: dict) -> dict:
    cleaned = {}
    for key, value in node.items():
        if isinstance(value, dict) and "@id" not in value and "@value" not in value:
            value = _clean(value)
        if isinstance(value, list):
            value = [_clean(item) if isinstance(item, dict) else item for item in value]
        if value not in (None, "", [], {}):
            cleaned[key] = value
    return cleaned


def catalogue(request) -> dict:
    """The whole public service catalogue as a CPSV-AP JSON-LD document."""
    builder = CatalogueBuilder(request)
    document = builder.build()
    document["@graph"] = [_clean(node) for node in document["@graph"]]
    return document

"""Services and Perangkat Daerah as plain records (dicts), built in a constant number of queries.

Plain functions over querysets, so that other outputs (open-data downloads, feeds) can build the same
records; ``request`` only serves Wagtail's URL building and may be None. :func:`services_queryset`
loads everything a service record names with one query per kind of child row, however many services
a page holds; :func:`service_records` then reads only what was loaded, plus one query for the
regulations cited. Only the public parts of a service are shown: the service-delivery
components 1–6 and the legal basis (7), as on the public service page (domain §4.2); regulations the
public may not see are left out of the legal basis and the SOPs.
"""

from django.db.models import Count, Prefetch
from django.utils.translation import gettext as _

from registry.coverage.display import status_label
from registry.regulations.anchors import provision_anchor
from registry.regulations.models import RegulationPage
from registry.services.components import Component
from registry.services.models import (
    ChannelKind,
    ComplaintKind,
    LegalBasis,
    LegalBasisRole,
    PerangkatDaerahPage,
    ServicePage,
    ServiceSOP,
)
from registry.services.page_context import cost_display
from registry.visibility import public_pages, public_q, visible_among

from .common import opd_ref, page_url, regulation_ref

#: The components a public record reports on: delivery (1–6) and the legal basis (7).
PUBLIC_COMPONENTS = [
    Component.PERSYARATAN,
    Component.PROSEDUR,
    Component.WAKTU,
    Component.BIAYA,
    Component.PRODUK,
    Component.PENGADUAN,
    Component.DASAR_HUKUM,
]


def services_queryset(hidden):
    """Public services with every child row a record names, ordered by title then id (unique).

    The regulations that legal bases and SOPs name are not joined here: :class:`ServiceRecords` reads
    each distinct one once, however many services cite it.
    """
    return (
        public_pages(ServicePage.objects.all(), hidden)
        .select_related("opd", "category", "coverage")
        .prefetch_related(
            "requirements",
            "steps",
            "tariffs",
            "channels",
            "complaint_channels",
            "life_events",
            Prefetch("legal_bases", queryset=LegalBasis.objects.order_by("sort_order", "pk")),
            Prefetch(
                "sops", queryset=ServiceSOP.objects.select_related("document").order_by("sort_order", "pk")
            ),
        )
        .order_by("title", "pk")
    )


def _labels(choices) -> dict[str, str]:
    return {code: str(label) for code, label in choices}


class ServiceRecords:
    """Builds records for services loaded by :func:`services_queryset`, sharing what they share.

    The public regulations their legal bases and SOPs cite are read in one query and turned into
    references once each; choice labels are translated once.
    """

    def __init__(self, services, hidden, request):
        self.hidden = hidden
        self.request = request
        ids = {basis.regulation_id for service in services for basis in service.legal_bases.all()}
        ids |= {sop.regulation_id for service in services for sop in service.sops.all() if sop.regulation_id}
        regulations = public_pages(RegulationPage.objects.filter(pk__in=ids), hidden).select_related(
            "regulation_type"
        )
        self.regulations = {page.pk: regulation_ref(page, request) for page in regulations} if ids else {}
        self.components = _labels(Component.choices)
        self.roles = _labels(LegalBasisRole.choices)
        self.channel_kinds = _labels(ChannelKind.choices)
        self.complaint_kinds = _labels(ComplaintKind.choices)

    def legal_basis(self, basis) -> dict:
        anchor = provision_anchor(basis.provision)
        regulation = self.regulations[basis.regulation_id]
        return {
            "regulation": regulation,
            "provision": basis.provision,
            "anchor": anchor,
            "url": f"{regulation['url']}#{anchor}" if anchor and regulation["url"] else regulation["url"],
            "component": basis.component,
            "component_label": self.components.get(basis.component, ""),
            "role": basis.role,
            "role_label": self.roles.get(basis.role, basis.role),
        }

    def sop(self, sop) -> dict:
        return {
            "nomor": sop.nomor,
            "judul": sop.judul,
            "tanggal_pembuatan": sop.tanggal_pembuatan,
            "tanggal_revisi": sop.tanggal_revisi,
            "tanggal_efektif": sop.tanggal_efektif,
            "regulation": self.regulations.get(sop.regulation_id),
            "document_url": sop.document.url if sop.document_id else "",
        }

    def record(self, service) -> dict:
        """One public service as a record."""
        request = self.request
        bases = [basis for basis in service.legal_bases.all() if basis.regulation_id in self.regulations]
        filled = service.filled_components()
        filled[Component.DASAR_HUKUM] = bool(bases)  # only public regulations count
        unit = service.opd
        return {
            "id": service.pk,
            "title": service.title,
            "slug": service.slug,
            "url": page_url(service, request),
            "summary": service.summary,
            "opd": opd_ref(unit, request) if unit is not None and visible_among(unit, self.hidden) else None,
            "category": {"slug": service.category.slug, "name": service.category.name}
            if service.category_id
            else None,
            "life_events": [{"slug": event.slug, "name": event.name} for event in service.life_events.all()],
            "components": [
                {"code": code, "label": self.components[code], "filled": filled[code]}
                for code in PUBLIC_COMPONENTS
            ],
            "requirements": [
                {
                    "text": item.text,
                    "mandatory": item.mandatory,
                    "condition": item.condition,
                    "note": item.note,
                }
                for item in service.requirements.all()
            ],
            "steps": [{"title": step.title, "description": step.description} for step in service.steps.all()],
            "time_value": service.time_value,
            "time_unit": service.time_unit,
            "time_note": service.time_note,
            "time_display": service.time_display,
            "cost_kind": service.cost_kind,
            "cost_amount": int(service.cost_amount) if service.cost_amount is not None else None,
            "cost_note": service.cost_note,
            "cost_qualifier": service.cost_qualifier,
            "cost_condition": service.cost_condition,
            "tariffs": [
                {
                    "label": row.label,
                    "amount": int(row.amount) if row.amount is not None else None,
                    "unit": row.unit,
                }
                for row in service.tariffs.all()
            ],
            "cost_display": cost_display(service),
            "product": service.product,
            "complaint_procedure": service.complaint_procedure,
            "complaint_channels": [
                {
                    "kind": item.kind,
                    "kind_label": self.complaint_kinds.get(item.kind, item.kind),
                    "value": item.value,
                }
                for item in service.complaint_channels.all()
            ],
            "channels": [
                {
                    "kind": item.kind,
                    "kind_label": self.channel_kinds.get(item.kind, item.kind),
                    "name": item.name,
                    "address": item.address,
                    "hours": item.hours,
                    "url": item.url,
                }
                for item in service.channels.all()
            ],
            "legal_bases": [self.legal_basis(basis) for basis in bases],
            "sops": [self.sop(sop) for sop in service.sops.all()],
            "coverage": _coverage(service),
            "last_published_at": service.last_published_at,
        }


def service_records(services, hidden, request) -> list[dict]:
    """Records for ``services`` (from :func:`services_queryset`), in their order."""
    services = list(services)
    builder = ServiceRecords(services, hidden, request)
    return [builder.record(service) for service in services]


def _coverage(service) -> dict | None:
    coverage = getattr(service, "coverage", None)
    if coverage is None:
        return None
    return {
        "status": coverage.status,
        "status_label": status_label(coverage.status),
        "computed_at": coverage.computed_at,
    }


def opd_queryset(hidden):
    """Public Perangkat Daerah with their count of public services, ordered by title then id."""
    return (
        public_pages(PerangkatDaerahPage.objects.all(), hidden)
        .select_related("parent_unit")
        .annotate(service_count=Count("services", filter=public_q("services__", hidden), distinct=True))
        .order_by("title", "pk")
    )


def opd_record(unit, hidden, request) -> dict:
    """One public Perangkat Daerah; ``unit`` comes from :func:`opd_queryset`."""
    parent = unit.parent_unit
    return {
        **opd_ref(unit, request),
        "kind": unit.kind,
        "kind_label": unit.get_kind_display(),
        "parent_unit": opd_ref(parent, request)
        if parent is not None and visible_among(parent, hidden)
        else None,
        "description": unit.description,
        "address": unit.address,
        "phone": unit.phone,
        "email": unit.email,
        "website": unit.website,
        "opening_hours": unit.opening_hours,
        "service_count": unit.service_count,
        "last_published_at": unit.last_published_at,
    }


def no_such(kind: str) -> str:
    """The 404 sentence for a record that does not exist or is not public."""
    return _("%(kind)s dengan ID itu tidak ditemukan atau tidak terbuka untuk umum.") % {"kind": kind}

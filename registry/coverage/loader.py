"""Build the rules' facts from the database in a constant number of queries.

:func:`load` reads the services asked for (or all), their legal-basis links, SOPs and channels, the
regulations they rely on, the relations that bear on those regulations (revocations,
amendments, implementing regulations), their parser-found open delegations and the Pasal that
amending regulations change. A constant number of queries, however many services; no model
instances, since a full recompute reads tens of thousands of rows.
"""

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import replace
from datetime import date

from django.db.models import Exists, OuterRef

from registry.regulations import effective
from registry.regulations.choices import RelationKind
from registry.regulations.models import (
    AmendedProvision,
    ArticleNode,
    Delegation,
    RegulationPage,
    RegulationRelation,
)
from registry.services.models import (
    ComplaintChannel,
    LegalBasis,
    ServiceChannel,
    ServicePage,
    ServiceRequirement,
    ServiceSOP,
    ServiceStep,
)

from . import facts as f
from .rulebase import RuleSetting

# The ServicePage columns that the rules read; nothing else is loaded.
_SERVICE_FIELDS = (
    "id",
    "title",
    "live",
    "opd_id",
    "delivery_published",
    "cost_kind",
    "time_value",
    "time_note",
    "product",
    "complaint_procedure",
    "facilities",
    "staff_competency",
    "internal_supervision",
    "staff_count",
    "service_guarantee",
    "safety_guarantee",
    "performance_evaluation",
)
_REGULATION_FIELDS = (
    "id",
    "nomor",
    "tahun",
    "tentang",
    "status",
    "tanggal_penetapan",
    "regulation_type__code",
    "regulation_type__name",
    "regulation_type__is_local",
    "document_id",
)


def filled_components(row: dict, has: dict[str, bool]) -> dict[str, bool]:
    """For each of the 14 components, whether the service fills it.

    The same test as ``ServicePage.filled_components()``, on a values() row plus which child rows
    exist, so thousands of services need no model instances (a test keeps the two in step).
    """
    return {
        "persyaratan": has["requirements"],
        "prosedur": has["steps"],
        "waktu": row["time_value"] is not None or bool(row["time_note"]),
        "biaya": bool(row["cost_kind"]),
        "produk": bool(row["product"]),
        "pengaduan": has["complaint_channels"] or bool(row["complaint_procedure"]),
        "dasar_hukum": has["legal_bases"],
        "sarana": bool(row["facilities"].strip()),
        "kompetensi": bool(row["staff_competency"].strip()),
        "pengawasan": bool(row["internal_supervision"].strip()),
        "jumlah_pelaksana": row["staff_count"] is not None,
        "jaminan": bool(row["service_guarantee"].strip()),
        "keamanan": bool(row["safety_guarantee"].strip()),
        "evaluasi": bool(row["performance_evaluation"].strip()),
    }


def _pages_with(model, ids) -> set[int]:
    qs = model.objects.all() if ids is None else model.objects.filter(page_id__in=ids)
    return set(qs.values_list("page_id", flat=True).distinct().order_by())


def _grouped(model, ids, *fields) -> dict[int, list[tuple]]:
    qs = model.objects.all() if ids is None else model.objects.filter(page_id__in=ids)
    grouped = defaultdict(list)
    for page_id, *values in qs.order_by("page_id", "sort_order", "pk").values_list("page_id", *fields):
        grouped[page_id].append(tuple(values))
    return grouped


def load_services(service_ids: Iterable[int] | None = None) -> list[f.ServiceFacts]:
    """Facts of the given services (all when None), live or not, in eight queries."""
    ids = None if service_ids is None else list(service_ids)
    rows = ServicePage.objects.order_by("pk")
    if ids is not None:
        rows = rows.filter(pk__in=ids)
    with_child = {
        "requirements": _pages_with(ServiceRequirement, ids),
        "steps": _pages_with(ServiceStep, ids),
        "complaint_channels": _pages_with(ComplaintChannel, ids),
    }
    links = _grouped(LegalBasis, ids, "regulation_id", "role", "component", "provision")
    sops = _grouped(ServiceSOP, ids, "nomor", "judul", "regulation_id")
    channels = _grouped(ServiceChannel, ids, "kind")
    services = []
    for row in rows.values(*_SERVICE_FIELDS):
        pk = row["id"]
        has = {name: pk in pages for name, pages in with_child.items()}
        has["legal_bases"] = bool(links.get(pk))
        services.append(
            f.ServiceFacts(
                id=pk,
                title=row["title"],
                opd_id=row["opd_id"],
                live=row["live"],
                filled=filled_components(row, has),
                delivery_published=row["delivery_published"],
                cost_kind=row["cost_kind"],
                channel_kinds=frozenset(kind for (kind,) in channels.get(pk, ())),
                links=tuple(f.LinkFacts(*link) for link in links.get(pk, ())),
                sops=tuple(f.SOPFacts(*sop) for sop in sops.get(pk, ())),
            )
        )
    return services


def _delegations(document_ids) -> dict[int, list[f.DelegationFacts]]:
    """The open delegations the parser stored for these documents (all when None), by document."""
    rows = Delegation.objects.filter(direction=Delegation.Direction.OPEN)
    if document_ids is not None:
        rows = rows.filter(document_id__in=document_ids)
    by_document = defaultdict(list)
    fields = ("document_id", "text", "delegated_to", "pasal", "fulfilled_by_id")
    for document_id, text, to, pasal, fulfilled_by in rows.order_by("document_id", "order").values_list(
        *fields
    ):
        implemented = (fulfilled_by,) if fulfilled_by else ()
        by_document[document_id].append(f.DelegationFacts(text, to, pasal, implemented))
    return by_document


def _changed_provisions(regulation_ids) -> dict[int, list[f.ProvisionChangeFacts]]:
    """Pasal of these regulations (all when None) changed by live amending regulations, by regulation."""
    rows = AmendedProvision.objects.filter(target__isnull=False).exclude(
        kind=AmendedProvision.Kind.DISISIPKAN
    )
    if regulation_ids is not None:
        rows = rows.filter(target_id__in=regulation_ids)
    amending = dict(
        RegulationPage.objects.filter(live=True, document_id__in=rows.values("document_id")).values_list(
            "document_id", "pk"
        )
    )
    by_target = defaultdict(list)
    for target_id, document_id, pasal, kind in rows.order_by("target_id", "pk").values_list(
        "target_id", "document_id", "pasal", "kind"
    ):
        if document_id in amending and amending[document_id] != target_id:
            by_target[target_id].append(f.ProvisionChangeFacts(pasal, kind, amending[document_id]))
    return by_target


def _regulation_facts(rows, incoming, delegations, changed) -> dict[int, f.RegulationFacts]:
    result = {}
    for row in rows:
        by_kind = incoming.get(row["id"], {})
        result[row["id"]] = f.RegulationFacts(
            id=row["id"],
            type_name=row["regulation_type__name"],
            nomor=row["nomor"],
            tentang=row["tentang"],
            type_code=row["regulation_type__code"],
            is_local=row["regulation_type__is_local"],
            tahun=row["tahun"],
            status=row["status"],
            tanggal_penetapan=row["tanggal_penetapan"],
            revoked_by=tuple(by_kind.get(RelationKind.MENCABUT, ())),
            amended_by=(
                *by_kind.get(RelationKind.MENGUBAH, ()),
                *by_kind.get(RelationKind.MENGUBAH_SEBAGIAN, ()),
            ),
            delegations=tuple(delegations.get(row["document_id"], ())),
            changed_provisions=tuple(changed.get(row["id"], ())),
            has_text=row["has_text"],
        )
    return result


def load_regulations(
    regulation_ids: Iterable[int] | None = None, on: date | None = None
) -> dict[int, f.RegulationFacts]:
    """Facts of the given regulations (all when None) and of the live regulations relating to them.

    Those relating to them are the sources of relations towards them, the regulations implementing
    their delegations and the amending regulations that change their Pasal. Relations count from the
    day they take effect (:mod:`registry.regulations.effective`): on ``on``, today by default. With
    ``on`` given, each regulation's status is the one it had that day (one more query) instead of
    the stored one.
    """
    day = on or effective.today()
    relations = RegulationRelation.objects.filter(source__live=True).order_by("target_id", "sort_order")
    regulations = RegulationPage.objects.all()
    ids = None if regulation_ids is None else set(regulation_ids)
    if ids is not None:
        relations = relations.filter(target_id__in=ids)
    incoming = defaultdict(lambda: defaultdict(list))
    related_ids = set()
    columns = ("target_id", "source_id", "kind", *(f"source__{name}" for name in effective.DATE_FIELDS))
    for target_id, source_id, kind, *dates in relations.values_list(*columns):
        when = effective.start_from_values(*dates)
        if when is not None and when > day:
            continue
        incoming[target_id][kind].append(source_id)
        related_ids.add(source_id)
    changed = _changed_provisions(ids)
    related_ids.update(change.by for changes in changed.values() for change in changes)
    if ids is not None:
        documents = RegulationPage.objects.filter(pk__in=ids).exclude(document=None).values("document_id")
        delegations = _delegations(documents)
        related_ids.update(i for items in delegations.values() for d in items for i in d.implemented_by)
        regulations = regulations.filter(pk__in=ids | related_ids)
    else:
        delegations = _delegations(None)
    # Whether the citizen can read the regulation here: its document has an article tree.
    has_text = Exists(ArticleNode.objects.filter(document_id=OuterRef("document_id")))
    rows = regulations.annotate(has_text=has_text).values(*_REGULATION_FIELDS, "has_text")
    if on is not None:
        rows = list(rows)
        statuses = effective.statuses_on(None if regulation_ids is None else [row["id"] for row in rows], on)
        for row in rows:
            row["status"] = statuses.get(row["id"], row["status"])
    return _regulation_facts(rows, incoming, delegations, changed)


def load(service_ids: Iterable[int] | None = None, on: date | None = None):
    """Return ``(services, regulations)``: facts of the services and of every regulation they use.

    ``on`` gives the regulations as they stood on that date (see :func:`load_regulations`), and the
    services without the links to regulations that had not taken effect by then
    (:func:`as_it_stood`).
    """
    services = load_services(service_ids)
    if service_ids is None:
        regulations = load_regulations(on=on)
    else:
        used = set().union(*(service.regulation_ids for service in services)) if services else set()
        regulations = load_regulations(used, on=on)
    if on is not None:
        services = [as_it_stood(service, regulations) for service in services]
    return services, regulations


def as_it_stood(service: f.ServiceFacts, regulations: dict[int, f.RegulationFacts]) -> f.ServiceFacts:
    """``service`` without its references to regulations not yet in effect (status ``NOT_YET``).

    The registry keeps no history of a service's links, so "as of a date" reads today's links; a
    regulation enacted after that date cannot have been cited then, so its link is left out and an
    SOP it establishes counts as established by no instrument.
    """

    def later(regulation_id):
        reg = regulations.get(regulation_id)
        return reg is not None and reg.status == effective.NOT_YET

    links = tuple(link for link in service.links if not later(link.regulation_id))
    sops = tuple(
        replace(sop, regulation_id=None) if sop.regulation_id and later(sop.regulation_id) else sop
        for sop in service.sops
    )
    if links == service.links and sops == service.sops:
        return service
    filled = {**service.filled, "dasar_hukum": bool(links)}
    return replace(service, links=links, sops=sops, filled=filled)


def load_settings() -> dict[str, RuleSetting]:
    """The admin's rule settings (``RuleConfig``), keyed by rule code."""
    from .models import RuleConfig

    return {
        code: RuleSetting(enabled=enabled, threshold=threshold, severity=severity)
        for code, enabled, threshold, severity in RuleConfig.objects.values_list(
            "code", "enabled", "threshold", "severity"
        )
    }

"""Keep a document's Mengingat citations, delegations and amended Pasal, resolved to registry records.

:func:`store_references` replaces the rows of one document from a parse result (on every extraction,
and by ``manage.py refresh_references``). Cited regulations are resolved by exact jenis (type code),
nomor and tahun; :func:`resolve_for_page` resolves the rows still waiting for a regulation when that
regulation is published.

**When an open delegation counts as fulfilled** (:func:`refresh_fulfilment`): a delegation in Pasal N
of regulation P is fulfilled by a live regulation R that says it carries out Pasal N of P, either

1. in its own text: a Menimbang "untuk melaksanakan ketentuan Pasal N … <P>" (an ``implements``
   delegation of R whose target is P), or
2. in a relation the legal bureau recorded: R *melaksanakan* P with a provision naming Pasal N.

A *melaksanakan* relation without a provision fulfils P's delegation only when P has exactly one open
delegation to R's jenis (otherwise it is ambiguous and stays open until the Pasal is entered). The
subject of R is not compared: a Perwal citing a Perda in its Mengingat does not by itself implement it.
"""

from __future__ import annotations

import re
from collections import defaultdict

from django.db import transaction
from django.db.models import Q

from .anchors import provision_anchor
from .choices import RelationKind
from .models import AmendedProvision, Citation, Delegation, RegulationPage, RegulationRelation, RegulationType
from .parser.amendments import DIHAPUS, DISISIPKAN
from .parser.patterns import OPEN_DELEGATION_RE, classify_kind, collapse_ws
from .signals import references_changed

_PASAL_NUMBER_RE = re.compile(r"pasal\s+(\d+[a-z]?)", re.I)
_AMENDMENT_KINDS = {
    DIHAPUS: AmendedProvision.Kind.DIHAPUS,
    DISISIPKAN: AmendedProvision.Kind.DISISIPKAN,
}


def pasal_number(label: str) -> str:
    """The Pasal a label names, lower case ("Pasal 4 ayat (3)" → "4"), or "" when it names none."""
    match = _PASAL_NUMBER_RE.search(label or "")
    return match.group(1).lower() if match else ""


def _cited(citation) -> dict:
    if citation is None:
        return {}
    return {
        "cited_kind": citation.kind or "",
        "cited_number": (citation.number or "")[:60],
        "cited_year": citation.year,
    }


def _citation_rows(document, parsed) -> list[Citation]:
    rows = []
    for item in parsed.mengingat or []:
        raw = collapse_ws(item.raw_text)
        citations = list(item.citations)
        if not citations and re.search(r"Undang-Undang\s+Dasar", raw, re.I):
            rows.append(Citation(document=document, item=item.order, raw_text=raw, cited_kind="UUD"))
            continue
        if not citations:
            rows.append(Citation(document=document, item=item.order, raw_text=raw))
        for position, citation in enumerate(citations):
            rows.append(
                Citation(
                    document=document,
                    item=item.order,
                    position=position,
                    role=citation.role if citation.role in Citation.Role.values else Citation.Role.BASE,
                    raw_text=raw,
                    cited_subject=collapse_ws(citation.tentang or ""),
                    **_cited(citation),
                )
            )
    return rows


def _delegation_rows(document, parsed) -> list[Delegation]:
    rows = []
    for order, delegation in enumerate(parsed.delegations, 1):
        if delegation.direction == "OPEN":
            match = OPEN_DELEGATION_RE.search(delegation.text)
            to = collapse_ws(match.group("jenis")) if match else ""
            rows.append(
                Delegation(
                    document=document,
                    order=order,
                    direction=Delegation.Direction.OPEN,
                    pasal=(delegation.pasal or "")[:60],
                    anchor=provision_anchor(delegation.pasal or "")[:80],
                    text=delegation.text,
                    delegated_to=to[:60],
                    delegated_type=(classify_kind(to) or "")[:30] if to else "",
                )
            )
        else:
            rows.append(
                Delegation(
                    document=document,
                    order=order,
                    direction=Delegation.Direction.IMPLEMENTS,
                    pasal=(delegation.pasal or "")[:60],
                    text=delegation.text,
                    **_cited(delegation.target),
                )
            )
    return rows


def _amendment_rows(document, parsed) -> list[AmendedProvision]:
    return [
        AmendedProvision(
            document=document,
            order=order,
            kind=_AMENDMENT_KINDS.get(amendment.kind, AmendedProvision.Kind.DIUBAH),
            pasal=amendment.pasal[:20],
            instruction=amendment.text,
            source_anchor=amendment.source_anchor[:80],
            **_cited(amendment.target),
        )
        for order, amendment in enumerate(parsed.amendments, 1)
    ]


@transaction.atomic
def store_references(document, parsed) -> dict[str, int]:
    """Replace ``document``'s citations, delegations and amended Pasal with those of ``parsed``.

    Resolves the cited regulations and refreshes the fulfilment of the delegations concerned.
    Returns the number of rows of each kind.
    """
    Citation.objects.filter(document=document).delete()
    Delegation.objects.filter(document=document).delete()
    AmendedProvision.objects.filter(document=document).delete()
    citations = _citation_rows(document, parsed) if parsed else []
    delegations = _delegation_rows(document, parsed) if parsed else []
    amendments = _amendment_rows(document, parsed) if parsed else []
    _resolve(citations + delegations + amendments)
    Citation.objects.bulk_create(citations)
    Delegation.objects.bulk_create(delegations)
    AmendedProvision.objects.bulk_create(amendments)
    implemented = {row.target_id for row in delegations if row.target_id}
    own = set(RegulationPage.objects.filter(document=document).values_list("pk", flat=True))
    refresh_fulfilment(own | implemented)
    amended = {row.target_id for row in amendments if row.target_id}
    if own or amended:
        references_changed.send(sender=Citation, page_ids=sorted(own | amended))
    return {
        "citations": len(citations),
        "delegations": len(delegations),
        "amended_provisions": len(amendments),
    }


def _resolve(rows) -> None:
    """Set ``target`` on unsaved rows from their cited jenis, nomor and tahun (two queries)."""
    wanted = [row for row in rows if row.cited_kind and row.cited_number and row.cited_year]
    if not wanted:
        return
    types = dict(
        RegulationType.objects.filter(code__in={row.cited_kind for row in wanted}).values_list("code", "pk")
    )
    query = Q(pk__in=[])
    for row in wanted:
        if row.cited_kind in types:
            query |= Q(
                regulation_type_id=types[row.cited_kind], nomor__iexact=row.cited_number, tahun=row.cited_year
            )
    found = {}
    for pk, type_id, nomor, tahun in (
        RegulationPage.objects.filter(query)
        .order_by("pk")
        .values_list("pk", "regulation_type_id", "nomor", "tahun")
    ):
        found.setdefault((type_id, nomor.lower(), tahun), pk)
    for row in wanted:
        row.target_id = found.get((types.get(row.cited_kind), row.cited_number.lower(), row.cited_year))


def resolve_for_page(page) -> int:
    """Point the rows that cite ``page`` (by jenis, nomor, tahun) and have no target yet at it."""
    match = Q(
        target__isnull=True,
        cited_kind=page.regulation_type.code,
        cited_number__iexact=page.nomor,
        cited_year=page.tahun,
    )
    updated = 0
    for model in (Citation, Delegation, AmendedProvision):
        updated += model.objects.filter(match).update(target=page)
    return updated


def refresh_fulfilment(page_ids) -> None:
    """Recompute ``fulfilled_by`` of the open delegations of these regulations (see the module doc)."""
    pages = dict(
        RegulationPage.objects.filter(pk__in=list(page_ids))
        .exclude(document=None)
        .values_list("document_id", "pk")
    )
    if not pages:
        return
    open_rows = list(Delegation.objects.filter(document_id__in=pages, direction=Delegation.Direction.OPEN))
    page_ids = set(pages.values())
    live = RegulationPage.objects.filter(live=True)
    live_docs = dict(live.exclude(document=None).values_list("document_id", "pk"))
    by_pasal = defaultdict(list)  # (target page, pasal number) -> implementing pages
    implements = Delegation.objects.filter(
        direction=Delegation.Direction.IMPLEMENTS, target_id__in=page_ids, document_id__in=list(live_docs)
    )
    for document_id, target_id, pasal in implements.values_list("document_id", "target_id", "pasal"):
        by_pasal[(target_id, pasal_number(pasal))].append(live_docs[document_id])
    unspecific = defaultdict(list)  # (target page, type code) -> implementing pages without a provision
    relations = RegulationRelation.objects.filter(
        kind=RelationKind.MELAKSANAKAN, target_id__in=page_ids, source__live=True
    ).order_by("sort_order", "pk")
    for target_id, source_id, provision, code in relations.values_list(
        "target_id", "source_id", "provision", "source__regulation_type__code"
    ):
        number = pasal_number(provision)
        if number:
            by_pasal[(target_id, number)].append(source_id)
        else:
            unspecific[(target_id, code)].append(source_id)
    per_type = defaultdict(int)
    for row in open_rows:
        per_type[(pages[row.document_id], row.delegated_type)] += 1
    changed = []
    for row in open_rows:
        page_id = pages[row.document_id]
        candidates = by_pasal.get((page_id, pasal_number(row.pasal)), [])
        if not candidates and per_type[(page_id, row.delegated_type)] == 1:
            candidates = unspecific.get((page_id, row.delegated_type), [])
        fulfilled = candidates[0] if candidates else None
        if fulfilled != row.fulfilled_by_id:
            row.fulfilled_by_id = fulfilled
            changed.append(row)
    Delegation.objects.bulk_update(changed, ["fulfilled_by"])
    if changed:
        concerned = sorted({pages[row.document_id] for row in changed})
        references_changed.send(sender=Delegation, page_ids=concerned)


def pages_affected_by(page) -> list[int]:
    """The regulations whose delegation fulfilment may change when ``page`` is (un)published."""
    ids = {page.pk}
    if page.document_id:
        ids.update(
            Delegation.objects.filter(document_id=page.document_id, target__isnull=False).values_list(
                "target_id", flat=True
            )
        )
    ids.update(
        RegulationRelation.objects.filter(source=page, kind=RelationKind.MELAKSANAKAN).values_list(
            "target_id", flat=True
        )
    )
    fulfilled_docs = Delegation.objects.filter(fulfilled_by=page).values_list("document_id", flat=True)
    ids.update(RegulationPage.objects.filter(document_id__in=fulfilled_docs).values_list("pk", flat=True))
    return sorted(ids)

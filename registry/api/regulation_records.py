"""Regulations as plain records (dicts) with JDIH metadata, built in a constant number of queries.

Keys follow the JDIH metadata of Permenkumham 8/2019 verbatim where the record holds one of its
elements (``nomor``, ``tahun``, ``tentang``, ``tanggal_penetapan`` … as the model and the JDIHN feed
name them), English elsewhere (``status``, ``relations``, ``documents``). Relations in both
directions name only regulations the public may see; documents are the ones the regulation attaches,
at their ``/dokumen/`` address (served with the same visibility check).

Plain functions, so other outputs can build the same records; ``request`` only serves Wagtail's URL
building and may be None.
"""

from django.db.models import Prefetch
from django.utils.translation import gettext as _

from registry.regulations.choices import INVERSE_LABELS, RelationKind
from registry.regulations.models import RegulationPage, RegulationRelation
from registry.regulations.page_context import DOCUMENT_TYPE
from registry.services.models import LegalBasis
from registry.visibility import public_pages, public_q, visible_among

from .common import opd_ref, page_url, regulation_ref, service_ref

#: The document slots of a regulation: (field, role code).
DOCUMENT_SLOTS = (
    ("document", "naskah"),
    ("attachment_document", "lampiran"),
    ("abstract_document", "abstrak"),
)


def regulations_queryset(hidden):
    """Public regulations with their type, files and relations both ways, in the browse order.

    Ordered like the public regulation browser (newest year, hierarchy rank, number), then by id, so
    the order is total and pages never overlap.
    """
    related = "regulation_type", "pemrakarsa", "document", "attachment_document", "abstract_document"
    return (
        public_pages(RegulationPage.objects.all(), hidden)
        .select_related(*related)
        .prefetch_related(
            Prefetch(
                "relations",
                queryset=RegulationRelation.objects.filter(public_q("target__", hidden))
                .select_related("target__regulation_type")
                .order_by("sort_order", "pk"),
            ),
            Prefetch(
                "incoming_relations",
                queryset=RegulationRelation.objects.filter(public_q("source__", hidden))
                .select_related("source__regulation_type")
                .order_by("-source__tahun", "source__nomor", "pk"),
            ),
        )
        .order_by("-tahun", "regulation_type__rank", "nomor", "pk")
    )


def _relation(rel, other, label, request) -> dict:
    return {
        "kind": rel.kind,
        "kind_label": str(label),
        "provision": rel.provision,
        "scope_text": rel.scope_text,
        "regulation": regulation_ref(other, request),
    }


def _documents(page) -> list[dict]:
    files = []
    for field, role in DOCUMENT_SLOTS:
        document = getattr(page, field)
        if document is None:
            continue
        files.append(
            {
                "role": role,
                "title": document.title,
                "filename": document.filename,
                "url": document.url,
                "file_size": document.file_size,
                "page_count": document.page_count,
            }
        )
    return files


def regulation_record(page, hidden, request) -> dict:
    """One public regulation as a record; ``page`` comes from :func:`regulations_queryset`."""
    kind = page.regulation_type
    pemrakarsa = page.pemrakarsa
    # Both prefetches keep only relations whose other side is public (regulations_queryset).
    outgoing = list(page.relations.all())
    incoming = list(page.incoming_relations.all())
    return {
        "id": page.pk,
        "url": page_url(page, request),
        "tipe_dokumen": DOCUMENT_TYPE,
        "title": page.title,
        "jenis": kind.slug,
        "jenis_label": kind.name,
        "singkatan_jenis": kind.abbreviation,
        "wilayah": page.wilayah,
        "nomor": page.nomor,
        "tahun": page.tahun,
        "tentang": page.tentang,
        "teu_badan": page.teu_badan or kind.default_teu,
        "tempat_penetapan": page.tempat_penetapan,
        "tanggal_penetapan": page.tanggal_penetapan,
        "tanggal_pengundangan": page.tanggal_pengundangan,
        "tanggal_berlaku": page.tanggal_berlaku,
        "tahun_lembaran": page.tahun_lembaran,
        "nomor_lembaran": page.nomor_lembaran,
        "nomor_tambahan": page.nomor_tambahan,
        "sumber": page.sumber,
        "jumlah_halaman": page.jumlah_halaman,
        "subjek": page.subjek,
        "bahasa": page.bahasa,
        "bidang_hukum": page.bidang_hukum,
        "lokasi": page.lokasi,
        "pemrakarsa": opd_ref(pemrakarsa, request)
        if pemrakarsa is not None and visible_among(pemrakarsa, hidden)
        else None,
        "penandatangan": page.penandatangan,
        "abstrak": page.abstrak,
        "status": page.status,
        "status_label": page.get_status_display(),
        "jdih_status": page.jdih_status,
        "declared_not_in_force": page.declared_not_in_force,
        "status_note": page.status_note,
        "external_url": page.external_url,
        "relations": [_relation(rel, rel.target, rel.get_kind_display(), request) for rel in outgoing],
        "incoming_relations": [
            _relation(rel, rel.source, INVERSE_LABELS[RelationKind(rel.kind)], request) for rel in incoming
        ],
        "documents": _documents(page),
        "last_published_at": page.last_published_at,
    }


def article_nodes(page) -> list:
    """The article tree of the regulation's signed document, in reading order (one query)."""
    if not page.document_id:
        return []
    document = page.document
    return list(
        document.articles.order_by("position").only(
            "pk", "parent_id", "kind", "label", "heading", "anchor", "text", "page_number"
        )
    )


def article_record(node, parents: dict) -> dict:
    """One node of the article tree; ``parents`` maps node ids to anchors."""
    return {
        "kind": node.kind,
        "label": node.label,
        "heading": node.heading,
        "anchor": node.anchor,
        "parent_anchor": parents.get(node.parent_id) or None,
        "text": node.text,
        "page_number": node.page_number,
    }


def article_tree(nodes) -> list[dict]:
    """The whole tree as a flat list in reading order; each node names its parent's anchor."""
    parents = {node.pk: node.anchor for node in nodes}
    return [article_record(node, parents) for node in nodes]


def pasal_nodes(nodes, anchor: str):
    """The pasal with ``anchor`` and every node below it, or None when the tree has no such pasal."""
    top = next((node for node in nodes if node.anchor == anchor), None)
    if top is None:
        return None
    inside, kept = {top.pk}, [top]
    for node in nodes:
        if node.parent_id in inside and node.pk not in inside:
            inside.add(node.pk)
            kept.append(node)
    return kept


def linked_services(page, hidden, request) -> list[dict]:
    """Public services whose legal basis cites this regulation, with the provisions cited (one query)."""
    bases = (
        LegalBasis.objects.filter(regulation=page)
        .filter(public_q("page__", hidden))
        .select_related("page")
        .order_by("page__title", "page_id", "sort_order", "pk")
    )
    by_service: dict[int, dict] = {}
    for basis in bases:
        entry = by_service.setdefault(basis.page_id, {**service_ref(basis.page, request), "provisions": []})
        if basis.provision and basis.provision not in entry["provisions"]:
            entry["provisions"].append(basis.provision)
    return list(by_service.values())


def public_regulation(pk: int, hidden):
    """The public regulation with this id, loaded for :func:`regulation_record`, or None."""
    return regulations_queryset(hidden).filter(pk=pk).first()


def regulation_missing() -> str:
    return _("Peraturan dengan ID itu tidak ditemukan atau tidak terbuka untuk umum.")

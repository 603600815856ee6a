"""What the public regulation page shows, computed once per request in a constant number of queries.

``RegulationPage.get_context`` hands its context to :func:`regulation_context`; everything the
template lists (relations in both directions, the services that rely on the regulation, the attached
files) is materialised here, so the template itself never queries and the query count does not grow
with the number of relations or linked services.

The page models import this module, so it imports no models itself: it reaches related rows through
the page's relations (``page.service_links``, the document's ``articles`` and ``pages``).
"""

from dataclasses import dataclass, field

from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from registry.visibility import hidden_section_paths, public_q, visible_among

from . import effective
from .anchors import provision_anchor
from .choices import RelationKind, Status
from .provision_links import load_article_anchors
from .reading import reflow, table_of_contents

#: JDIH "Tipe Dokumen" for every regulation in this registry (domain §1.3, row 1).
DOCUMENT_TYPE = "Peraturan Perundang-undangan"

# The incoming relations that change a regulation's standing, in the order the banner lists them.
_BANNER_KINDS = [
    (RelationKind.MENCABUT, gettext_lazy("Dicabut oleh")),
    (RelationKind.MENCABUT_SEBAGIAN, gettext_lazy("Dicabut sebagian oleh")),
    (RelationKind.MENGUBAH, gettext_lazy("Telah diubah dengan")),
    (RelationKind.MENGUBAH_SEBAGIAN, gettext_lazy("Telah diubah sebagian dengan")),
]
# The same relations before they take effect ("Akan dicabut mulai 1 Januari 2027 oleh").
_PENDING_TEXT = {
    RelationKind.MENCABUT: gettext_lazy("Akan dicabut mulai %(date)s oleh"),
    RelationKind.MENCABUT_SEBAGIAN: gettext_lazy("Akan dicabut sebagian mulai %(date)s oleh"),
    RelationKind.MENGUBAH: gettext_lazy("Akan diubah mulai %(date)s dengan"),
    RelationKind.MENGUBAH_SEBAGIAN: gettext_lazy("Akan diubah sebagian mulai %(date)s dengan"),
}


@dataclass
class JdihRow:
    """One row of the JDIH metadata table; ``link_page`` makes the value a link to that page."""

    label: str
    value: str
    link_page: object = None


@dataclass
class BannerLine:
    """One sentence of the status banner: a phrase and the regulations it names."""

    text: str
    regulations: list = field(default_factory=list)


@dataclass
class LinkedService:
    """A live service that cites the regulation, with the provisions it cites."""

    service: object
    provisions: list = field(default_factory=list)


def format_date(value) -> str:
    """A date in Indonesian long form ("12 Mei 2023"), or "" when missing."""
    return date_format(value, "j F Y") if value else ""


def jdih_rows(page) -> list[JdihRow]:
    """The metadata table of Permenkumham 8/2019 (domain §1.3) for one regulation."""
    kind = page.regulation_type
    penetapan = ", ".join(
        part for part in (page.tempat_penetapan, format_date(page.tanggal_penetapan)) if part
    )
    status = page.jdih_status
    if page.status not in (Status.BERLAKU, Status.TIDAK_BERLAKU):
        status = f"{status} ({page.get_status_display()})"
    pemrakarsa = page.pemrakarsa
    return [
        JdihRow(_("Tipe Dokumen"), DOCUMENT_TYPE),
        JdihRow(_("Judul"), page.title),
        JdihRow(_("T.E.U. Badan/Pengarang"), page.teu_badan or kind.default_teu),
        JdihRow(_("Nomor Peraturan"), page.nomor),
        JdihRow(_("Tahun"), str(page.tahun)),
        JdihRow(_("Jenis/Bentuk Peraturan"), kind.name),
        JdihRow(_("Singkatan Jenis/Bentuk"), kind.abbreviation),
        JdihRow(_("Tempat & Tanggal Penetapan"), penetapan),
        JdihRow(_("Tanggal Pengundangan"), format_date(page.tanggal_pengundangan)),
        JdihRow(_("Tanggal Berlaku"), format_date(page.tanggal_berlaku)),
        JdihRow(_("Sumber"), page.sumber),
        JdihRow(_("Subjek"), page.subjek),
        JdihRow(_("Status"), status),
        JdihRow(_("Bahasa"), page.bahasa),
        JdihRow(_("Bidang Hukum"), page.bidang_hukum),
        JdihRow(
            _("Pemrakarsa"),
            pemrakarsa.title if pemrakarsa else "",
            pemrakarsa if pemrakarsa and pemrakarsa.live else None,
        ),
        JdihRow(_("Penandatangan"), page.penandatangan),
        JdihRow(_("Lokasi"), page.lokasi),
    ]


def status_banner(page, on=None) -> list[BannerLine]:
    """The sentences that warn a reader that this regulation no longer reads as published.

    Empty for a regulation that is plainly in force. Relations count from the day they take effect
    (``on``, today by default); those still ahead are announced ("Akan dicabut mulai …"). Only
    published regulations are named, because ``public_incoming`` leaves drafts and restricted
    regulations out.
    """
    on = on or effective.today()
    incoming = [rel for _label, rel in public_incoming(page)]
    lines = []
    for kind, text in _BANNER_KINDS:
        sources = [
            rel.source for rel in incoming if rel.kind == kind and effective.relation_in_effect(rel, on)
        ]
        if sources:
            lines.append(BannerLine(str(text), sources))
    pending = {}
    for rel in effective.pending_relations(incoming, on):
        if rel.kind in _PENDING_TEXT:
            pending.setdefault((effective.effective_date(rel), rel.kind), []).append(rel.source)
    for (when, kind), sources in sorted(pending.items(), key=lambda item: (item[0][0], item[0][1])):
        lines.append(BannerLine(str(_PENDING_TEXT[kind]) % {"date": effective.format_date(when)}, sources))
    if page.declared_not_in_force:
        lines.append(BannerLine(_("Dinyatakan tidak berlaku")))
    return lines


def linked_services(page) -> list[LinkedService]:
    """Public services whose legal basis cites this regulation, each with the provisions it cites."""
    bases = (
        page.service_links.filter(public_q("page__", _hidden(page)))
        .select_related("page__opd")
        .order_by("page__title", "page_id", "sort_order")
    )
    by_service = {}
    for basis in bases:
        entry = by_service.setdefault(basis.page_id, LinkedService(basis.page))
        if basis.provision and basis.provision not in entry.provisions:
            entry.provisions.append(basis.provision)
    return list(by_service.values())


def attached_files(page) -> list[dict]:
    """The signed PDF, the lampiran and the abstrak file, fetched together in one query."""
    slots = [
        ("document_id", _("Naskah peraturan (PDF)")),
        ("attachment_document_id", _("Lampiran")),
        ("abstract_document_id", _("Abstrak")),
    ]
    ids = [getattr(page, attr) for attr, _label in slots if getattr(page, attr)]
    # The document model, through the field (this module imports no models: models import it).
    document_model = page._meta.get_field("document").related_model
    documents = document_model.objects.in_bulk(ids) if ids else {}
    files = []
    for attr, label in slots:
        document = documents.get(getattr(page, attr))
        if document is not None:
            files.append({"label": label, "document": document, "size": document.file_size})
    return files


def _with_anchors(relations):
    """Give each relation the anchor of its provision ("Pasal 36" → "pasal-36").

    The provision is the article of the *declaring* (source) regulation that makes the change, so the
    anchor belongs on links to the source.
    """

    for rel in relations:
        rel.anchor = provision_anchor(rel.provision)
    return relations


def outgoing_relations(page) -> list:
    """The relations this regulation declares towards regulations the public may see."""
    hidden = _hidden(page)
    return _with_anchors([rel for rel in page.outgoing if visible_among(rel.target, hidden)])


def incoming_relations(page, on=None) -> list:
    """(label, relation) pairs that published regulations declare towards this one.

    A relation not yet in effect on ``on`` (today by default) reads "Akan dicabut mulai …".
    """
    on = on or effective.today()
    incoming = []
    for label, rel in public_incoming(page):
        if rel.kind in _PENDING_TEXT and not effective.relation_in_effect(rel, on):
            when = effective.format_date(effective.effective_date(rel))
            label = _PENDING_TEXT[RelationKind(rel.kind)] % {"date": when}
        incoming.append((label, rel))
    _with_anchors([rel for _label, rel in incoming])
    return incoming


def _hidden(page) -> list[str]:
    """The hidden sections (:func:`hidden_section_paths`), read once per page render."""
    cached = getattr(page, "_hidden_paths", None)
    if cached is None:
        cached = page._hidden_paths = hidden_section_paths()
    return cached


def public_incoming(page) -> list:
    """``page.incoming`` narrowed to source regulations the public may see (memoised on the page)."""
    cached = getattr(page, "_public_incoming", None)
    if cached is None:
        hidden = _hidden(page)
        cached = [(label, rel) for label, rel in page.incoming if visible_among(rel.source, hidden)]
        page._public_incoming = cached
    return cached


def document_text(page) -> dict:
    """The signed document's article tree and page texts (two queries), with the OCR flag."""
    if not page.document_id:
        return {"articles": [], "page_texts": [], "has_ocr": False}
    document_model = page._meta.get_field("document").related_model
    # Reverse managers of an unsaved stand-in: the filters on document_id, without fetching the row.
    document = document_model(pk=page.document_id)
    articles = list(
        document.articles.order_by("position").only(
            "kind", "label", "heading", "anchor", "text", "parent_id", "page_number"
        )
    )
    page_texts = list(document.pages.exclude(text="").order_by("number").defer("ocr_words"))
    return {"articles": articles, "page_texts": page_texts, "has_ocr": any(p.is_ocr for p in page_texts)}


@dataclass
class LegalBasisItem:
    """One Mengingat item: its text, and the public registry records it cites (base first)."""

    item: int
    text: str
    regulations: list = field(default_factory=list)


def legal_basis(page) -> list[LegalBasisItem]:
    """The Mengingat list read from the signed document, linking the cited records the public may see."""
    if not page.document_id:
        return []
    document_model = page._meta.get_field("document").related_model
    rows = document_model(pk=page.document_id).citations.select_related("target__regulation_type")
    hidden, items = _hidden(page), {}
    for row in rows.order_by("item", "position"):
        entry = items.setdefault(row.item, LegalBasisItem(row.item, row.raw_text))
        if (
            row.target is not None
            and visible_among(row.target, hidden)
            and row.target not in entry.regulations
        ):
            entry.regulations.append(row.target)
    return list(items.values())


def cited_by(page) -> list:
    """The public regulations whose Mengingat cites this one, newest first."""
    citing_documents = page.cited_by.values("document_id")
    return list(
        type(page)
        .objects.filter(public_q(hidden_paths=_hidden(page)), document_id__in=citing_documents)
        .select_related("regulation_type")
        .order_by("-tahun", "nomor")
    )


def amended_pasal(page) -> dict[str, list]:
    """By anchor ("pasal-5"), the changes public amending regulations made to this regulation's Pasal.

    Each change carries ``source`` (the amending regulation) and ``source_anchor`` (where in it).
    """
    changes = list(page.amended_provisions.order_by("pk"))
    if not changes:
        return {}
    documents = {change.document_id for change in changes}
    sources = {
        source.document_id: source
        for source in type(page)
        .objects.filter(public_q(hidden_paths=_hidden(page)), document_id__in=documents)
        .select_related("regulation_type")
    }
    by_anchor = {}
    for change in changes:
        source = sources.get(change.document_id)
        if source is None or source.pk == page.pk:
            continue
        change.source = source
        by_anchor.setdefault(change.anchor, []).append(change)
    return by_anchor


def _mark_amended(articles, changes: dict) -> list:
    """Attach each Pasal's changes (``node.changes``); return the changes no Pasal of the text shows.

    Those (a Pasal the parser did not find, an inserted Pasal) are noted at the top of the page.
    """
    placed = set()
    for node in articles:
        node.changes = changes.get(node.anchor, []) if node.kind == "pasal" else []
        if node.changes:
            placed.add(node.anchor)
    return [change for anchor, items in changes.items() if anchor not in placed for change in items]


def _reflow(articles) -> None:
    """Give each node its text as reflowed blocks (``node.blocks``): paragraphs and list items."""
    for node in articles:
        node.blocks = reflow(node.text)


def as_of_context(page, request) -> dict:
    """The ``?berlaku_pada=YYYY-MM-DD`` part of the page: the date asked for and the status then.

    A malformed date gives ``as_of_error`` (an Indonesian sentence) and the page as of today.
    """
    raw = request.GET.get("berlaku_pada") if request is not None else None
    try:
        as_of = effective.parse_as_of(raw)
    except effective.InvalidDate as exc:
        return {"as_of": None, "as_of_error": str(exc)}
    if as_of is None:
        return {"as_of": None}
    status = effective.status_on(page, as_of)
    return {
        "as_of": as_of,
        "as_of_status": status,
        "as_of_line": _("Status pada %(date)s: %(status)s")
        % {"date": effective.format_date(as_of), "status": effective.status_label(status)},
    }


def regulation_context(page, context: dict, request=None) -> dict:
    """Add everything the public regulation page lists to ``context`` and return it."""
    context.update(document_text(page))
    context.update(as_of_context(page, request))
    on = context["as_of"]
    changes = amended_pasal(page)
    unplaced = _mark_amended(context["articles"], changes)
    _reflow(context["articles"])
    incoming = incoming_relations(page, on)
    # Links to the amending regulations' provisions land where their text has them (one query).
    sources = [rel.source for _label, rel in incoming]
    load_article_anchors(sources + [change.source for items in changes.values() for change in items])
    context.update(
        {
            "toc": table_of_contents(context["articles"]),
            "unplaced_changes": unplaced,
            "jdih_rows": jdih_rows(page),
            "status_banner": status_banner(page, on),
            "outgoing_relations": outgoing_relations(page),
            "incoming_relations": incoming,
            "linked_services": linked_services(page),
            "files": attached_files(page),
            "legal_basis": legal_basis(page),
            "cited_by": cited_by(page),
            "amended_pasal": changes,
        }
    )
    return context

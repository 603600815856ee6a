"""What the parser proposes for a regulation, next to what the registry holds now.

Proposals are computed from the stored page texts on demand (the parser is pure and fast), so
nothing is applied until an editor confirms it: accepted fields and relations are written into a
new revision of the regulation, on top of its latest draft, never over it.
"""

from dataclasses import dataclass, field
from datetime import date

from django.core.exceptions import ObjectDoesNotExist, ValidationError
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.log_actions import log

from .choices import Level, RelationKind
from .confidence import Confidence
from .field_confidence import FieldConfidences, StoredPage
from .importers.pdf_reading import sentence_case
from .models import ImportProposal, RegulationPage, RegulationRelation, RegulationType
from .parser import parse_regulation
from .parser.models import Citation, ParsedRegulation

#: The history action recording applied proposals (its label is registered by registry.history).
EXTRACTION_APPLIED_ACTION = "registry.extraction.apply"
#: Fields whose typed value a proposal never replaces by default (the editor may still tick it).
KEEP_TYPED = {"tentang"}


@dataclass
class FieldProposal:
    """One metadata field: the current value and the value read from the document."""

    name: str
    label: str
    current: object
    proposed: object
    confidence: Confidence | None = None

    @property
    def differs(self) -> bool:
        return self.proposed not in (None, "") and self.proposed != self.current

    @property
    def preselected(self) -> bool:
        """Ticked on the review page: it differs, is not read with low confidence, and would not
        replace a "tentang" someone typed."""
        typed = self.name in KEEP_TYPED and self.current not in (None, "")
        low = self.confidence is not None and self.confidence.is_low
        return self.differs and not typed and not low

    def as_text(self, value) -> str:
        if value in (None, ""):
            return "—"
        if isinstance(value, date):
            return value.strftime("%d-%m-%Y")
        return str(value)

    @property
    def current_text(self) -> str:
        return self.as_text(self.current)

    @property
    def proposed_text(self) -> str:
        return self.as_text(self.proposed)

    @property
    def input_value(self) -> str:
        """The proposed value as an HTML input value."""
        if isinstance(self.proposed, date):
            return self.proposed.isoformat()
        if isinstance(self.proposed, RegulationType):
            return str(self.proposed.pk)
        return "" if self.proposed is None else str(self.proposed)


@dataclass
class CitationProposal:
    """A regulation the document cites, resolved against the registry where possible."""

    citation: Citation
    target: RegulationPage | None
    regulation_type: RegulationType | None
    confidence: Confidence | None = None

    @property
    def key(self) -> str:
        return f"{self.citation.kind}|{self.citation.number}|{self.citation.year}"

    @property
    def can_create_national(self) -> bool:
        """An unresolved national citation can be recorded in one click."""
        return (
            self.target is None
            and self.regulation_type is not None
            and self.regulation_type.level == Level.NASIONAL
            and bool(self.citation.number)
            and bool(self.citation.year)
        )


@dataclass
class RelationProposal:
    """A relation the document declares (amends, revokes, implements) towards another regulation."""

    kind: str
    cited: CitationProposal
    evidence: str = ""
    already_applied: bool = False

    @property
    def key(self) -> str:
        return f"{self.kind}|{self.cited.key}"

    @property
    def kind_label(self) -> str:
        return RelationKind(self.kind).label


@dataclass
class Proposals:
    """Everything proposed for one regulation."""

    fields: list[FieldProposal] = field(default_factory=list)
    relations: list[RelationProposal] = field(default_factory=list)
    citations: list[CitationProposal] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    parsed: ParsedRegulation | None = None
    unavailable_reason: str = ""


def _resolve(citations: list[Citation]) -> dict[tuple, tuple[RegulationPage | None, RegulationType | None]]:
    """Resolve citations by exact (jenis, nomor, tahun) in two queries."""
    codes = {c.kind for c in citations if c.kind}
    types = {t.code: t for t in RegulationType.objects.filter(code__in=codes)}
    query = Q(pk__in=[])
    for c in citations:
        if c.kind in types and c.number and c.year:
            query |= Q(regulation_type=types[c.kind], nomor__iexact=c.number, tahun=c.year)
    found = {}
    for page in RegulationPage.objects.filter(query).select_related("regulation_type"):
        found[(page.regulation_type.code, page.nomor.lower(), page.tahun)] = page
    return {
        c.key(): (found.get((c.kind, (c.number or "").lower(), c.year)), types.get(c.kind)) for c in citations
    }


def build_proposals(page: RegulationPage) -> Proposals:
    """Parse the signed document's stored text and compare it with the regulation's metadata."""
    document = page.document
    if document is None:
        return Proposals(unavailable_reason=_("Peraturan ini belum memiliki berkas PDF."))
    stored = [
        StoredPage(*row)
        for row in document.pages.order_by("number").values_list("number", "text", "ocr_words")
    ]
    texts = [page.text for page in stored]
    if not any(text.strip() for text in texts):
        return Proposals(
            unavailable_reason=_("Teks dokumen belum tersedia (status ekstraksi: %(s)s).")
            % {"s": document.get_extraction_status_display()}
        )
    parsed = parse_regulation(texts, file_name=document.file.name.rsplit("/", 1)[-1] or None)
    head, closing = parsed.head, parsed.closing

    cited = [item_c for item in parsed.mengingat or [] for item_c in item.citations]
    relation_sources = []
    if head.is_amendment and head.amends:
        relation_sources.append((RelationKind.MENGUBAH, head.amends, ""))
    for revocation in parsed.revocations or []:
        kind = RelationKind.MENCABUT_SEBAGIAN if revocation.partial else RelationKind.MENCABUT
        relation_sources.append((kind, revocation.target, revocation.sentence))
    for delegation in parsed.delegations:
        if delegation.direction == "IMPLEMENTS" and delegation.target is not None:
            relation_sources.append((RelationKind.MELAKSANAKAN, delegation.target, delegation.text))
    resolved = _resolve(cited + [c for _, c, _ in relation_sources])

    confidences = FieldConfidences(parsed, stored)

    def proposal(citation):
        target, rtype = resolved.get(citation.key(), (None, None))
        return CitationProposal(citation, target, rtype, confidences.citation(citation))

    existing = set(RegulationRelation.objects.filter(source=page).values_list("kind", "target_id"))
    relations = []
    for kind, citation, evidence in relation_sources:
        cp = proposal(citation)
        applied = cp.target is not None and (kind, cp.target.pk) in existing
        relations.append(RelationProposal(kind, cp, evidence[:500], applied))

    regulation_type = RegulationType.objects.filter(code=head.kind).first() if head.kind else None
    gazette = closing.gazette
    values = [
        (
            "regulation_type",
            _("Jenis"),
            page.regulation_type if page.regulation_type_id else None,
            regulation_type,
        ),
        ("wilayah", _("Wilayah"), page.wilayah, head.issuer_region),
        ("nomor", _("Nomor"), page.nomor, head.number),
        ("tahun", _("Tahun"), page.tahun, head.year),
        # The PDF prints it in capitals: propose it in sentence case, as the register shows it.
        (
            "tentang",
            _("Tentang"),
            page.tentang,
            sentence_case(head.tentang or "", [head.issuer_region or ""]),
        ),
        ("tempat_penetapan", _("Tempat penetapan"), page.tempat_penetapan, closing.place_enacted),
        ("tanggal_penetapan", _("Tanggal penetapan"), page.tanggal_penetapan, closing.date_enacted),
        (
            "tanggal_pengundangan",
            _("Tanggal pengundangan"),
            page.tanggal_pengundangan,
            closing.date_promulgated,
        ),
        (
            "tahun_lembaran",
            _("Tahun lembaran/berita"),
            page.tahun_lembaran,
            gazette.year if gazette else None,
        ),
        (
            "nomor_lembaran",
            _("Nomor lembaran/berita"),
            page.nomor_lembaran,
            gazette.number if gazette else None,
        ),
        ("jumlah_halaman", _("Jumlah halaman"), page.jumlah_halaman, len(texts)),
    ]
    scores = confidences.fields()
    return Proposals(
        fields=[FieldProposal(name, label, now, new, scores.get(name)) for name, label, now, new in values],
        relations=relations,
        citations=[proposal(c) for c in cited],
        warnings=list(parsed.warnings),
        parsed=parsed,
    )


def _coerce(page: RegulationPage, name: str, raw: str):
    """Turn a submitted string into the model field's value, raising ValidationError when it can't."""
    model_field = RegulationPage._meta.get_field(name)
    if model_field.is_relation:
        pk = model_field.target_field.to_python(raw)
        return model_field.related_model.objects.get(pk=pk)
    if raw == "" and model_field.null:
        return None
    return model_field.to_python(raw)


def apply_proposals(page: RegulationPage, accepted_fields: dict[str, str], relations, user, publish=False):
    """Write the accepted fields and relations into a new revision on top of the latest draft.

    Raises ``ValidationError`` (with field errors) and then saves nothing. Returns the revision.
    """
    draft = page.get_latest_revision_as_object()
    errors = {}
    for name, raw in accepted_fields.items():
        try:
            setattr(draft, name, _coerce(draft, name, raw.strip()))
        except (ValidationError, ObjectDoesNotExist, ValueError):
            errors[name] = [_("Nilai '%(v)s' tidak valid untuk kolom ini.") % {"v": raw}]
    if errors:
        raise ValidationError(errors)
    present = {(rel.kind, rel.target_id) for rel in draft.relations.all()}
    for proposal in relations:
        target = proposal.cited.target
        if target is None or target.pk == page.pk or (proposal.kind, target.pk) in present:
            continue
        draft.relations.add(
            RegulationRelation(target=target, kind=proposal.kind, scope_text=proposal.evidence[:255])
        )
        present.add((proposal.kind, target.pk))
    draft.full_clean()
    revision = draft.save_revision(user=user, log_action=True)
    log(
        instance=page,
        action=EXTRACTION_APPLIED_ACTION,
        user=user,
        revision=revision,
        data={
            "fields": sorted(accepted_fields),
            "relations": [f"{p.kind_label} {p.cited.target.title}" for p in relations if p.cited.target],
            "published": bool(publish),
        },
    )
    if publish:
        revision.publish(user=user)
    return revision


def create_national_record(cited: CitationProposal, index_page, user) -> RegulationPage:
    """Record an unresolved national citation as a published regulation (metadata only)."""
    c, rtype = cited.citation, cited.regulation_type
    tentang = (c.tentang or "").strip()
    title = f"{rtype.name} Nomor {c.number} Tahun {c.year}" + (f" tentang {tentang}" if tentang else "")
    page = RegulationPage(
        title=title[:255],
        regulation_type=rtype,
        wilayah="Republik Indonesia",
        nomor=c.number,
        tahun=c.year,
        tentang=tentang or str(_("(belum diisi)")),
        teu_badan=rtype.default_teu,
        owner=user,
    )
    # A draft for whoever may not publish: it goes through the review (registry.review) like any edit.
    may_publish = index_page.permissions_for_user(user).can_publish_subpage()
    page.live = may_publish
    index_page.add_child(instance=page)
    revision = page.save_revision(user=user, log_action=True)
    if may_publish:
        revision.publish(user=user)
    return page


# --- proposals left by a JDIHN import (registry.regulations.importers) ----------------------------


def import_proposal_target(row: ImportProposal) -> RegulationPage | None:
    """The regulation an imported relation proposal points at, when the registry holds it."""
    if row.target_type_id is None or not row.target_nomor or not row.target_tahun:
        return None
    pages = RegulationPage.objects.filter(
        regulation_type_id=row.target_type_id, nomor__iexact=row.target_nomor, tahun=row.target_tahun
    ).exclude(pk=row.regulation_id)
    exact = pages.filter(wilayah__iexact=row.target_wilayah).first()
    if exact is not None:
        return exact
    candidates = list(pages[:2])
    return candidates[0] if len(candidates) == 1 else None


def import_relation_proposal(row: ImportProposal) -> RelationProposal:
    """An imported relation proposal as the review's ``RelationProposal`` (target resolved now)."""
    citation = Citation(
        kind=row.target_type.code if row.target_type else "",
        number=row.target_nomor,
        year=row.target_tahun,
        tentang=row.target_tentang or None,
        raw=row.evidence,
    )
    target = import_proposal_target(row)
    applied = (
        target is not None
        and RegulationRelation.objects.filter(
            source_id=row.regulation_id, target=target, kind=row.relation_kind
        ).exists()
    )
    return RelationProposal(
        row.relation_kind, CitationProposal(citation, target, row.target_type), row.evidence, applied
    )


def apply_import_proposals(page: RegulationPage, rows: list[ImportProposal], user, publish=False):
    """Apply confirmed import proposals of ``page`` through :func:`apply_proposals` and mark them applied.

    A status proposal declares the regulation not in force; a relation proposal adds the relation
    once its target is in the registry. Raises ``ValidationError`` (nothing saved) otherwise.
    """
    accepted, relations = {}, []
    for row in rows:
        if row.kind == ImportProposal.Kind.STATUS:
            accepted["declared_not_in_force"] = "True"
            note = _("Tidak berlaku menurut umpan JDIH (status: %(s)s).") % {"s": row.evidence}
            accepted["status_note"] = str(note)[:255]
            continue
        proposal = import_relation_proposal(row)
        if proposal.cited.target is None:
            raise ValidationError(
                _("%(target)s belum ada di registri; impor atau catat dahulu peraturan itu.")
                % {"target": row.target_label}
            )
        relations.append(proposal)
    revision = apply_proposals(page, accepted, relations, user, publish=publish)
    decide_import_proposals(rows, ImportProposal.State.APPLIED, user)
    return revision


def decide_import_proposals(rows: list[ImportProposal], state: str, user) -> int:
    """Mark import proposals applied or rejected (a rejected one is never proposed again)."""
    return ImportProposal.objects.filter(pk__in=[row.pk for row in rows]).update(
        state=state, decided_at=timezone.now(), decided_by=user
    )

"""Decide what each mapped record does to the registry, batch by batch, without writing anything.

The dry run and the real run share this code: both match records to existing regulations by
(jenis, wilayah, nomor, tahun), build the page each record would create or the draft each would
update, and validate it with the model's own rules, so the dry run reports the same counts as the
real run. Only :mod:`.writer` writes.
"""

from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from ..choices import IN_FORCE
from ..models import ImportProposal, RegulationPage, RegulationRelation, RegulationType
from .mapping import MappedRecord
from .text import number_key

#: Tree fields an unsaved page does not have yet (``add_child`` sets them).
TREE_FIELDS = ["path", "depth", "numchild", "url_path"]
CREATE, UPDATE, UNCHANGED, SKIP = "create", "update", "unchanged", "skip"


def identity_key(type_code: str, wilayah: str, nomor: str, tahun: int) -> tuple:
    """The identity used to match regulations, compared loosely (as ``RegulationPage.clean`` does)."""
    return (type_code, wilayah.strip().casefold(), number_key(nomor), tahun)


def _comparable(value):
    return " ".join(value.split()).casefold() if isinstance(value, str) else value


def field_label(name: str) -> str:
    try:
        return str(RegulationPage._meta.get_field(name).verbose_name)
    except Exception:  # noqa: BLE001 - a non-field key such as "__all__"
        return ""


def validation_text(exc: ValidationError) -> str:
    """A ValidationError as one Indonesian sentence: "nomor: …; subjek: …"."""
    if not hasattr(exc, "error_dict"):
        return " ".join(exc.messages)
    parts = []
    for name, messages in exc.message_dict.items():
        label = field_label(name)
        parts.append(f"{label}: {' '.join(messages)}" if label else " ".join(messages))
    return "; ".join(parts)


@dataclass
class ProposalSpec:
    """An ImportProposal to create once the regulation exists."""

    kind: str
    relation_kind: str = ""
    target_type: RegulationType | None = None
    target_wilayah: str = ""
    target_nomor: str = ""
    target_tahun: int | None = None
    target_tentang: str = ""
    evidence: str = ""

    def key(self, regulation_id) -> tuple:
        type_id = self.target_type.pk if self.target_type else None
        return (
            regulation_id,
            self.kind,
            self.relation_kind,
            type_id,
            self.target_nomor.casefold(),
            self.target_tahun,
        )


@dataclass
class Planned:
    """What one record does: the page to create, the draft to update, or why it cannot."""

    record: MappedRecord
    action: str
    page: RegulationPage | None = None
    existing_id: int | None = None
    changes: list[str] = field(default_factory=list)
    kept: list[str] = field(default_factory=list)
    error: str = ""
    skip_reason: str = ""
    publish: bool = False
    proposals: list[ProposalSpec] = field(default_factory=list)


class Planner:
    """Holds what the registry already has (identities, slugs, proposals) across the batches."""

    def __init__(self, index, *, draft=False, overwrite=False, user=None):
        self.index = index
        # Who may not publish under the index (everyone but superusers since the review workflows,
        # registry.review) imports drafts, to be submitted for review like any other edit.
        may_publish = user is None or index.permissions_for_user(user).can_publish_subpage()
        self.draft, self.overwrite, self.user = draft or not may_publish, overwrite, user
        self.types = {t.code: t for t in RegulationType.objects.all()}
        self.known: dict[tuple, int] = {}
        rows = RegulationPage.objects.values_list("pk", "regulation_type__code", "wilayah", "nomor", "tahun")
        for pk, code, wilayah, nomor, tahun in rows:
            self.known.setdefault(identity_key(code, wilayah, nomor, tahun), pk)
        self.slugs = set(RegulationPage.objects.child_of(index).values_list("slug", flat=True))
        self.proposal_keys = {proposal.key for proposal in ImportProposal.objects.all()}

    # --- planning --------------------------------------------------------------------------------

    def plan(self, batch: list[MappedRecord]) -> list[Planned]:
        """Plan one batch; records that would fail validation carry ``error``."""
        matched = {}
        for record in batch:
            pk = self.known.get(self._key(record))
            if pk is not None:
                matched[record.position] = pk
        pages = RegulationPage.objects.select_related("regulation_type").in_bulk(set(matched.values()))
        batch_slugs: dict[str, int] = {}
        planned = []
        for record in batch:
            rtype = self.types.get(record.type_code)
            if rtype is None:
                reason = _(
                    "Jenis %(code)s belum ada di tabel jenis peraturan; jalankan penyiapan registri dahulu."
                ) % {"code": record.type_code}
                planned.append(Planned(record, SKIP, skip_reason=reason))
                continue
            existing = pages.get(matched.get(record.position))
            if existing is None:
                item = self._plan_create(record, rtype, batch_slugs)
            else:
                item = self._plan_update(record, existing)
            if not item.error:
                item.proposals = self._proposals(record, existing)
            planned.append(item)
        return planned

    def _key(self, record: MappedRecord) -> tuple:
        return identity_key(record.type_code, record.wilayah, record.nomor, record.tahun)

    def _plan_create(self, record, rtype, batch_slugs) -> Planned:
        publish = not self.draft
        page = RegulationPage(
            title=record.title,
            regulation_type=rtype,
            wilayah=record.wilayah,
            nomor=record.nomor,
            tahun=record.tahun,
            live=publish,
            owner=self.user,
            **record.values,
        )
        page.depth = self.index.depth + 1
        item = Planned(record, CREATE, page=page, publish=publish)
        try:
            page.full_clean(exclude=TREE_FIELDS)
        except ValidationError as exc:
            item.error = validation_text(exc)
            return item
        clash = batch_slugs.get(page.slug)
        if page.slug in self.slugs or clash is not None:
            item.error = _(
                "Alamat halaman '%(slug)s' sudah dipakai peraturan lain di registri%(where)s "
                "(jenis, tahun dan nomor sama, wilayah berbeda)."
            ) % {"slug": page.slug, "where": _(" (catatan #%(n)s)") % {"n": clash} if clash else ""}
            return item
        batch_slugs[page.slug] = record.position
        return item

    def _plan_update(self, record, existing: RegulationPage) -> Planned:
        draft = existing.get_latest_revision_as_object()
        item = Planned(record, UNCHANGED, page=draft, existing_id=existing.pk)
        for name, value in [("title", record.title), *record.values.items()]:
            have = getattr(draft, name)
            if have in (None, ""):
                setattr(draft, name, value)
                item.changes.append(name)
            elif _comparable(have) != _comparable(value):
                if self.overwrite:
                    setattr(draft, name, value)
                    item.changes.append(name)
                else:
                    item.kept.append(name)
        if not item.changes:
            return item
        item.action = UPDATE
        # A page with unpublished changes gets a new draft on top of them; it is never published here.
        item.publish = not self.draft and existing.live and not existing.has_unpublished_changes
        try:
            draft.full_clean()
        except ValidationError as exc:
            item.error = validation_text(exc)
        return item

    def _proposals(self, record: MappedRecord, existing: RegulationPage | None) -> list[ProposalSpec]:
        specs = []
        regulation_id = existing.pk if existing else None
        if record.status_text and not (
            existing and (existing.declared_not_in_force or existing.status not in IN_FORCE)
        ):
            specs.append(ProposalSpec(ImportProposal.Kind.STATUS, evidence=record.status_text[:500]))
        relation = record.relation
        target_type = self.types.get(relation.type_code) if relation else None
        if relation and target_type:
            applied = existing and (
                RegulationRelation.objects.filter(
                    source=existing,
                    kind=relation.kind,
                    target__regulation_type=target_type,
                    target__nomor__iexact=relation.nomor,
                    target__tahun=relation.tahun,
                ).exists()
            )
            if not applied:
                specs.append(
                    ProposalSpec(
                        ImportProposal.Kind.RELATION,
                        relation_kind=relation.kind,
                        target_type=target_type,
                        target_wilayah=relation.wilayah[:120],
                        target_nomor=relation.nomor[:60],
                        target_tahun=relation.tahun,
                        target_tentang=relation.tentang,
                        evidence=relation.evidence[:500],
                    )
                )
        return [
            spec
            for spec in specs
            if regulation_id is None or spec.key(regulation_id) not in self.proposal_keys
        ]

    def already_proposed(self, item: Planned) -> bool:
        """Whether the record states a relation or status that an earlier import proposed already."""
        stated = bool(item.record.status_text) + bool(item.record.relation)
        return item.action != SKIP and not item.error and len(item.proposals) < stated

    # --- after a batch ------------------------------------------------------------------------------

    def commit(self, planned: list[Planned]) -> None:
        """Remember what a successful batch created, so later batches see it (dry run included)."""
        for item in planned:
            if item.action == CREATE:
                self.known[self._key(item.record)] = item.page.pk or -item.record.position
                self.slugs.add(item.page.slug)
            if item.page is not None and item.page.pk:
                self.proposal_keys.update(spec.key(item.page.pk) for spec in item.proposals)

    def reload_index(self) -> None:
        """Re-read the index after a rolled-back batch (treebeard keeps its child count in memory)."""
        self.index = type(self.index).objects.get(pk=self.index.pk)

"""Writing a parsed services sheet: draft service pages under their OPDs, all or nothing. Django side.

:func:`import_services` first plans every row (which OPD, which existing page, which regulations, and
whether anything changes), then, when no row has an error and it is not a dry run, carries out the
plan in one transaction. A dry run stops after the plan, so it reports exactly the counts the real
run will have. A new service is created as a draft page and never published; an existing one (same
title under the same OPD) gets a new draft revision only when the sheet changes it.
"""

from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from registry.reference.services import ROLE_SK_SP

from ..models import LegalBasis, ServicePage, ServiceRequirement, ServiceStep
from . import messages as msg
from .resolve import OpdIndex, RegulationResolver, can_import_into
from .rows import ServiceRecord, parse_table
from .sheet import HEADERS, SheetError, read_table

CREATED, UPDATED, UNCHANGED = "created", "updated", "unchanged"
OUTCOME_LABELS = {
    CREATED: gettext_lazy("dibuat (draf)"),
    UPDATED: gettext_lazy("diperbarui (revisi draf baru)"),
    UNCHANGED: gettext_lazy("tidak berubah"),
}
FIELDS = ("time_value", "time_unit", "time_note", "cost_kind", "cost_amount", "cost_note", "product")
#: What each service-delivery component sets, for an import of some components only (an SK Standar
#: Pelayanan read from a PDF): the page fields, "requirements", "steps" and "complaint_procedure".
COMPONENT_PARTS = {
    "persyaratan": ("requirements",),
    "prosedur": ("steps",),
    "waktu": ("time_value", "time_unit", "time_note"),
    "biaya": ("cost_kind", "cost_amount", "cost_note"),
    "produk": ("product",),
    "pengaduan": ("complaint_procedure",),
}


@dataclass
class RowPlan:
    record: ServiceRecord
    unit: object = None
    existing: ServicePage | None = None
    bases: list[tuple] = field(default_factory=list)  # (regulation, provision, component)
    outcome: str = ""
    page: ServicePage | None = None
    #: The SK Standar Pelayanan the service gets as a legal basis (role "sk_sp"), if any.
    sk_sp: object = None


@dataclass
class ServiceImportReport:
    """What an import found and did (or, on a dry run, would do)."""

    dry_run: bool
    plans: list[RowPlan] = field(default_factory=list)
    issues: list[msg.Issue] = field(default_factory=list)
    written: bool = False

    @property
    def errors(self):
        return [i for i in self.issues if i.level == msg.ERROR]

    @property
    def warnings(self):
        return [i for i in self.issues if i.level == msg.WARNING]

    @property
    def ok(self) -> bool:
        return not self.errors

    def counts(self) -> dict[str, int]:
        counts = {CREATED: 0, UPDATED: 0, UNCHANGED: 0}
        for plan in self.plans:
            if plan.outcome:
                counts[plan.outcome] += 1
        return counts

    def summary(self) -> str:
        if self.errors:
            return ngettext(
                "%(n)s kesalahan: tidak ada layanan yang diimpor.",
                "%(n)s kesalahan: tidak ada layanan yang diimpor.",
                len(self.errors),
            ) % {"n": len(self.errors)}
        counts = self.counts()
        text = _("%(created)s layanan dibuat, %(updated)s diperbarui, %(unchanged)s tidak berubah") % counts
        if self.dry_run:
            text = _("Uji coba: %(text)s (belum ada yang ditulis)") % {"text": text}
        warnings = len(self.warnings)
        if warnings:
            text += "; " + ngettext("%(n)s peringatan", "%(n)s peringatan", warnings) % {"n": warnings}
        return text + "."

    def rows(self) -> list[dict]:
        """One entry per sheet row with its outcome and rendered issues, for the report page."""
        by_row: dict[int, list[msg.Issue]] = {}
        for issue in self.issues:
            by_row.setdefault(issue.row, []).append(issue)
        entries = []
        for plan in self.plans:
            entries.append(
                {
                    "row": plan.record.row,
                    "opd": plan.unit.title if plan.unit else plan.record.opd,
                    "title": plan.record.title,
                    "outcome": str(OUTCOME_LABELS[plan.outcome]) if plan.outcome else "",
                    "page": plan.page or plan.existing,
                    "issues": [render(issue) for issue in by_row.pop(plan.record.row, [])],
                }
            )
        for row, issues in sorted(by_row.items()):  # file-level issues (row 0)
            entries.insert(
                0,
                {
                    "row": row,
                    "opd": "",
                    "title": "",
                    "outcome": "",
                    "page": None,
                    "issues": [render(issue) for issue in issues],
                },
            )
        return entries


def render(issue: msg.Issue) -> dict:
    return {"level": issue.level, "column": issue.column, "text": issue.render(_)}


def _parts(record: ServiceRecord) -> set[str]:
    if record.components is None:
        return {part for parts in COMPONENT_PARTS.values() for part in parts}
    return {part for code in record.components for part in COMPONENT_PARTS[code]}


def _snapshot(fields: dict, requirements, steps, bases, parts: set[str]) -> tuple:
    amount = fields.get("cost_amount")
    values = tuple(
        (name, int(amount) if name == "cost_amount" and amount is not None else fields.get(name) or "")
        for name in FIELDS
        if name in parts
    )
    return (
        values,
        fields.get("complaint_procedure") or "" if "complaint_procedure" in parts else "",
        tuple(requirements) if "requirements" in parts else (),
        tuple(steps) if "steps" in parts else (),
        tuple(bases),
    )


def _record_snapshot(plan: RowPlan) -> tuple:
    record = plan.record
    fields = {name: getattr(record, name) for name in FIELDS}
    fields["complaint_procedure"] = record.complaint_procedure
    if record.components is None:
        bases = [(regulation.pk, provision, component) for regulation, provision, component in plan.bases]
    else:  # a partial import only adds the SK Standar Pelayanan
        bases = [plan.sk_sp.pk] if plan.sk_sp is not None else []
    return _snapshot(fields, record.requirements, record.steps, bases, _parts(record))


def _page_snapshot(page: ServicePage, plan: RowPlan) -> tuple:
    fields = {name: getattr(page, name) for name in FIELDS}
    fields["complaint_procedure"] = page.complaint_procedure
    if plan.record.components is None:
        bases = [(b.regulation_id, b.provision, b.component) for b in page.legal_bases.all()]
    else:
        linked = {b.regulation_id for b in page.legal_bases.all() if b.role == ROLE_SK_SP}
        bases = [plan.sk_sp.pk] if plan.sk_sp is not None and plan.sk_sp.pk in linked else []
    return _snapshot(
        fields,
        [r.text for r in page.requirements.all()],
        [s.title for s in page.steps.all()],
        bases,
        _parts(plan.record),
    )


def _existing(unit, title: str) -> ServicePage | None:
    pages = ServicePage.objects.child_of(unit).filter(Q(title__iexact=title) | Q(draft_title__iexact=title))
    return pages.order_by("pk").first()


def _resolve_bases(plan: RowPlan, resolver: RegulationResolver, issues: list) -> None:
    column = HEADERS["dasar_hukum"]
    seen = set()
    for citation, text, component in plan.record.bases:
        if citation is None:
            continue  # reported by the parser
        regulation = resolver.regulation(citation)
        if regulation is None:
            issues.append(
                msg.Issue(plan.record.row, column, msg.BASIS_NOT_FOUND, {"text": text}, msg.WARNING)
            )
            continue
        if citation.provision and not resolver.has_provision(regulation, citation.provision):
            params = {"provision": citation.provision, "regulation": regulation.title}
            issues.append(msg.Issue(plan.record.row, column, msg.PROVISION_NOT_FOUND, params, msg.WARNING))
        key = (regulation.pk, citation.provision, component)
        if key not in seen:
            seen.add(key)
            plan.bases.append((regulation, citation.provision, component))


def plan_rows(
    records: list[ServiceRecord], user=None, unit=None, sk_sp=None
) -> tuple[list[RowPlan], list[msg.Issue]]:
    """Resolve every record and decide its outcome; nothing is written. With ``unit`` every record
    goes under that OPD (whatever its ``opd`` says); ``sk_sp`` is linked to every service."""
    opds, resolver, issues = OpdIndex(), RegulationResolver(), []
    plans, seen = [], {}
    for record in records:
        plan = RowPlan(record=record, sk_sp=sk_sp)
        plans.append(plan)
        if not record.title or not (record.opd or unit):
            continue
        unit_found, error, params = (unit, "", {}) if unit is not None else opds.find(record.opd)
        unit_here = unit_found
        if unit_here is None:
            issues.append(msg.Issue(record.row, HEADERS["opd"], error, params))
            continue
        plan.unit = unit_here
        key = (unit_here.pk, record.title.casefold())
        if key in seen:
            params = {"title": record.title, "opd": unit_here.title, "first": seen[key]}
            issues.append(msg.Issue(record.row, HEADERS["layanan"], msg.DUPLICATE_ROW, params))
            continue
        seen[key] = record.row
        plan.existing = _existing(unit_here, record.title)
        if not can_import_into(user, unit_here, plan.existing):
            issues.append(msg.Issue(record.row, HEADERS["opd"], msg.NOT_ALLOWED, {"opd": unit_here.title}))
            continue
        _resolve_bases(plan, resolver, issues)
        if plan.existing is None:
            plan.outcome = CREATED
        else:
            latest = plan.existing.get_latest_revision_as_object()
            same = _page_snapshot(latest, plan) == _record_snapshot(plan)
            plan.outcome = UNCHANGED if same else UPDATED
    return plans, issues


def _unique_slug(unit, title: str) -> str:
    base = slugify(title)[:200] or "layanan"
    taken = set(unit.get_children().values_list("slug", flat=True))
    slug, number = base, 2
    while slug in taken:
        slug, number = f"{base}-{number}", number + 1
    return slug


def _fill(page: ServicePage, plan: RowPlan) -> None:
    """Set what the record carries; a record of some components leaves the others as they are."""
    record = plan.record
    parts = _parts(record)
    for name in FIELDS:
        if name in parts:
            setattr(page, name, getattr(record, name))
    if "complaint_procedure" in parts:
        page.complaint_procedure = record.complaint_procedure
    if "requirements" in parts:
        kept = {r.text: r for r in page.requirements.all()} if page.pk else {}
        notes = record.requirement_notes
        page.requirements = [
            ServiceRequirement(
                text=text,
                mandatory=kept[text].mandatory if text in kept else True,
                note=kept[text].note if text in kept else (notes[order] if order < len(notes) else ""),
                sort_order=order,
            )
            for order, text in enumerate(record.requirements)
        ]
    if "steps" in parts:
        page.steps = [ServiceStep(title=text, sort_order=order) for order, text in enumerate(record.steps)]
    if record.components is None:
        page.legal_bases = [
            LegalBasis(regulation=regulation, provision=provision, component=component, sort_order=order)
            for order, (regulation, provision, component) in enumerate(plan.bases)
        ]
    if plan.sk_sp is not None:
        bases = list(page.legal_bases.all()) if page.pk or record.components is None else []
        if not any(b.regulation_id == plan.sk_sp.pk and b.role == ROLE_SK_SP for b in bases):
            bases.append(LegalBasis(regulation=plan.sk_sp, role=ROLE_SK_SP, sort_order=len(bases)))
        page.legal_bases = bases


def _write(plan: RowPlan, user) -> None:
    if plan.outcome == CREATED:
        page = ServicePage(
            title=plan.record.title, slug=_unique_slug(plan.unit, plan.record.title), live=False
        )
        page.owner = user
        _fill(page, plan)
        plan.unit.add_child(instance=page)
        page.save_revision(user=user, log_action=True)
    else:
        page = plan.existing.get_latest_revision_as_object()
        _fill(page, plan)
        page.save_revision(user=user, log_action=True)
    plan.page = page


class _Abort(Exception):
    pass


def write_plans(plans: list[RowPlan], user, issues: list) -> bool:
    """Carry out the plans in one transaction; a failing row rolls everything back."""
    try:
        with transaction.atomic():
            for plan in plans:
                if plan.outcome in (CREATED, UPDATED):
                    try:
                        _write(plan, user)
                    except ValidationError as exc:
                        reason = " ".join(str(m) for m in exc.messages)
                        issues.append(msg.Issue(plan.record.row, "", msg.INVALID, {"reason": reason}))
                        raise _Abort from exc
    except _Abort:
        for plan in plans:
            plan.page = None
        return False
    return True


def import_services(name: str, data: bytes, user=None, dry_run: bool = False) -> ServiceImportReport:
    """Read, check and (unless ``dry_run`` or any row has an error) import a services sheet."""
    report = ServiceImportReport(dry_run=dry_run)
    try:
        table = read_table(name, data)
    except SheetError as exc:
        report.issues.append(exc.issue)
        return report
    parsed = parse_table(table)
    report.issues.extend(parsed.issues)
    plans, issues = plan_rows(parsed.records, user)
    report.plans = plans
    report.issues.extend(issues)
    report.issues.sort(key=lambda issue: (issue.row, issue.level != msg.ERROR))
    if report.ok and not dry_run:
        report.written = write_plans(plans, user, report.issues)
    return report

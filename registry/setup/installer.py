"""Every step of ``manage.py setup_registry``, in order and in one transaction.

1. the regulation types, from their one definition (``registry.reference.regulations``);
2. one coverage rule setting per rule (the data migration seeds them; a rule added later, or a row
   deleted by hand, is completed here);
3. the site tree (:mod:`.site_tree`);
4. the admin groups (``registry.permissions.ensure_groups``): the legal bureau's rights hang on
   the regulation index;
5. the review workflows (``registry.review.workflows``), last: they name the groups and hang on the
   two indexes.

The 14 Standar Pelayanan components need no step: they are choices in code
(``registry.reference.components``), not rows. Each step only adds what is missing, so a second run
changes nothing.
"""

from dataclasses import dataclass

from django.db import transaction
from django.utils.translation import gettext as _

from registry.coverage.display import rule_title
from registry.coverage.models import RuleConfig
from registry.coverage.rules import RULES
from registry.permissions import GroupChange, ensure_groups
from registry.regulations.models import RegulationType
from registry.regulations.reference_data import ensure_regulation_types
from registry.review.workflows import WorkflowChange, ensure_workflows

from .site_tree import CREATED, KEPT, UPDATED, Outcome, ensure_site_tree


@dataclass
class Step:
    """One setup step: a heading and what it did, thing by thing."""

    heading: str
    outcomes: list[Outcome]

    @property
    def changes(self) -> int:
        return sum(outcome.changed for outcome in self.outcomes)


def _counted(label: str, created: list[str], kept: int) -> list[Outcome]:
    """Outcomes of a step over many similar rows: those created (listed) and those already there."""
    outcomes = []
    if created:
        outcomes.append(Outcome(CREATED, label % {"n": len(created)}, details=created))
    if kept or not created:
        outcomes.append(Outcome(KEPT, label % {"n": kept}))
    return outcomes


def regulation_types() -> Step:
    """Create the missing seed regulation types; rows editors changed stay as they are."""
    before = set(RegulationType.objects.values_list("code", flat=True))
    types = ensure_regulation_types()
    created = [f"{t.name} ({t.abbreviation})" for code, t in types.items() if code not in before]
    return Step(
        _("Jenis peraturan"), _counted(_("%(n)d jenis peraturan"), created, len(types) - len(created))
    )


def rule_configs() -> Step:
    """One RuleConfig row per coverage rule, with the rule's defaults (empty threshold and severity)."""
    existing = set(RuleConfig.objects.values_list("code", flat=True))
    missing = [rule for rule in RULES if rule.code not in existing]
    # bulk_create sends no post_save, so no recompute: a missing row and a default row evaluate alike.
    RuleConfig.objects.bulk_create([RuleConfig(code=rule.code) for rule in missing])
    created = [rule_title(rule) for rule in missing]
    return Step(
        _("Pengaturan aturan cakupan"),
        _counted(_("%(n)d pengaturan aturan cakupan"), created, len(RULES) - len(missing)),
    )


def site_tree(hostname: str = "", port: int | None = None) -> Step:
    """The home page, the default Site and the two indexes."""
    tree = ensure_site_tree(hostname=hostname, port=port)
    return Step(_("Pohon situs"), list(tree.outcomes.values()))


def _group_outcome(change: GroupChange) -> Outcome:
    action = CREATED if change.created else UPDATED if change.granted else KEPT
    label = _("Grup '%(group)s'") % {"group": change.group}
    return Outcome(action, label, details=[str(right) for right in change.granted], notes=change.notes)


def groups() -> Step:
    """The role groups and one editor group per Perangkat Daerah."""
    return Step(_("Grup pengguna admin"), [_group_outcome(change) for change in ensure_groups()])


def _workflow_outcome(change: WorkflowChange) -> Outcome:
    action = CREATED if change.created else UPDATED if change.granted else KEPT
    label = _("Alur kerja '%(name)s'") % {"name": change.name}
    return Outcome(action, label, details=list(change.granted), notes=change.notes)


def workflows() -> Step:
    """The review workflows of regulations and services."""
    return Step(_("Alur kerja tinjauan"), [_workflow_outcome(change) for change in ensure_workflows()])


@transaction.atomic
def setup_registry(hostname: str = "", port: int | None = None) -> list[Step]:
    """Run every step; all or nothing. Returns the steps with what each did."""
    # In this order: the groups' rights hang on the regulation index the site tree creates.
    return [regulation_types(), rule_configs(), site_tree(hostname, port), groups(), workflows()]

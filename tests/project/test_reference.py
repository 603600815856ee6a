"""Each domain list has one definition (registry.reference); everything else derives from it."""

import ast
from pathlib import Path

import pytest

from registry.coverage import facts, messages
from registry.reference import components, regulations, services
from registry.regulations.choices import Gazette, Level, Nature, RelationKind, Status
from registry.regulations.models import RegulationType
from registry.regulations.reference_data import ensure_regulation_types, type_values
from registry.services.components import DELIVERY_COMPONENTS, Component
from registry.services.models import ChannelKind, CostKind, LegalBasisRole

ROOT = Path(__file__).resolve().parents[2]


def _pairs(choices) -> list[tuple[str, str]]:
    return [(str(value), str(label)) for value, label in choices.choices]


def test_django_choices_are_the_reference_records():
    """Codes and labels (not just codes) of every vocabulary come from the records."""
    assert _pairs(Component) == [(c.code, c.label) for c in components.COMPONENTS]
    for choices, records in [
        (Level, regulations.LEVELS),
        (Nature, regulations.NATURES),
        (Gazette, regulations.GAZETTES),
        (Status, regulations.STATUSES),
        (RelationKind, regulations.RELATION_KINDS),
        (LegalBasisRole, services.LEGAL_BASIS_ROLES),
        (CostKind, services.COST_KINDS),
        (ChannelKind, services.CHANNEL_KINDS),
    ]:
        assert _pairs(choices) == [(r.code, r.label) for r in records], choices.__name__
    assert [str(c) for c in DELIVERY_COMPONENTS] == list(components.DELIVERY_CODES)


def test_coverage_facts_and_labels_are_the_reference_records():
    """The pure coverage modules read the same records (the very same objects, not copies)."""
    assert facts.COMPONENTS is components.CODES
    assert facts.DELIVERY_COMPONENTS is components.DELIVERY_CODES
    assert facts.IN_FORCE_STATUSES is regulations.IN_FORCE_STATUSES
    expected = ", ".join(f"{c.number}. {c.label}" for c in components.COMPONENTS)
    assert messages.component_list(components.CODES) == expected


@pytest.mark.django_db
def test_the_regulation_type_table_is_seeded_from_the_records():
    """ensure_regulation_types writes exactly the records, and the factories use it."""
    ensure_regulation_types()
    rows = {t.code: t for t in RegulationType.objects.all()}
    assert set(rows) == {r.code for r in regulations.REGULATION_TYPES}
    for record in regulations.REGULATION_TYPES:
        row = rows[record.code]
        assert {name: getattr(row, name) for name in type_values(record)} == type_values(record)


def _string_constants(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    return {n.value for n in ast.walk(tree) if isinstance(n, ast.Constant) and isinstance(n.value, str)}


def test_no_other_module_writes_the_lists_out_again():
    """No module outside registry/reference spells out the type names or component labels as data.

    A label may appear once elsewhere in prose or a test expectation, but a module holding most of a
    list is a second definition.
    """
    type_names = {r.name for r in regulations.REGULATION_TYPES}
    labels = {c.label for c in components.COMPONENTS}
    offenders = {}
    for folder in ("registry", "search", "tests", "bench"):
        for path in (ROOT / folder).rglob("*.py"):
            if "reference" in path.parts or "migrations" in path.parts:
                continue
            strings = _string_constants(path)
            if len(strings & type_names) > len(type_names) // 2 or len(strings & labels) > len(labels) // 2:
                offenders[str(path.relative_to(ROOT))] = sorted((strings & type_names) | (strings & labels))[
                    :3
                ]
    assert offenders == {}

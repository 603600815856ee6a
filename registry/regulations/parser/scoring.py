"""Compare predicted label dicts with the ground truth (LABELS.jsonl): accuracy, precision, recall.

Normalisation decisions (applied to prediction and truth alike, nothing else):

* numbers: whitespace removed, upper-cased, and leading zeros dropped from purely numeric numbers
  ("02" == "2", "05" == "5"), because the same regulation is cited both ways; "4/M" or "5/E"
  are compared as written;
* ``title_tentang``: whitespace collapsed, case-folded, trailing punctuation dropped;
* ``issuer_region`` and ``place_enacted``: whitespace collapsed and case-folded;
* everything else is compared exactly.

A field counts as correct when prediction and truth are equal after normalisation, including both
being null. Reference targets (``amends`` plus ``revokes``) are scored as sets of
``(kind, number, year)``; ``mengingat_first3`` is scored position by position.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

SCALAR_FIELDS = (
    "doc_kind",
    "issuer_region",
    "number",
    "year",
    "title_tentang",
    "is_amendment",
    "amends",
    "revokes",
    "mengingat_count",
    "mengingat_first3",
    "pasal_count",
    "place_enacted",
    "date_enacted",
    "date_promulgated",
    "gazette",
)


def normalise_number(value: str | None) -> str | None:
    """Canonical form of a regulation or gazette number (see module docstring)."""
    if value is None:
        return None
    text = re.sub(r"\s+", "", str(value)).upper()
    return (text.lstrip("0") or "0") if text.isdigit() else text


def normalise_text(value: str | None) -> str | None:
    """Canonical form of free text: collapsed whitespace, case-folded, no trailing punctuation."""
    if value is None:
        return None
    return re.sub(r"\s+", " ", value).strip().rstrip(".,;:").casefold()


def ref_key(ref: dict | None) -> tuple | None:
    """Identity of a ``{kind, number, year}`` reference."""
    if ref is None:
        return None
    return (ref.get("kind"), normalise_number(ref.get("number")), ref.get("year"))


def _gazette_key(gazette: dict | None) -> tuple | None:
    """Identity of a gazette entry."""
    if gazette is None:
        return None
    return (
        gazette.get("series"),
        normalise_text(gazette.get("region")),
        gazette.get("year"),
        normalise_number(gazette.get("number")),
    )


def canonical(field: str, value):
    """The comparable form of one field value."""
    if field == "number":
        return normalise_number(value)
    if field in ("title_tentang", "issuer_region", "place_enacted"):
        return normalise_text(value)
    if field == "amends":
        return ref_key(value)
    if field == "revokes":
        return None if value is None else frozenset(ref_key(ref) for ref in value)
    if field == "mengingat_first3":
        return None if value is None else tuple(ref_key(ref) for ref in value)
    if field == "gazette":
        return _gazette_key(value)
    return value


def field_correct(field: str, predicted, truth) -> bool:
    """Whether a predicted field value equals the truth after normalisation."""
    return canonical(field, predicted) == canonical(field, truth)


def target_set(labels: dict) -> set[tuple]:
    """The (kind, number, year) references a document amends or revokes."""
    targets = set()
    if labels.get("amends"):
        targets.add(("AMENDS",) + ref_key(labels["amends"]))
    for ref in labels.get("revokes") or []:
        targets.add(("REVOKES",) + ref_key(ref))
    return targets


def _pct(numerator: int, denominator: int) -> float | None:
    """A percentage rounded to one decimal, None when the denominator is zero."""
    return round(100.0 * numerator / denominator, 1) if denominator else None


def _present(field: str, value) -> bool:
    """Whether a field has a value (an empty list of revoked regulations counts as none)."""
    return canonical(field, value) not in (None, frozenset(), ())


def _field_precision_recall(field: str, pairs: list[tuple[dict, dict]]) -> dict:
    """Precision and recall of one field over the documents where it has a value.

    Precision: of the values the parser gave, the share that is right. Recall: of the values the
    labels give, the share the parser got right.
    """
    predicted = truth = hit = 0
    for p, t in pairs:
        has_p, has_t = _present(field, p.get(field)), _present(field, t.get(field))
        predicted += has_p
        truth += has_t
        hit += has_p and has_t and field_correct(field, p.get(field), t.get(field))
    return {
        "predicted": predicted,
        "truth": truth,
        "hit": hit,
        "precision_pct": _pct(hit, predicted),
        "recall_pct": _pct(hit, truth),
    }


def score(predictions: Iterable[dict], truths: Iterable[dict]) -> dict:
    """Per-field accuracy plus precision/recall for targets and Mengingat positions.

    Returns ``{"n": docs, "fields": {field: {"correct", "total", "accuracy_pct", "predicted", "truth",
    "hit", "precision_pct", "recall_pct"}},
    "targets": {...}, "mengingat_first3_positions": {...}}``.
    """
    pairs = list(zip(predictions, truths, strict=True))
    fields = {}
    for field in SCALAR_FIELDS:
        correct = sum(field_correct(field, p.get(field), t.get(field)) for p, t in pairs)
        fields[field] = {"correct": correct, "total": len(pairs), "accuracy_pct": _pct(correct, len(pairs))}
        fields[field].update(_field_precision_recall(field, pairs))

    tp = fp = fn = 0
    for predicted, truth in pairs:
        p_set, t_set = target_set(predicted), target_set(truth)
        tp += len(p_set & t_set)
        fp += len(p_set - t_set)
        fn += len(t_set - p_set)
    targets = {
        "tp": tp,
        "fp": fp,
        "fn": fn,
        "precision_pct": _pct(tp, tp + fp),
        "recall_pct": _pct(tp, tp + fn),
    }

    hit = predicted_positions = truth_positions = 0
    for predicted, truth in pairs:
        p_list = canonical("mengingat_first3", predicted.get("mengingat_first3")) or ()
        t_list = canonical("mengingat_first3", truth.get("mengingat_first3")) or ()
        predicted_positions += len(p_list)
        truth_positions += len(t_list)
        hit += sum(1 for a, b in zip(p_list, t_list, strict=False) if a == b)
    positions = {
        "hit": hit,
        "predicted": predicted_positions,
        "truth": truth_positions,
        "precision_pct": _pct(hit, predicted_positions),
        "recall_pct": _pct(hit, truth_positions),
    }
    return {"n": len(pairs), "fields": fields, "targets": targets, "mengingat_first3_positions": positions}


def mismatches(predicted: dict, truth: dict) -> list[str]:
    """Names of the fields where a prediction differs from the truth (for reports)."""
    return [
        field for field in SCALAR_FIELDS if not field_correct(field, predicted.get(field), truth.get(field))
    ]

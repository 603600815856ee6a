"""Records of one feed that name the same regulation (jenis, wilayah, nomor, tahun), folded into one.

Pure: no Django import.
"""

from datetime import date

from . import messages as m
from .mapping import MappedRecord, Unmapped
from .messages import INFO, Note


def _loosely(value):
    return " ".join(value.split()).casefold() if isinstance(value, str) else value


def _shown(value) -> str:
    return value.isoformat() if isinstance(value, date) else str(value)


def merge_duplicates(records: list[MappedRecord]) -> tuple[list[MappedRecord], list[Unmapped]]:
    """Fold records with the same identity into the first: empty values are filled from the later
    ones, conflicting values keep the first and are noted. Returns (unique records, merged ones)."""
    first_by_key: dict[tuple, MappedRecord] = {}
    unique, merged = [], []
    for record in records:
        first = first_by_key.get(record.key)
        if first is None:
            first_by_key[record.key] = record
            unique.append(record)
            continue
        for name, value in record.values.items():
            kept = first.values.get(name)
            if kept in (None, ""):
                first.values[name] = value
            elif _loosely(kept) != _loosely(value):
                params = {
                    "other": record.position,
                    "field": name,
                    "value": _shown(value),
                    "kept": _shown(kept),
                }
                first.notes.append(Note(m.MERGE_CONFLICT, params, INFO))
        for attribute in ("file_url", "abstrak_url", "status_text", "relation"):
            if not getattr(first, attribute) and getattr(record, attribute):
                setattr(first, attribute, getattr(record, attribute))
        first.duplicates.append(record.position)
        note = Note(m.MERGED, {"first": first.position}, INFO)
        merged.append(Unmapped(record.position, record.source_id, record.label, [note], first.position))
    return unique, merged

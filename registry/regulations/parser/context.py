"""Readings that the rest of the document rules out, and the one reading it leaves.

Two rules:

* **The type's prefix.** A structured number opens with the letters of its document's type: a
  Peraturan's "PER/210/VII/2005", a Keputusan's "KEP/082/VI/1996". OCR of a handwritten prefix gives
  letters that are no prefix at all ("pge/210/VII/2005"). Such a segment is read as the type's
  prefix when it starts with the same letter and is at most two edits from it. A known prefix
  ("SK", "KPT", "PERKA") is never touched.
* **A document is not older than what it cites** (applied to a year no other place agrees with).
  A document's year cannot be earlier than the regulations it cites ("Nomor 11 Tahun 2020").
  When the year read from the document is earlier
  than the second newest cited year (so one misread citation cannot move the bound), the reading is
  wrong, typically a handwritten digit ("2024" read as "2014"). If exactly one year that differs from
  the reading in one digit falls between that bound and today, it is the year; otherwise there is
  no year to propose. Either way the value was not read as printed, so its confidence stays low
  (``field_confidence`` cannot find it among the OCR'd words) and the reviewer confirms it.

Pure Python; the unit tests use made-up text.
"""

from __future__ import annotations

import datetime
import re

from .fuzzy import edit_distance

#: The prefix a structured number of each type opens with, by the kind's leading letters.
TYPE_PREFIXES = (("PER", "PER"), ("KEP", "KEP"))
#: Prefixes of structured numbers that are right as printed, whatever the type.
KNOWN_PREFIXES = frozenset(
    {"PER", "KEP", "PERKA", "KEPKA", "SK", "SKEP", "KPT", "KPTS", "SE", "INS", "INST", "HK", "UM", "OT", "KU"}
)
#: Edits allowed between a misread prefix and the type's prefix.
PREFIX_EDITS = 2

_CITED_YEAR_RE = re.compile(r"\bNomor\s*:?\s*[\w./-]+\s+Tahun\s+((?:19|20)\d{2})\b", re.I)


def type_prefix(number: str | None, kind: str | None) -> str | None:
    """``number`` with a misread opening prefix read as ``kind``'s ("pge/210/VII/2005" → "PER/…")."""
    expected = next((prefix for start, prefix in TYPE_PREFIXES if kind and kind.startswith(start)), None)
    if not number or not expected:
        return number
    first, *rest = number.split("/")
    if len(rest) < 2 or not re.fullmatch(r"[A-Za-z]{2,5}", first) or first.upper() in KNOWN_PREFIXES:
        return number
    if first[0].upper() != expected[0] or edit_distance(first.upper(), expected, PREFIX_EDITS) > PREFIX_EDITS:
        return number
    return "/".join([expected, *rest])


def cited_years(text: str, today: datetime.date | None = None) -> list[int]:
    """The years of the regulations ``text`` cites ("… Nomor 11 Tahun 2020 …"), none after today."""
    this_year = (today or datetime.date.today()).year
    return [int(year) for year in _CITED_YEAR_RE.findall(text) if int(year) <= this_year]


def year_floor(years: list[int]) -> int | None:
    """The earliest year a document citing ``years`` can be from: the second newest (None: fewer than two)."""
    ordered = sorted(years, reverse=True)
    return ordered[1] if len(ordered) >= 2 else None


def one_digit_readings(year: int) -> set[int]:
    """The years that differ from ``year`` in exactly one digit."""
    text = str(year)
    return {
        int(text[:i] + digit + text[i + 1 :])
        for i in range(len(text))
        for digit in "0123456789"
        if digit != text[i] and not (i == 0 and digit == "0")
    }


def bounded_year(year: int | None, cited: list[int], today: datetime.date | None = None) -> int | None:
    """``year`` if the cited years allow it; else the one year a digit away that they allow, or None."""
    this_year = (today or datetime.date.today()).year
    floor = year_floor([y for y in cited if y <= this_year])
    if year is None or floor is None or year >= floor:
        return year
    allowed = {candidate for candidate in one_digit_readings(year) if floor <= candidate <= this_year}
    return allowed.pop() if len(allowed) == 1 else None

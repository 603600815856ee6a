"""Amending instructions: which Pasal of the amended regulation an amending instrument changes.

An amending instrument (UU 12/2011 Lampiran II technique, domain §3.2) lists numbered instructions in
its Roman Pasal I: "1. Ketentuan Pasal 3 diubah sehingga berbunyi …", "2. Di antara Pasal 5 dan
Pasal 6 disisipkan 1 (satu) pasal, yakni Pasal 5A …", "3. Pasal 7 dihapus." Item numbers must rise
(1, 2, 3 …), so a numbered definition quoted inside a new wording is not read as one.
"""

from __future__ import annotations

import re

from .body import full_text
from .citations import parse_citations
from .models import Amendment, Citation, Head, Node
from .patterns import collapse_ws

DIUBAH = "DIUBAH"
DIHAPUS = "DIHAPUS"
DISISIPKAN = "DISISIPKAN"

_ITEM_RE = re.compile(
    r"(?:^|(?<=[\s:;.]))(?P<n>\d{1,3})\s?\.\s+"
    r"(?P<body>(?:Ketentuan|Di\s?antara|Pasal|Judul|Lampiran|Penjelasan|BAB|Bagian|Paragraf)\b.{0,400}?)"
    r"(?=\s*,?\s*sehingga\b|\s*:|\.(?:\s|$)|$)",
    re.I,
)
_UNNUMBERED_RE = re.compile(
    r"(?P<body>(?:Ketentuan\s+(?:(?:ayat|huruf|angka)\s+\S+\s+)*Pasal\s+\d+[A-Z]?\b[^.:]{0,120}?\s+diubah"
    r"|Di\s?antara\s+Pasal[^.:]{0,200}?disisipkan[^.:]{0,120}?))(?=\s*,?\s*sehingga\b|\s*:|\.(?:\s|$)|$)",
    re.I,
)
_HEAD_TARGET_RE = re.compile(r"ketentuan\s+dalam\s+(?P<target>.+?)\s+diubah\s+sebagai\s+berikut", re.I)
_PASAL_REF_RE = re.compile(r"\bPasal\s+(?P<label>\d+[A-Z]?)\b")
_PART_RE = re.compile(r"\b(?:ayat|huruf|angka)\b", re.I)
_ROMAN_RE = re.compile(r"[IVXL]+")
#: How many instruction numbers in a row may be lost before the next one is still believed.
MAX_ITEM_GAP = 5


def _labels(text: str) -> list[str]:
    """The Arabic Pasal labels named in ``text``, in order, without repeats."""
    return list(dict.fromkeys(m.group("label").upper() for m in _PASAL_REF_RE.finditer(text)))


def classify(instruction: str) -> list[tuple[str, str]]:
    """(kind, pasal label) pairs that one instruction sentence makes; empty for Lampiran or Judul.

    The first verb decides: "Ketentuan … Pasal 14 diubah, di antara ayat … disisipkan …" changes
    Pasal 14; Pasal named after "disisipkan" are new; an ayat inserted into or deleted from a Pasal
    changes that Pasal.
    """
    verb = re.search(r"\b(diubah|dihapus|disisipkan)\b", instruction, re.I)
    if verb is None:
        return []
    before, after = instruction[: verb.start()], instruction[verb.end() :]
    kind = verb.group(1).lower()
    if kind == "disisipkan":
        inserted = _labels(re.split(r"\b(?:sehingga|yang\s+berbunyi)\b", after, maxsplit=1, flags=re.I)[0])
        if inserted:
            return [(DISISIPKAN, label) for label in inserted]
        return [(DIUBAH, label) for label in _labels(before)]
    if kind == "dihapus":
        first = _PASAL_REF_RE.search(before)
        # "Ketentuan ayat (2) Pasal 9 dihapus" deletes a part: the Pasal itself stays, changed.
        partial = first is not None and (
            _PART_RE.search(before[: first.start()]) or _PART_RE.search(before[first.end() :])
        )
        return [(DIUBAH if partial else DIHAPUS, label) for label in _labels(before)]
    return [(DIUBAH, label) for label in _labels(before)]


def _instructions(text: str) -> list[str]:
    """The numbered instruction sentences of one amending Pasal, in rising order (1, 2, 3 …).

    A number may be skipped (a damaged text layer loses an item's opening words) by at most
    ``MAX_ITEM_GAP``; a number that does not rise is quoted text, not an instruction.
    """
    found, last = [], 0
    for match in _ITEM_RE.finditer(text):
        number = int(match.group("n"))
        if last < number <= last + MAX_ITEM_GAP:
            found.append(collapse_ws(match.group("body")))
            last = number
    if not found:
        single = _UNNUMBERED_RE.search(text)
        if single:
            found.append(collapse_ws(single.group("body")))
    return found


def _target(pasal: Node, default: Citation | None) -> Citation | None:
    """The regulation a Roman Pasal amends: named in "Beberapa ketentuan dalam … diubah", else the title's."""
    match = _HEAD_TARGET_RE.search(collapse_ws(pasal.text))
    if match:
        citations = [c for c in parse_citations(match.group("target")) if c.role == "BASE"]
        if citations:
            return citations[0]
    return default


def _source_anchor(pasal: Node, kind: str, label: str) -> str:
    """The anchor of the quoted new wording ("pasal-i-pasal-5"), else of the Roman Pasal itself."""
    if kind != DIHAPUS:
        wanted = f"{pasal.anchor}-pasal-{label.lower()}"
        if any(child.anchor == wanted for child in pasal.children):
            return wanted
    return pasal.anchor


def parse_amendments(head: Head, nodes: list[Node]) -> list[Amendment]:
    """The Pasal an amending instrument changes, from the instructions in its Roman Pasal (I, II …)."""
    amendments: list[Amendment] = []
    seen: set[tuple] = set()
    for pasal in nodes:
        if pasal.kind != "PASAL" or not _ROMAN_RE.fullmatch(pasal.label):
            continue
        target = _target(pasal, head.amends if head.is_amendment else None)
        for instruction in _instructions(collapse_ws(full_text(pasal))):
            for kind, label in classify(instruction):
                key = (target.key() if target else None, label)
                if key in seen:
                    continue
                seen.add(key)
                amendments.append(
                    Amendment(kind, label, instruction, target, _source_anchor(pasal, kind, label))
                )
    return amendments

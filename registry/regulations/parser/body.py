"""Batang tubuh: BAB / Bagian / Paragraf / Pasal / ayat tree with stable anchors.

The body starts at MEMUTUSKAN (or Menetapkan) and stops at the signing block, PENJELASAN or
LAMPIRAN. Pasal headings must follow each other (domain §3.5 rule 6); a heading that breaks the
sequence is treated as a wrapped reference ("… dalam\\nPasal 12\\nayat (1)") and kept as text.
In amending instruments (Roman Pasal I, II) the Arabic Pasal quoted inside Pasal I become children.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .models import Node, NormalisedDocument
from .normalise import fix_numeric_slot
from .patterns import (
    AYAT_RE,
    BAB_RE,
    BAGIAN_RE,
    DIKTUM_RE,
    LAMPIRAN_RE,
    MEMUTUSKAN_RE,
    MENETAPKAN_RE,
    PARAGRAF_RE,
    PASAL_RE,
    PENJELASAN_RE,
    SIGNING_START_RE,
)

_ROMAN = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100}
_BAGIAN_ORD = {
    "kesatu": 1,
    "kedua": 2,
    "ketiga": 3,
    "keempat": 4,
    "kelima": 5,
    "keenam": 6,
    "ketujuh": 7,
    "kedelapan": 8,
    "kesembilan": 9,
    "kesepuluh": 10,
    "kesebelas": 11,
}
MAX_PASAL_GAP = 5


def roman_to_int(roman: str) -> int | None:
    """Convert a Roman numeral (with OCR forms "m" = III, "l"/"1" = I) to an int."""
    roman = roman.replace("m", "III").replace("l", "I").replace("1", "I").upper()
    if not re.fullmatch(r"[IVXLC]+", roman):
        return None
    total = 0
    for index, char in enumerate(roman):
        value = _ROMAN[char]
        nxt = _ROMAN[roman[index + 1]] if index + 1 < len(roman) else 0
        total += -value if value < nxt else value
    return total


def find_body_range(doc: NormalisedDocument, from_line: int = 0) -> tuple[int, int]:
    """Line range of the body: after MEMUTUSKAN/Menetapkan, before signing, PENJELASAN or LAMPIRAN."""
    lines = doc.lines
    start = next((i for i in range(from_line, len(lines)) if MEMUTUSKAN_RE.match(lines[i].text)), None)
    if start is None:
        start = next(
            (i for i in range(from_line, len(lines)) if MENETAPKAN_RE.match(lines[i].text)), from_line
        )
    end = len(lines)
    for i in range(start + 1, len(lines)):
        text = lines[i].text
        if SIGNING_START_RE.match(text) or PENJELASAN_RE.match(text) or LAMPIRAN_RE.match(text):
            end = i
            break
    return start, end


@dataclass
class _PasalNumber:
    """A parsed Pasal label: Arabic number with optional letter suffix, or a Roman numeral."""

    value: int
    suffix: str = ""
    roman: bool = False

    @property
    def label(self) -> str:
        """The label as printed in normal form ("5", "29A", "II")."""
        if self.roman:
            return _int_to_roman(self.value)
        return f"{self.value}{self.suffix}"


def _int_to_roman(value: int) -> str:
    """Convert a small positive int to a Roman numeral."""
    out = ""
    for number, glyph in ((50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")):
        while value >= number:
            out += glyph
            value -= number
    return out


def _parse_pasal_label(raw: str) -> _PasalNumber | None:
    """Parse the number captured by PASAL_RE."""
    raw = raw.replace(" ", "")
    if re.fullmatch(r"[IVXL]+", raw):
        value = roman_to_int(raw)
        return _PasalNumber(value, roman=True) if value else None
    match = re.fullmatch(r"([0-9Il]+)([A-Z]?)", raw)
    if not match:
        return None
    digits = fix_numeric_slot(match.group(1))
    return _PasalNumber(int(digits), match.group(2)) if digits.isdigit() else None


@dataclass
class _State:
    """Mutable cursor while walking the body lines."""

    roots: list[Node] = field(default_factory=list)
    bab: Node | None = None
    bagian: Node | None = None
    paragraf: Node | None = None
    pasal: Node | None = None
    roman_pasal: Node | None = None
    ayat: Node | None = None
    prev_pasal: int = 0
    prev_roman: int = 0
    ayat_count: int = 0
    warnings: list[str] = field(default_factory=list)

    def container(self) -> list[Node]:
        """Where a new Pasal goes: the innermost open division, or the root list."""
        for node in (self.paragraf, self.bagian, self.bab):
            if node is not None:
                return node.children
        return self.roots

    def current(self) -> Node | None:
        """The node that receives plain text lines."""
        return self.ayat or self.pasal or self.roman_pasal or self.paragraf or self.bagian or self.bab


def _accept_arabic(state: _State, number: _PasalNumber) -> _PasalNumber | None:
    """Apply the numbering sanity rule; return the (possibly corrected) number or None to reject."""
    prev = state.prev_pasal
    if number.value == prev + 1 or (number.suffix and number.value == prev):
        return number
    text = str(number.value)
    if text.startswith("1") and len(text) > 1 and int(text[1:]) == prev + 1:
        state.warnings.append(f"pasal {text} read as {prev + 1}")
        return _PasalNumber(prev + 1, number.suffix)
    if prev + 1 < number.value <= prev + MAX_PASAL_GAP:
        state.warnings.append(f"pasal numbering gap: {prev} -> {number.value}")
        return number
    return None


def _open_pasal(state: _State, number: _PasalNumber, page: int) -> None:
    """Start a new Pasal node at the right place in the tree."""
    state.ayat = None
    state.ayat_count = 0
    if number.roman:
        node = Node("PASAL", number.label, f"pasal-{number.label.lower()}", page)
        state.roots.append(node)
        state.roman_pasal, state.pasal = node, None
        state.prev_roman = number.value
        return
    if state.roman_pasal is not None:
        anchor = f"{state.roman_pasal.anchor}-pasal-{number.label.lower()}"
        node = Node("PASAL", number.label, anchor, page)
        state.roman_pasal.children.append(node)
        state.pasal = node
        return
    node = Node("PASAL", number.label, f"pasal-{number.label.lower()}", page)
    state.container().append(node)
    state.pasal = node
    state.prev_pasal = number.value


def _handle_division(state: _State, text: str, page: int) -> bool:
    """Open a BAB, Bagian or Paragraf node when ``text`` is one; return whether it was."""
    if state.roman_pasal is not None:
        return False  # headings quoted inside an amending Pasal I stay text
    bab = BAB_RE.match(text)
    if bab and roman_to_int(bab.group("num")):
        number = roman_to_int(bab.group("num"))
        node = Node("BAB", _int_to_roman(number), f"bab-{number}", page)
        state.roots.append(node)
        state.bab, state.bagian, state.paragraf, state.pasal, state.ayat = node, None, None, None, None
        return True
    bagian = BAGIAN_RE.match(text)
    if bagian and bagian.group("ord").split()[0].lower() in _BAGIAN_ORD:
        number = _BAGIAN_ORD[bagian.group("ord").split()[0].lower()]
        parent = state.bab
        anchor = f"{parent.anchor}-bagian-{number}" if parent else f"bagian-{number}"
        node = Node("BAGIAN", bagian.group("ord"), anchor, page)
        (parent.children if parent else state.roots).append(node)
        state.bagian, state.paragraf, state.pasal, state.ayat = node, None, None, None
        return True
    paragraf = PARAGRAF_RE.match(text)
    if paragraf:
        parent = state.bagian or state.bab
        anchor = (
            f"{parent.anchor}-paragraf-{paragraf.group('num')}"
            if parent
            else f"paragraf-{paragraf.group('num')}"
        )
        node = Node("PARAGRAF", paragraf.group("num"), anchor, page)
        (parent.children if parent else state.roots).append(node)
        state.paragraf, state.pasal, state.ayat = node, None, None
        return True
    return False


def _handle_ayat(state: _State, text: str, page: int) -> bool:
    """Open the next ayat of the current Pasal when ``text`` starts with "(n)"."""
    match = AYAT_RE.match(text)
    pasal = state.pasal or state.roman_pasal
    if not match or pasal is None:
        return False
    number = fix_numeric_slot(match.group("num"))
    if not number.isdigit() or int(number) != state.ayat_count + 1:
        return False
    state.ayat_count += 1
    node = Node("AYAT", number, f"{pasal.anchor}-ayat-{number}", page, text=match.group("text"))
    pasal.children.append(node)
    state.ayat = node
    return True


def _append_text(node: Node | None, text: str) -> None:
    """Add a line to a node's text (division headings collect their title line)."""
    if node is None:
        return
    if node.kind in ("BAB", "BAGIAN", "PARAGRAF") and not node.children:
        node.heading = f"{node.heading} {text}".strip()
    else:
        node.text = f"{node.text}\n{text}" if node.text else text


def parse_body(doc: NormalisedDocument, start: int, end: int) -> tuple[list[Node], list[str]]:
    """Build the node tree for lines ``start:end``; return the root nodes and numbering warnings."""
    state = _State()
    for line in doc.lines[start:end]:
        text = line.text
        pasal = PASAL_RE.match(text)
        if pasal:
            number = _parse_pasal_label(pasal.group("num"))
            if number is not None and number.roman and number.value == state.prev_roman + 1:
                _open_pasal(state, number, line.page)
                continue
            if number is not None and not number.roman:
                accepted = number if state.roman_pasal is not None else _accept_arabic(state, number)
                if accepted is not None:
                    _open_pasal(state, accepted, line.page)
                    continue
        if _handle_division(state, text, line.page) or _handle_ayat(state, text, line.page):
            continue
        _append_text(state.current(), text)
    if not any(node.kind == "PASAL" for root in state.roots for node in root.walk()):
        return _parse_diktum(doc, start, end), state.warnings
    return state.roots, state.warnings


def _parse_diktum(doc: NormalisedDocument, start: int, end: int) -> list[Node]:
    """Keputusan bodies: one DIKTUM node per KESATU / KEDUA … line."""
    nodes: list[Node] = []
    for line in doc.lines[start:end]:
        match = DIKTUM_RE.match(line.text)
        if match:
            label = match.group("diktum")
            nodes.append(
                Node("DIKTUM", label, f"diktum-{label.lower()}", line.page, text=match.group("text"))
            )
        elif nodes:
            _append_text(nodes[-1], line.text)
    return nodes


def count_pasal(nodes: list[Node]) -> int | None:
    """Highest Pasal number; for amending instruments the number of Roman Pasal; None without Pasal."""
    roman = [n for n in nodes if n.kind == "PASAL" and re.fullmatch(r"[IVXL]+", n.label)]
    if roman:
        return max(roman_to_int(n.label) or 0 for n in roman)
    numbers = [
        int(re.match(r"\d+", n.label).group(0))
        for root in nodes
        for n in root.walk()
        if n.kind == "PASAL" and re.match(r"\d+", n.label)
    ]
    return max(numbers) if numbers else None


def iter_pasal(nodes: list[Node]):
    """Yield every top-level Pasal node (quoted Pasal inside an amending Pasal I are skipped)."""
    for root in nodes:
        if root.kind == "PASAL":
            yield root
            continue
        for node in root.walk():
            if node.kind == "PASAL":
                yield node


def full_text(node: Node) -> str:
    """A node's own text followed by the text of all its descendants."""
    parts = [node.text] + [full_text(child) for child in node.children]
    return "\n".join(part for part in parts if part)

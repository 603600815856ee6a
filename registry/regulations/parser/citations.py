"""Citations of other regulations inside running text (Mengingat items, revocation clauses).

A citation is "Peraturan … Nomor X Tahun Y [tentang …] [(Lembaran … )]". In a chain such as
"… sebagaimana telah diubah dengan …" the later citations get role ``AMENDED_BY``; regulations that
are only named inside another citation's ``tentang`` ("tentang Perubahan atas Peraturan … Nomor …")
are not returned at all.
"""

from __future__ import annotations

import re

from .models import Citation, Gazette
from .normalise import fix_numeric_slot
from .patterns import (
    AMEND_CHAIN_RE,
    CITATION_RE,
    GAZETTE_INLINE_RE,
    ORDONANSI_RE,
    UUD_RE,
    classify_kind,
    collapse_ws,
)

_TRAILING_YEAR_RE = re.compile(r"/\s*(?P<y>(?:19|20)\d{2})$")


def _clean_number(raw: str) -> str:
    """Tidy a captured number: drop stray spaces around slashes and trailing dots, fix OCR digits."""
    number = re.sub(r"\s*/\s*", "/", raw.strip()).rstrip(".,")
    return fix_numeric_slot(number)


def _year_of(match: re.Match[str], number: str) -> int | None:
    """Year from the ``Tahun`` slot, else from a number that ends in a year ("48/Prp./1960")."""
    if match.group("tahun"):
        return int(fix_numeric_slot(match.group("tahun")))
    trailing = _TRAILING_YEAR_RE.search(number)
    return int(trailing.group("y")) if trailing else None


def _tentang_after(text: str, start: int) -> str | None:
    """The subject that follows a citation, up to a gazette bracket, chain or list terminator."""
    match = re.match(
        r"\s*,?\s*tentang\s+(?P<t>.+?)(?=\s*\(|\s+sebagaimana|\s*;|\s*$)", text[start:], re.I | re.S
    )
    return collapse_ws(match.group("t")) if match else None


def _gazette_after(text: str, start: int) -> Gazette | None:
    """The "(Lembaran/Berita … Tahun … Nomor …)" bracket right after a citation, if any."""
    window = text[start : start + 600]
    match = GAZETTE_INLINE_RE.search(window)
    if not match or AMEND_CHAIN_RE.search(window[: match.start()]):
        return None
    if CITATION_RE.search(window[: match.start()]):
        return None
    region = collapse_ws(match.group("region")) or None
    return Gazette(
        collapse_ws(match.group("series")).upper(), int(match.group("tahun")), match.group("nomor"), region
    )


def parse_citations(text: str) -> list[Citation]:
    """Return the citations in ``text`` in order, with chained amendments marked ``AMENDED_BY``."""
    flat = collapse_ws(text)
    found: list[tuple[int, int, Citation]] = []
    for match in CITATION_RE.finditer(flat):
        kind = classify_kind(match.group("jenis"))
        if kind is None or kind == "UUD":
            continue
        number = _clean_number(match.group("nomor"))
        citation = Citation(
            kind=kind,
            number=number,
            year=_year_of(match, number),
            tentang=_tentang_after(flat, match.end()),
            gazette=_gazette_after(flat, match.end()),
            raw=match.group(0),
        )
        found.append((match.start(), match.end(), citation))
    for match in ORDONANSI_RE.finditer(flat):
        citation = Citation("OTHER", None, int(match.group("tahun")), raw=match.group(0))
        found.append((match.start(), match.start() + len("Ordonansi"), citation))
    found.sort(key=lambda item: item[0])

    result: list[Citation] = []
    prev_end = None
    for start, end, citation in found:
        if prev_end is not None:
            between = flat[prev_end:start]
            closed = ")" in between or ";" in between or re.search(r"\b(?:dan|serta)\s*$", between)
            if AMEND_CHAIN_RE.search(between):
                citation.role = "AMENDED_BY"
            elif re.search(r"\btentang\b", between, re.I) and not closed:
                # Named inside the previous citation's subject ("tentang Perubahan atas …").
                prev_end = end
                continue
        result.append(citation)
        prev_end = end
    return result


def first_reference(item_text: str) -> Citation | None:
    """The main regulation of one Mengingat item: the constitution or the first base citation."""
    flat = collapse_ws(item_text)
    uud = UUD_RE.search(flat)
    citations = parse_citations(flat)
    first = citations[0] if citations else None
    if uud and (first is None or uud.start() < flat.find(first.raw)):
        year = int(uud.group("tahun")) if uud.group("tahun") else None
        return Citation("UUD", None, year, raw=uud.group(0))
    return first

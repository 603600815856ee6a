"""The JDIH "Sumber" line (domain §1.3 #12): gazette series, year, number, supplement and pages.

Pure: no Django import. Accepts the catalogue form "BD Kota Balikpapan 2023 (12): 10 hlm", Registri's
own "LD Kota Balikpapan 2012 (7), TLD (18): 12 hlm", the prose "Lembaran Daerah Kota Balikpapan
Tahun 2012 Nomor 7, Tambahan Lembaran Daerah Kota Balikpapan Nomor 18" and shorter variants such as
"BD 2023/12" or "Berita Daerah Tahun 2023 Nomor 12 Seri E".
"""

import re
from dataclasses import dataclass

from .text import clean

_SERIES = (
    (re.compile(r"\bTLN\b|tambahan\s+lembaran\s+negara", re.I), "TLN"),
    (re.compile(r"\bTLD\b|tambahan\s+lembaran\s+daerah", re.I), "TLD"),
    (re.compile(r"\bLN\b|lembaran\s+negara", re.I), "LN"),
    (re.compile(r"\bBN\b|berita\s+negara", re.I), "BN"),
    (re.compile(r"\bLD\b|lembaran\s+daerah", re.I), "LD"),
    (re.compile(r"\bBD\b|berita\s+daerah", re.I), "BD"),
)
_SUPPLEMENT_RE = re.compile(
    r"(?:\bTL[ND]\b|tambahan\s+lembaran\s+(?:negara|daerah))[^()\d]*?(?:\(\s*|\bnomor\s+|\bno\.?\s*)(?P<n>[\w.-]+)",
    re.I,
)
_YEAR_RE = re.compile(r"(?:\btahun\s+)?\b(?P<y>(?:19|20)\d{2})\b", re.I)
_NUMBER_AFTER_YEAR_RE = re.compile(
    r"^\s*(?:\(\s*(?P<paren>[\w.-]+)\s*\)|[,]?\s*(?:nomor|no\.?)\s*:?\s*(?P<word>[\w.-]+)|/\s*(?:no\.?\s*)?(?P<slash>[\w.-]+))",
    re.I,
)
_NUMBER_ANYWHERE_RE = re.compile(r"\b(?:nomor|no\.?)\s*:?\s*(?P<n>\d[\w.-]*)", re.I)
_PAGES_RE = re.compile(r"(?P<p>\d{1,4})\s*(?:hlm|hal|halaman)\b\.?", re.I)


@dataclass(frozen=True)
class GazetteRef:
    """What a Sumber line says (any part may be missing)."""

    series: str = ""
    year: int | None = None
    number: str = ""
    supplement: str = ""
    pages: int | None = None

    @property
    def has_entry(self) -> bool:
        """Whether it names a gazette entry (a year or a number), not only a page count."""
        return bool(self.year or self.number)


def parse_sumber(text: str) -> GazetteRef:
    """Parse a Sumber line; an empty :class:`GazetteRef` when there is nothing to read."""
    text = clean(text)
    if not text:
        return GazetteRef()
    pages_match = _PAGES_RE.search(text)
    pages = int(pages_match.group("p")) if pages_match else None
    if pages_match:
        text = (text[: pages_match.start()] + text[pages_match.end() :]).strip(" :;,")
    supplement = ""
    main = text
    if match := _SUPPLEMENT_RE.search(text):
        supplement = match.group("n").strip(".")
        main = text[: match.start()].strip(" ,;")
    series = next((code for pattern, code in _SERIES[2:] if pattern.search(main)), "")
    year = number = None
    if year_match := _YEAR_RE.search(main):
        year = int(year_match.group("y"))
        after = _NUMBER_AFTER_YEAR_RE.match(main[year_match.end() :])
        if after:
            number = after.group("paren") or after.group("word") or after.group("slash")
    if number is None and (anywhere := _NUMBER_ANYWHERE_RE.search(main)):
        number = anywhere.group("n")
    return GazetteRef(series, year, (number or "").strip("."), supplement, pages)

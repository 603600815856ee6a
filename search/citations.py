"""Regulation citations: "Perwal 12/2023", "perwal nomor 12 tahun 2023 pasal 5", "UU 25/2009".

Pure Python. The same :func:`canonical_jenis` runs on both sides: content computes the citation
keys of what it indexes, and the query parser computes the keys a citizen typed, so a citation
resolves to the regulation (or the pasal) without any full-text matching.
"""

import re
from dataclasses import dataclass

from .analysis import fold

#: Spelled-out and abbreviated regulation types, mapped to one canonical abbreviation.
JENIS_ALIASES = {
    "uud": ("uud", "undang undang dasar"),
    "uu": ("uu", "undang undang"),
    "perppu": ("perppu", "perpu", "peraturan pemerintah pengganti undang undang"),
    "pp": ("pp", "peraturan pemerintah"),
    "perpres": ("perpres", "peraturan presiden"),
    "keppres": ("keppres", "kepres", "keputusan presiden"),
    "inpres": ("inpres", "instruksi presiden"),
    "pmk": ("pmk", "peraturan menteri keuangan"),
    "permen": ("permen", "peraturan menteri"),
    "pergub": ("pergub", "peraturan gubernur"),
    "perda": ("perda", "peraturan daerah"),
    "perwal": ("perwal", "perwali", "peraturan wali kota", "peraturan walikota"),
    "kepwal": ("kepwal", "kepwali", "keputusan wali kota", "keputusan walikota"),
    "perbup": ("perbup", "peraturan bupati"),
    "seojk": ("seojk", "surat edaran otoritas jasa keuangan"),
}
_ALIAS_TO_CANONICAL = {alias: canonical for canonical, aliases in JENIS_ALIASES.items() for alias in aliases}


def _normal(text: str) -> str:
    return " ".join(re.findall(r"[0-9a-z]+", fold(text or "")))


def canonical_jenis(text: str) -> str:
    """The canonical abbreviation of a regulation type name, code or abbreviation.

    "Peraturan Wali Kota", "PERWAL" and "perwali" all give "perwal"; an unknown type gives its
    own normalised form ("Kep. Kepala PD" → "kep-kepala-pd").
    """
    normal = _normal(text)
    return _ALIAS_TO_CANONICAL.get(normal) or normal.replace(" ", "-")


def normal_nomor(nomor: str) -> str:
    """A regulation number in comparable form ("012" → "12", "188.45 - 167" → "188.45-167")."""
    text = re.sub(r"\s+", "", fold(str(nomor or "")))
    return re.sub(r"^0+(?=\d)", "", text)


def citation_key(jenis: str, nomor: str, tahun: int | str, pasal: str = "") -> str:
    """The lookup key of a regulation, or of one of its pasal: "perwal:12:2023[:pasal-5]"."""
    key = f"{canonical_jenis(jenis)}:{normal_nomor(nomor)}:{int(tahun)}"
    return f"{key}:pasal-{fold(pasal)}" if pasal else key


def regulation_keys(jenis_names, nomor: str, tahun: int, pasal: str = "") -> list[str]:
    """Every key under which a regulation may be cited, one per name of its type."""
    keys = []
    for name in jenis_names:
        if name:
            key = citation_key(name, nomor, tahun, pasal)
            if key not in keys:
                keys.append(key)
    return keys


@dataclass(frozen=True)
class Citation:
    """A citation found in a query, with the span it occupied in the folded query."""

    jenis: str
    nomor: str
    tahun: int
    pasal: str = ""
    ayat: str = ""
    start: int = 0
    end: int = 0

    @property
    def key(self) -> str:
        """The regulation's key."""
        return citation_key(self.jenis, self.nomor, self.tahun)

    @property
    def pasal_key(self) -> str:
        """The pasal's key, or "" when no pasal was cited."""
        return citation_key(self.jenis, self.nomor, self.tahun, self.pasal) if self.pasal else ""


def _alias_pattern() -> str:
    aliases = sorted(_ALIAS_TO_CANONICAL, key=len, reverse=True)
    return "|".join(r"[\s\-]+".join(map(re.escape, alias.split())) for alias in aliases)


_CITATION_RE = re.compile(
    rf"\b(?P<jenis>{_alias_pattern()})\b\.?\s*"
    r"(?:(?:nomor|nomer|no)\b\.?\s*:?\s*)?"
    r"(?P<nomor>\d[0-9a-z.\-]*?)\s*"
    r"(?:/\s*|\s+tahun\s+|\s+th\.?\s*|\s+thn\.?\s*|\s+)"
    r"(?P<tahun>(?:19|20)\d{2})\b"
    r"(?:\s*,?\s*pasal\s+(?P<pasal>\d+[a-z]?)\b"
    r"(?:\s*ayat\s*\(?\s*(?P<ayat>\d+)\s*\)?)?)?"
)


#: A pasal named before its regulation: "pasal 5 perwal 12/2023", "pasal 5 ayat (2) dari uu 25/2009".
_LEADING_PASAL_RE = re.compile(
    r"\bpasal\s+(?P<pasal>\d+[a-z]?)(?:\s*ayat\s*\(?\s*(?P<ayat>\d+)\s*\)?)?\s*,?\s*(?:(?:dari|di|dalam)\s+)?$"
)


def parse_citation(query: str) -> Citation | None:
    """Find the first regulation citation in ``query``, or return None."""
    folded = fold(query or "")
    match = _CITATION_RE.search(folded)
    if not match:
        return None
    jenis = canonical_jenis(match["jenis"])
    pasal, ayat, start = match["pasal"] or "", match["ayat"] or "", match.start()
    leading = None if pasal else _LEADING_PASAL_RE.search(folded[:start])
    if leading:
        pasal, ayat, start = leading["pasal"], leading["ayat"] or "", leading.start()
    return Citation(
        jenis=jenis,
        nomor=normal_nomor(match["nomor"]),
        tahun=int(match["tahun"]),
        pasal=pasal,
        ayat=ayat,
        start=start,
        end=match.end(),
    )


#: Pasal headings at the start of a line of extracted text ("Pasal 5", "Pasal 18A").
PASAL_HEADING_RE = re.compile(r"^[ \t]*Pasal[ \t]+(\d+[A-Z]?)[ \t]*$", re.MULTILINE)


def pasal_headings(text: str) -> list[str]:
    """The pasal numbers whose headings appear in ``text``, in order, without repeats."""
    seen = []
    for number in PASAL_HEADING_RE.findall(text or ""):
        if number.lower() not in seen:
            seen.append(number.lower())
    return seen

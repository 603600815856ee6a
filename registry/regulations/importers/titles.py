"""The identity a regulation title states, however the feed wrote it, and what it amends or revokes.

Pure: no Django import. "Peraturan Wali Kota Balikpapan Nomor 12 Tahun 2023 tentang …",
"PERATURAN DAERAH KOTA BALIKPAPAN NO 4 TAHUN 2020 TENTANG …", "Perwal No. 4/2020 tentang …" and
"Keputusan Walikota Nomor : 188.45-167/2000 tentang …" all give a prefix (type and region), a
number, a year and a subject. A subject "Perubahan [Kedua] atas <regulation>" or "Pencabutan
<regulation>" names the regulation it amends or revokes.
"""

import re
from dataclasses import dataclass

from registry.reference.regulations import MENCABUT, MENGUBAH

from ..parser.patterns import ORDINALS
from .text import clean, clean_number

_TITLE_RE = re.compile(
    r"""^(?P<prefix>.*?)\s*
    \b(?:nomor|no)\b\.?\s*:?\s*
    (?P<nomor>[0-9A-Za-z](?:(?!\s+tahun\b|\s+tentang\b).)*?)
    (?:\s*(?:,?\s*\btahun\b\s*:?\s*|/\s*)(?P<tahun>(?:19|20)\d{2})\b)?
    (?:\s*,?\s*\btentang\b\s*:?\s*(?P<tentang>.*))?$""",
    re.I | re.X | re.S,
)
_TENTANG_ONLY_RE = re.compile(r"^(?P<prefix>.*?)\s*\btentang\b\s*:?\s*(?P<tentang>.+)$", re.I | re.S)
_AMEND_RE = re.compile(
    r"^perubahan\s+(?:(?P<ke>" + "|".join(ORDINALS) + r")\s+)?(?:atas\s+)?(?P<target>.+)$", re.I | re.S
)
_REVOKE_RE = re.compile(r"^pencabutan\s+(?:atas\s+)?(?P<target>.+)$", re.I | re.S)


@dataclass(frozen=True)
class TitleParts:
    """What a title says; every part may be missing."""

    prefix: str = ""
    nomor: str = ""
    tahun: int | None = None
    tentang: str = ""

    @property
    def has_identity(self) -> bool:
        return bool(self.nomor)


@dataclass(frozen=True)
class TitleRelation:
    """A regulation named in a subject as amended ("mengubah") or revoked ("mencabut")."""

    kind: str
    prefix: str
    nomor: str
    tahun: int | None
    tentang: str
    ordinal: int = 1
    evidence: str = ""


def parse_title(title: str) -> TitleParts:
    """Split a title into type-and-region prefix, number, year and subject."""
    text = clean(title)
    if not text:
        return TitleParts()
    match = _TITLE_RE.match(text)
    if match and match.group("prefix").strip():
        nomor = clean_number(match.group("nomor"))
        tahun = int(match.group("tahun")) if match.group("tahun") else None
        if tahun is None and (trailing := re.search(r"/((?:19|20)\d{2})$", nomor)):
            tahun = int(trailing.group(1))
        return TitleParts(
            prefix=match.group("prefix").strip(" ,"),
            nomor=nomor,
            tahun=tahun,
            tentang=_subject(match.group("tentang")),
        )
    match = _TENTANG_ONLY_RE.match(text)
    if match:
        return TitleParts(prefix=match.group("prefix").strip(" ,"), tentang=_subject(match.group("tentang")))
    return TitleParts(tentang=_subject(text))


def _subject(text: str | None) -> str:
    return clean(text).rstrip(" .;,")


def title_relation(tentang: str) -> TitleRelation | None:
    """The regulation a subject amends or revokes, when it names one with a number."""
    subject = clean(tentang)
    kind, ordinal = None, 1
    if match := _AMEND_RE.match(subject):
        kind, target = MENGUBAH, match.group("target")
        ordinal = ORDINALS.get((match.group("ke") or "").upper(), 1)
    elif match := _REVOKE_RE.match(subject):
        kind, target = MENCABUT, match.group("target")
    else:
        return None
    parts = parse_title(target)
    if not parts.has_identity:
        return None
    return TitleRelation(kind, parts.prefix, parts.nomor, parts.tahun, parts.tentang, ordinal, subject[:500])


def build_title(type_name: str, region: str, nomor: str, tahun: int, tentang: str) -> str:
    """A JDIH title: "Peraturan Wali Kota Balikpapan Nomor 12 Tahun 2023 tentang …" (domain §1.3 #2)."""
    head = f"{type_name} {region}".strip() if region else type_name
    title = f"{head} Nomor {nomor} Tahun {tahun}"
    return f"{title} tentang {tentang}" if tentang else title

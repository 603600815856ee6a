"""Plain dataclasses produced by the regulation text parser.

Nothing here knows about Django; the ORM layer maps these objects onto models later.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date


@dataclass(frozen=True)
class AppliedFix:
    """One normalisation rule that changed a line, kept so reviewers can audit it."""

    page: int
    rule: str
    before: str
    after: str


@dataclass(frozen=True)
class Line:
    """One normalised text line with its page number (1-based) and raw text."""

    page: int
    text: str
    raw: str
    para_start: bool = False


@dataclass
class NormalisedDocument:
    """The page texts after normalisation: lines in reading order plus the fixes that fired."""

    lines: list[Line]
    fixes: list[AppliedFix] = field(default_factory=list)

    def text(self, start: int = 0, end: int | None = None) -> str:
        """Return the lines ``start:end`` joined with newlines."""
        return "\n".join(line.text for line in self.lines[start:end])


@dataclass
class Gazette:
    """A Lembaran/Berita Negara/Daerah entry (series, region, year, number as printed)."""

    series: str
    year: int | None
    number: str | None
    region: str | None = None
    supplement: str | None = None


@dataclass
class Citation:
    """A reference to another regulation, e.g. one Mengingat item or a revoked regulation."""

    kind: str
    number: str | None
    year: int | None
    tentang: str | None = None
    gazette: Gazette | None = None
    role: str = "BASE"  # BASE or AMENDED_BY
    raw: str = ""

    def key(self) -> tuple[str, str | None, int | None]:
        """Return the (kind, number, year) identity of the cited regulation."""
        return (self.kind, self.number, self.year)


@dataclass
class MenimbangItem:
    """One consideration ("bahwa …") of the Menimbang section."""

    order: int
    letter: str | None
    text: str


@dataclass
class MengingatItem:
    """One legal-basis item of the Mengingat section; may hold a chain of citations."""

    order: int
    raw_text: str
    citations: list[Citation] = field(default_factory=list)

    @property
    def main(self) -> Citation | None:
        """Return the first (base) citation of the item, if any."""
        return self.citations[0] if self.citations else None


@dataclass
class Head:
    """Identity of the regulation read from its title block."""

    kind: str | None = None
    issuer_region: str | None = None
    number: str | None = None
    year: int | None = None
    tentang: str | None = None
    is_amendment: bool = False
    amendment_ordinal: int | None = None
    amends: Citation | None = None
    title_line: int | None = None  # index into NormalisedDocument.lines
    #: How the places that print the number and the year agree with the settled value (see
    #: ``votes.agreement``): {"number": (agreeing sources, sources with a reading), "year": …}.
    agreement: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = field(default_factory=dict)


@dataclass
class Node:
    """A structural unit of the body: BAB, BAGIAN, PARAGRAF, PASAL or AYAT."""

    kind: str
    label: str
    anchor: str
    page: int
    heading: str = ""
    text: str = ""
    children: list[Node] = field(default_factory=list)

    def walk(self):
        """Yield this node and all its descendants, depth first."""
        yield self
        for child in self.children:
            yield from child.walk()


@dataclass
class Revocation:
    """A regulation declared no longer in force by this one."""

    target: Citation
    partial: bool
    sentence: str


@dataclass
class Delegation:
    """A delegation: either this rule implements another, or it asks for a further rule."""

    direction: str  # IMPLEMENTS (Menimbang "untuk melaksanakan …") or OPEN ("diatur dengan …")
    text: str
    target: Citation | None = None
    pasal: str | None = None


@dataclass
class Amendment:
    """One instruction of an amending instrument: a Pasal of the amended regulation changed.

    ``kind`` is DIUBAH (new wording, also when only an ayat or huruf of it changes), DIHAPUS (the
    whole Pasal deleted) or DISISIPKAN (a new Pasal inserted); ``pasal`` is its label ("5", "29A");
    ``source_anchor`` is the anchor of the amending instrument's own Pasal that carries it.
    """

    kind: str
    pasal: str
    text: str
    target: Citation | None = None
    source_anchor: str = ""


@dataclass
class Closing:
    """The signing and promulgation block."""

    place_enacted: str | None = None
    date_enacted: date | None = None
    place_promulgated: str | None = None
    date_promulgated: date | None = None
    gazette: Gazette | None = None


@dataclass
class ParsedRegulation:
    """Everything the parser extracted from one regulation."""

    head: Head
    menimbang: list[MenimbangItem]
    mengingat: list[MengingatItem] | None
    body: list[Node]
    pasal_count: int | None
    revocations: list[Revocation] | None
    delegations: list[Delegation]
    closing: Closing
    document: NormalisedDocument
    warnings: list[str] = field(default_factory=list)
    amendments: list[Amendment] = field(default_factory=list)

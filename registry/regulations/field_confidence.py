"""The confidence of each value the review page proposes (see ``confidence`` for how it is scored).

For each field this module says which tokens the value was printed as (with a little context:
"NOMOR 7", "TAHUN 2024", "Ditetapkan di Balikpapan") and on which page the parser found it, finds
those tokens among the page's OCR words (``wordmatch``), and combines their Tesseract confidence
with the agreement of the sources that ``parser.votes`` recorded for the number and the year.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from datetime import date

from .confidence import Confidence, combine
from .extraction.ocrwords import LINE
from .parser.models import Citation, ParsedRegulation
from .parser.patterns import MONTHS
from .wordmatch import Token, locate, normalise, tokens_of

#: The standard spelling of each month, from the parser's month names less the old spellings it also reads.
MONTH_NAMES = {number: name for name, number in MONTHS.items() if name not in {"pebruari", "nopember"}}
#: The title block's type words counted for "jenis" (the line may run on into the region).
TYPE_TOKENS = 6
#: Lines of a title block read after its first line, at most (it ends at "DENGAN RAHMAT" or "Menimbang").
HEAD_SPAN_LINES = 12
#: Lines after "Ditetapkan"/"Diundangkan" that hold the place and date, and the gazette line.
CLOSING_SPAN_LINES = 4
GAZETTE_SPAN_LINES = 12
#: Tesseract lines kept around a span's estimated place on its page: a few, plus a share of the page
#: (the parser's lines and Tesseract's do not map one to one).
LINE_MARGIN = 4
LINE_MARGIN_SHARE = 0.1
_HEAD_END_RE = re.compile(r"^\s*(?:DENGAN\s+RAHMAT|MENIMBANG)\b", re.I)
_ENACTED_RE = re.compile(r"^\s*Ditetapkan\b", re.I)
_PROMULGATED_RE = re.compile(r"^\s*(?:Diundangkan|Diumumkan)\b", re.I)


@dataclass
class StoredPage:
    """One stored page as far as confidence cares: its number, text, and OCR words (None: text layer)."""

    number: int
    text: str
    words: dict | None

    @property
    def is_ocr(self) -> bool:
        return bool(self.words and self.words.get("words"))


def _context(*words: str) -> list[Token]:
    return [Token(normalise(word), is_value=False) for word in words]


def _date_tokens(value: date | None) -> list[Token]:
    if value is None:
        return []
    return _context("tanggal") + [
        Token(str(value.day)),
        Token(normalise(MONTH_NAMES[value.month])),
        Token(str(value.year)),
    ]


def _citation_tokens(citation: Citation) -> list[Token]:
    """The citation as printed; its number and year are the value, the rest context."""
    values = {normalise(citation.number or ""), str(citation.year or "")} - {""}
    return [Token(t.text, t.text in values) for t in tokens_of(citation.raw)]


def _last_line(parsed: ParsedRegulation, pattern: re.Pattern) -> int | None:
    """The index of the last line matching ``pattern``."""
    found = [i for i, line in enumerate(parsed.document.lines) if pattern.match(line.text)]
    return found[-1] if found else None


class FieldConfidences:
    """Scores the proposed values of one parsed document against its stored pages.

    Each field is looked for near the lines the parser read it from (a span of line indices): on
    each page the span touches, among the Tesseract lines at about the same place on the page.
    """

    def __init__(self, parsed: ParsedRegulation, pages: list[StoredPage]):
        self.parsed = parsed
        self.pages = pages
        self.lines = lines = parsed.document.lines
        self._counts = Counter(line.page for line in lines)
        seen: Counter = Counter()
        self._position = []  # each line's index among the lines of its page
        for line in lines:
            self._position.append(seen[line.page])
            seen[line.page] += 1
        title = parsed.head.title_line
        self.head_span = None
        if title is not None and title < len(lines):
            ends = (i for i in range(title + 1, len(lines)) if _HEAD_END_RE.match(lines[i].text))
            self.head_span = (title, min(next(ends, len(lines)) - 1, title + HEAD_SPAN_LINES))
        enacted, promulgated = _last_line(parsed, _ENACTED_RE), _last_line(parsed, _PROMULGATED_RE)
        self.enacted_span = (enacted, enacted + CLOSING_SPAN_LINES) if enacted is not None else None
        self.promulgated_span = (
            None if promulgated is None else (promulgated, promulgated + CLOSING_SPAN_LINES)
        )
        self.gazette_span = None if promulgated is None else (promulgated, promulgated + GAZETTE_SPAN_LINES)
        self._normalised: dict[int, str] = {}

    def _windows(self, span: tuple[int, int]) -> list[tuple[StoredPage, list[list] | None]]:
        """The pages a span of lines touches, each with the OCR words of about those lines (None: text layer)."""
        first, last = span[0], min(span[1], len(self.lines) - 1)
        windows = []
        for number in dict.fromkeys(line.page for line in self.lines[first : last + 1]):
            if not 1 <= number <= len(self.pages):
                continue
            page = self.pages[number - 1]
            if not page.is_ocr:
                windows.append((page, None))
                continue
            places = [self._position[i] for i in range(first, last + 1) if self.lines[i].page == number]
            words = page.words["words"]
            total = max(word[LINE] for word in words) + 1
            share = total / self._counts[number]
            margin = LINE_MARGIN + LINE_MARGIN_SHARE * total
            low, high = min(places) * share - margin, (max(places) + 1) * share + margin
            windows.append((page, [word for word in words if low <= word[LINE] <= high]))
        return windows

    def _page_text(self, page: StoredPage) -> str:
        if page.number not in self._normalised:
            self._normalised[page.number] = normalise(page.text)
        return self._normalised[page.number]

    def score(self, tokens: list[Token], windows, agreement=None) -> Confidence | None:
        """The confidence of a value printed as ``tokens`` somewhere in ``windows`` (None: nothing to score).

        ``windows`` are (page, OCR words or None for a text layer) in the order to search.
        """
        values = [token for token in tokens if token.is_value]
        if not values or not windows:
            return None
        if windows[0][1] is None:
            return combine(None, agreement, page=windows[0][0].number)
        searched = [(page.number, words) for page, words in windows if words is not None]
        found = locate(searched, tokens)
        if found is None or not found.value_words:
            needle = "".join(token.text for token in values)
            if any(needle in self._page_text(page) for page, words in windows if words is None):
                return combine(None, agreement)
            return combine([], agreement)
        dpi = self.pages[found.page - 1].words.get("dpi") if found.page <= len(self.pages) else None
        return combine(found.confidences, agreement, page=found.page, box=found.box(), dpi=dpi)

    def fields(self) -> dict[str, Confidence | None]:
        """The confidence of each proposed metadata field, by field name."""
        head, closing = self.parsed.head, self.parsed.closing
        lines = self.parsed.document.lines
        type_tokens = []
        if head.title_line is not None and head.title_line < len(lines):
            type_tokens = tokens_of(lines[head.title_line].text)[:TYPE_TOKENS]
            cut = next((i for i, t in enumerate(type_tokens) if t.text in {"nomor", "no"}), None)
            type_tokens = type_tokens[:cut]
        year_tokens = _context("tahun") + tokens_of(str(head.year or ""))
        if head.year and head.number and not head.number.isdigit() and str(head.year) in head.number:
            # A structured number carries the year ("228/KPT/I/2017"): it was read from that word.
            year_tokens = _context("nomor") + tokens_of(head.number)
        gazette = closing.gazette
        gazette_year = str(gazette.year) if gazette and gazette.year else ""
        gazette_number = normalise(gazette.number or "") if gazette else ""
        gazette_tokens = []
        if gazette_year and gazette_number:
            gazette_tokens = (
                _context("tahun") + [Token(gazette_year)] + _context("nomor") + [Token(gazette_number)]
            )
        title, enacted, promulgated = self.head_span, self.enacted_span, self.promulgated_span
        gazette_span = self.gazette_span
        specs = {
            "regulation_type": (type_tokens if head.kind else [], title, None),
            "wilayah": (tokens_of(head.issuer_region), title, None),
            "nomor": (_context("nomor") + tokens_of(head.number), title, head.agreement.get("number")),
            "tahun": (year_tokens, title, head.agreement.get("year")),
            "tentang": (_context("tentang") + tokens_of(head.tentang), title, None),
            "tempat_penetapan": (
                _context("ditetapkan", "di") + tokens_of(closing.place_enacted),
                enacted,
                None,
            ),
            "tanggal_penetapan": (_date_tokens(closing.date_enacted), enacted, None),
            "tanggal_pengundangan": (_date_tokens(closing.date_promulgated), promulgated, None),
            "tahun_lembaran": (
                [Token(t.text, t.is_value and t.text == gazette_year) for t in gazette_tokens],
                gazette_span,
                None,
            ),
            "nomor_lembaran": (
                [Token(t.text, t.is_value and t.text == gazette_number) for t in gazette_tokens],
                gazette_span,
                None,
            ),
        }
        return {
            name: self.score(tokens, self._windows(span) if span else [], agreement)
            for name, (tokens, span, agreement) in specs.items()
        }

    def citation(self, citation: Citation) -> Confidence | None:
        """The confidence of a cited regulation's number and year, read on the page that prints it."""
        needle = normalise(citation.raw)
        pages = [page for page in self.pages if needle and needle in self._page_text(page)] or self.pages
        return self.score(
            _citation_tokens(citation),
            [(page, page.words["words"] if page.is_ocr else None) for page in pages],
        )

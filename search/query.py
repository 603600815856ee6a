"""Turn what a citizen typed into an engine-neutral query plan. Pure Python.

The plan has *clauses* (one per query word or synonym term, each with its stemmed alternatives),
quoted *phrases*, an optional *citation*, and the set of stems to highlight. Backends translate
the plan into FTS5 MATCH syntax, a PostgreSQL tsquery or an Elasticsearch query; nothing the
user typed reaches an engine except as alphanumeric tokens, so syntax characters are harmless.
"""

import re
from dataclasses import dataclass, field

from .analysis import QUERY_FILLERS, QUESTION_PHRASES, STOPWORDS, Clause, Thesaurus, expand, fold, stem, words
from .citations import Citation, parse_citation

MAX_QUERY_LENGTH = 200
MAX_CLAUSES = 12

_QUOTE_RE = re.compile(r'["“”„«»]([^"“”„«»]*)["“”„«»]')


@dataclass(frozen=True)
class ParsedQuery:
    """A query plan. ``text_words`` are the surface words kept (for Elasticsearch's analyzer)."""

    raw: str
    clauses: list[Clause] = field(default_factory=list)
    phrases: list[tuple[str, ...]] = field(default_factory=list)
    phrase_words: list[list[str]] = field(default_factory=list)
    text_words: list[str] = field(default_factory=list)
    citation: Citation | None = None
    truncated: bool = False
    #: The free words are the citation's own (nothing else was typed besides it).
    citation_only: bool = False

    @property
    def is_empty(self) -> bool:
        """True when there is nothing to match (and no citation)."""
        return not self.clauses and not self.phrases and self.citation is None

    @property
    def has_text(self) -> bool:
        """True when there is something for full-text matching."""
        return bool(self.clauses or self.phrases)

    @property
    def highlight_stems(self) -> frozenset[str]:
        """Every stem a hit may have matched, for marking passages."""
        stems = {s for clause in self.clauses for alt in clause for s in alt}
        stems.update(s for phrase in self.phrases for s in phrase)
        return frozenset(stems)


def _drop_question_phrases(query_words: list[str]) -> list[str]:
    kept, i = [], 0
    while i < len(query_words):
        for phrase in QUESTION_PHRASES:
            if tuple(query_words[i : i + len(phrase)]) == phrase:
                i += len(phrase)
                break
        else:
            kept.append(query_words[i])
            i += 1
    return kept


def _drop_fillers(query_words: list[str]) -> list[str]:
    """The words that say what is asked: question phrases and conversational fillers go, unless
    nothing else would remain."""
    kept = [w for w in _drop_question_phrases(query_words) if w not in QUERY_FILLERS]
    return kept or query_words


def parse_query(raw: str, thesaurus: Thesaurus | None = None, max_length: int = MAX_QUERY_LENGTH):
    """Parse a raw query string into a :class:`ParsedQuery`. Never raises on any input."""
    raw = (raw or "").replace("\x00", " ").strip()
    truncated = len(raw) > max_length
    raw = raw[:max_length]

    phrase_words = []
    for text in _QUOTE_RE.findall(raw):
        phrase = words(text)
        if phrase:
            phrase_words.append(phrase)
    rest = _QUOTE_RE.sub(" ", raw)

    citation = parse_citation(rest)
    free_words = words(rest)
    citation_only = False
    if citation is not None:
        folded = fold(rest)
        residual = words(folded[: citation.start] + " " + folded[citation.end :])
        # A bare citation still searches its own words: that finds the texts that cite it.
        if residual:
            free_words = residual
        else:
            citation_only = not phrase_words
    free_words = _drop_fillers(free_words)

    clauses = expand(free_words, thesaurus)[:MAX_CLAUSES]
    phrases = []
    for phrase in phrase_words:
        stemmed = tuple(stem(w) for w in phrase if w not in STOPWORDS)
        if stemmed and stemmed not in phrases:
            phrases.append(stemmed)
    return ParsedQuery(
        raw=raw,
        clauses=clauses,
        phrases=phrases[:4],
        phrase_words=phrase_words[:4],
        text_words=free_words[: MAX_CLAUSES * 2],
        citation=citation,
        truncated=truncated,
        citation_only=citation_only,
    )

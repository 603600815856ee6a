"""Passage snippets with matched words marked. Pure Python.

Text is HTML-escaped first and marked afterwards, so nothing from a document or a query can
inject markup: the only tags in the output are the ``<mark>`` elements this module adds.
"""

import re
from functools import lru_cache
from html import escape

from .analysis import STOPWORDS, fold, stem

_TOKEN_RE = re.compile(r"\w+", re.UNICODE)
_SPACE_RE = re.compile(r"\s+")


@lru_cache(maxsize=1 << 16)
def _stem_of(token: str) -> str:
    """The stem of a surface word as the index sees it ("" for a stopword); cached, texts repeat words."""
    word = fold(token)
    return "" if word in STOPWORDS else stem(word)


def _matches(token: str, stems: frozenset[str]) -> bool:
    word_stem = _stem_of(token)
    return bool(word_stem) and word_stem in stems


def mark(text: str, stems: frozenset[str]) -> str:
    """Escape ``text`` and wrap every word whose stem is in ``stems`` in ``<mark>``."""
    out, last = [], 0
    for match in _TOKEN_RE.finditer(text):
        if stems and _matches(match.group(), stems):
            out.append(escape(text[last : match.start()]))
            out.append(f"<mark>{escape(match.group())}</mark>")
            last = match.end()
    out.append(escape(text[last:]))
    return "".join(out)


def snippet(text: str, stems: frozenset[str], length: int = 240) -> str:
    """The window of about ``length`` characters with the most matches, escaped and marked."""
    text = _SPACE_RE.sub(" ", text or "").strip()
    if len(text) <= length:
        return mark(text, stems)
    best_start, best_count = 0, -1
    tokens = list(_TOKEN_RE.finditer(text))
    hits = [m.start() for m in tokens if stems and _matches(m.group(), stems)]
    # Slide a window over the match positions and keep the one covering the most matches.
    j = 0
    for i, start in enumerate(hits):
        while hits[j] < start - length + 40:
            j += 1
        count = i - j + 1
        if count > best_count:
            best_count, best_start = count, max(0, hits[j] - 40)
    if best_count < 0:
        best_start = 0
    # Cut on word boundaries.
    if best_start > 0:
        space = text.find(" ", best_start)
        best_start = space + 1 if 0 <= space < best_start + 30 else best_start
    end = min(len(text), best_start + length)
    if end < len(text):
        space = text.rfind(" ", best_start, end)
        end = space if space > best_start else end
    prefix = "… " if best_start > 0 else ""
    suffix = " …" if end < len(text) else ""
    return prefix + mark(text[best_start:end], stems) + suffix

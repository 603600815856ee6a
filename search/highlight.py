"""Passage snippets with matched words marked. Pure Python.

Text is HTML-escaped first and marked afterwards, so nothing from a document or a query can
inject markup: the only tags in the output are the ``<mark>`` elements this module adds.

A word is a maximal run of ``\\w`` characters; it is marked when its stem (as the index sees it) is one
of the query's. A text's distinct words are listed at C speed, only words not seen before for the same
query are stemmed, and the marked words are then located with ``str.find``: a passage costs a few scans
rather than a Python step per word.
"""

import re
from functools import lru_cache
from html import escape

from .analysis import STOPWORDS, fold, stem

_TOKEN_RE = re.compile(r"\w+", re.UNICODE)
#: ASCII characters that are not ``\w``, each turned into a space: tokenising ASCII text by
#: ``translate`` and ``split`` gives what ``_TOKEN_RE.findall`` gives, several times faster.
_ASCII_NON_WORD = bytes(i for i in range(128) if not re.match(r"\w", chr(i)))
_ASCII_SPLIT = bytes.maketrans(_ASCII_NON_WORD, b" " * len(_ASCII_NON_WORD))
#: A marker forgets the words it has seen beyond this many (their stems stay cached).
_MARKER_WORDS = 50_000


@lru_cache(maxsize=1 << 16)
def _stem_of(token: str) -> str:
    """The stem of a surface word as the index sees it ("" for a stopword); cached, texts repeat words."""
    word = fold(token)
    return "" if word in STOPWORDS else stem(word)


def _words(text: str) -> set[str]:
    r"""The distinct ``\w`` runs of ``text``."""
    if text.isascii():
        return set(text.encode("ascii").translate(_ASCII_SPLIT).decode("ascii").split())
    return set(_TOKEN_RE.findall(text))


class _Marker:
    """Which words match one set of stems; remembers the answer for every word it has seen."""

    def __init__(self, stems: frozenset[str]):
        self.stems = stems
        self.yes: set[str] = set()
        self.no: set[str] = set()

    def matching(self, words: set[str]) -> frozenset[str]:
        """The words whose stem is one of the stems."""
        unknown = words.difference(self.yes, self.no)
        if unknown:
            if len(self.yes) + len(self.no) > _MARKER_WORDS:
                self.yes, self.no = set(), set()
            stems = self.stems
            for word in unknown:
                (self.yes if _stem_of(word) in stems else self.no).add(word)
        return frozenset(words & self.yes)


@lru_cache(maxsize=256)
def _marker(stems: frozenset[str]) -> _Marker:
    return _Marker(stems)


def _is_word_char(char: str) -> bool:
    """Whether ``char`` is matched by ``\\w`` (what ``re`` tests: alphanumeric or "_")."""
    return char.isalnum() or char == "_"


def _token_end(text: str) -> int:
    """The end of the word ``text`` starts with (0 if it starts with something else)."""
    end = 0
    while end < len(text) and _is_word_char(text[end]):
        end += 1
    return end


def _token_start(text: str) -> int:
    """The start of the word ``text`` ends with (its length if it ends with something else)."""
    start = len(text)
    while start > 0 and _is_word_char(text[start - 1]):
        start -= 1
    return start


def _occurrences(text: str, words: frozenset[str]) -> list[tuple[int, int]]:
    """The spans of every occurrence of one of ``words`` as a whole word, in order (``str.find``: fast)."""
    spans = []
    for word in words:
        size, position = len(word), text.find(word)
        while position >= 0:
            end = position + size
            if (position == 0 or not _is_word_char(text[position - 1])) and (
                end == len(text) or not _is_word_char(text[end])
            ):
                spans.append((position, end))
            position = text.find(word, position + 1)
    spans.sort()
    return spans


def _marked_words(text: str, stems: frozenset[str]) -> frozenset[str]:
    """The distinct words of ``text`` whose stem is in ``stems``."""
    if not stems or not text:
        return frozenset()
    return _marker(stems).matching(_words(text))


#: The word runs inside the entities ``escape`` writes ("&amp;", "&lt;", "&gt;", "&quot;", "&#x27;").
_ENTITY_WORDS = frozenset({"amp", "lt", "gt", "quot", "x27"})


def _mark_words(text: str, words: frozenset[str]) -> str:
    """Escape ``text`` and wrap every occurrence of one of ``words`` (as a whole word) in ``<mark>``."""
    if not words:
        return escape(text)
    if words.isdisjoint(_ENTITY_WORDS):
        # Escaping replaces non-word characters by entities that begin and end with non-word
        # characters, so words keep their boundaries and can be found in the escaped text.
        text = escape(text)
        out, last = [], 0
        for start, end in _occurrences(text, words):
            out += (text[last:start], "<mark>", text[start:end], "</mark>")
            last = end
        out.append(text[last:])
        return "".join(out)
    out, last = [], 0
    for start, end in _occurrences(text, words):
        out += (escape(text[last:start]), "<mark>", escape(text[start:end]), "</mark>")
        last = end
    out.append(escape(text[last:]))
    return "".join(out)


def mark(text: str, stems: frozenset[str]) -> str:
    """Escape ``text`` and wrap every word whose stem is in ``stems`` in ``<mark>``."""
    return _mark_words(text, _marked_words(text, stems))


def snippet(text: str, stems: frozenset[str], length: int = 240) -> str:
    """The window of about ``length`` characters with the most matches, escaped and marked."""
    text = " ".join((text or "").split())
    return _snippet(text, _marked_words(text, stems), stems, length)


def _snippet(text: str, words: frozenset[str], stems: frozenset[str], length: int) -> str:
    """:func:`snippet` of whitespace-normalised ``text``, given (at least) its marked words."""
    if len(text) <= length:
        return _mark_words(text, words)
    best_start, best_count = 0, -1
    hits = [start for start, _ in _occurrences(text, words)] if words else []
    # Slide a window over the match positions and keep the one covering the most matches.
    j = 0
    for i, start in enumerate(hits):
        while j < i and hits[j] < start - length + 40:
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
    window = text[best_start:end]
    # The window's words are the text's, except that a cut may leave part of a word at either end.
    edges = {window[: _token_end(window)], window[_token_start(window) :]} - {""}
    window_words = words | _marked_words(" ".join(edges), stems) if edges else words
    return prefix + _mark_words(window, window_words) + suffix

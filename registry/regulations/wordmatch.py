"""Find the OCR words a proposed value was read from: its tokens aligned to a page's words.

The parser works on text and keeps no word positions, and its value may differ from what OCR
printed (a digit confusion resolved, a word corrected against the lexicon). So the value's tokens,
with a little context before them ("NOMOR", "TAHUN", "tanggal"), are aligned with the page's words
by a local alignment that tolerates what OCR does: a letter misread (similar words match), a word
split into pieces (up to seven words match one token), two words merged (one word matches two tokens), a stray
word in between, and a token not printed at all. Digits match only as digits (after the usual
O/0, l/1, S/5 … confusions), so that "12" never passes for "13". Pure Python, no Django.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from difflib import SequenceMatcher

from .extraction.ocrwords import CONF, HEIGHT, LEFT, TEXT, TOP, WIDTH
from .parser.votes import DIGIT_LOOKALIKES

#: How similar a word must be to a token (difflib ratio) to count as the same word.
WORD_SIMILARITY = 0.7
#: What skipping a page word or a value token inside an alignment costs (a match earns up to 1).
GAP_PENALTY = 0.6
#: The most pieces one word may be split into ("KEPENDU DUKAN"; "PER / 210 / VII / 2005" is seven).
MAX_SPLIT_WORDS = 7
#: The share of the tokens an alignment must match to be taken as where the value was read.
MIN_COVERAGE = 0.5


@dataclass(frozen=True)
class Token:
    """One token to find: its normalised text, and whether it belongs to the value (not the context)."""

    text: str
    is_value: bool = True


@dataclass
class Located:
    """Where a value was found: the page, the words of the value and of the context, and the coverage."""

    page: int
    value_words: list[list]
    context_words: list[list]
    coverage: float

    @property
    def confidences(self) -> list[float]:
        """Tesseract's confidence of each word the value was read from."""
        return [float(word[CONF]) for word in self.value_words]

    def box(self) -> tuple[int, int, int, int] | None:
        """The union box (left, top, width, height) of all matched words, or None when none matched."""
        words = self.value_words + self.context_words
        if not words:
            return None
        left = min(word[LEFT] for word in words)
        top = min(word[TOP] for word in words)
        right = max(word[LEFT] + word[WIDTH] for word in words)
        bottom = max(word[TOP] + word[HEIGHT] for word in words)
        return left, top, right - left, bottom - top


def normalise(text: str) -> str:
    """Lower case letters and digits only ("NOMOR:" -> "nomor")."""
    return re.sub(r"[^0-9a-z]", "", text.lower())


def tokens_of(text: str | None, is_value: bool = True) -> list[Token]:
    """The normalised tokens of a phrase (words split on spaces; "PER/210/VII/2005" stays one token)."""
    return [Token(norm, is_value) for word in (text or "").split() if (norm := normalise(word))]


def _as_digits(word: str) -> str:
    return re.sub(r"[^0-9A-Za-z|!]", "", word).translate(DIGIT_LOOKALIKES)


def similarity(word: str, token: str) -> float:
    """How well a page word (raw OCR text) stands for a normalised token: 0, or a ratio >= the threshold."""
    if token.isdigit():
        return 1.0 if _as_digits(word) == token else 0.0
    norm = normalise(word)
    if not norm:
        return 0.0
    if norm == token:
        return 1.0
    longest = max(len(norm), len(token))
    if abs(len(norm) - len(token)) > longest * (1 - WORD_SIMILARITY) + 1:
        return 0.0
    ratio = SequenceMatcher(None, norm, token, autojunk=False).ratio()
    return ratio if ratio >= WORD_SIMILARITY else 0.0


def merged_similarity(word: str, first: str, second: str) -> float:
    """How well one page word stands for two tokens OCR ran together ("NOMORl2" for "nomor", "12").

    Each part must match its own token (digits as digits), cutting the word near the first token's
    length; 0 when no cut does.
    """
    if not similarity(word, first + second) and not (first + second).isdigit():
        return 0.0
    raw = re.sub(r"[^0-9A-Za-z|!]", "", word)
    best = 0.0
    for cut in range(max(1, len(first) - 1), min(len(raw), len(first) + 2)):
        head, tail = similarity(raw[:cut], first), similarity(raw[cut:], second)
        if head and tail:
            best = max(best, (head + tail) / 2)
    return best


def align(words: list[list], tokens: list[Token]) -> tuple[float, list[tuple[int, int]]]:
    """The best local alignment of ``tokens`` with ``words``: its score and (word index, token index) pairs."""
    n, m = len(words), len(tokens)
    if not n or not m:
        return 0.0, []
    cache: dict[tuple[str, str], float] = {}

    def sim(word: str, token: str) -> float:
        key = (word, token)
        if key not in cache:
            cache[key] = similarity(word, token)
        return cache[key]

    merged_cache: dict[tuple[str, str, str], float] = {}

    def merged(word: str, first: str, second: str) -> float:
        key = (word, first, second)
        if key not in merged_cache:
            merged_cache[key] = merged_similarity(word, first, second)
        return merged_cache[key]

    texts = [str(word[TEXT]) for word in words]
    score = [[0.0] * (m + 1) for _ in range(n + 1)]
    back: list[list[tuple | None]] = [[None] * (m + 1) for _ in range(n + 1)]
    best, best_cell = 0.0, (0, 0)
    for i in range(1, n + 1):
        for k in range(1, m + 1):
            options = [(0.0, None)]
            s = sim(texts[i - 1], tokens[k - 1].text)
            if s:
                options.append((score[i - 1][k - 1] + s, (i - 1, k - 1, ((i - 1, k - 1),))))
            token = tokens[k - 1].text
            for span in range(2, min(i, MAX_SPLIT_WORDS) + 1):  # a word OCR split into pieces
                joined = "".join(texts[i - span : i])
                if len(normalise(joined)) > len(token) + 2:
                    break
                s = sim(joined, token)
                if s:
                    pairs = tuple((j, k - 1) for j in range(i - span, i))
                    options.append((score[i - span][k - 1] + s, (i - span, k - 1, pairs)))
            if k >= 2:  # two words merged into one by OCR
                s = merged(texts[i - 1], tokens[k - 2].text, tokens[k - 1].text)
                if s:
                    pairs = ((i - 1, k - 2), (i - 1, k - 1))
                    options.append((score[i - 1][k - 2] + 2 * s, (i - 1, k - 2, pairs)))
            if score[i - 1][k] > GAP_PENALTY:
                options.append((score[i - 1][k] - GAP_PENALTY, (i - 1, k, ())))
            if score[i][k - 1] > GAP_PENALTY:
                options.append((score[i][k - 1] - GAP_PENALTY, (i, k - 1, ())))
            value, step = max(options, key=lambda option: option[0])
            score[i][k], back[i][k] = value, step
            if value > best:
                best, best_cell = value, (i, k)
    pairs: list[tuple[int, int]] = []
    i, k = best_cell
    while back[i][k] is not None and score[i][k] > 0:
        i, k, matched = back[i][k]
        pairs.extend(matched)
    return best, sorted(set(pairs))


def locate(pages: list[tuple[int, list[list]]], tokens: list[Token]) -> Located | None:
    """Where ``tokens`` were read: the best alignment over ``pages`` ((number, words) in the order to try).

    The first page where the alignment covers every token wins at once; otherwise the best
    coverage, the earlier page on a tie. None when no page covers ``MIN_COVERAGE`` of the tokens.
    """
    if not tokens:
        return None
    found: Located | None = None
    for number, words in pages:
        _score, pairs = align(words, tokens)
        matched = {k for _, k in pairs}
        coverage = len(matched) / len(tokens)
        if coverage < MIN_COVERAGE or (found is not None and coverage <= found.coverage):
            continue
        value_words, context_words = [], []
        for index in dict.fromkeys(i for i, _ in pairs):
            is_value = any(tokens[k].is_value for i, k in pairs if i == index)
            (value_words if is_value else context_words).append(words[index])
        found = Located(number, value_words, context_words, coverage)
        if coverage == 1.0:
            break
    return found

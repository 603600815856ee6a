"""Word correction of OCR text against a lexicon of regulation Indonesian.

The lexicon (``data/lexicon.txt``, one lower-case word a line) is derived from the born-digital texts
and the labelled titles of the shared corpus by ``python -m registry.regulations.parser.lexicon
CORPUS_DIR``; only the word list is committed, never the corpus. A token is corrected only when it is
not a known word itself and exactly one lexicon word is nearest to it within a small edit distance
(one edit up to 7 letters, two from 8, keeping the first letter) and the two differ only by
what OCR confuses (l/i/1/J, rn/m, c/e, o/0 …: ``CONFUSIONS``); tokens of under 5 letters, numbers and mixed
letter/digit codes are left alone. Two neighbouring unknown pieces whose concatenation is a known
word are joined ("PENGE LOLAAN"). Nothing is ever added that the page does not show in some form.
"""

from __future__ import annotations

import re
import sys
from collections import Counter
from difflib import SequenceMatcher
from functools import lru_cache
from pathlib import Path

from .fuzzy import allowed_edits, edit_distance

LEXICON_PATH = Path(__file__).with_name("data") / "lexicon.txt"
MIN_WORD_LENGTH = 4
_WORD_RE = re.compile(r"[A-Za-z]+")
#: A token to consider: letters, possibly with the digits OCR puts for letters (0/1/5/8).
_CANDIDATE_RE = re.compile(r"(?<![\w/.-])[A-Za-z][A-Za-z0158]*[A-Za-z](?![\w/-])")
_DIGIT_AS_LETTER = str.maketrans({"0": "o", "1": "i", "5": "s", "8": "b"})


#: What OCR reads for what (either way round): the only differences a correction may undo.
CONFUSIONS = frozenset(
    {
        *("li", "ij", "lj", "ti", "1i", "1l", "!i", "!l", "|l", "|i", "[i", "[l", "]l", "]i", "ri"),
        *("0o", "oc", "ec", "nu", "5s", "8b", "2z", "9g", "gq"),
    }
)
CONFUSION_GROUPS = frozenset(
    {("rn", "m"), ("cl", "d"), ("ii", "u"), ("li", "h"), ("vv", "w"), ("ri", "n"), ("in", "m")}
)


def confusable(token: str, word: str) -> bool:
    """Whether ``token`` differs from ``word`` only by OCR confusions (l/i/1, rn/m, c/e, J/I …)."""
    token, word = token.lower(), word.lower()
    for tag, a1, a2, b1, b2 in SequenceMatcher(None, token, word, autojunk=False).get_opcodes():
        if tag == "equal":
            continue
        seen, meant = token[a1:a2], word[b1:b2]
        if len(seen) == len(meant):
            if all(
                x == y or x + y in CONFUSIONS or y + x in CONFUSIONS for x, y in zip(seen, meant, strict=True)
            ):
                continue
            return False
        if (seen, meant) not in CONFUSION_GROUPS and (meant, seen) not in CONFUSION_GROUPS:
            return False
    return True


class Lexicon:
    """A set of known words with a delete index for fast near-neighbour look-ups."""

    def __init__(self, words: set[str]):
        self.words = frozenset(word.lower() for word in words)
        self._deletes: dict[str, list[str]] = {}
        for word in self.words:
            for variant in _deletes(word):
                self._deletes.setdefault(variant, []).append(word)

    def __contains__(self, word: str) -> bool:
        return word.lower() in self.words

    def nearest(self, token: str) -> str | None:
        """The single lexicon word nearest to ``token`` within its allowed distance, else None."""
        lower = token.lower()
        limit = allowed_edits(lower)
        if limit == 0:
            return None
        candidates: set[str] = set()
        for variant in _deletes(lower):
            candidates.update(self._deletes.get(variant, ()))
        best, best_distance, tie = None, limit + 1, False
        for word in candidates:
            if allowed_edits(word) == 0:
                continue
            distance = edit_distance(lower, word, limit)
            if distance < best_distance:
                best, best_distance, tie = word, distance, False
            elif distance == best_distance:
                tie = True
        if tie or best is None or not confusable(lower, best):
            return None
        # Two edits reach far: they must keep the first letter ("BANJARNEGARA" is no "ANTARNEGARA").
        if best_distance == 2 and best[0] != lower[0]:
            return None
        return best


def _one_deletes(word: str) -> set[str]:
    """Every string made by deleting one character of ``word``."""
    return {word[:i] + word[i + 1 :] for i in range(len(word))}


def _deletes(word: str) -> set[str]:
    """``word`` and what deleting up to its allowed number of edits (1 or 2) leaves of it."""
    ones = _one_deletes(word)
    if allowed_edits(word) < 2:
        return ones | {word}
    return {two for one in ones for two in _one_deletes(one)} | ones | {word}


def _with_case(word: str, model: str) -> str:
    """``word`` in the case pattern of ``model`` (UPPER, Capitalised or lower)."""
    letters = [c for c in model if c.isalpha()]
    if len(letters) > 1 and sum(c.isupper() for c in letters) > len(letters) / 2:
        return word.upper()
    if model[:1].isupper():
        return word.capitalize()
    return word


@lru_cache(maxsize=1)
def default_lexicon() -> Lexicon:
    """The committed lexicon (empty when the file is missing)."""
    try:
        text = LEXICON_PATH.read_text(encoding="utf-8")
    except OSError:
        return Lexicon(set())
    return Lexicon({line.strip() for line in text.splitlines() if line.strip()})


def correct_token(token: str, lexicon: Lexicon) -> str:
    """The lexicon word an unknown token is a misreading of, in the token's case; else the token."""
    if len(token) < 5 or token in lexicon:
        return token
    plain = token.translate(_DIGIT_AS_LETTER) if re.search(r"[A-Za-z]{2}", token) else token
    if plain != token and plain in lexicon:
        return _with_case(plain.lower(), token)
    if not plain.isalpha():
        return token
    word = lexicon.nearest(plain)
    return _with_case(word, token) if word else token


def _join_pieces(line: str, lexicon: Lexicon) -> str:
    """Join two neighbouring unknown letter groups (4+ letters each) that together spell a known word."""

    def join(match: re.Match[str]) -> str:
        first, second = match.group(1), match.group(2)
        if first in lexicon or second in lexicon or min(len(first), len(second)) < 4:
            return match.group(0)
        whole = first + second
        same_case = first.isupper() == second.isupper() or second.islower()
        if same_case and len(whole) >= 6 and whole in lexicon:
            return whole
        return match.group(0)

    return re.sub(r"(?<![\w-])([A-Za-z]{4,})[ \t]([A-Za-z]{4,})(?![\w-])", join, line)


def correct_line(line: str, lexicon: Lexicon | None = None) -> str:
    """Correct the unknown words of one OCR line against ``lexicon`` (the committed one by default)."""
    lexicon = lexicon if lexicon is not None else default_lexicon()
    if not lexicon.words:
        return line
    line = _join_pieces(line, lexicon)
    return _CANDIDATE_RE.sub(lambda m: correct_token(m.group(0), lexicon), line)


# ---------- building the word list ----------


def corpus_words(corpus_dir: Path, min_count: int = 2) -> set[str]:
    """Lower-case words of the corpus's born-digital texts (seen ``min_count`` times) and titles."""
    import json

    counts: Counter[str] = Counter()
    for path in sorted((corpus_dir / "text").rglob("*")):
        if path.suffix not in {".md", ".txt", ".html", ".tsv"}:
            continue
        text = re.sub(r"<[^>]+>", " ", path.read_text(encoding="utf-8", errors="replace"))
        counts.update(word.lower() for word in _WORD_RE.findall(text) if len(word) >= MIN_WORD_LENGTH)
    titles: set[str] = set()
    with open(corpus_dir / "LABELS.jsonl", encoding="utf-8") as handle:
        for row in map(json.loads, filter(str.strip, handle)):
            if row.get("text_layer") == "good" and row.get("title_tentang"):
                titles.update(w.lower() for w in _WORD_RE.findall(row["title_tentang"]) if len(w) >= 4)
    return {word for word, count in counts.items() if count >= min_count} | titles


def main(argv: list[str]) -> int:
    """Write ``data/lexicon.txt`` from the corpus directory given as the only argument."""
    if len(argv) != 1:
        print("usage: python -m registry.regulations.parser.lexicon CORPUS_DIR", file=sys.stderr)
        return 2
    words = sorted(corpus_words(Path(argv[0])))
    LEXICON_PATH.parent.mkdir(exist_ok=True)
    LEXICON_PATH.write_text("\n".join(words) + "\n", encoding="utf-8")
    print(f"{len(words)} words, {LEXICON_PATH.stat().st_size} bytes -> {LEXICON_PATH}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

"""Fixed anchors of a regulation found despite OCR noise: bounded edit distance, split and merged words.

OCR of a scanned title block misreads letters ("TENTAMG"), splits words ("MENGI NGAT",
"T E N T A N G") and merges them ("PERATURANWALIKOTA"). ``repair_anchors`` rewrites such tokens to the
anchor they stand for, so that the exact patterns of ``patterns`` find them. A token is only changed
when it is within a small edit distance of an anchor (one edit for short anchors, two for long ones),
is not itself a known word, and has the anchor's case (all upper case, or a capital and lower case for
the konsiderans labels) — so running text ("tentang", "tahun") is never touched.
"""

from __future__ import annotations

import re
from collections.abc import Callable

#: Upper-case anchors: headings, title keywords and the words of the regulation type names.
UPPER_ANCHORS = (
    "MENIMBANG",
    "MENGINGAT",
    "MEMUTUSKAN",
    "MENETAPKAN",
    "DENGAN",
    "RAHMAT",
    "TUHAN",
    "NOMOR",
    "TAHUN",
    "TENTANG",
    "PERATURAN",
    "WALIKOTA",
    "DAERAH",
    "UNDANG-UNDANG",
    "PEMERINTAH",
    "PRESIDEN",
    "KEPUTUSAN",
    "BUPATI",
    "GUBERNUR",
    "MENTERI",
    "PERUBAHAN",
    "LEMBARAN",
    "BERITA",
)
#: Anchors also written with a capital only ("Menimbang :"), which start a konsiderans line.
TITLE_ANCHORS = ("Menimbang", "Mengingat", "Menetapkan", "Memperhatikan")
#: Words that look like an anchor but are real words: never rewritten.
NOT_ANCHORS = frozenset({"TAHAN", "TUHAN", "DAERAH", "DENGAN", "BERITA", "TENANG", "PERATURAN"})
#: Upper-case words the merged-word splitter may cut a token into.
_SPLIT_WORDS = (
    "PERATURAN",
    "KEPUTUSAN",
    "WALIKOTA",
    "WALI",
    "KOTA",
    "DAERAH",
    "BUPATI",
    "GUBERNUR",
    "MENTERI",
    "PEMERINTAH",
    "PRESIDEN",
    "NOMOR",
    "TAHUN",
    "TENTANG",
    "PERUBAHAN",
    "KEDUA",
    "KETIGA",
    "ATAS",
    "DENGAN",
    "RAHMAT",
    "TUHAN",
    "YANG",
    "MAHA",
    "ESA",
)
_TOKEN_RE = re.compile(r"[A-Za-z0-9-]+")
_SPACED_UPPER_RE = re.compile(r"(?<![A-Za-z])(?:[A-Z] ){3,}[A-Z](?![A-Za-z])")


def edit_distance(a: str, b: str, bound: int = 3) -> int:
    """Levenshtein distance of ``a`` and ``b``, or ``bound + 1`` as soon as it must exceed ``bound``."""
    if abs(len(a) - len(b)) > bound:
        return bound + 1
    previous = list(range(len(b) + 1))
    for i, char_a in enumerate(a, start=1):
        current = [i] + [0] * len(b)
        for j, char_b in enumerate(b, start=1):
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (char_a != char_b))
        if min(current) > bound:
            return bound + 1
        previous = current
    return previous[-1]


def allowed_edits(word: str) -> int:
    """How many edits a token may be away from ``word``: none under 5 letters, 1 up to 7, else 2."""
    if len(word) < 5:
        return 0
    return 1 if len(word) <= 7 else 2


def nearest_anchor(token: str, anchors: tuple[str, ...] = UPPER_ANCHORS) -> str | None:
    """The one anchor within the allowed edit distance of ``token`` (None when none or a tie)."""
    best, best_distance, tie = None, 99, False
    for anchor in anchors:
        limit = allowed_edits(anchor)
        if limit == 0:
            continue
        distance = edit_distance(token, anchor, limit)
        if distance > limit:
            continue
        if distance < best_distance:
            best, best_distance, tie = anchor, distance, False
        elif distance == best_distance and anchor != best:
            tie = True
    return None if tie else best


def split_merged(token: str) -> list[str] | None:
    """Cut an upper-case token made of glued anchor words ("PERATURANWALIKOTA"); None if it is not."""
    if len(token) < 7 or not token.isalpha() or not token.isupper():
        return None
    words = sorted(_SPLIT_WORDS, key=len, reverse=True)

    def cut(rest: str) -> list[str] | None:
        if not rest:
            return []
        for word in words:
            if rest.startswith(word):
                tail = cut(rest[len(word) :])
                if tail is not None:
                    return [word, *tail]
        return None

    parts = cut(token)
    return parts if parts and len(parts) > 1 else None


def _fix_token(token: str, is_known: Callable[[str], bool], line_start: bool = False) -> str:
    """The anchor an upper-case token, or a capitalised one opening a line, stands for; else the token."""
    if token in UPPER_ANCHORS or token in TITLE_ANCHORS or token in NOT_ANCHORS:
        return token
    if len(token) >= 5 and token.isupper():
        parts = split_merged(token)
        if parts:
            return " ".join(parts)
        if not is_known(token):
            return nearest_anchor(token) or token
    if line_start and len(token) >= 8 and token[:1].isupper() and token[1:].islower() and not is_known(token):
        return nearest_anchor(token, TITLE_ANCHORS) or token
    return token


def _keep_word_break(anchor: str, pieces: list[str]) -> str:
    """The anchor, written as two words where it is two words and the pieces broke there ("WALI KOTA")."""
    if len(pieces) == 2 and len(anchor) == len(pieces[0]) + len(pieces[1]):
        head, tail = anchor[: len(pieces[0])], anchor[len(pieces[0]) :]
        if head in _SPLIT_WORDS and tail in _SPLIT_WORDS:
            return f"{head} {tail}"
    return anchor


def _join_split(tokens: list[str], is_known: Callable[[str], bool]) -> list[str]:
    """Join two or three neighbouring upper-case pieces that together spell an anchor ("MENGI NGAT").

    Pieces that are all anchors or all known words ("WALI KOTA") stay apart, and a join that is
    not exactly an anchor must be within one edit of one ("WALT KOTA").
    """
    out: list[str] = []
    i = 0
    while i < len(tokens):
        joined = None
        for width in (3, 2):
            piece = tokens[i : i + width]
            if len(piece) < width or not all(p.isalpha() and p.isupper() for p in piece):
                continue
            if all(p in UPPER_ANCHORS or is_known(p) for p in piece):
                continue
            candidate = "".join(piece)
            anchor = candidate if candidate in UPPER_ANCHORS else None
            if anchor is None and len(candidate) >= 7:
                near = nearest_anchor(candidate)
                anchor = near if near and edit_distance(candidate, near, 1) <= 1 else None
            if anchor:
                joined = (_keep_word_break(anchor, piece), width)
                break
        if joined:
            out.append(joined[0])
            i += joined[1]
        else:
            out.append(tokens[i])
            i += 1
    return out


#: Short words that always follow a fixed partner; after it, one misread letter is corrected.
_PARTNERS = {"WALI": "KOTA", "YANG": "MAHA", "MAHA": "ESA", "UNDANG": "UNDANG"}
_PAIR_RE = re.compile(r"\b(?P<first>Wali|WALI|Yang|YANG|Maha|MAHA)(?P<gap>[ \t]+)(?P<second>[A-Za-z]{3,4})\b")


def _fix_partner(match: re.Match[str]) -> str:
    """ "Wali Kola" -> "Wali Kota": the word after a fixed partner, one letter off, is the partner's."""
    first, second = match.group("first"), match.group("second")
    expected = _PARTNERS[first.upper()]
    if second.upper() == expected or len(second) != len(expected):
        return match.group(0)
    if edit_distance(second.upper(), expected, 1) > 1:
        return match.group(0)
    fixed = expected if second[:1].isupper() and second[1:2].isupper() else expected.capitalize()
    if second.islower():
        fixed = expected.lower()
    return first + match.group("gap") + fixed


def repair_anchors(line: str, is_known: Callable[[str], bool] = lambda word: False) -> str:
    """Rewrite misread, split or merged anchors in one line; every other character stays as it is.

    ``is_known`` says whether a token is a real word (a lexicon lookup), which is then never changed.
    """
    line = _SPACED_UPPER_RE.sub(lambda m: m.group(0).replace(" ", ""), line)
    line = _PAIR_RE.sub(_fix_partner, line)
    if not re.search(r"[A-Z]{2}|^\s*[A-Z][a-z]{6}", line):
        return line
    pieces = re.split(r"(\s+)", line)
    words = pieces[0::2]
    spaces = pieces[1::2]
    upper_run = [w for w in words if w]
    if len(upper_run) > 1 and any(w.isalpha() and w.isupper() for w in upper_run):
        joined = _join_split(words, is_known)
        if joined != words:
            line = " ".join(joined)
            pieces = re.split(r"(\s+)", line)
            words, spaces = pieces[0::2], pieces[1::2]
    fixed = [
        _TOKEN_RE.sub(lambda m, first=(i == 0): _fix_token(m.group(0), is_known, first), word)
        for i, word in enumerate(words)
    ]
    out = fixed[0]
    for space, word in zip(spaces, fixed[1:], strict=False):
        out += space + word
    return out

"""search.highlight: escape first, then mark."""

import random
import re
from html import escape

import pytest

from search.analysis import STOPWORDS, fold, stem
from search.highlight import mark, snippet

STEMS = frozenset({stem("syarat"), "ktp"})


def test_marks_stemmed_matches():
    """ "Persyaratan" is marked for the stem of "syarat"."""
    assert mark("Persyaratan KTP-el", STEMS) == "<mark>Persyaratan</mark> <mark>KTP</mark>-el"


def test_html_in_text_is_escaped_before_marking():
    """Markup in a document never survives; only <mark> is added."""
    html = mark('<script>alert("ktp")</script> ktp', STEMS)
    assert "<script>" not in html
    assert "&lt;script&gt;" in html and "<mark>ktp</mark>" in html


def test_snippet_centres_on_matches():
    """A long text is cut around the densest matches, with ellipses."""
    text = "awal " * 200 + "persyaratan ktp lengkap " + "akhir " * 200
    html = snippet(text, STEMS, length=120)
    assert html.startswith("… ") and html.endswith(" …")
    assert "<mark>persyaratan</mark> <mark>ktp</mark>" in html


def test_snippet_without_matches_starts_at_the_beginning():
    """No match: the first characters."""
    assert snippet("satu dua tiga " * 50, STEMS, length=30).startswith("satu dua")


def _reference_mark(text, stems):
    """Marking word by word, the plain way: every \\w run, stemmed."""
    out, last = [], 0
    for match in re.finditer(r"\w+", text):
        word = fold(match.group())
        if word not in STOPWORDS and stem(word) in stems:
            out += [escape(text[last : match.start()]), f"<mark>{escape(match.group())}</mark>"]
            last = match.end()
    return "".join(out) + escape(text[last:])


@pytest.mark.parametrize("seed", range(40))
def test_marking_equals_marking_word_by_word(seed):
    """The fast paths (ASCII tokenising, remembered words, str.find) mark exactly the \\w runs whose stem
    matches, in ASCII and accented text, with underscores, digits, markup and cut words."""
    rng = random.Random(seed)
    vocabulary = [
        "Persyaratan",
        "syarat",
        "KTP-el",
        "ktp_el",
        "e-KTP",
        "pajak",
        "reklame",
        "Réklame",
        "naïf",
        "<b>",
        "&amp;",
        "123",
        "ktp2",
        "yang",
        "dan",
        "persyaratannya",
        "\u00a0",
        "\n",
        "—",
        "retribusi",
    ]
    text = "".join(
        rng.choice(vocabulary) + rng.choice([" ", "", ",", ".", "  "]) for _ in range(rng.randint(0, 60))
    )
    stems = frozenset(
        stem(w) for w in rng.sample(["syarat", "ktp", "reklame", "pajak", "el", "123", "naif"], 3)
    )
    assert mark(text, stems) == _reference_mark(text, stems)
    start = rng.randint(0, max(len(text) - 1, 0))
    window = text[start : start + rng.randint(1, 80)]
    assert mark(window, stems) == _reference_mark(window, stems)


def _reference_snippet(text, stems, length):
    """The window with the most matches, found word by word (what snippet() must equal)."""
    text = re.sub(r"\s+", " ", text).strip()
    if len(text) <= length:
        return _reference_mark(text, stems)
    hits = [m.start() for m in re.finditer(r"\w+", text) if _reference_mark(m.group(), stems) != m.group()]
    best_start, best_count, j = 0, -1, 0
    for i, start in enumerate(hits):
        while hits[j] < start - length + 40:
            j += 1
        if i - j + 1 > best_count:
            best_count, best_start = i - j + 1, max(0, hits[j] - 40)
    if best_start > 0:
        space = text.find(" ", best_start)
        best_start = space + 1 if 0 <= space < best_start + 30 else best_start
    end = min(len(text), best_start + length)
    if end < len(text):
        space = text.rfind(" ", best_start, end)
        end = space if space > best_start else end
    window = _reference_mark(text[best_start:end], stems)
    return ("… " if best_start > 0 else "") + window + (" …" if end < len(text) else "")


@pytest.mark.parametrize("seed", range(40))
def test_snippet_equals_the_word_by_word_window(seed):
    """Same window and marks as word by word, also when the cut falls inside a long word."""
    rng = random.Random(seed)
    words = [
        "persyaratan",
        "administrasi",
        "KTP",
        "pajak",
        "kependudukanpencatatansipil" * 2,
        "x" * 45,
        "dan",
    ]
    text = " ".join(rng.choice(words) for _ in range(rng.randint(5, 120)))
    stems = frozenset({stem("syarat"), "ktp", stem("kependudukanpencatatansipil" * 2)})
    length = rng.choice([45, 60, 240])
    assert snippet(text, stems, length=length) == _reference_snippet(text, stems, length)

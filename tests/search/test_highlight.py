"""search.highlight: escape first, then mark."""

import random
import re
from html import escape, unescape

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


def _brute_force_snippet(text, stems, length):
    """What snippet() must return, found by trying every window (no sliding, no remembered state).

    The rule, as documented: among the matched words, pick the one that begins the span of
    ``length - 40`` characters holding the most matched word starts (the earliest such word on a tie),
    start 40 characters before it, move the start just past the first space within 30 characters,
    end ``length`` characters later or at the last space before that, and mark the window word by word.
    """
    text = re.sub(r"\s+", " ", text).strip()
    if len(text) <= length:
        return _reference_mark(text, stems)
    starts = [m.start() for m in re.finditer(r"\w+", text) if _reference_mark(m.group(), stems) != m.group()]
    best_first, best_count = None, 0
    for first in starts:
        count = len([p for p in starts if first <= p <= first + length - 40])
        if count > best_count:
            best_first, best_count = first, count
    begin = 0 if best_first is None else max(0, best_first - 40)
    if begin > 0:
        spaces = [k for k in range(begin, min(begin + 30, len(text))) if text[k] == " "]
        begin = spaces[0] + 1 if spaces else begin
    finish = min(len(text), begin + length)
    if finish < len(text):
        spaces = [k for k in range(begin + 1, finish) if text[k] == " "]
        finish = spaces[-1] if spaces else finish
    window = _reference_mark(text[begin:finish], stems)
    return ("… " if begin > 0 else "") + window + (" …" if finish < len(text) else "")


def _plain(html):
    """The text of a snippet without its ellipses and marks, unescaped."""
    return unescape(html.removeprefix("… ").removesuffix(" …").replace("<mark>", "").replace("</mark>", ""))


def test_snippet_prefers_the_densest_cluster_over_an_earlier_match():
    """One "ktp" at the start, three together later: the window holds the three, 40 characters after
    its cut start, and ends at a word boundary."""
    text = "ktp " + "isi " * 20 + "ktp ktp ktp " + "isi " * 20
    expected = (
        "… " + "isi " * 9 + "<mark>ktp</mark> <mark>ktp</mark> <mark>ktp</mark> " + "isi isi isi" + " …"
    )
    assert snippet(text, STEMS, length=60) == expected


def test_snippet_keeps_the_earlier_of_two_equal_clusters():
    """Two clusters of two matches each: the first wins, so the text is shown from its start."""
    text = "isi " * 5 + "ktp ktp " + "isi " * 30 + "syarat syarat " + "isi " * 30
    html = snippet(text, STEMS, length=60)
    assert html.startswith("isi isi isi isi isi <mark>ktp</mark> <mark>ktp</mark> isi")
    assert html.endswith(" …") and "syarat" not in html


def test_snippet_counts_matches_at_most_length_minus_40_characters_apart():
    """With length 60, two matches 21 characters apart do not share a window; 20 apart they do."""
    text = "ktp isi isi isi isix ktp" + " isi" * 20 + " ktp isi isi isi isi ktp" + " isi" * 20
    html = snippet(text, STEMS, length=60)
    assert html.startswith("… ") and "isix" not in html
    assert "<mark>ktp</mark> isi isi isi isi <mark>ktp</mark>" in html


def test_snippet_cuts_inside_a_word_when_no_space_is_near():
    """No space within 30 characters of the start: the window starts inside the long word."""
    text = "abc " + "y" * 70 + " ktp" + " isi" * 30
    assert snippet(text, STEMS, length=60) == "… " + "y" * 39 + " <mark>ktp</mark> isi isi isi isi …"


def test_snippet_marks_a_word_cut_at_the_window_edge_as_a_word_of_its_own():
    """The window starts inside a long word that does not match; the piece left in the window is
    marked because the piece itself stems to a query stem."""
    stems = frozenset({stem("y" * 39), "ktp"})
    text = "y" * 94 + " ktp"
    assert snippet(text, stems, length=60) == "… <mark>" + "y" * 39 + "</mark> <mark>ktp</mark>"


_SNIPPET_WORDS = [
    "persyaratan",
    "administrasi",
    "KTP",
    "pajak",
    "kependudukanpencatatansipil" * 2,
    "x" * 45,
    "dan",
]
_SNIPPET_STEMS = frozenset({stem("syarat"), "ktp", stem("kependudukanpencatatansipil" * 2)})


def _random_text(rng):
    return " ".join(rng.choice(_SNIPPET_WORDS) for _ in range(rng.randint(5, 120)))


@pytest.mark.parametrize("seed", range(40))
def test_snippet_equals_the_brute_force_window(seed):
    """Same window and marks as trying every window, also when the cut falls inside a long word."""
    rng = random.Random(seed)
    text = _random_text(rng)
    length = rng.choice([45, 60, 240])
    assert snippet(text, _SNIPPET_STEMS, length=length) == _brute_force_snippet(text, _SNIPPET_STEMS, length)


@pytest.mark.parametrize("seed", range(40))
def test_snippet_is_a_marked_piece_of_the_text(seed):
    """Whatever the window: a piece of the text no longer than ``length``, marked word by word, with an
    ellipsis wherever text was left out."""
    rng = random.Random(seed)
    text = _random_text(rng)
    length = rng.choice([45, 60, 240])
    html = snippet(text, _SNIPPET_STEMS, length=length)
    window = _plain(html)
    assert len(window) <= length and window in text
    assert html == ("… " if html.startswith("… ") else "") + _reference_mark(window, _SNIPPET_STEMS) + (
        " …" if html.endswith(" …") else ""
    )
    assert html.startswith("… ") or text.startswith(window)
    assert html.endswith(" …") or text.endswith(window)

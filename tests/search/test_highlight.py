"""search.highlight: escape first, then mark."""

from search.analysis import stem
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

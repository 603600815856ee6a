"""Typo correction against the index vocabulary (search/spelling.py), on made-up words."""

import pytest

from search import service
from search.spelling import Vocabulary, correct_words, distance, max_edits


@pytest.fixture
def vocabulary():
    """A made-up index vocabulary with entry counts."""
    return Vocabulary({"zorbak": 5, "zorbik": 2, "quantel": 3, "flembarosi": 4, "mup": 9, "x2000": 7})


def test_distance_counts_edits_and_swaps():
    """Insertions, deletions, substitutions and a swap of neighbours each cost one edit."""
    assert distance("zorbak", "zorbak", 2) == 0
    assert distance("zorbk", "zorbak", 2) == 1
    assert distance("zorbaak", "zorbak", 2) == 1
    assert distance("zorbek", "zorbak", 2) == 1
    assert distance("zobrak", "zorbak", 2) == 1
    assert distance("qiobx", "qibox", 2) == 1
    assert distance("zxyzak", "zorbak", 2) == 3


def test_distance_stops_past_its_bound():
    """Past the bound the answer is bound + 1, whatever the real distance."""
    assert distance("aaaaaaaa", "bbbbbbbb", 1) == 2
    assert distance("a", "abcdef", 2) == 3


def test_short_words_and_numbers_are_never_corrected():
    """Fewer than four letters, or a digit in the word: no edit allowed."""
    assert max_edits("mup") == 0
    assert max_edits("x200") == 0
    assert max_edits("zorbek") == 1
    assert max_edits("flimbarosa") == 2


def test_the_nearest_then_the_most_frequent_stem_wins(vocabulary):
    """One edit from both "zorbak" (5 entries) and "zorbik" (2): the more frequent is chosen."""
    assert Vocabulary({"zorbaka": 5, "zorbika": 2}).correct("zorbeka") == "zorbaka"
    assert vocabulary.correct("zorbek") == "zorbak"
    assert vocabulary.correct("zorbik") == "zorbik"


def test_a_swap_of_two_letters_is_corrected(vocabulary):
    """ "qunatel" is "quantel" with two letters swapped."""
    assert vocabulary.correct("qunatel") == "quantel"


def test_long_words_may_be_two_edits_away_short_ones_one(vocabulary):
    """Ten letters: two edits allowed; six letters: one."""
    assert vocabulary.correct("flimbarosa") == "flembarosi"
    assert vocabulary.correct("zirbek") is None


def test_a_short_word_may_only_have_lost_a_letter():
    """Up to five letters, only an insertion corrects: "qibo" → "qibos", but "qibox" is neither
    "qibo" nor "qibot" (another word, not a typo)."""
    assert Vocabulary({"qibos": 9}).correct("qibo") == "qibos"
    assert Vocabulary({"qibo": 9, "qibot": 9, "qiobx": 9}).correct("qibox") is None


def test_nothing_is_invented(vocabulary):
    """Unrelated, short, numeric or first-letter typos stay uncorrected; a correction is always a stem
    of the vocabulary."""
    for word in ("kucing", "mop", "zorb4k", "xorbak", "abcdefghij"):
        assert vocabulary.correct(word) is None, word
    for word in ("zorbak", "zorbk", "quantle", "flembaros"):
        assert vocabulary.correct(word) in vocabulary


def test_only_unknown_words_are_corrected(vocabulary):
    """A known word is never replaced, even when it is close to another one."""
    assert correct_words(["zorbek", "zorbik"], ["zorbek"], vocabulary) == {"zorbek": "zorbak"}


@pytest.mark.django_db
def test_search_corrects_a_typo_only_when_nothing_matched():
    """A misspelt title word finds the service, with the correction reported; the right spelling
    reports none."""
    from tests import factories

    factories.service(title="Izin Zorbaluk Kota", summary="Layanan zorbaluk.")
    fixed = service.search("zorbalk")
    assert [h.title for h in fixed.hits] == ["Izin <mark>Zorbaluk</mark> Kota"]
    assert fixed.corrections == {"zorbalk": "zorbaluk"} and not fixed.relaxed
    assert any("dicari sebagai: zorbaluk" in notice for notice in fixed.notices)
    exact = service.search("zorbaluk")
    assert exact.corrections == {} and exact.total == 1


@pytest.mark.django_db
def test_a_correction_that_finds_nothing_is_dropped():
    """When the corrected words still match nothing, the relaxed retry uses the words as typed and
    no correction is reported."""
    from tests import factories

    factories.service(title="Izin Zorbaluk Kota", summary="Layanan zorbaluk.")
    factories.service(title="Kartu Qomplet", summary="Layanan qomplet.")
    result = service.search("zorbalk qomplet")
    assert result.relaxed and result.corrections == {}
    assert [h.title for h in result.hits] == ["Kartu <mark>Qomplet</mark>"]

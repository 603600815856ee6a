"""How citizens ask: question words and phrases dropped, synonyms without overlaps (issue #15)."""

import pytest

from search.analysis import Thesaurus
from search.models import Synonym
from search.query import parse_query


def test_question_words_are_dropped():
    """ "berapa", "siapa", "bisa", "apa saja" say nothing about what is looked for."""
    assert parse_query("berapa biaya zorbak").text_words == ["biaya", "zorbak"]
    assert parse_query("siapa yang bisa bikin zorbak").text_words == ["yang", "zorbak"]
    assert parse_query("apa saja syarat zorbak").text_words == ["syarat", "zorbak"]
    assert parse_query("syarat zorbak apa aja").text_words == ["syarat", "zorbak"]


def test_question_phrases_go_as_a_whole_but_their_words_alone_stay():
    """ "berapa lama" is dropped; "lama" alone is meaningful ("zorbak lama")."""
    assert parse_query("berapa lama bikin zorbak").text_words == ["zorbak"]
    assert parse_query("zorbak lama").text_words == ["zorbak", "lama"]
    assert parse_query("butuh waktu berapa zorbak").text_words == ["zorbak"]


def test_syarat_and_waktu_are_kept():
    """What the citizen asks about stays a search word."""
    assert parse_query("syarat waktu zorbak").text_words == ["syarat", "waktu", "zorbak"]


def test_a_query_of_question_words_only_is_kept_as_typed():
    """Nothing else typed: the words are searched rather than dropped to nothing."""
    assert parse_query("berapa lama").text_words == ["berapa", "lama"]
    assert parse_query("berapa").text_words == ["berapa"]


@pytest.mark.django_db
def test_no_synonym_term_belongs_to_two_sets():
    """The seeded synonyms (0003 and 0008) give each term one set, so a query word expands one way."""
    thesaurus = Thesaurus.from_lines(Synonym.objects.filter(active=True).values_list("terms", flat=True))
    seen = {}
    for synonym_set in thesaurus.sets:
        for term in synonym_set.terms:
            assert term not in seen, f"{term} is in {seen.get(term)} and {synonym_set.rule()}"
            seen[term] = synonym_set.rule()
    assert len(thesaurus.sets) >= 50


@pytest.mark.django_db
def test_citizen_words_expand_to_the_official_name():
    """ "kartu kuning" reaches the AK/I card, "ktp anak" the KIA, "izin warung makan" the SLHS."""
    from search.synonyms import current_thesaurus

    thesaurus = current_thesaurus()
    clauses = parse_query("kartu kuning", thesaurus).clauses
    assert ("kartu", "tanda", "cari", "kerja") in clauses[0]
    assert ("kia",) in parse_query("ktp anak", thesaurus).clauses[0]
    assert ("slhs",) in parse_query("izin buka warung makan", thesaurus).clauses[0]
    assert parse_query("izin", thesaurus).clauses == [(("izin",),)]

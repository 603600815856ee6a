"""The shared ranking: integer impacts, encoded ids, and the threshold algorithm's exactness."""

import pytest

from search import scoring, service
from search.backends import get_database_backend, ranking


def test_impacts_are_integers_that_favour_the_title_and_repetition():
    """A stem in the title weighs more than in the body; more occurrences weigh more, saturating."""
    title = scoring.impacts({"a_title": "izin reklam", "a_keywords": "", "a_body": "pajak"})
    body = scoring.impacts({"a_title": "", "a_keywords": "", "a_body": "reklam pajak pajak pajak"})
    assert all(isinstance(v, int) and v > 0 for v in {**title, **body}.values())
    assert title["reklam"] > body["reklam"]
    assert body["pajak"] > title["pajak"]


def test_boost_scales_impacts_and_idf_favours_rare_terms():
    """Boost multiplies; a rarer term has a larger idf; both stay integers."""
    text = {"a_title": "ktp", "a_keywords": "", "a_body": ""}
    assert scoring.impacts(text, boost=2.0)["ktp"] > scoring.impacts(text)["ktp"]
    assert scoring.idf(3, 1000) > scoring.idf(300, 1000) >= 1
    assert scoring.score({"a": 2, "b": 5}, {"a": 10}) == 20


def test_entry_ids_encode_group_and_kind():
    """group << 16 | kind << 14 | sequence, and back."""
    entry = scoring.entry_id(7, "pasal", 3)
    assert scoring.group_of(entry) == 7
    assert scoring.KIND_BY_CODE[(entry >> scoring.KIND_SHIFT) & 3] == "pasal"
    with pytest.raises(ValueError):
        scoring.entry_id(7, "pasal", scoring.SEQUENCE_LIMIT)


@pytest.mark.django_db
@pytest.mark.corpus
@pytest.mark.parametrize(
    "query,filters",
    [
        ("pelayanan publik", {}),
        ("informasi", {"jenis": ["uu"]}),
        ("izin", {}),
        ("perwal 12 2023 pasal 5", {}),
        ('"pelayanan publik"', {}),
    ],
)
def test_threshold_algorithm_returns_what_scoring_everything_returns(
    golden_corpus, monkeypatch, query, filters
):
    """Reading best-first (forced by a zero exhaustive limit) gives exactly the exhaustive order."""
    backend = get_database_backend()
    monkeypatch.setattr(ranking, "EXHAUSTIVE_LIMIT", 10**9)
    everything = service.search(query, filters=filters, backend=backend, per_page=5)
    monkeypatch.setattr(ranking, "EXHAUSTIVE_LIMIT", 0)
    monkeypatch.setattr(ranking, "FIRST_DEPTH", 2)
    best_first = service.search(query, filters=filters, backend=backend, per_page=5)
    assert everything.hits
    assert [(h.doc_id, h.score, [m.doc_id for m in h.more]) for h in best_first.hits] == [
        (h.doc_id, h.score, [m.doc_id for m in h.more]) for h in everything.hits
    ]
    assert best_first.total == everything.total and best_first.facets == everything.facets

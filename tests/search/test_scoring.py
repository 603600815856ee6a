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
@pytest.mark.parametrize("gives_up", [False, True], ids=["reads-to-the-end", "gives-up-after-a-round"])
def test_threshold_algorithm_returns_what_scoring_everything_returns(
    golden_corpus, monkeypatch, query, filters, gives_up
):
    """Reading best-first (forced by a zero exhaustive limit) gives exactly the exhaustive order, both
    when it reads until the page is sure and when, after a first round, reading on costs more than
    scoring the matches left (then it scores those and keeps what the round scored)."""
    backend = get_database_backend()
    monkeypatch.setattr(ranking, "EXHAUSTIVE_LIMIT", 10**9)
    everything = service.search(query, filters=filters, backend=backend, per_page=5)
    monkeypatch.setattr(ranking, "EXHAUSTIVE_LIMIT", 0)
    monkeypatch.setattr(ranking, "FIRST_DEPTH", 2)
    monkeypatch.setattr(ranking, "READ_COST", 0)  # no accounting: read until the page is sure
    if gives_up:
        read = backend.best_postings

        def first_round_then_dear(reads):
            monkeypatch.setattr(ranking, "READ_COST", 10**9)
            return read(reads)

        monkeypatch.setattr(backend, "best_postings", first_round_then_dear)
    finished = []
    threshold = ranking._threshold
    monkeypatch.setattr(
        ranking, "_threshold", lambda *args: finished.append(threshold(*args)) or finished[-1]
    )
    best_first = service.search(query, filters=filters, backend=backend, per_page=5)
    assert everything.hits
    assert finished and all(done is not gives_up for done in finished)
    assert [(h.doc_id, h.score, [m.doc_id for m in h.more]) for h in best_first.hits] == [
        (h.doc_id, h.score, [m.doc_id for m in h.more]) for h in everything.hits
    ]
    assert best_first.total == everything.total and best_first.facets == everything.facets


def test_reading_gives_up_once_it_costs_more_than_scoring_what_is_left(monkeypatch):
    """The threshold algorithm stops before a round that would read more postings (weighted by
    READ_COST) than scoring every match not scored yet looks up; a cheap round goes ahead."""

    class Backend:
        def __init__(self):
            self.rounds = []

        def best_postings(self, reads):
            self.rounds.append(reads)
            # Each term's best entries hold it with a falling impact; none of them matches.
            return {
                t: [(1000 * n + i, 100 - i) for i in range(o, o + min(limit, 50))]
                for n, (t, (limit, o)) in enumerate(reads.items())
            }

    class Matches:
        documents = 120
        groups = {}

        def keeps(self, entry):
            return False

    monkeypatch.setattr(ranking, "READ_COST", 2)
    monkeypatch.setattr(ranking, "FIRST_DEPTH", 200)
    backend = Backend()
    weights, frequencies = {"a": 10, "b": 10}, {"a": 5000, "b": 5000}
    groups = ranking._Groups(Matches())
    assert ranking._threshold(backend, weights, frequencies, 3, groups) is False
    # Scoring the 120 matches looks up 2 × 120 postings; the first round reads 2 postings (cost 4), the
    # second would read 2 × 199 more at twice the cost: more than 240, so it never runs.
    assert backend.rounds == [{"a": (1, 0), "b": (1, 0)}]

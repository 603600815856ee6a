"""The limits of the packed entry ids: explicit errors, and an owner past the per-group cap."""

import pytest

from search import scoring
from search import service as search_service
from search.backends import get_database_backend
from search.documents import KIND_PASSAGE, KIND_REGULATION, SearchDocument
from search.models import IndexEntry, IndexGroup

WORD = "kapuklengkap"


def test_entry_ids_refuse_what_they_cannot_encode():
    """The last sequence of a group encodes; one more is an IndexCapacityError naming the limit."""
    last = scoring.entry_id(7, KIND_PASSAGE, scoring.SEQUENCE_LIMIT - 1)
    assert scoring.group_of(last) == 7
    with pytest.raises(scoring.IndexCapacityError, match="at most 16384 documents"):
        scoring.entry_id(7, KIND_PASSAGE, scoring.SEQUENCE_LIMIT)
    with pytest.raises(scoring.IndexCapacityError, match="does not fit"):
        scoring.entry_id(scoring.GROUP_LIMIT, KIND_PASSAGE, 0)
    assert scoring.entry_id(scoring.GROUP_LIMIT - 1, KIND_PASSAGE, 0) < 2**63


def _regulation_documents(passages: int) -> list[SearchDocument]:
    common = {"owner": "regulation:1", "jenis": "perwal", "jenis_label": "Perwal", "tahun": 2023}
    documents = [
        SearchDocument(
            doc_id="regulation:1",
            kind=KIND_REGULATION,
            title=f"Perwal {WORD}",
            subtitle="",
            url="/r/",
            body=WORD,
            **common,
        )
    ]
    documents += [
        SearchDocument(
            doc_id=f"regulation:1:{n:05d}",
            kind=KIND_PASSAGE,
            title=f"Pasal {n}",
            subtitle="",
            url=f"/r/#pasal-{n}",
            body=f"{WORD} pasal",
            **common,
        )
        for n in range(passages)
    ]
    return documents


@pytest.mark.django_db
def test_an_owner_past_the_cap_continues_in_new_groups_and_counts_once(monkeypatch):
    """At the cap (made 4 here) the writer opens new groups; totals and facets still count one owner."""
    monkeypatch.setattr(scoring, "SEQUENCE_LIMIT", 4)
    backend = get_database_backend()
    backend.replace("regulation:1", _regulation_documents(10))
    assert IndexEntry.objects.filter(owner="regulation:1").count() == 11
    assert IndexGroup.objects.filter(owner="regulation:1").count() == 3  # 4 + 4 + 2 passages
    result = search_service.search(WORD, backend=backend)
    assert result.total == 1
    assert {value.value: value.count for value in result.facets["jenis"]} == {"perwal": 1}
    assert {value.value: value.count for value in result.facets["kind"]} == {"pasal": 1, "peraturan": 1}

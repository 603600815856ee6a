"""Term statistics (search_termstat) stay equal to counting the postings; bare citations relax narrowly."""

import pytest
from django.db import connection

from search import service
from search.backends import get_database_backend
from search.documents import KIND_REGULATION, SearchDocument
from search.query import parse_query

pytestmark = pytest.mark.django_db


def _regulation(n: int, title: str) -> SearchDocument:
    return SearchDocument(
        doc_id=f"regulation:{n}",
        owner=f"regulation:{n}",
        kind=KIND_REGULATION,
        title=title,
        subtitle="",
        url=f"/peraturan/{n}/",
        body=title,
        jenis="perwal",
        jenis_label="Peraturan Wali Kota",
        tahun=2023,
    )


def _stored_and_counted():
    with connection.cursor() as cursor:
        cursor.execute("SELECT term, entries FROM search_termstat")
        stored = dict(cursor.fetchall())
        cursor.execute("SELECT term, COUNT(*) FROM search_posting GROUP BY term")
        counted = dict(cursor.fetchall())
        cursor.execute("SELECT COUNT(*) FROM search_indexentry")
        counted[""] = cursor.fetchone()[0]
    return stored, {term: n for term, n in counted.items() if n}


def test_statistics_follow_rebuild_replace_and_delete():
    """Every write keeps the stored document frequencies equal to a count of the postings."""
    backend = get_database_backend()
    backend.rebuild([_regulation(1, "Retribusi reklame"), _regulation(2, "Pajak reklame")])
    stored, counted = _stored_and_counted()
    assert stored == counted and stored[""] == 2
    backend.replace("regulation:1", [_regulation(1, "Retribusi pasar")])
    stored, counted = _stored_and_counted()
    assert stored == counted
    backend.delete("regulation:2")
    stored, counted = _stored_and_counted()
    assert stored == counted and stored[""] == 1
    assert backend.statistics(["reklam", "pasar"])[1]["reklam"] == 0


def test_bare_citation_marks_itself():
    """A query that is only a citation says so; one with other words does not."""
    assert parse_query("perwal 12 2023 pasal 5").citation_only
    assert not parse_query("perwal 12/2023 retribusi").citation_only


def test_unresolved_bare_citation_relaxes_to_its_type_and_year():
    """Not "any word" (that matches nearly everything): the regulations of that type and year."""
    get_database_backend().rebuild(
        [_regulation(1, "Peraturan Wali Kota Nomor 7 Tahun 2023 tentang Reklame perwal")]
        + [_regulation(n, f"Pasal {n} tentang pasar tahun 1999") for n in range(2, 6)]
    )
    result = service.search("perwal 12/2023 pasal 5", backend=get_database_backend())
    assert result.relaxed
    assert [hit.doc_id for hit in result.hits] == ["regulation:1"]

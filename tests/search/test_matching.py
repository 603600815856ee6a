"""One match per search: facet counts derived in Python equal SQL counting, and the cached group rows
never outlive an index write (not even a rolled-back one)."""

import itertools

import pytest
from django.db import transaction
from django.db.models import Count

from search import service
from search.backends import get_database_backend
from search.backends.base import FACET_FIELDS, FACET_LABEL_FIELDS, SearchRequest
from search.documents import KIND_PASSAGE, KIND_REGULATION, KIND_SERVICE, SearchDocument
from search.models import IndexEntry
from search.query import parse_query

pytestmark = pytest.mark.django_db

JENIS = [("perwal", "Peraturan Wali Kota"), ("perda", "Peraturan Daerah"), ("uu", "Undang-Undang")]
UNITS = [("dishub", "Dinas Perhubungan"), ("dpmptsp", "Dinas Penanaman Modal dan PTSP"), ("", "")]


def _documents(year_shift=0):
    """Regulations with passages, services, and two owners sharing one group key (two group rows)."""
    documents = []
    for n in range(1, 13):
        jenis, jenis_label = JENIS[n % 3]
        unit, unit_label = UNITS[n % 3]
        common = {
            "owner": f"regulation:{n}",
            "jenis": jenis,
            "jenis_label": jenis_label,
            "tahun": 2018 + n % 4 + year_shift,
            "status": "dicabut" if n % 5 == 0 else "berlaku",
            "status_label": "Dicabut" if n % 5 == 0 else "Berlaku",
            "opd": unit,
            "opd_label": unit_label,
        }
        topic = "retribusi reklame" if n % 2 else "izin trayek angkutan"
        documents.append(
            SearchDocument(
                doc_id=f"regulation:{n}", kind=KIND_REGULATION, title=f"Perwal {n} {topic}", url="/", **common
            )
        )
        for p in range(1, 1 + n % 4):
            documents.append(
                SearchDocument(
                    doc_id=f"regulation:{n}:{p}",
                    kind=KIND_PASSAGE,
                    title=f"Perwal {n} halaman {p}",
                    subtitle=f"Halaman {p}",
                    body=f"Pasal {p} tentang {topic} dan pajak reklame" if p % 2 else "ketentuan penutup",
                    url="/",
                    **common,
                )
            )
    for n in range(1, 5):
        documents.append(
            SearchDocument(
                doc_id=f"service:{n}",
                owner=f"service:{n}",
                group="service:shared" if n <= 2 else "",
                kind=KIND_SERVICE,
                title=f"Izin reklame {n}",
                url="/",
                opd=UNITS[n % 2][0],
                opd_label=UNITS[n % 2][1],
            )
        )
    return documents


def _counted(ids, filters):
    """Facet counts, as the ORM counts them (distinct group keys; a facet ignores its own filter)."""

    def rows(exclude=None):
        queryset = IndexEntry.objects.filter(pk__in=ids)
        for name, values in filters.items():
            if name != exclude:
                queryset = queryset.filter(**{f"{name}__in": values})
        return queryset

    facets = {}
    for name in FACET_FIELDS:
        label = FACET_LABEL_FIELDS[name] or name
        values = rows(name).values(name).annotate(n=Count("group_key", distinct=True))
        labels = {}
        for row in rows(name).values(name, label).distinct():
            value = row[name]
            labels[value] = max(labels.get(value, ""), str(row[label]))
        facets[name] = sorted(
            (
                (str(v[name]), labels[v[name]] or str(v[name]), v["n"])
                for v in values
                if v[name] not in (None, "") and v["n"]
            ),
            key=lambda item: (-item[2], item[1]),
        )
    total = rows().aggregate(n=Count("group_key", distinct=True))["n"]
    return facets, total


@pytest.mark.parametrize("query", ["reklame", "izin", "retribusi reklame", "pasal"])
@pytest.mark.parametrize(
    "filters",
    [
        {},
        {"jenis": ["perwal"]},
        {"tahun": ["2019", "2020"], "status": ["berlaku"]},
        {"kind": ["pasal"], "opd": ["dishub"]},
        {"kind": ["layanan", "peraturan"], "jenis": ["uu"], "tahun": ["2021"]},
    ],
    ids=["none", "jenis", "tahun+status", "kind+opd", "three"],
)
def test_facets_and_total_equal_counting_in_sql(query, filters):
    """Counts from the matched ids and the group rows are those of COUNT(DISTINCT group_key)."""
    backend = get_database_backend()
    backend.rebuild(_documents())
    request = SearchRequest(query=parse_query(query), filters=filters)
    ids = backend.match_ids(request)
    result = backend.search(request)
    facets, total = _counted(ids, filters)
    assert result.facets == facets
    assert result.total == total


def _facet_counts(result, name):
    return {value.value: value.count for value in result.facets.get(name, [])}


def test_cached_group_rows_follow_every_write():
    """A replace, a rebuild, and a rolled-back rebuild (whose group ids are then reused) all show."""
    backend = get_database_backend()
    backend.rebuild(_documents())
    before = _facet_counts(service.search("reklame", backend=backend), "tahun")
    assert before and all(2018 <= int(year) <= 2021 for year in before)

    replaced = [d for d in _documents(year_shift=10) if d.owner == "regulation:1"]
    backend.replace("regulation:1", replaced)
    after_replace = _facet_counts(service.search("reklame", backend=backend), "tahun")
    assert after_replace.get(str(replaced[0].tahun)) == 1

    with transaction.atomic():
        backend.rebuild(_documents(year_shift=20))
        inside = _facet_counts(service.search("reklame", backend=backend), "tahun")
        assert all(int(year) >= 2038 for year in inside)
        transaction.set_rollback(True)
    assert _facet_counts(service.search("reklame", backend=backend), "tahun") == after_replace

    backend.rebuild(_documents(year_shift=30))
    assert all(
        int(year) >= 2048 for year in _facet_counts(service.search("reklame", backend=backend), "tahun")
    )


def test_pages_of_groups_cover_every_group_once():
    """Walking the pages gives each matching group once, in score order, and the stated total."""
    backend = get_database_backend()
    backend.rebuild(_documents())
    first = service.search("reklame", backend=backend, per_page=3)
    seen = []
    for page in itertools.count(1):
        hits = service.search("reklame", backend=backend, per_page=3, page=page).hits
        if not hits:
            break
        seen += [hit.group for hit in hits]
    assert len(seen) == len(set(seen)) == first.total


def test_scores_do_not_depend_on_the_access_path(monkeypatch):
    """Reading postings through the term index or entry by entry gives the same sums."""
    from search import scoring
    from search.backends import database, postgres

    backend = get_database_backend()
    backend.rebuild(_documents())
    request = SearchRequest(query=parse_query("izin reklame retribusi pajak pasal"), mode="any")
    ids = backend.match_ids(request)
    terms = scoring.query_terms(request.query)
    documents, frequencies, _ = backend.statistics(terms)
    weights = {t: scoring.idf(frequencies[t], documents) for t in terms if frequencies[t]}
    results = []
    for ratio, cost in ((0, 0), (10**9, 10**9)):
        monkeypatch.setattr(database, "SCAN_RATIO", ratio)
        monkeypatch.setattr(postgres, "LOOKUP_COST", cost)
        results.append(backend.scores(ids, weights, frequencies))
    assert results[0] == results[1] and len(results[0]) == len(ids)

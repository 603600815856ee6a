"""What the SQLite and PostgreSQL engines share: storage, one full-text query per search, shared ranking.

A subclass supplies ``match_sql``, selecting the ``id`` of the matching entries (FTS5 MATCH, or a
tsquery), and ``insert_postings``. Everything else is the same on both engines:

- the match runs once; entry ids encode their :class:`~search.models.IndexGroup` and content type
  (:mod:`search.scoring`), so facet counts (that ignore their own filter), totals and grouping are
  derived in Python from the ids and the values of the matched groups (:mod:`.matches`), never from
  the wide index rows;
- ranking is :mod:`search.backends.ranking` over the integer impacts in ``search_posting``, which
  both engines store identically, so they return the same order.
"""

from django.db import connection

from .. import scoring
from ..documents import KIND_PASSAGE
from ..models import IndexEntry
from . import ranking
from .base import (
    BackendResult,
    Health,
    SearchBackend,
    SearchRequest,
    clean_filters,
)
from .indexing import ALL_ENTRIES, IndexWriting
from .matches import GROUP_COLUMNS, GroupCache, Matches
from .rows import HIT_COLUMNS, hit_from_row

#: Largest list of values bound into one IN (…).
IN_CHUNK = 5000
#: Scoring reads a term's postings through the term index when it has at most this many per entry.
SCAN_RATIO = 4


def _placeholders(values) -> str:
    return ", ".join(["%s"] * len(values))


def _chunks(values: list, size: int = IN_CHUNK):
    for start in range(0, len(values), size):
        yield values[start : start + size]


class DatabaseBackend(IndexWriting, SearchBackend):
    """Base for the engines that keep their index in the site's database."""

    is_database = True
    #: An aggregate joining the ``id`` column of a query into one comma-separated string.
    concat_ids = "group_concat(m.id)"

    def __init__(self):
        self._groups = GroupCache()

    # --- reading: primitives --------------------------------------------------------------------

    def match_sql(self, request: SearchRequest) -> tuple[str, list]:
        """A SELECT of the ``id`` of the entries that match the plan."""
        raise NotImplementedError

    def in_sql(self, column: str, values: list) -> tuple[str, list]:
        """``column`` is one of ``values`` (never an empty list): SQL and parameters."""
        return f"{column} IN ({_placeholders(values)})", list(values)

    def chunks(self, values) -> list[list]:
        """``values``, sorted, in lists short enough for :meth:`in_sql`."""
        return list(_chunks(sorted(values)))

    def match_ids(self, request: SearchRequest) -> list[int]:
        """The ids of every entry that matches the plan (filters aside): the one full-text query.

        They arrive as one comma-separated string: far cheaper than a row per id.
        """
        sql, params = self.match_sql(request)
        with connection.cursor() as cursor:
            cursor.execute(f"SELECT {self.concat_ids} FROM ({sql}) m", params)
            text = cursor.fetchone()[0]
        return list(map(int, text.split(","))) if text else []

    def best_postings(self, reads: dict[str, tuple[int, int]]) -> dict[str, list[tuple[int, int]]]:
        """For each ``term: (limit, offset)``, the entries holding the term, best impact first, from the
        ``offset``-th: ``(id, impact)``. One statement for every term."""
        parts, params = [], []
        for term, (limit, offset) in reads.items():
            parts.append(
                "SELECT * FROM (SELECT term, entry_id, impact FROM search_posting WHERE term = %s "
                "ORDER BY impact DESC, entry_id LIMIT %s OFFSET %s) b"
            )
            params += [term, limit, offset]
        result: dict[str, list[tuple[int, int]]] = {term: [] for term in reads}
        if parts:
            with connection.cursor() as cursor:
                cursor.execute(" UNION ALL ".join(parts), params)
                for term, entry, impact in cursor.fetchall():
                    result[term].append((entry, impact))
        for rows in result.values():
            rows.sort(key=lambda row: (-row[1], row[0]))
        return result

    def scoring_parts(self, ids: list[int], terms: list[str], frequencies) -> list[tuple[str, list]]:
        """SELECTs of the ``(entry_id, term, impact)`` postings of ``ids`` for ``terms``.

        SQLite's planner cannot tell a rare term from a common one, so this picks the access path:
        a term held by few entries (at most ``SCAN_RATIO`` per id) is read through the term index and
        filtered by id; the others are looked up by (entry, term) in the primary key.
        """
        limit = SCAN_RATIO * len(ids)
        scan = [t for t in terms if frequencies and frequencies.get(t, 0) <= limit]
        seek = [t for t in terms if t not in scan]
        parts = []
        for column, subset in (("+entry_id", scan), ("entry_id", seek)):
            if subset:
                ids_sql, ids_params = self.in_sql(column, ids)
                terms_sql, terms_params = self.in_sql("term", subset)
                parts.append(
                    (
                        f"SELECT entry_id, term, impact FROM search_posting WHERE {ids_sql} AND {terms_sql}",
                        ids_params + terms_params,
                    )
                )
        return parts

    def scores(
        self, ids, weights: dict[str, int], frequencies: dict[str, int] | None = None
    ) -> dict[int, int]:
        """For each entry of ``ids`` holding a query term: Σ idf × impact, summed by the database on
        integers, so every engine gets the same number. ``frequencies`` (entries per term) helps choose
        how to read the postings (:meth:`scoring_parts`)."""
        terms = list(weights)
        case = " ".join("WHEN %s THEN %s" for _ in terms)
        case_params = [value for term in terms for value in (term, weights[term])]
        result: dict[int, int] = {}
        with connection.cursor() as cursor:
            for chunk in self.chunks(ids):
                parts = self.scoring_parts(chunk, terms, frequencies)
                cursor.execute(
                    f"SELECT entry_id, SUM(impact * CASE term {case} END) "
                    f"FROM ({' UNION ALL '.join(sql for sql, _ in parts)}) p GROUP BY entry_id",
                    case_params + [value for _, params in parts for value in params],
                )
                result.update((entry, int(value)) for entry, value in cursor.fetchall())
        return result

    def statistics(self, terms) -> tuple[int, dict[str, int], int | None]:
        """How many entries the index holds, how many hold each term (``search_termstat``), and the
        index version (migration 0007; None if never written)."""
        in_sql, params = self.in_sql("term", [ALL_ENTRIES, *terms])
        with connection.cursor() as cursor:
            cursor.execute(
                f"SELECT term, entries FROM search_termstat WHERE {in_sql} "
                "UNION ALL SELECT NULL, version FROM search_indexversion",
                params,
            )
            counts = dict(cursor.fetchall())
        version = counts.pop(None, None)
        return counts.get(ALL_ENTRIES, 0), {term: counts.get(term, 0) for term in terms}, version

    def group_values(self, groups) -> dict[int, tuple]:
        """The row of each :class:`~search.models.IndexGroup` id: its ``GROUP_COLUMNS``."""
        result = {}
        with connection.cursor() as cursor:
            for chunk in self.chunks(groups):
                in_sql, params = self.in_sql("id", chunk)
                cursor.execute(
                    f"SELECT id, {', '.join(GROUP_COLUMNS)} FROM search_indexgroup WHERE {in_sql}", params
                )
                result.update((row[0], tuple(row[1:])) for row in cursor.fetchall())
        return result

    def hits(self, ids) -> dict[int, tuple]:
        """The displayed columns of entries, by id."""
        result = {}
        with connection.cursor() as cursor:
            for chunk in self.chunks(ids):
                in_sql, params = self.in_sql("e.id", chunk)
                cursor.execute(f"SELECT e.id, {HIT_COLUMNS} FROM search_indexentry e WHERE {in_sql}", params)
                result.update((row[0], row[1:]) for row in cursor.fetchall())
        return result

    # --- reading: search ------------------------------------------------------------------------

    def search(self, request):
        filters = clean_filters(request.filters)
        terms = scoring.query_terms(request.query)
        documents, frequencies, version = self.statistics(terms)
        matches = Matches(self.match_ids(request))
        groups = matches.group_ids()
        rows = self._groups.get(version, groups, self.group_values) if groups else {}
        matches.count(rows, filters, request.group)
        weights = {t: scoring.idf(frequencies[t], documents) for t in terms if frequencies[t]}
        page = ranking.ranked_groups(self, request, matches, weights, frequencies) if matches.total else []
        return BackendResult(groups=page, total=matches.total, facets=matches.facets)

    def lookup_citations(self, keys):
        if not keys:
            return []
        in_sql, params = self.in_sql("c.key", keys)
        sql = (
            f"SELECT DISTINCT {HIT_COLUMNS} FROM search_indexentry e "
            f"JOIN search_citationkey c ON c.entry_id = e.id WHERE {in_sql} ORDER BY e.kind, e.doc_id"
        )
        with connection.cursor() as cursor:
            cursor.execute(sql, params)
            hits = [hit_from_row(row) for row in cursor.fetchall()]
        # The pasal first when one was cited, then the regulation.
        hits.sort(key=lambda hit: 0 if hit.kind == KIND_PASSAGE else 1)
        return hits

    def count(self):
        return IndexEntry.objects.count()

    def health(self):
        try:
            documents = self.count()
        except Exception as exc:  # noqa: BLE001 - health reports any failure, whatever its kind
            return Health(engine=self.name, ok=False, detail=str(exc))
        return Health(engine=self.name, ok=True, detail=self.describe(), documents=documents)

    def describe(self) -> str:
        """One line on how this engine is set up."""
        return ""

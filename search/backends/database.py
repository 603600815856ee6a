"""What the SQLite and PostgreSQL engines share: storage, facets and grouping in SQL, shared ranking.

A subclass supplies ``match_sql``, selecting the ``id`` of the matching entries (FTS5 MATCH, or a
tsquery), and ``insert_postings``. Everything else is the same SQL on both engines:

- entry ids encode their :class:`~search.models.IndexGroup` and content type (:mod:`search.scoring`),
  so facet counts (that ignore their own filter) group the match ids and join only the small group
  table, never the wide index rows;
- ranking is :mod:`search.backends.ranking` over the integer impacts in ``search_posting``, which
  both engines store identically, so they return the same order.
"""

from django.db import connection

from .. import scoring
from ..documents import KIND_PASSAGE
from ..models import IndexEntry, IndexGroup
from . import ranking
from .base import (
    FACET_FIELDS,
    FACET_LABEL_FIELDS,
    BackendHit,
    BackendResult,
    Health,
    SearchBackend,
    SearchRequest,
    clean_filters,
)
from .indexing import ALL_ENTRIES, GROUP_FIELDS, IndexWriting

#: Largest list of values bound into one IN (…).
IN_CHUNK = 5000
_HIT_COLUMNS = (
    "e.doc_id, e.kind, e.title, e.subtitle, e.url, e.body, e.group_key, "
    "e.jenis_label, e.tahun, e.status, e.status_label, e.opd_label"
)
_GROUP_FIELDS = GROUP_FIELDS


def _kind_sql(code: str) -> str:
    """SQL turning the kind code of an entry id (an SQL expression) into the content type."""
    cases = " ".join(f"WHEN {value} THEN '{kind}'" for kind, value in scoring.KIND_CODES.items())
    return f"CASE {code} {cases} END"


def _placeholders(values) -> str:
    return ", ".join(["%s"] * len(values))


def _chunks(values: list, size: int = IN_CHUNK):
    for start in range(0, len(values), size):
        yield values[start : start + size]


def _hit(row, score=None) -> BackendHit:
    doc_id, kind, title, subtitle, url, body, group, jenis_label, tahun, status, status_label, opd_label = row
    return BackendHit(
        doc_id=doc_id,
        kind=kind,
        title=title,
        subtitle=subtitle,
        url=url,
        body=body,
        score=float(score or 0.0),
        group=group,
        jenis_label=jenis_label,
        tahun=tahun,
        status=status,
        status_label=status_label,
        opd_label=opd_label,
    )


class DatabaseBackend(IndexWriting, SearchBackend):
    """Base for the engines that keep their index in the site's database."""

    is_database = True
    #: How to ask the planner to compute the match once and reuse it.
    materialized = "MATERIALIZED"

    # --- reading: primitives for ranking ------------------------------------------------------

    def match_sql(self, request: SearchRequest) -> tuple[str, list]:
        """A SELECT of the ``id`` of the entries that match the plan."""
        raise NotImplementedError

    @staticmethod
    def _filter_sql(filters, group="", exclude=None, column=lambda name: name) -> tuple[str, list]:
        clauses, params = ["1=1"], []
        for name, values in filters.items():
            if name == exclude:
                continue
            if name == "tahun":
                values = [int(v) for v in values if str(v).isdigit()] or [-1]
            clauses.append(f"{column(name)} IN ({_placeholders(values)})")
            params.extend(values)
        if group:
            clauses.append(f"{column('group_key')} = %s")
            params.append(group)
        return " AND ".join(clauses), params

    def matching(self, request, filters, ids=None, groups=None) -> list[int]:
        """Ids of entries that match the plan and the filters, optionally among ``ids``/``groups``."""
        match, params = self.match_sql(request)

        def column(name):
            return _kind_sql(f"((x.id >> {scoring.KIND_SHIFT}) & 3)") if name == "kind" else f"g.{name}"

        where, where_params = self._filter_sql(filters, request.group, column=column)
        sql = (
            f"WITH x AS {self.materialized} ({match}) SELECT x.id FROM x "
            f"JOIN search_indexgroup g ON g.id = (x.id >> {scoring.GROUP_SHIFT}) WHERE {where}"
        )
        params = params + where_params
        restrictions = [None]
        if ids is not None:
            restrictions = [("x.id", chunk) for chunk in _chunks(sorted(ids))]
        elif groups is not None:
            restrictions = [(f"(x.id >> {scoring.GROUP_SHIFT})", chunk) for chunk in _chunks(sorted(groups))]
        found = []
        with connection.cursor() as cursor:
            for restriction in restrictions:
                if restriction is None:
                    cursor.execute(sql, params)
                elif restriction[1]:
                    expression, chunk = restriction
                    cursor.execute(f"{sql} AND {expression} IN ({_placeholders(chunk)})", params + chunk)
                else:
                    continue
                found.extend(row[0] for row in cursor.fetchall())
        return found

    def best_postings(self, term: str, limit: int) -> list[tuple[int, int]]:
        """The ``limit`` entries with the highest impact for ``term``: ``(id, impact)``, best first."""
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT entry_id, impact FROM search_posting WHERE term = %s "
                "ORDER BY impact DESC, entry_id LIMIT %s",
                [term, limit],
            )
            return cursor.fetchall()

    def scores(self, ids, weights: dict[str, int]) -> dict[int, tuple[int, int]]:
        """For each entry of ``ids`` holding a term: its score and a bit mask of the terms it holds.

        Σ idf × impact is summed by the database, on integers, so every engine gets the same number.
        Bit ``i`` of the mask is the ``i``-th term of ``weights``.
        """
        terms = list(weights)
        score_case = " ".join("WHEN %s THEN %s" for _ in terms)
        mask_case = " ".join("WHEN %s THEN %s" for _ in terms)
        case_params = [value for term in terms for value in (term, weights[term])]
        mask_params = [value for i, term in enumerate(terms) for value in (term, 1 << i)]
        result: dict[int, tuple[int, int]] = {}
        with connection.cursor() as cursor:
            for chunk in _chunks(sorted(ids)):
                cursor.execute(
                    f"SELECT entry_id, SUM(impact * CASE term {score_case} END), SUM(CASE term {mask_case} END) "
                    f"FROM search_posting WHERE entry_id IN ({_placeholders(chunk)}) "
                    f"AND term IN ({_placeholders(terms)}) GROUP BY entry_id",
                    case_params + mask_params + chunk + terms,
                )
                result.update((entry, (int(value), int(mask))) for entry, value, mask in cursor.fetchall())
        return result

    def statistics(self, terms) -> tuple[int, dict[str, int]]:
        """How many entries the index holds, and how many hold each term (``search_termstat``)."""
        wanted = [ALL_ENTRIES, *terms]
        with connection.cursor() as cursor:
            cursor.execute(
                f"SELECT term, entries FROM search_termstat WHERE term IN ({_placeholders(wanted)})", wanted
            )
            counts = dict(cursor.fetchall())
        return counts.get(ALL_ENTRIES, 0), {term: counts.get(term, 0) for term in terms}

    def group_values(self, groups) -> dict[int, dict]:
        """The group key and facet values of each :class:`~search.models.IndexGroup` id."""
        names = ("group_key", *_GROUP_FIELDS)
        result = {}
        with connection.cursor() as cursor:
            for chunk in _chunks(sorted(groups)):
                cursor.execute(
                    f"SELECT id, {', '.join(names)} FROM search_indexgroup WHERE id IN ({_placeholders(chunk)})",
                    chunk,
                )
                result.update((row[0], dict(zip(names, row[1:], strict=True))) for row in cursor.fetchall())
        return result

    def groups_of(self, keys) -> list[int]:
        """The :class:`~search.models.IndexGroup` ids holding each group key."""
        return list(IndexGroup.objects.filter(group_key__in=list(keys)).values_list("pk", flat=True))

    def hits(self, ids) -> dict[int, tuple]:
        """The displayed columns of entries, by id."""
        result = {}
        with connection.cursor() as cursor:
            for chunk in _chunks(sorted(ids)):
                cursor.execute(
                    f"SELECT e.id, {_HIT_COLUMNS} FROM search_indexentry e WHERE e.id IN ({_placeholders(chunk)})",
                    chunk,
                )
                result.update((row[0], row[1:]) for row in cursor.fetchall())
        return result

    # --- reading: facets and search -----------------------------------------------------------

    def _facets(self, request, filters) -> tuple[dict, int, int]:
        """Facet counts (distinct groups), the number of groups and of documents that match."""
        match, params = self.match_sql(request)
        shift = scoring.KIND_SHIFT
        group_columns = ", ".join(f"g.{name}" for name in ("group_key", *_GROUP_FIELDS))
        sql = (
            f"WITH m AS {self.materialized} (SELECT x.id >> {shift} AS pk, COUNT(*) AS n "
            f"FROM ({match}) x GROUP BY x.id >> {shift}), "
            f"f AS {self.materialized} (SELECT {group_columns}, {_kind_sql('(m.pk & 3)')} AS kind, m.n "
            f"FROM m JOIN search_indexgroup g ON g.id = (m.pk >> {scoring.GROUP_SHIFT - shift})) "
        )
        parts = []
        for facet in FACET_FIELDS:
            where, where_params = self._filter_sql(filters, request.group, exclude=facet)
            label = FACET_LABEL_FIELDS[facet] or facet
            parts.append(
                f"SELECT '{facet}', CAST({facet} AS TEXT), CAST(MAX({label}) AS TEXT), "
                f"COUNT(DISTINCT group_key), 0 FROM f WHERE {where} GROUP BY {facet}"
            )
            params += where_params
        where, where_params = self._filter_sql(filters, request.group)
        parts.append(f"SELECT '_total', '', '', COUNT(DISTINCT group_key), SUM(n) FROM f WHERE {where}")
        params += where_params
        facets = {name: [] for name in FACET_FIELDS}
        total = documents = 0
        with connection.cursor() as cursor:
            cursor.execute(sql + " UNION ALL ".join(parts), params)
            for facet, value, label, count, matched in cursor.fetchall():
                if facet == "_total":
                    total, documents = count, int(matched or 0)
                elif value not in (None, "") and count:
                    facets[facet].append((value, label or value, count))
        for values in facets.values():
            values.sort(key=lambda item: (-item[2], item[1]))
        return facets, total, documents

    def search(self, request):
        filters = clean_filters(request.filters)
        facets, total, documents = self._facets(request, filters)
        groups = ranking.ranked_groups(self, request, filters, total, documents) if total else []
        return BackendResult(groups=groups, total=total, facets=facets)

    def lookup_citations(self, keys):
        if not keys:
            return []
        rows = (
            IndexEntry.objects.filter(citation_keys__key__in=keys)
            .distinct()
            .order_by("kind", "doc_id")
            .values_list(
                "doc_id",
                "kind",
                "title",
                "subtitle",
                "url",
                "body",
                "group_key",
                "jenis_label",
                "tahun",
                "status",
                "status_label",
                "opd_label",
            )
        )
        hits = [_hit(row) for row in rows]
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

"""What the SQLite and PostgreSQL engines share: storage in IndexEntry, facets and grouping in SQL.

A subclass supplies one statement, ``match_sql``, selecting ``(id, score)`` of matching entries
(higher score is better). Everything else (filters, facet counts that ignore their own filter,
grouping so one regulation cannot flood a page, pagination) is the same SQL on both engines.
"""

from collections.abc import Callable, Iterable

from django.db import connection, transaction

from ..documents import KIND_PASSAGE, SearchDocument
from ..models import CitationKey, IndexEntry
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

BATCH_SIZE = 500
_HIT_COLUMNS = (
    "e.doc_id, e.kind, e.title, e.subtitle, e.url, e.body, e.group_key, "
    "e.jenis_label, e.tahun, e.status, e.status_label, e.opd_label"
)


def _entry(document: SearchDocument) -> IndexEntry:
    fields = document.facet_fields()
    return IndexEntry(
        doc_id=document.doc_id,
        owner=document.owner,
        group_key=document.group,
        title=document.title[:2000],
        subtitle=document.subtitle[:300],
        url=document.url[:500],
        body=document.body,
        boost=document.boost,
        **fields,
        **document.analysed(),
    )


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


class DatabaseBackend(SearchBackend):
    """Base for the engines that keep their index in the site's database."""

    is_database = True
    #: How to ask the planner to compute the match once and reuse it.
    materialized = "MATERIALIZED"

    # --- writing --------------------------------------------------------------------------------

    def _insert(self, documents: Iterable[SearchDocument]) -> int:
        count = 0
        batch: list[SearchDocument] = []

        def flush():
            entries = IndexEntry.objects.bulk_create([_entry(d) for d in batch])
            keys = [
                CitationKey(entry_id=entry.pk, key=key[:160])
                for entry, document in zip(entries, batch, strict=True)
                for key in document.citations
            ]
            CitationKey.objects.bulk_create(keys, batch_size=BATCH_SIZE)
            batch.clear()

        for document in documents:
            batch.append(document)
            count += 1
            if len(batch) >= BATCH_SIZE:
                flush()
        if batch:
            flush()
        return count

    def replace(self, owner, documents):
        with transaction.atomic():
            ids = list(IndexEntry.objects.filter(owner=owner).values_list("pk", flat=True))
            if ids:
                CitationKey.objects.filter(entry_id__in=ids).delete()
                IndexEntry.objects.filter(pk__in=ids).delete()
            self._insert(documents)

    def rebuild(self, documents, progress: Callable[[int], None] | None = None):
        # One transaction: readers keep seeing the old index until the new one is complete.
        with transaction.atomic(), connection.cursor() as cursor:
            cursor.execute("DELETE FROM search_citationkey")
            cursor.execute("DELETE FROM search_indexentry")
            count = 0

            def counted():
                nonlocal count
                for document in documents:
                    count += 1
                    if progress and count % 1000 == 0:
                        progress(count)
                    yield document

            self._insert(counted())
        if progress:
            progress(count)
        return count

    # --- reading --------------------------------------------------------------------------------

    def match_sql(self, request: SearchRequest) -> tuple[str, list]:
        """A SELECT of ``(id, score)`` for the entries that match the plan."""
        raise NotImplementedError

    @staticmethod
    def _filter_sql(filters, group="", exclude=None) -> tuple[str, list]:
        clauses, params = ["1=1"], []
        for name, values in filters.items():
            if name == exclude:
                continue
            if name == "tahun":
                values = [int(v) for v in values if str(v).isdigit()] or [-1]
            clauses.append(f"{name} IN ({', '.join(['%s'] * len(values))})")
            params.extend(values)
        if group:
            clauses.append("group_key = %s")
            params.append(group)
        return " AND ".join(clauses), params

    def _with(self, request) -> tuple[str, list]:
        match, params = self.match_sql(request)
        sql = (
            f"WITH m AS {self.materialized} ({match}), "
            "f AS (SELECT e.id, e.group_key, m.score * e.boost AS score, e.kind, e.jenis, "
            "e.jenis_label, e.tahun, e.status, e.status_label, e.opd, e.opd_label "
            "FROM m JOIN search_indexentry e ON e.id = m.id) "
        )
        return sql, params

    def _facets(self, request, filters) -> tuple[dict, int]:
        sql, params = self._with(request)
        parts = []
        for facet in FACET_FIELDS:
            where, where_params = self._filter_sql(filters, request.group, exclude=facet)
            label = FACET_LABEL_FIELDS[facet] or facet
            parts.append(
                f"SELECT '{facet}', CAST({facet} AS TEXT), CAST(MAX({label}) AS TEXT), "
                f"COUNT(DISTINCT group_key) FROM f WHERE {where} GROUP BY {facet}"
            )
            params += where_params
        where, where_params = self._filter_sql(filters, request.group)
        parts.append(f"SELECT '_total', '', '', COUNT(DISTINCT group_key) FROM f WHERE {where}")
        params += where_params
        facets = {name: [] for name in FACET_FIELDS}
        total = 0
        with connection.cursor() as cursor:
            cursor.execute(sql + " UNION ALL ".join(parts), params)
            for facet, value, label, count in cursor.fetchall():
                if facet == "_total":
                    total = count
                elif value not in (None, ""):
                    facets[facet].append((value, label or value, count))
        for values in facets.values():
            values.sort(key=lambda item: (-item[2], item[1]))
        return facets, total

    def _groups(self, request, filters) -> list[list[BackendHit]]:
        sql, params = self._with(request)
        where, where_params = self._filter_sql(filters, request.group)
        first = (max(request.page, 1) - 1) * request.per_page
        sql += (
            f", g AS (SELECT id, group_key, score, "
            "ROW_NUMBER() OVER (PARTITION BY group_key ORDER BY score DESC, id) AS rn, "
            f"MAX(score) OVER (PARTITION BY group_key) AS gscore FROM f WHERE {where}), "
            "r AS (SELECT id, score, rn, DENSE_RANK() OVER (ORDER BY gscore DESC, group_key) AS grank "
            "FROM g WHERE rn <= %s) "
            f"SELECT r.grank, r.score, {_HIT_COLUMNS} FROM r JOIN search_indexentry e ON e.id = r.id "
            "WHERE r.grank > %s AND r.grank <= %s ORDER BY r.grank, r.rn"
        )
        params += where_params + [request.group_size, first, first + request.per_page]
        groups: dict[int, list[BackendHit]] = {}
        with connection.cursor() as cursor:
            cursor.execute(sql, params)
            for grank, score, *row in cursor.fetchall():
                groups.setdefault(grank, []).append(_hit(row, score))
        return [groups[key] for key in sorted(groups)]

    def search(self, request):
        filters = clean_filters(request.filters)
        facets, total = self._facets(request, filters)
        groups = self._groups(request, filters) if total else []
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

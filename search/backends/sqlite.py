"""SQLite FTS5: the embedded default engine."""

from django.db import connection

from .base import MODE_ALL
from .database import DatabaseBackend
from .rows import HIT_COLUMNS, hit_from_row

#: bm25 column weights for autocomplete: title, keywords, body, suggest.
BM25_WEIGHTS = "8.0, 4.0, 1.0, 0.0"


def _quote(tokens) -> str:
    return '"' + " ".join(tokens) + '"'


def fts_expression(request) -> str:
    """The FTS5 MATCH expression for a plan; only quoted alphanumeric tokens reach FTS5."""
    query = request.query
    clauses = []
    for clause in query.clauses:
        alternatives = [_quote(alt) for alt in clause]
        clauses.append(alternatives[0] if len(alternatives) == 1 else f"({' OR '.join(alternatives)})")
    phrases = [_quote(phrase) for phrase in query.phrases]
    if request.mode == MODE_ALL or not clauses:
        expression = " AND ".join(clauses + phrases)
    else:
        expression = " AND ".join(phrases + [f"({' OR '.join(clauses)})"])
    return "{a_title a_keywords a_body} : (" + expression + ")"


class SQLiteBackend(DatabaseBackend):
    """Full-text matching in SQLite's FTS5; ranking is the shared one (search.scoring)."""

    name = "sqlite"

    def match_sql(self, request):
        # No rank function: FTS5 only enumerates matches (fast); search.scoring ranks them.
        return "SELECT rowid AS id FROM search_fts WHERE search_fts MATCH %s", [fts_expression(request)]

    def after_rebuild(self):
        with connection.cursor() as cursor:
            cursor.execute("INSERT INTO search_fts(search_fts) VALUES ('optimize')")
            cursor.execute("ANALYZE")

    def suggest(self, words, prefix, limit=8):
        terms = [_quote([w]) for w in words] + ([_quote([prefix]) + "*"] if prefix else [])
        if not terms:
            return []
        sql = (
            f"SELECT {HIT_COLUMNS} FROM search_fts JOIN search_indexentry e ON e.id = search_fts.rowid "
            "WHERE search_fts MATCH %s AND e.kind IN ('layanan', 'peraturan') "
            f"ORDER BY bm25(search_fts, {BM25_WEIGHTS}) * e.boost, e.doc_id LIMIT %s"
        )
        with connection.cursor() as cursor:
            cursor.execute(sql, ["{suggest} : (" + " AND ".join(terms) + ")", limit])
            return [hit_from_row(row) for row in cursor.fetchall()]

    def describe(self):
        import sqlite3

        return f"SQLite {sqlite3.sqlite_version} FTS5"

"""PostgreSQL full-text search over the generated, weighted tsvector (migration 0002)."""

from django.db import connection

from .base import MODE_ALL
from .database import _HIT_COLUMNS, DatabaseBackend, _hit


def _phrase(tokens) -> str:
    return " <-> ".join(f"'{token}'" for token in tokens)


def tsquery(request) -> str:
    """The to_tsquery text for a plan; tokens are alphanumeric, so quoting them is enough."""
    query = request.query
    clauses = []
    for clause in query.clauses:
        alternatives = [_phrase(alt) for alt in clause]
        clauses.append(alternatives[0] if len(alternatives) == 1 else f"({' | '.join(alternatives)})")
    phrases = [f"({_phrase(phrase)})" for phrase in query.phrases]
    if request.mode == MODE_ALL or not clauses:
        return " & ".join(clauses + phrases)
    return " & ".join(phrases + [f"({' | '.join(clauses)})"])


class PostgresBackend(DatabaseBackend):
    """PostgreSQL ``tsvector`` matching with a GIN index; ranking is the shared one (search.scoring)."""

    name = "postgresql"

    def match_sql(self, request):
        # No ts_rank: the GIN index only finds matches; search.scoring ranks them.
        sql = "SELECT e.id FROM search_indexentry e WHERE e.search_vector @@ to_tsquery('simple', %s)"
        return sql, [tsquery(request)]

    def insert_postings(self, cursor, rows):
        # COPY: an order of magnitude faster than INSERT for the ~60 postings of each passage.
        with cursor.cursor.copy("COPY search_posting (entry_id, term, impact) FROM STDIN") as copy:
            for row in rows:
                copy.write_row(row)

    def after_rebuild(self):
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE search_indexentry")
            cursor.execute("ANALYZE search_posting")
            cursor.execute("ANALYZE search_indexgroup")

    def suggest(self, words, prefix, limit=8):
        terms = [f"'{w}'" for w in words] + ([f"'{prefix}':*"] if prefix else [])
        if not terms:
            return []
        sql = (
            f"SELECT {_HIT_COLUMNS} FROM search_indexentry e, to_tsquery('simple', %s) AS q(q) "
            "WHERE e.suggest_vector @@ q.q AND e.kind IN ('layanan', 'peraturan') "
            "ORDER BY ts_rank(e.suggest_vector, q.q) * e.boost DESC, e.doc_id LIMIT %s"
        )
        with connection.cursor() as cursor:
            cursor.execute(sql, [" & ".join(terms), limit])
            return [_hit(row) for row in cursor.fetchall()]

    def describe(self):
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1 FROM pg_ts_config WHERE cfgname = 'indonesian'")
            has_indonesian = cursor.fetchone() is not None
        note = "konfigurasi 'indonesian' tersedia" if has_indonesian else "tanpa konfigurasi 'indonesian'"
        return (
            f"PostgreSQL {connection.pg_version // 10000} tsvector + GIN ({note}; token dianalisis di Python)"
        )

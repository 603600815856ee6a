"""PostgreSQL full-text search over the generated, weighted tsvector (migration 0002)."""

from django.db import connection

from .base import MODE_ALL
from .database import DatabaseBackend
from .rows import HIT_COLUMNS, hit_from_row

#: How many postings read through the term index cost about one (entry, term) look-up; only picks
#: between two exact plans.
LOOKUP_COST = 16


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
    concat_ids = "string_agg(m.id::text, ',')"

    def match_sql(self, request):
        # No ts_rank: the GIN index only finds matches; search.scoring ranks them.
        sql = "SELECT e.id FROM search_indexentry e WHERE e.search_vector @@ to_tsquery('simple', %s)"
        return sql, [tsquery(request)]

    def in_sql(self, column, values):
        # One array parameter, typed (so the planner may hash it): a short statement, whatever the
        # number of values.
        values = list(values)
        kind = "bigint[]" if values and isinstance(values[0], int) else "text[]"
        return f"{column} = ANY(%s::{kind})", [values]

    def chunks(self, values):
        return [sorted(values)] if values else []

    def scoring_parts(self, ids, terms, frequencies):
        # The planner reads the terms through the term index, filtering ids by hashing: the cost of
        # all their postings. When that exceeds looking each (entry, term) up in the primary key, a
        # LATERAL subquery (kept apart by OFFSET 0) makes it do the latter.
        postings = sum((frequencies or {}).get(term, 0) for term in terms)
        if postings > LOOKUP_COST * len(ids) * len(terms):
            sql = (
                "SELECT k.id AS entry_id, p.term, p.impact FROM unnest(%s::bigint[]) k(id) "
                "CROSS JOIN LATERAL (SELECT term, impact FROM search_posting p "
                "WHERE p.entry_id = k.id AND p.term = ANY(%s::text[]) OFFSET 0) p"
            )
        else:
            sql = (
                "SELECT entry_id, term, impact FROM search_posting "
                "WHERE entry_id = ANY(%s::bigint[]) AND term = ANY(%s::text[])"
            )
        return [(sql, [list(ids), list(terms)])]

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
            f"SELECT {HIT_COLUMNS} FROM search_indexentry e, to_tsquery('simple', %s) AS q(q) "
            "WHERE e.suggest_vector @@ q.q AND e.kind IN ('layanan', 'peraturan') "
            "ORDER BY ts_rank(e.suggest_vector, q.q) * e.boost DESC, e.doc_id LIMIT %s"
        )
        with connection.cursor() as cursor:
            cursor.execute(sql, [" & ".join(terms), limit])
            return [hit_from_row(row) for row in cursor.fetchall()]

    def describe(self):
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1 FROM pg_ts_config WHERE cfgname = 'indonesian'")
            has_indonesian = cursor.fetchone() is not None
        note = "konfigurasi 'indonesian' tersedia" if has_indonesian else "tanpa konfigurasi 'indonesian'"
        return (
            f"PostgreSQL {connection.pg_version // 10000} tsvector + GIN ({note}; token dianalisis di Python)"
        )

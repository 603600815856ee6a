"""Engine-specific full-text structures over search_indexentry.

SQLite: an FTS5 external-content table kept in step by triggers.
PostgreSQL: a generated, weighted tsvector column (title A, keywords B, body D) and an
unstemmed one for autocomplete, each with a GIN index.

The analysed columns already hold Snowball Indonesian stems (search.analysis), the same algorithm
as PostgreSQL's `indonesian` configuration, so the `simple` configuration is used here: stemming
twice would drift from the other engines and would stem protected words.

A later migration that makes Django rebuild search_indexentry on SQLite must drop and re-create
these triggers.
"""

from django.db import migrations

SQLITE_CREATE = [
    """CREATE VIRTUAL TABLE search_fts USING fts5(
        a_title, a_keywords, a_body, suggest,
        content='search_indexentry', content_rowid='id',
        tokenize='unicode61 remove_diacritics 2', prefix='2 3'
    )""",
    """CREATE TRIGGER search_fts_ai AFTER INSERT ON search_indexentry BEGIN
        INSERT INTO search_fts(rowid, a_title, a_keywords, a_body, suggest)
        VALUES (new.id, new.a_title, new.a_keywords, new.a_body, new.suggest);
    END""",
    """CREATE TRIGGER search_fts_ad AFTER DELETE ON search_indexentry BEGIN
        INSERT INTO search_fts(search_fts, rowid, a_title, a_keywords, a_body, suggest)
        VALUES ('delete', old.id, old.a_title, old.a_keywords, old.a_body, old.suggest);
    END""",
    """CREATE TRIGGER search_fts_au AFTER UPDATE ON search_indexentry BEGIN
        INSERT INTO search_fts(search_fts, rowid, a_title, a_keywords, a_body, suggest)
        VALUES ('delete', old.id, old.a_title, old.a_keywords, old.a_body, old.suggest);
        INSERT INTO search_fts(rowid, a_title, a_keywords, a_body, suggest)
        VALUES (new.id, new.a_title, new.a_keywords, new.a_body, new.suggest);
    END""",
]
SQLITE_DROP = [
    "DROP TRIGGER IF EXISTS search_fts_au",
    "DROP TRIGGER IF EXISTS search_fts_ad",
    "DROP TRIGGER IF EXISTS search_fts_ai",
    "DROP TABLE IF EXISTS search_fts",
]
POSTGRES_CREATE = [
    """ALTER TABLE search_indexentry ADD COLUMN search_vector tsvector GENERATED ALWAYS AS (
        setweight(to_tsvector('simple'::regconfig, coalesce(a_title, '')), 'A')
        || setweight(to_tsvector('simple'::regconfig, coalesce(a_keywords, '')), 'B')
        || setweight(to_tsvector('simple'::regconfig, coalesce(a_body, '')), 'D')
    ) STORED""",
    """ALTER TABLE search_indexentry ADD COLUMN suggest_vector tsvector GENERATED ALWAYS AS (
        to_tsvector('simple'::regconfig, coalesce(suggest, ''))
    ) STORED""",
    "CREATE INDEX search_indexentry_vector_gin ON search_indexentry USING gin (search_vector)",
    "CREATE INDEX search_indexentry_suggest_gin ON search_indexentry USING gin (suggest_vector)",
]
POSTGRES_DROP = [
    "DROP INDEX IF EXISTS search_indexentry_suggest_gin",
    "DROP INDEX IF EXISTS search_indexentry_vector_gin",
    "ALTER TABLE search_indexentry DROP COLUMN IF EXISTS suggest_vector",
    "ALTER TABLE search_indexentry DROP COLUMN IF EXISTS search_vector",
]


def _run(statements_by_vendor):
    def run(apps, schema_editor):
        for statement in statements_by_vendor.get(schema_editor.connection.vendor, []):
            schema_editor.execute(statement)

    return run


class Migration(migrations.Migration):
    dependencies = [("search", "0001_initial")]

    operations = [
        migrations.RunPython(
            _run({"sqlite": SQLITE_CREATE, "postgresql": POSTGRES_CREATE}),
            _run({"sqlite": SQLITE_DROP, "postgresql": POSTGRES_DROP}),
        )
    ]

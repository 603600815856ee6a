"""Shared ranking and cheap facets: IndexGroup, search_posting, encoded entry ids.

``search_posting`` holds one row per (entry, stem) with the integer impact of :mod:`search.scoring`,
the same on every database engine, so both rank identically. Its primary key (entry_id, term) serves
scoring look-ups and deletes; the (term, impact DESC, entry_id) index serves best-first reads.

Entry ids now encode their group, so existing rows (whose ids do not) are dropped here: the index is
derived data; run ``manage.py rebuild_search_index`` after migrating.
"""

from django.db import migrations, models

SQLITE_CREATE = [
    """CREATE TABLE search_posting (
        entry_id INTEGER NOT NULL, term TEXT NOT NULL, impact INTEGER NOT NULL,
        PRIMARY KEY (entry_id, term)
    ) WITHOUT ROWID""",
    "CREATE INDEX search_posting_term ON search_posting (term, impact DESC, entry_id)",
]
POSTGRES_CREATE = [
    """CREATE TABLE search_posting (
        entry_id bigint NOT NULL, term text NOT NULL, impact integer NOT NULL,
        PRIMARY KEY (entry_id, term)
    )""",
    "CREATE INDEX search_posting_term ON search_posting (term, impact DESC, entry_id)",
]
DROP = ["DROP INDEX IF EXISTS search_posting_term", "DROP TABLE IF EXISTS search_posting"]
CLEAR = ["DELETE FROM search_citationkey", "DELETE FROM search_indexentry"]


def _run(statements_by_vendor):
    def run(apps, schema_editor):
        for statement in statements_by_vendor.get(schema_editor.connection.vendor, []):
            schema_editor.execute(statement)

    return run


class Migration(migrations.Migration):
    dependencies = [("search", "0004_facet_covering_index")]

    operations = [
        migrations.RemoveIndex(model_name="indexentry", name="search_entry_facets"),
        migrations.CreateModel(
            name="IndexGroup",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("owner", models.CharField(db_index=True, max_length=120)),
                ("group_key", models.CharField(max_length=120)),
                ("jenis", models.CharField(blank=True, max_length=60)),
                ("jenis_label", models.CharField(blank=True, max_length=200)),
                ("tahun", models.PositiveSmallIntegerField(blank=True, null=True)),
                ("status", models.CharField(blank=True, max_length=30)),
                ("status_label", models.CharField(blank=True, max_length=100)),
                ("opd", models.CharField(blank=True, max_length=120)),
                ("opd_label", models.CharField(blank=True, max_length=255)),
            ],
            options={"verbose_name": "grup indeks", "verbose_name_plural": "grup indeks"},
        ),
        migrations.RunPython(
            _run({"sqlite": CLEAR + SQLITE_CREATE, "postgresql": CLEAR + POSTGRES_CREATE}),
            _run({"sqlite": DROP, "postgresql": DROP}),
        ),
    ]

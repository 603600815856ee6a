"""Term statistics for ranking, and an index for looking groups up by group key.

``search_termstat`` holds, for every stem, how many index entries hold it, and under the empty term
how many entries there are; the writers keep it in step (search.backends.indexing), so a query reads
its document frequencies in one look-up instead of counting postings. It is filled here from the
postings already stored.
"""

from django.db import migrations, models

CREATE = {
    "sqlite": "CREATE TABLE search_termstat (term TEXT NOT NULL PRIMARY KEY, entries INTEGER NOT NULL) WITHOUT ROWID",
    "postgresql": "CREATE TABLE search_termstat (term text NOT NULL PRIMARY KEY, entries integer NOT NULL)",
}
FILL = [
    "INSERT INTO search_termstat (term, entries) SELECT term, COUNT(*) FROM search_posting GROUP BY term",
    "INSERT INTO search_termstat (term, entries) SELECT '', COUNT(*) FROM search_indexentry",
]


def create(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    if vendor in CREATE:
        schema_editor.execute(CREATE[vendor])
        for statement in FILL:
            schema_editor.execute(statement)


def drop(apps, schema_editor):
    if schema_editor.connection.vendor in CREATE:
        schema_editor.execute("DROP TABLE IF EXISTS search_termstat")


class Migration(migrations.Migration):
    dependencies = [("search", "0005_groups_and_postings")]

    operations = [
        migrations.AddIndex(
            model_name="indexgroup",
            index=models.Index(fields=["group_key"], name="search_group_key"),
        ),
        migrations.RunPython(create, drop),
    ]

"""The index version: a random number every index write replaces, in the same transaction.

Group rows never change once written, so a process may keep them between searches; it keys them by
this version (search.backends.matches.GroupCache), which changes whenever groups may have been deleted
or their ids reused. The index already stored gets a first version here.
"""

import secrets

from django.db import migrations

CREATE = {
    "sqlite": "CREATE TABLE search_indexversion (id INTEGER NOT NULL PRIMARY KEY, version BIGINT NOT NULL)",
    "postgresql": "CREATE TABLE search_indexversion (id integer NOT NULL PRIMARY KEY, version bigint NOT NULL)",
}


def create(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    if vendor in CREATE:
        schema_editor.execute(CREATE[vendor])
        schema_editor.execute(
            "INSERT INTO search_indexversion (id, version) VALUES (1, %s)", [secrets.randbits(62)]
        )


def drop(apps, schema_editor):
    if schema_editor.connection.vendor in CREATE:
        schema_editor.execute("DROP TABLE IF EXISTS search_indexversion")


class Migration(migrations.Migration):
    dependencies = [("search", "0006_term_statistics")]

    operations = [migrations.RunPython(create, drop)]

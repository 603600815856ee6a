"""Which writes start a new generation: every committed write to a table a public page may read.

The watcher sits on the database connection (``connection.execute_wrappers``), below every ORM call,
so it sees what signals miss: ``queryset.update()`` (derived regulation statuses, extraction
results), ``bulk_create`` (coverage results, findings, snapshots, the article tree), deletes by
queryset and raw SQL (the search index). A write inside a transaction starts the new generation when
the transaction commits (``transaction.on_commit``), not before: a request that read the generation
before the commit may render the old content, but it stores it under the old generation, which
nobody asks for any more. A rolled-back transaction changes nothing and starts nothing.

Tables that no public page reads are listed in :data:`IGNORED_TABLES` (sessions, login throttling,
the task queue, extraction heartbeats, the admin's editing sessions and logs, image renditions…):
writing them keeps the cache. Any other table, including one added later, invalidates: a table
missing from the list costs a cold cache, never a stale page.
"""

import re

from django.db import transaction

from . import keys

#: Tables whose rows no public page shows. Everything else invalidates the page cache on write.
IGNORED_TABLES = frozenset(
    {
        "django_session",
        "axes_accessattempt",
        "axes_accessattemptexpiration",
        "axes_accessfailurelog",
        "axes_accesslog",
        "django_tasks_database_dbtaskresult",
        "ops_scheduledjobrun",
        # Heartbeats every few seconds while a document is read; its outcome is written to
        # regulations_regulationdocument, regulations_documentpage and regulations_articlenode.
        "regulations_extractionrun",
        "regulations_importrun",
        "regulations_importrecord",
        "regulations_importproposal",
        "search_pendingindexoperation",
        "wagtailadmin_editingsession",
        "wagtailadmin_formstate",
        "wagtailcore_modellogentry",
        "wagtailcore_pagelogentry",
        "wagtailcore_pagesubscription",
        "wagtailcore_referenceindex",
        "wagtailcore_uploadedfile",
        "wagtailimages_rendition",
        "wagtailusers_userprofile",
    }
)

_READS = ("SELECT", "SAVEPOINT", "RELEASE", "ROLLBACK", "BEGIN", "COMMIT", "EXPLAIN", "PRAGMA", "SHOW", "SET")
_WRITE_TARGET = re.compile(
    r"""^\s*(?:INSERT\s+(?:OR\s+\w+\s+)?INTO|REPLACE\s+INTO|UPDATE(?:\s+OR\s+\w+)?|DELETE\s+FROM)
        \s+["`]?([\w$]+)""",
    re.IGNORECASE | re.VERBOSE,
)
#: Set on a connection that wrote since its last bump (read by the middleware, see there).
DIRTY = "registri_page_cache_dirty"


def invalidates(sql: str, extra_ignored: frozenset = frozenset()) -> bool:
    """Whether running ``sql`` may change what a public page shows."""
    if not isinstance(sql, str):  # a composed statement: assume the worst
        return True
    head = sql.lstrip()[:10].upper()
    if head.startswith(_READS):
        return False
    match = _WRITE_TARGET.match(sql)
    if match is None:
        # WITH …, DDL, TRUNCATE, anything unrecognised: assume it writes content.
        return not head.startswith("WITH")
    table = match.group(1).lower()
    return table not in IGNORED_TABLES and table not in extra_ignored


def _bump_on_commit():
    keys.bump()


#: True while ``migrate`` runs in this process: it bumps once at the end (see :func:`migrating`).
_migrating = False


def migrating(sender, **kwargs) -> None:
    """``pre_migrate``: hold the bumps of each statement; ``post_migrate`` makes one for them all."""
    global _migrating
    _migrating = True


def migrated(sender, **kwargs) -> None:
    """``post_migrate`` of the last app: one new generation for the whole run (and the new code).

    The signal is sent once per app with models, in order; the other apps' handlers (content types,
    permissions) write between those calls, so the bumps are held until the last one.
    """
    from django.apps import apps

    global _migrating
    if sender is not [config for config in apps.get_app_configs() if config.models_module][-1]:
        return
    _migrating = False
    keys.bump()


def note_write(connection) -> None:
    """Start a new generation now (autocommit) or when the open transaction commits."""
    setattr(connection, DIRTY, True)
    if _migrating:
        return
    if not connection.in_atomic_block:
        keys.bump()
        return
    if not any(func is _bump_on_commit for _sids, func, _robust in connection.run_on_commit):
        transaction.on_commit(_bump_on_commit, using=connection.alias, robust=True)


def _cache_tables() -> frozenset:
    """The tables of database caches: the page cache writing its own entries invalidates nothing."""
    from django.conf import settings

    return frozenset(
        str(entry.get("LOCATION", "")).lower()
        for entry in settings.CACHES.values()
        if entry.get("BACKEND", "").endswith("db.DatabaseCache")
    )


class WriteWatcher:
    """An execute wrapper that notes every statement that may change a public page."""

    def __init__(self, connection):
        self.connection = connection
        self.cache_tables = _cache_tables()

    def __call__(self, execute, sql, params, many, context):
        try:
            return execute(sql, params, many, context)
        finally:
            if invalidates(sql, self.cache_tables):
                note_write(self.connection)


def watch(sender, connection, **kwargs) -> None:
    """``connection_created`` handler: install the watcher once per connection object."""
    if not any(isinstance(wrapper, WriteWatcher) for wrapper in connection.execute_wrappers):
        connection.execute_wrappers.append(WriteWatcher(connection))


def watch_open_connections() -> None:
    """Install the watcher on the connections opened before the app was ready."""
    from django.db import connections

    for connection in connections.all(initialized_only=True):
        watch(None, connection)

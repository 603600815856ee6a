"""Writing the index of the database engines: entries, groups, postings and term statistics.

:class:`IndexWriting` is mixed into :class:`~search.backends.database.DatabaseBackend`. Besides the
entries and their postings it keeps ``search_termstat`` (migration 0006) in step: how many entries
hold each stem, and under the empty term how many entries there are, so ranking reads a query's
document frequencies with one indexed look-up instead of counting postings on every query; and it
gives the index a new random version on every write (migration 0007), so processes may cache group rows.
"""

import secrets
from collections import Counter
from collections.abc import Callable

from django.db import connection, transaction

from .. import scoring
from ..documents import SearchDocument
from ..models import CitationKey, IndexEntry, IndexGroup

BATCH_SIZE = 500
#: The term under which ``search_termstat`` counts all entries (no stem is empty).
ALL_ENTRIES = ""
GROUP_FIELDS = ("jenis", "jenis_label", "tahun", "status", "status_label", "opd", "opd_label")
_ADD_STATISTICS = (
    "INSERT INTO search_termstat (term, entries) VALUES (%s, %s) "
    "ON CONFLICT (term) DO UPDATE SET entries = search_termstat.entries + excluded.entries"
)


def _entry(document: SearchDocument, pk: int, analysed: dict) -> IndexEntry:
    return IndexEntry(
        pk=pk,
        doc_id=document.doc_id,
        owner=document.owner,
        group_key=document.group,
        title=document.title[:2000],
        subtitle=document.subtitle[:300],
        url=document.url[:500],
        body=document.body,
        boost=document.boost,
        **document.facet_fields(),
        **analysed,
    )


def new_version(cursor) -> None:
    """Give the index a new random version (see :class:`~search.backends.matches.GroupCache`)."""
    cursor.execute(
        "INSERT INTO search_indexversion (id, version) VALUES (1, %s) "
        "ON CONFLICT (id) DO UPDATE SET version = excluded.version",
        [secrets.randbits(62)],
    )


#: Every table of the database engines' index, the raw ones (not Django models) included.
INDEX_TABLES = (
    "search_posting",
    "search_termstat",
    "search_citationkey",
    "search_indexentry",
    "search_indexgroup",
)


def clear_index() -> None:
    """Empty the database engines' index, with a new version.

    Django's ``flush`` (and so ``TransactionTestCase``) empties only the tables of models: the
    postings and term statistics (migrations 0005, 0006) would outlive their entries, and entries
    made after the flush reuse their ids. Whatever flushes the database calls this first.
    """
    with connection.cursor() as cursor:
        new_version(cursor)
        for table in INDEX_TABLES:
            cursor.execute(f"DELETE FROM {table}")


def add_statistics(cursor, counts: dict[str, int]) -> None:
    """Add ``counts`` (term → entries, possibly negative) to ``search_termstat``."""
    rows = [(term, n) for term, n in counts.items() if n]
    if rows:
        cursor.executemany(_ADD_STATISTICS, rows)
    if any(n < 0 for _, n in rows):
        cursor.execute("DELETE FROM search_termstat WHERE entries <= 0")


class _Writer:
    """Gives documents their groups and encoded ids, and writes entries, postings and citation keys."""

    def __init__(self, backend: "IndexWriting"):
        self.backend = backend
        self.groups: dict[tuple, list] = {}  # (owner, group, facet values) -> [group id, {kind: next}]
        self.batch: list[tuple[SearchDocument, int, dict]] = []
        self.count = 0

    def _next_id(self, document: SearchDocument) -> int:
        values = tuple(document.facet_fields()[name] for name in GROUP_FIELDS)
        key = (document.owner, document.group, values)
        state = self.groups.get(key)
        if state is None or state[1].get(document.kind, 0) >= scoring.SEQUENCE_LIMIT:
            group = IndexGroup.objects.create(
                owner=document.owner,
                group_key=document.group,
                **dict(zip(GROUP_FIELDS, values, strict=True)),
            )
            state = self.groups[key] = [group.pk, {}]
        sequence = state[1].get(document.kind, 0)
        state[1][document.kind] = sequence + 1
        return scoring.entry_id(state[0], document.kind, sequence)

    def add(self, document: SearchDocument) -> None:
        """Queue one document; written in batches."""
        self.batch.append((document, self._next_id(document), document.analysed()))
        self.count += 1
        if len(self.batch) >= BATCH_SIZE:
            self.flush()

    def flush(self) -> None:
        """Write the queued documents, their postings and the term statistics they change."""
        if not self.batch:
            return
        IndexEntry.objects.bulk_create([_entry(d, pk, a) for d, pk, a in self.batch])
        CitationKey.objects.bulk_create(
            [CitationKey(entry_id=pk, key=key[:160]) for d, pk, _ in self.batch for key in d.citations],
            batch_size=BATCH_SIZE,
        )
        postings = [
            (pk, term, impact)
            for document, pk, analysed in self.batch
            for term, impact in scoring.impacts(analysed, document.boost).items()
        ]
        counts = Counter(term for _, term, _ in postings)
        counts[ALL_ENTRIES] = len(self.batch)
        with connection.cursor() as cursor:
            self.backend.insert_postings(cursor, postings)
            add_statistics(cursor, counts)
        self.batch.clear()


class IndexWriting:
    """The writing half of a database engine (``replace``, ``rebuild``)."""

    def insert_postings(self, cursor, rows: list[tuple[int, str, int]]) -> None:
        """Insert ``(entry_id, term, impact)`` rows into ``search_posting``."""
        if rows:
            cursor.executemany(
                "INSERT INTO search_posting (entry_id, term, impact) VALUES (%s, %s, %s)", rows
            )

    def replace(self, owner, documents):
        """Replace every document of ``owner``; the term statistics lose what the old ones held."""
        with transaction.atomic():
            with connection.cursor() as cursor:
                new_version(cursor)
            groups = list(IndexGroup.objects.filter(owner=owner).values_list("pk", flat=True))
            if groups:
                removed: Counter = Counter()
                with connection.cursor() as cursor:
                    for group in groups:
                        bounds = [group << scoring.GROUP_SHIFT, (group + 1) << scoring.GROUP_SHIFT]
                        cursor.execute(
                            "SELECT term, COUNT(*) FROM search_posting "
                            "WHERE entry_id >= %s AND entry_id < %s GROUP BY term",
                            bounds,
                        )
                        removed.update({term: -n for term, n in cursor.fetchall()})
                        cursor.execute(
                            "DELETE FROM search_posting WHERE entry_id >= %s AND entry_id < %s", bounds
                        )
                    removed[ALL_ENTRIES] = -IndexEntry.objects.filter(owner=owner).count()
                    add_statistics(cursor, removed)
                CitationKey.objects.filter(entry__owner=owner).delete()
                IndexEntry.objects.filter(owner=owner).delete()
                IndexGroup.objects.filter(pk__in=groups).delete()
            writer = _Writer(self)
            for document in documents:
                writer.add(document)
            writer.flush()

    def rebuild(self, documents, progress: Callable[[int], None] | None = None):
        """Replace the whole index in one transaction: readers see the old one until it is complete."""
        with transaction.atomic():
            clear_index()
            writer = _Writer(self)
            for document in documents:
                writer.add(document)
                if progress and writer.count % 1000 == 0:
                    progress(writer.count)
            writer.flush()
        self.after_rebuild()
        if progress:
            progress(writer.count)
        return writer.count

    def after_rebuild(self) -> None:
        """Engine housekeeping after a rebuild (statistics for the planner)."""

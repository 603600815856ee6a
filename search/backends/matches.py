"""The entries that match a query, read once, and everything derived from them in Python.

The database engine answers one question per search: the ids of the entries that match the plan
(FTS5 MATCH, or a tsquery). Entry ids encode their :class:`~search.models.IndexGroup` and content type
(:mod:`search.scoring`), so with the values of the matched groups (see :class:`GroupCache`) this module
derives, without asking the database again:

- the facet counts, each ignoring its own filter: the number of distinct group keys per value;
- the number of matching groups (``total``) and of matching entries (``documents``);
- the entries passing the filters (for ranking) and the members of given groups (for the page).

Ids are kept sorted, so the entries of one group and content type (one *prefix*) form a contiguous slice.
"""

import threading
from bisect import bisect_left
from collections import Counter
from itertools import repeat
from operator import and_, itemgetter, rshift

from .. import scoring
from ..params import parse_year
from .base import FACET_FIELDS

#: The columns of a group row, as :meth:`GroupCache.get` returns them (the key first).
GROUP_COLUMNS = ("group_key", "jenis", "jenis_label", "tahun", "status", "status_label", "opd", "opd_label")
#: Facet → (index of its value, index of its label) in a group row; "kind" comes from the entry id.
_FACET_COLUMNS = {
    "jenis": (1, 2),
    "tahun": (3, 3),
    "status": (4, 5),
    "opd": (6, 7),
}
#: An entry id shifted right by this gives its prefix (group and kind); a prefix shifted by
#: ``_KIND_BITS`` gives its group.
PREFIX_SHIFT = scoring.KIND_SHIFT
_KIND_BITS = scoring.GROUP_SHIFT - scoring.KIND_SHIFT
_KIND_MASK = (1 << _KIND_BITS) - 1


class GroupCache:
    """Group rows by id, kept per process for one *index version*.

    A group row never changes after it is written; every index write (which may delete groups or, after
    a rolled-back transaction, reuse their ids) stores a new random version in the same transaction
    (:func:`search.backends.indexing.new_version`). Rows are cached under the version that was current
    when they were read, and the cache is emptied when the version changes, so a row is only ever reused
    for the index state it was read from. No version (an index never written by this code): no caching.
    """

    def __init__(self):
        self._lock = threading.Lock()
        self._version = None
        self._rows: dict[int, tuple] = {}

    def get(self, version, ids, fetch) -> dict[int, tuple]:
        """The rows of the group ``ids``; ``fetch(missing_ids)`` reads those not cached yet."""
        if version is None:
            return fetch(ids)
        with self._lock:
            if version != self._version:
                self._version, self._rows = version, {}
            cached = self._rows
        # Only looked up, never iterated: other threads may be adding rows meanwhile.
        found = {group: row for group in ids if (row := cached.get(group)) is not None}
        if len(found) < len(ids):
            fetched = fetch([group for group in ids if group not in found])
            found.update(fetched)
            with self._lock:
                if version == self._version:
                    self._rows.update(fetched)
        return found


def _wanted(filters: dict[str, list[str]]) -> dict[str, set]:
    """The allowed values of each filter, as the facet values compare (years as integers)."""
    wanted = {}
    for name, values in filters.items():
        if name == "tahun":
            wanted[name] = {year for year in map(parse_year, map(str, values)) if year is not None}
        else:
            wanted[name] = set(values)
    return wanted


class _Rows:
    """The distinct group rows behind some prefixes, and whether their group keys are distinct too."""

    def __init__(self, prefixes: list[int], groups: dict[int, tuple]):
        self.prefixes = prefixes
        self.rows = list(map(groups.__getitem__, {p >> _KIND_BITS for p in prefixes}))
        self.keys = set(map(itemgetter(0), self.rows))
        self.groups = groups

    def facet(self, name: str) -> list[tuple[str, str, int]]:
        """(value, label, distinct group keys) of one facet, most frequent first."""
        labels: dict = {}
        if name == "kind":
            kinds, groups = scoring.KIND_BY_CODE, self.groups
            if len(self.keys) == len(self.rows):
                # One group per key: a (kind, key) pair is a prefix.
                codes = Counter(map(and_, self.prefixes, repeat(_KIND_MASK)))
                counts = Counter({kinds[code]: n for code, n in codes.items()})
            else:
                pairs = {(kinds[p & _KIND_MASK], groups[p >> _KIND_BITS][0]) for p in self.prefixes}
                counts = Counter(map(itemgetter(0), pairs))
        else:
            value_at, label_at = _FACET_COLUMNS[name]
            if len(self.keys) == len(self.rows):
                # One row per group key: each row counts once.
                counts = Counter(map(itemgetter(value_at), self.rows))
            else:
                counts = Counter(map(itemgetter(0), set(map(itemgetter(value_at, 0), self.rows))))
            if label_at != value_at:
                for value, label in set(map(itemgetter(value_at, label_at), self.rows)):
                    if value not in labels or label > labels[value]:
                        labels[value] = label
        values = [
            (str(value), str(labels.get(value, value)) or str(value), n)
            for value, n in counts.items()
            if value is not None and value != ""
        ]
        values.sort(key=lambda item: (-item[2], item[1]))
        return values


class Matches:
    """Sorted matching ids; once :meth:`count` has the rows of their groups, what passes the filters."""

    def __init__(self, ids: list[int]):
        self.ids = sorted(ids)
        #: Matching entries per prefix.
        self.counts = Counter(map(rshift, self.ids, repeat(PREFIX_SHIFT)))
        self.groups: dict[int, tuple] = {}
        self.facets: dict[str, list[tuple[str, str, int]]] = {name: [] for name in FACET_FIELDS}
        self.total = 0
        self.documents = 0
        #: The prefixes of the entries that pass every filter, ascending.
        self.passing: list[int] = []
        self._everything = False

    def group_ids(self) -> set[int]:
        """The :class:`~search.models.IndexGroup` ids of the matching entries."""
        return {prefix >> _KIND_BITS for prefix in self.counts}

    def _sift(self, groups, wanted, group) -> tuple[list[int], dict[str, list[int]]]:
        """The prefixes passing every filter, and per facet those failing only that facet's filter."""
        only: dict[str, list[int]] = {name: [] for name in FACET_FIELDS}
        if not wanted and not group:
            return [prefix for prefix in self.counts if prefix >> _KIND_BITS in groups], only
        kinds, passing = scoring.KIND_BY_CODE, []
        for prefix in self.counts:
            row = groups.get(prefix >> _KIND_BITS)
            if row is None or (group and row[0] != group):
                continue
            failed = None
            for name, allowed in wanted.items():
                value = kinds[prefix & _KIND_MASK] if name == "kind" else row[_FACET_COLUMNS[name][0]]
                if value not in allowed:
                    if failed is not None:
                        break
                    failed = name
            else:
                (passing if failed is None else only[failed]).append(prefix)
        return passing, only

    def count(self, groups: dict[int, tuple], filters: dict, group: str = "") -> "Matches":
        """Apply the filters (and a group key, if any) and count the facets, given the group rows."""
        self.groups = groups
        passing, only = self._sift(groups, _wanted(filters), group)
        passing.sort()
        self.passing = passing
        self._everything = len(passing) == len(self.counts)
        rows = _Rows(passing, groups)
        self.total = len(rows.keys)
        self.documents = sum(map(self.counts.__getitem__, passing))
        for name in FACET_FIELDS:
            # A facet ignores its own filter: it also counts what fails that filter only.
            self.facets[name] = (_Rows(passing + only[name], groups) if only[name] else rows).facet(name)
        return self

    def _slice(self, prefix: int) -> list[int]:
        ids = self.ids
        start = bisect_left(ids, prefix << PREFIX_SHIFT)
        return ids[start : bisect_left(ids, (prefix + 1) << PREFIX_SHIFT, start)]

    def kept(self) -> list[int]:
        """The matching entries that pass the filters, ascending."""
        if self._everything:
            return self.ids
        return [entry for prefix in self.passing for entry in self._slice(prefix)]

    def keeps(self, entry: int) -> bool:
        """Whether ``entry`` matches and passes the filters."""
        index = bisect_left(self.ids, entry)
        if index == len(self.ids) or self.ids[index] != entry:
            return False
        prefix = entry >> PREFIX_SHIFT
        position = bisect_left(self.passing, prefix)
        return position < len(self.passing) and self.passing[position] == prefix

    def group_key(self, entry: int) -> str:
        """The group key of a matching entry."""
        return self.groups[entry >> scoring.GROUP_SHIFT][0]

    def members(self, keys) -> list[int]:
        """The matching entries passing the filters whose group key is in ``keys``."""
        keys = set(keys)
        return [
            entry
            for prefix in self.passing
            if self.groups[prefix >> _KIND_BITS][0] in keys
            for entry in self._slice(prefix)
        ]

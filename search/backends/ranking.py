"""The best groups for a query, ranked by :mod:`search.scoring`, identical on every database engine.

The engine answers the boolean question once (which entries match: :class:`~.matches.Matches`);
ranking reads only the integer impacts of ``search_posting``. A group's score is its best entry's
score; groups are ordered by (score descending, group key), entries within a group by (score
descending, doc_id). No engine-specific rank function is used, so SQLite and PostgreSQL return the
same order.

Scoring every match of a broad query ("pelayanan": half the corpus) would cost more than the query
budget, so when many entries match the best ones are found with the *threshold algorithm* (Fagin):
read each query term's postings best-first to a depth, score the entries seen (those that match), and
stop once the last wanted group scores above what any unseen entry could reach — the sum over terms
of idf × the impact at the reading depth. The result is exact, not approximate; only the work differs.

Reading best-first pays off when the matches are dense in the terms' postings (a broad query); when
they are sparse (every word required, each word common on its own: "retribusi bangunan gedung" at 10×
the corpus) it reads tens of thousands of postings to find a few hundred matches that scoring them all
would have read directly. So the threshold algorithm keeps an account: before each deeper round, if
what it has read plus that round would cost more than scoring every match it has not scored yet, it
stops and scores those instead (:data:`READ_COST`). Either way the page is exact.
"""

from .. import scoring
from .base import BackendHit
from .matches import Matches
from .rows import hit_from_row

#: Up to this many matching entries, score them all instead of reading best-first.
EXHAUSTIVE_LIMIT = 800
#: Reading depth of a term's postings once it is read beyond its best entry; then × DEPTH_GROWTH.
FIRST_DEPTH = 200
DEPTH_GROWTH = 2
#: What reading one posting best-first costs, in looked-up postings (an exhaustive score looks up one
#: posting per matching entry and term). It goes through Python, so about twice one looked up in SQL.
#: 0: never give up on the threshold algorithm.
READ_COST = 2


class _Groups:
    """Best score per group key, and the score of every entry scored so far."""

    def __init__(self, matches: Matches):
        self.matches = matches
        self.best: dict[str, int] = {}
        self.scores: dict[int, int] = {}

    def add(self, scores: dict[int, int]) -> None:
        self.scores.update(scores)
        best, rows, shift = self.best, self.matches.groups, scoring.GROUP_SHIFT
        for entry, value in scores.items():
            key = rows[entry >> shift][0]
            if value > best.get(key, -1):
                best[key] = value

    def ordered(self) -> list[tuple[str, int]]:
        return sorted(self.best.items(), key=lambda item: (-item[1], item[0]))


def _exhaustive_cost(weights, frequencies, entries: int) -> int:
    """Postings looked up to score ``entries`` matching entries: one per entry and term, but never
    more than the term holds (a rare term's postings are read whole, :meth:`scoring_parts`)."""
    return sum(min(entries, (frequencies or {}).get(term, entries)) for term in weights)


def _threshold(backend, weights: dict[str, int], frequencies, wanted: int, groups: _Groups) -> bool:
    """Find the best ``wanted`` groups reading postings best-first; False if it gave up because scoring
    the remaining matches directly costs less than reading on (the caller then scores them)."""
    depth = dict.fromkeys(weights, 1)
    lists: dict[str, list[tuple[int, int]]] = {term: [] for term in weights}
    exhausted: set[str] = set()
    checked: set[int] = set()
    keeps = groups.matches.keeps
    documents = groups.matches.documents
    spent = 0
    while True:
        # Each list is read once, best first: a deeper round reads only the postings after the last.
        reads = {
            term: (depth[term] - len(rows), len(rows))
            for term, rows in lists.items()
            if term not in exhausted and len(rows) < depth[term]
        }
        if READ_COST:
            spent += READ_COST * sum(limit for limit, _ in reads.values())
            if spent > _exhaustive_cost(weights, frequencies, documents - len(groups.scores)):
                return False
        candidates = set()
        for term, more in backend.best_postings(reads).items():
            lists[term].extend(more)
            candidates.update(entry for entry, _ in more)
            if len(lists[term]) < depth[term]:
                exhausted.add(term)
        candidates -= checked
        if candidates:
            checked |= candidates
            matching = [entry for entry in candidates if keeps(entry)]
            if matching:
                groups.add(backend.scores(matching, weights, frequencies))
                spent += _exhaustive_cost(weights, frequencies, len(matching))
        # An entry not read yet holds each term with at most the impact at that term's reading depth.
        bounds = {
            term: 0 if term in exhausted else weights[term] * rows[-1][1] for term, rows in lists.items()
        }
        ceiling = sum(bounds.values())
        ordered = groups.ordered()
        if ceiling == 0 or (len(ordered) >= wanted and ordered[wanted - 1][1] > ceiling):
            return True
        # Read deeper where the bound is loose: the terms that weigh most in the ceiling.
        largest = max(bounds.values())
        for term, bound in bounds.items():
            if bound * 2 >= largest:
                depth[term] = max(FIRST_DEPTH, depth[term] * DEPTH_GROWTH)


def _shown(members: list[int], scores: dict[int, int], size: int) -> list[int]:
    """The entries that may be among the best ``size`` of a group: ties at the cut need the doc_id."""
    ordered = sorted(members, key=lambda entry: -scores.get(entry, 0))
    if len(ordered) <= size:
        return ordered
    cut = scores.get(ordered[size - 1], 0)
    return [entry for entry in ordered if scores.get(entry, 0) >= cut]


def ranked_groups(backend, request, matches: Matches, term_weights, frequencies) -> list[list[BackendHit]]:
    """The requested page of groups, each with its best ``group_size`` entries.

    ``term_weights`` holds the integer idf of each query stem that some entry holds, ``frequencies``
    how many entries hold each.
    """
    first = (max(request.page, 1) - 1) * request.per_page
    wanted = min(first + request.per_page, matches.total)
    if first >= wanted:
        return []
    if not term_weights:
        return []
    groups = _Groups(matches)
    exhaustive = matches.documents <= EXHAUSTIVE_LIMIT or not _threshold(
        backend, term_weights, frequencies, wanted, groups
    )
    if exhaustive:
        # Everything, or what the threshold algorithm left unscored when it gave up.
        unscored = [entry for entry in matches.kept() if entry not in groups.scores]
        groups.add(backend.scores(unscored, term_weights, frequencies))
    page = [key for key, _ in groups.ordered()[first:wanted]]
    if not page:
        return []
    # Every matching entry of the page's groups, scored, to pick the passages shown under each.
    members = matches.members(page)
    unscored = [] if exhaustive else [entry for entry in members if entry not in groups.scores]
    if unscored:
        groups.scores.update(backend.scores(unscored, term_weights, frequencies))
    scores = groups.scores
    by_group: dict[str, list[int]] = {}
    for entry in members:
        by_group.setdefault(matches.group_key(entry), []).append(entry)
    candidates = {key: _shown(by_group.get(key, []), scores, request.group_size) for key in page}
    rows = backend.hits([entry for entries in candidates.values() for entry in entries])
    result = []
    for key in page:
        best = sorted(
            (-scores.get(entry, 0), rows[entry][0], entry) for entry in candidates[key] if entry in rows
        )
        result.append(
            [
                hit_from_row(rows[entry], -negative / scoring.SCORE_SCALE)
                for negative, _, entry in best[: request.group_size]
            ]
        )
    return [group for group in result if group]

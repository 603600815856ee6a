"""The best groups for a query, ranked by :mod:`search.scoring`, identical on every database engine.

The engine answers boolean questions (which entries match, under the filters); ranking reads only the
integer impacts of ``search_posting``. A group's score is its best entry's score; groups are ordered
by (score descending, group key), entries within a group by (score descending, doc_id). No engine-specific
rank function is used, so SQLite and PostgreSQL return the same order.

Scoring every match of a broad query ("pelayanan": half the corpus) would cost more than the query
budget, so when many entries match the best ones are found with the *threshold algorithm* (Fagin):
read each query term's postings best-first to a depth, score the entries seen (those that match), and
stop once the last wanted group scores above what any unseen entry could reach — the sum over terms
of idf × the impact at the reading depth. The result is exact, not approximate; only the work differs.
"""

from .. import scoring
from .base import MODE_ALL, BackendHit

#: Up to this many matching entries, score them all instead of reading best-first.
EXHAUSTIVE_LIMIT = 1500
#: Reading depth of a term's postings once it is read beyond its best entry; then × DEPTH_GROWTH.
FIRST_DEPTH = 200
DEPTH_GROWTH = 4
NO, MAYBE, YES = 0, 1, 2


class _Plan:
    """The query's terms with their integer idf, and how to tell a match from the terms an entry holds."""

    def __init__(self, backend, request, filters):
        self.backend, self.request, self.filters = backend, request, filters
        terms = scoring.query_terms(request.query)
        documents, frequencies = backend.statistics(terms)
        self.weights = {t: scoring.idf(frequencies[t], documents) for t in terms if frequencies[t]}
        bits = {term: 1 << i for i, term in enumerate(self.weights)}
        query = request.query
        # Per clause, masks of its one-word alternatives (presence decides) and of its multi-word ones
        # (presence is necessary; positions decide). A term no entry holds makes an alternative void.
        self.clauses = []
        for clause in query.clauses:
            usable = [alt for alt in clause if all(t in bits for t in alt)]
            single = [bits[alt[0]] for alt in usable if len(alt) == 1]
            multi = [sum(bits[t] for t in alt) for alt in usable if len(alt) > 1]
            self.clauses.append((single, multi))
        self.phrases = [sum(bits.get(t, 0) for t in phrase) for phrase in query.phrases]
        self.all_words = request.mode == MODE_ALL or not query.clauses
        self.groups: dict[int, dict] = {}
        self._verdicts: dict[int, int] = {}

    def verdict(self, mask: int) -> int:
        """For an entry holding the terms in ``mask``: NO, MAYBE (positions decide) or YES, it matches."""
        verdict = self._verdicts.get(mask)
        if verdict is None:
            states = []
            for single, multi in self.clauses:
                if any(alt & mask for alt in single):
                    states.append(YES)
                elif any(alt & mask == alt for alt in multi):
                    states.append(MAYBE)
                else:
                    states.append(NO)
            verdict = (min(states) if self.all_words else max(states)) if states else YES
            for phrase in self.phrases:
                verdict = min(verdict, MAYBE if phrase & mask == phrase else NO)
            self._verdicts[mask] = verdict
        return verdict

    def passes_filters(self, entry: int) -> bool:
        """Whether an entry's content type and group values pass the filters."""
        values = self.groups[scoring.group_of(entry)]
        for name, wanted in self.filters.items():
            if name == "kind":
                value = scoring.KIND_BY_CODE[(entry >> scoring.KIND_SHIFT) & 3]
            elif name == "tahun":
                value, wanted = values["tahun"], [int(v) for v in wanted if str(v).isdigit()]
            else:
                value = values[name]
            if value not in wanted:
                return False
        return not self.request.group or values["group_key"] == self.request.group

    def load_groups(self, entries) -> None:
        missing = {scoring.group_of(entry) for entry in entries} - self.groups.keys()
        if missing:
            self.groups.update(self.backend.group_values(missing))

    def matching_scores(self, candidates) -> dict[int, int]:
        """Scores of the candidates that match the query and the filters."""
        scored = self.backend.scores(candidates, self.weights)
        verdicts = {entry: self.verdict(mask) for entry, (_, mask) in scored.items()}
        possible = [entry for entry, verdict in verdicts.items() if verdict != NO]
        self.load_groups(possible)
        possible = [entry for entry in possible if self.passes_filters(entry)]
        unsure = [entry for entry in possible if verdicts[entry] == MAYBE]
        if unsure:
            confirmed = set(self.backend.matching(self.request, self.filters, ids=unsure))
            possible = [entry for entry in possible if verdicts[entry] == YES or entry in confirmed]
        return {entry: scored[entry][0] for entry in possible}


class _Groups:
    """Best score per group key."""

    def __init__(self, plan: _Plan):
        self.plan = plan
        self.best: dict[str, int] = {}

    def add(self, scores: dict[int, int]) -> None:
        self.plan.load_groups(scores)
        for entry, value in scores.items():
            key = self.plan.groups[scoring.group_of(entry)]["group_key"]
            if value > self.best.get(key, -1):
                self.best[key] = value

    def ordered(self) -> list[tuple[str, int]]:
        return sorted(self.best.items(), key=lambda item: (-item[1], item[0]))


def _threshold(plan: _Plan, wanted: int, groups: _Groups) -> None:
    backend, weights = plan.backend, plan.weights
    depth = dict.fromkeys(weights, 1)
    checked: set[int] = set()
    while True:
        lists = {term: backend.best_postings(term, depth[term]) for term in weights}
        candidates = {entry for rows in lists.values() for entry, _ in rows} - checked
        if candidates:
            checked |= candidates
            groups.add(plan.matching_scores(candidates))
        # An entry not read yet holds each term with at most the impact at that term's reading depth.
        bounds = {
            term: weights[term] * rows[-1][1] if len(rows) == depth[term] else 0
            for term, rows in lists.items()
        }
        ceiling = sum(bounds.values())
        ordered = groups.ordered()
        if ceiling == 0 or (len(ordered) >= wanted and ordered[wanted - 1][1] > ceiling):
            return
        # Read deeper where the bound is loose: the terms that weigh most in the ceiling.
        largest = max(bounds.values())
        for term, bound in bounds.items():
            if bound * 2 >= largest:
                depth[term] = max(FIRST_DEPTH, depth[term] * DEPTH_GROWTH)


def ranked_groups(backend, request, filters, total_groups: int, documents: int) -> list[list[BackendHit]]:
    """The requested page of groups, each with its best ``group_size`` entries."""
    from .database import _hit

    first = (max(request.page, 1) - 1) * request.per_page
    wanted = min(first + request.per_page, total_groups)
    if first >= wanted:
        return []
    plan = _Plan(backend, request, filters)
    if not plan.weights:
        return []
    groups = _Groups(plan)
    if documents <= EXHAUSTIVE_LIMIT:
        matched = backend.matching(request, filters)
        groups.add({entry: value for entry, (value, _) in backend.scores(matched, plan.weights).items()})
    else:
        _threshold(plan, wanted, groups)
    page = [key for key, _ in groups.ordered()[first:wanted]]
    if not page:
        return []
    # Every matching entry of the page's groups, scored, to pick the passages shown under each.
    members = backend.matching(request, filters, groups=backend.groups_of(page))
    scores = {entry: value for entry, (value, _) in backend.scores(members, plan.weights).items()}
    rows = backend.hits(members)
    by_group: dict[str, list[tuple[int, str, int]]] = {}
    for entry in members:
        row = rows[entry]
        by_group.setdefault(row[6], []).append((-scores.get(entry, 0), row[0], entry))
    result = []
    for key in page:
        best = sorted(by_group.get(key, []))[: request.group_size]
        result.append([_hit(rows[entry], -negative / scoring.SCORE_SCALE) for negative, _, entry in best])
    return [group for group in result if group]

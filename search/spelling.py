"""Typo correction against the index vocabulary. Pure Python, apart from :func:`index_vocabulary`.

Only a query word the index does not know (no entry holds its stem, nor any synonym of it) is
corrected, and only to a stem the index holds, at a small edit distance (insertions, deletions,
substitutions and swaps of neighbouring letters):

- words of fewer than :data:`MIN_LENGTH` letters, numbers and mixed tokens are never touched;
- up to 7 letters: one edit; longer words: two; a form of up to 5 letters may only have lost a
  letter ("hilng" → "hilang"): changing or dropping one of so few letters too often gives another
  word ("ayah" is not a typo of "ayat", nor "lamar" of "lama");
- the nearest candidate wins, then the one held by the most entries, then the alphabetically first;
- the first letter is taken as typed (typos rarely hit it), which keeps the scan small.

A word is compared by its surface form and by its stem ("kelahirn" → stem "lahirn" → "lahir"), so
a typo in an affixed word still reaches the stem the index holds. Nothing is ever invented: a word
with no candidate stays as typed.
"""

from collections.abc import Iterable, Mapping

from .analysis import stem

MIN_LENGTH = 4
#: Words longer than this may be two edits away from their correction.
ONE_EDIT_UP_TO = 7
#: A form this short is only corrected by inserting one letter.
SHORT_FORM = 5


def max_edits(word: str) -> int:
    """How many edits a correction of ``word`` may take (0: never corrected)."""
    if len(word) < MIN_LENGTH or not word.isalpha():
        return 0
    return 1 if len(word) <= ONE_EDIT_UP_TO else 2


def distance(a: str, b: str, bound: int) -> int:
    """The optimal-string-alignment distance of ``a`` and ``b``, or ``bound + 1`` once it exceeds ``bound``."""
    if abs(len(a) - len(b)) > bound:
        return bound + 1
    if a == b:
        return 0
    previous2: list[int] = []
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, start=1):
        current = [i] + [0] * len(b)
        for j, cb in enumerate(b, start=1):
            cost = 0 if ca == cb else 1
            value = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            if i > 1 and j > 1 and ca == b[j - 2] and a[i - 2] == cb:
                value = min(value, previous2[j - 2] + 1)
            current[j] = value
        if min(current) > bound:
            return bound + 1
        previous2, previous = previous, current
    return previous[-1]


class Vocabulary:
    """The stems of an index with the number of entries holding each, bucketed by length."""

    def __init__(self, frequencies: Mapping[str, int]):
        self.frequencies = {t: n for t, n in frequencies.items() if n > 0 and t.isalpha()}
        self._buckets: dict[tuple[str, int], list[str]] = {}
        for term in sorted(self.frequencies):
            self._buckets.setdefault((term[0], len(term)), []).append(term)

    def __contains__(self, term: str) -> bool:
        return term in self.frequencies

    def __len__(self) -> int:
        return len(self.frequencies)

    def correct(self, word: str) -> str | None:
        """The stem of the index that ``word`` most likely misspells, or None."""
        bound = max_edits(word)
        if not bound:
            return None
        forms = list(dict.fromkeys([word, stem(word)]))
        best: tuple[int, int, str] | None = None
        for form in forms:
            if len(form) <= SHORT_FORM:
                lengths = [len(form) + 1]
            else:
                lengths = range(len(form) - bound, len(form) + bound + 1)
            for length in lengths:
                for term in self._buckets.get((form[:1], length), ()):
                    if len(term) < MIN_LENGTH - 1:
                        continue
                    edits = distance(form, term, bound)
                    if edits > bound:
                        continue
                    key = (edits, -self.frequencies[term], term)
                    if best is None or key < best:
                        best = key
        return best[2] if best else None


def correct_words(
    query_words: list[str],
    unknown: Iterable[str],
    vocabulary: Vocabulary,
) -> dict[str, str]:
    """Corrections of the ``unknown`` words among ``query_words``: ``{typed: stem of the index}``."""
    unknown = set(unknown)
    corrections = {}
    for word in query_words:
        if word in unknown and word not in corrections:
            fixed = vocabulary.correct(word)
            if fixed is not None and fixed != word:
                corrections[word] = fixed
    return corrections


# --- the index's vocabulary (the database engines' term statistics) ------------------------------

_cache: dict[str, object] = {"version": None, "vocabulary": None}


def index_vocabulary(version) -> Vocabulary:
    """Every stem of the database index (``search_termstat``), kept per process under the index version
    (migration 0007), so it is read again only after the index changed."""
    if _cache["vocabulary"] is None or _cache["version"] != version or version is None:
        from django.db import connection

        with connection.cursor() as cursor:
            cursor.execute("SELECT term, entries FROM search_termstat WHERE term <> ''")
            _cache["vocabulary"] = Vocabulary(dict(cursor.fetchall()))
        _cache["version"] = version
    return _cache["vocabulary"]


def corrected_query(query, thesaurus=None):
    """``query`` with its unknown words corrected, and the corrections; None when nothing changes.

    Reads the statistics of the query's stems (one small query) and, when a word is unknown, the
    vocabulary (cached per index version). The plan keeps its phrases and citation; its free words
    (and so the clauses and the cluster's ``text_words``) carry the corrections.
    """
    from dataclasses import replace

    from .analysis import STOPWORDS, expand
    from .backends import get_database_backend
    from .query import MAX_CLAUSES

    known = thesaurus.words if thesaurus is not None else frozenset()
    candidates = [w for w in query.text_words if max_edits(w) and w not in STOPWORDS and w not in known]
    if not candidates:
        return None
    stems = {word: stem(word) for word in candidates}
    _, frequencies, version = get_database_backend().statistics(sorted(set(stems.values())))
    unknown = [word for word in candidates if not frequencies.get(stems[word])]
    if not unknown:
        return None
    corrections = correct_words(unknown, unknown, index_vocabulary(version))
    if not corrections:
        return None
    fixed = [corrections.get(word, word) for word in query.text_words]
    plan = replace(query, clauses=expand(fixed, thesaurus)[:MAX_CLAUSES], text_words=fixed)
    return plan, corrections

"""Ranking shared by the database engines: precomputed integer impacts, one scoring function.

Pure Python. At index time every (document, term) pair gets an *impact*, a BM25F-style weight computed
from the document alone (term frequency per field, field lengths, the document's boost) and rounded to
an integer. Both database engines store the same impacts in ``search_posting`` (migration 0005), and a
document's score for a query is

    score(d) = Σ over the query's distinct stems t of  idf(t) × impact(d, t)

with ``idf`` rounded to an integer too. All arithmetic is on integers, and ties are broken by
``doc_id``/group key in Python, so SQLite and PostgreSQL produce the same order by construction; the
engines only decide *which* documents match (FTS5 / tsquery) — the same boolean question on the same
tokens. :mod:`search.backends.ranking` finds the best groups without scoring every match.

Entry ids encode where a document sits, so facet counts never read the wide index rows::

    id = group_id << 16 | kind_code << 14 | sequence

``group_id`` is a :class:`~search.models.IndexGroup` (one owner's documents sharing a group and
facet values), ``kind_code`` the content type, ``sequence`` the document's number within both. A group
holds at most ``SEQUENCE_LIMIT`` (16,384) documents of a kind; the writer opens another group with the
same key past that, so the limit is on rows of ``search_indexgroup``, not on an owner's documents.
"""

import math
from collections import Counter

from .documents import KIND_PASSAGE, KIND_REGULATION, KIND_SERVICE
from .query import ParsedQuery

#: Field weights (title, keywords, body): the ratios bm25/ts_rank used before.
FIELD_WEIGHTS = (8.0, 4.0, 1.0)
#: Typical field lengths in tokens; fixed so an impact never depends on the rest of the index.
AVERAGE_LENGTHS = (8.0, 12.0, 150.0)
K1 = 1.2
B = 0.75
IMPACT_SCALE = 100
IDF_SCALE = 1000
#: Displayed score = integer score / this.
SCORE_SCALE = IMPACT_SCALE * IDF_SCALE

GROUP_SHIFT = 16
KIND_SHIFT = 14
SEQUENCE_LIMIT = 1 << KIND_SHIFT
KIND_CODES = {KIND_SERVICE: 0, KIND_REGULATION: 1, KIND_PASSAGE: 2}
KIND_BY_CODE = {code: kind for kind, code in KIND_CODES.items()}


#: The largest group id an entry id can carry (entry ids are signed 64-bit integers).
GROUP_LIMIT = 1 << (63 - GROUP_SHIFT)


class IndexCapacityError(ValueError):
    """An entry id cannot encode the document: a limit of the packed ids was reached.

    The writer never lets this happen in normal use: past ``SEQUENCE_LIMIT`` documents of one kind,
    an owner's documents continue in a new :class:`~search.models.IndexGroup` with the same group
    key and facet values, and search still counts the owner once. Seeing this error means a caller
    bypassed the writer, or the group ids ran past ``GROUP_LIMIT``.
    """


def entry_id(group_id: int, kind: str, sequence: int) -> int:
    """The id of the ``sequence``-th document of ``kind`` in group ``group_id``."""
    if not 0 <= sequence < SEQUENCE_LIMIT:
        raise IndexCapacityError(
            f"document number {sequence} of kind {kind!r} in index group {group_id}: a group holds at most "
            f"{SEQUENCE_LIMIT} documents of a kind (search.scoring.KIND_SHIFT bits); start a new group"
        )
    if not 0 < group_id < GROUP_LIMIT:
        raise IndexCapacityError(
            f"index group id {group_id} does not fit in an entry id (limit {GROUP_LIMIT})"
        )
    return (group_id << GROUP_SHIFT) | (KIND_CODES[kind] << KIND_SHIFT) | sequence


def group_of(entry: int) -> int:
    """The :class:`~search.models.IndexGroup` id encoded in an entry id."""
    return entry >> GROUP_SHIFT


def impacts(analysed: dict[str, str], boost: float = 1.0) -> dict[str, int]:
    """The impact of every stem of a document, from its analysed ``a_title/a_keywords/a_body``."""
    fields = [analysed.get(name, "").split() for name in ("a_title", "a_keywords", "a_body")]
    counts = [Counter(tokens) for tokens in fields]
    norms = [
        1.0 - B + B * max(len(tokens), 1) / average
        for tokens, average in zip(fields, AVERAGE_LENGTHS, strict=True)
    ]
    result = {}
    for term in set().union(*counts):
        weighted = sum(
            weight * count[term] / norm
            for weight, count, norm in zip(FIELD_WEIGHTS, counts, norms, strict=True)
            if term in count
        )
        saturated = weighted * (K1 + 1.0) / (weighted + K1)
        result[term] = max(1, round(IMPACT_SCALE * boost * saturated))
    return result


def idf(document_frequency: int, documents: int) -> int:
    """The integer inverse document frequency (BM25's, kept positive)."""
    documents = max(documents, document_frequency, 1)
    ratio = (documents - document_frequency + 0.5) / (document_frequency + 0.5)
    return max(1, round(IDF_SCALE * math.log(1.0 + ratio)))


def query_terms(query: ParsedQuery) -> list[str]:
    """The distinct stems that score a document: every alternative of every clause, and phrases."""
    terms: list[str] = []
    for clause in query.clauses:
        for alternative in clause:
            terms.extend(alternative)
    for phrase in query.phrases:
        terms.extend(phrase)
    return list(dict.fromkeys(terms))


def score(weights: dict[str, int], impacts_of_document: dict[str, int]) -> int:
    """A document's score: Σ idf(t) × impact(d, t) over the query's stems it holds."""
    return sum(weight * impacts_of_document.get(term, 0) for term, weight in weights.items())

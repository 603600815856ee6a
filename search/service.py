"""The search service: what the views, the JSON API and the conformance suite call.

It parses the query, resolves citations, runs the plan on the primary engine (falling back to the
database engine when Elasticsearch is away), corrects the unknown words of an all-words query that
found nothing (:mod:`search.spelling`), relaxes it when it still finds nothing (see
:func:`_relaxed_request`; neither when a citation in it already resolved to its regulation), and
marks the matched words in each hit's passage.

A relaxed result is not an answer: ``relaxed`` is set, the page shows the hits under "Tidak ada
hasil yang cocok dengan semua kata" (``search/includes/partial_matches.html``), and anything that
presents the top hit as *the* answer (an answer card) must check :attr:`SearchResult.answers`.
"""

import logging
import re
from dataclasses import dataclass, field, replace

from django.utils.translation import gettext as _

from .backends import SearchUnavailable, get_backend, get_database_backend
from .backends.base import FACET_FIELDS, MODE_ALL, MODE_ANY, BackendHit, SearchBackend, SearchRequest
from .documents import KIND_PASSAGE, KIND_REGULATION, KIND_SERVICE
from .highlight import mark, snippet
from .params import parse_year
from .query import parse_query
from .spelling import corrected_query
from .synonyms import current_thesaurus

logger = logging.getLogger(__name__)

PER_PAGE = 10
MAX_PAGE = 100
MAX_FILTER_VALUES = 10
_FILTER_VALUE_RE = re.compile(r"^[\w.\-]{1,80}$")

KIND_LABELS = {
    KIND_SERVICE: _("Layanan"),
    KIND_REGULATION: _("Peraturan"),
    KIND_PASSAGE: _("Pasal/halaman"),
}


def facet_titles() -> dict[str, str]:
    """The heading of each facet, in the active language."""
    return {
        "kind": _("Jenis konten"),
        "jenis": _("Jenis peraturan"),
        "tahun": _("Tahun"),
        "status": _("Status"),
        "opd": _("Perangkat daerah"),
    }


@dataclass
class Hit:
    """A hit ready to show: escaped, marked title and passage, and up to two more from its group."""

    doc_id: str
    kind: str
    title: str
    subtitle: str
    url: str
    snippet_html: str
    score: float
    group: str
    meta: dict = field(default_factory=dict)
    direct: bool = False
    more: list["Hit"] = field(default_factory=list)

    def as_json(self) -> dict:
        """The hit as documented in search/README.md."""
        return {
            "id": self.doc_id,
            "type": self.kind,
            "title": self.title,
            "subtitle": self.subtitle,
            "url": self.url,
            "passage": self.snippet_html,
            "score": round(self.score, 4),
            "direct": self.direct,
            "meta": self.meta,
            "more": [hit.as_json() for hit in self.more],
        }


@dataclass
class FacetValue:
    """One value of a facet with its count of results."""

    value: str
    label: str
    count: int
    selected: bool


@dataclass
class SearchResult:
    """Everything a results page shows."""

    query: str
    hits: list[Hit]
    total: int
    page: int
    pages: int
    facets: dict[str, list[FacetValue]]
    filters: dict[str, list[str]]
    engine: str
    #: True: no hit has every word; the hits are partial matches, not answers.
    relaxed: bool = False
    degraded: bool = False
    truncated: bool = False
    notices: list[str] = field(default_factory=list)
    #: Unknown words searched as the index's nearest word: ``{typed: searched}``.
    corrections: dict[str, str] = field(default_factory=dict)

    @property
    def answers(self) -> bool:
        """Whether the hits answer the query (every word matched): the only case for an answer card."""
        return bool(self.hits) and not self.relaxed

    @property
    def relaxed_notice(self) -> str:
        """The heading of partial matches (empty unless relaxed)."""
        return _("Tidak ada hasil yang cocok dengan semua kata.") if self.relaxed else ""

    def as_json(self) -> dict:
        """The response body of ``/cari/?format=json`` (see search/README.md)."""
        titles = facet_titles()
        notices = list(self.notices)
        if self.relaxed:
            notices.append(self.relaxed_notice + " " + _("Berikut hasil yang memuat sebagian kata."))
        return {
            "query": self.query,
            "total": self.total,
            "page": self.page,
            "pages": self.pages,
            "engine": self.engine,
            "relaxed": self.relaxed,
            "degraded": self.degraded,
            "corrections": self.corrections,
            "notices": notices,
            "filters": self.filters,
            "hits": [hit.as_json() for hit in self.hits],
            "facets": {
                name: {
                    "label": titles[name],
                    "values": [
                        {"value": v.value, "label": v.label, "count": v.count, "selected": v.selected}
                        for v in values
                    ],
                }
                for name, values in self.facets.items()
            },
        }


def clean_filters(raw: dict[str, list[str]]) -> tuple[dict[str, list[str]], list[str]]:
    """Keep well-formed values of known facets; report what was dropped, in Indonesian."""
    filters, notices = {}, []
    for name, values in raw.items():
        if name not in FACET_FIELDS:
            continue
        kept = []
        for value in values[:MAX_FILTER_VALUES]:
            value = (value or "").strip()
            if not value:
                continue
            if not _FILTER_VALUE_RE.match(value) or (name == "tahun" and parse_year(value) is None):
                notices.append(_("Filter %(name)s dengan nilai tidak dikenal diabaikan.") % {"name": name})
                continue
            if value not in kept:
                kept.append(value)
        if kept:
            filters[name] = kept
    return filters, notices


def _meta(hit: BackendHit) -> dict:
    meta = {"kind_label": str(KIND_LABELS.get(hit.kind, hit.kind))}
    for key in ("jenis_label", "tahun", "status", "status_label", "opd_label"):
        value = getattr(hit, key)
        if value not in (None, ""):
            meta[key] = value
    return meta


def _present(hit: BackendHit, stems: frozenset[str], direct=False) -> Hit:
    return Hit(
        doc_id=hit.doc_id,
        kind=hit.kind,
        title=mark(hit.title, stems),
        subtitle=mark(hit.subtitle, stems),
        url=hit.url,
        snippet_html=snippet(hit.body, stems),
        score=hit.score,
        group=hit.group,
        meta=_meta(hit),
        direct=direct,
    )


def _relaxed_request(request: SearchRequest, thesaurus) -> SearchRequest:
    """The retry of an all-words request that found nothing.

    Any word may match, except for a bare citation that did not resolve ("perwal 12 2023 pasal 5"):
    any of its words (a type, numbers, "pasal") matches most of the index, and in no useful order,
    so the retry asks instead for every word of its type and year: that type's regulations of that
    year, and the texts that mention them.
    """
    citation = request.query.citation
    if request.query.citation_only and citation is not None:
        nearby = parse_query(f"{citation.jenis} {citation.tahun}", thesaurus)
        return replace(request, query=replace(nearby, raw=request.query.raw), mode=MODE_ALL)
    return replace(request, mode=MODE_ANY)


def _run(backend: SearchBackend, request: SearchRequest, thesaurus=None, relax: bool = True):
    """Search; when every word was required and nothing matched (and ``relax``), search again with
    the unknown words corrected, then, if still nothing, more loosely.

    Returns the result, whether it was relaxed, the plan that found it and the corrections made.
    """
    result = backend.search(request)
    relaxed, corrections = False, {}
    if not relax or result.total or request.mode != MODE_ALL or not request.query.clauses:
        return result, relaxed, request.query, corrections
    fixed = corrected_query(request.query, thesaurus)
    if fixed is not None:
        corrected = replace(request, query=fixed[0])
        found = backend.search(corrected)
        # A correction that finds nothing explains nothing: the relaxed retry uses the words as typed.
        if found.total:
            result, request, corrections = found, corrected, fixed[1]
    if result.total == 0 and len(request.query.clauses) > 1:
        result = backend.search(_relaxed_request(request, thesaurus))
        relaxed = result.total > 0
    return result, relaxed, request.query, corrections


def search(
    raw_query: str,
    filters: dict[str, list[str]] | None = None,
    page: int = 1,
    per_page: int = PER_PAGE,
    backend: SearchBackend | None = None,
) -> SearchResult:
    """Search every registered content type. Never raises on user input."""
    filters, notices = clean_filters(filters or {})
    page = min(max(int(page or 1), 1), MAX_PAGE)
    thesaurus = current_thesaurus()
    query = parse_query(raw_query, thesaurus)
    if query.truncated:
        notices.append(_("Kata kunci terlalu panjang; hanya 200 karakter pertama yang dicari."))
    primary = backend or get_backend()
    engine, degraded = primary, False
    empty = SearchResult(
        query=query.raw,
        hits=[],
        total=0,
        page=page,
        pages=0,
        facets={},
        filters=filters,
        engine=engine.name,
        truncated=query.truncated,
        notices=notices,
    )
    if query.is_empty:
        return empty

    def attempt(engine_):
        direct = []
        if query.citation is not None and page == 1 and not filters:
            keys = [k for k in (query.citation.pasal_key, query.citation.key) if k]
            # Passages carry only pasal keys, so this is the cited pasal (if any) and its regulation.
            direct = engine_.lookup_citations(keys)
        request = SearchRequest(query=query, filters=filters, page=page, per_page=per_page)
        if not query.has_text:
            return direct, None, False, query, {}
        # A citation that resolved already answers the query: its words (type, numbers, "pasal") are
        # poor search words, and any one of them matches most of the index, so no any-word retry.
        return (direct, *_run(engine_, request, thesaurus, relax=not direct))

    try:
        direct, result, relaxed, plan, corrections = attempt(primary)
    except SearchUnavailable as exc:
        if primary.is_database:
            raise
        logger.warning("Primary search engine unavailable, answering from the database: %s", exc)
        engine, degraded = get_database_backend(), True
        notices.append(
            _(
                "Mesin pencarian utama sedang tidak dapat dihubungi; hasil diambil dari basis data dan mungkin belum lengkap."
            )
        )
        direct, result, relaxed, plan, corrections = attempt(engine)

    stems = plan.highlight_stems
    hits = [_present(h, stems, direct=True) for h in direct]
    seen = {h.doc_id for h in direct}
    facets, total = {}, len(hits)
    if result is not None:
        for group in result.groups:
            members = [h for h in group if h.doc_id not in seen]
            if not members:
                continue
            top = _present(members[0], stems)
            top.more = [_present(h, stems) for h in members[1:]]
            hits.append(top)
        total = result.total + len(direct)
        facets = {
            name: [
                FacetValue(v, _facet_label(name, v, label), n, v in filters.get(name, []))
                for v, label, n in values
            ]
            for name, values in result.facets.items()
        }
    if corrections:
        notices.append(
            _("Tidak ada hasil untuk ejaan yang diketik; dicari sebagai: %(words)s.")
            % {"words": " ".join(plan.text_words)}
        )
    pages = (max(total - len(direct), 0) + per_page - 1) // per_page if result is not None else 1
    return SearchResult(
        query=query.raw,
        hits=hits,
        total=total,
        page=page,
        pages=min(max(pages, 1 if hits else 0), MAX_PAGE),
        facets=facets,
        filters=filters,
        engine=engine.name,
        relaxed=relaxed,
        degraded=degraded,
        truncated=query.truncated,
        notices=notices,
        corrections=corrections,
    )


def _facet_label(name: str, value: str, label: str) -> str:
    if name == "kind":
        return str(KIND_LABELS.get(value, label))
    return label


def suggest(raw: str, limit: int = 8, backend: SearchBackend | None = None) -> list[dict]:
    """Titles for the home search box: the last word typed is a prefix."""
    from .analysis import words

    typed = words((raw or "")[:100])
    if not typed:
        return []
    *complete, prefix = typed
    engine = backend or get_backend()
    try:
        hits = engine.suggest(complete[:6], prefix, limit)
    except SearchUnavailable:
        hits = get_database_backend().suggest(complete[:6], prefix, limit)
    return [{"title": h.title, "url": h.url, "type": h.kind} for h in hits]

"""Index definition, query bodies and response parsing for Elasticsearch and OpenSearch.

Built with ``elasticsearch.dsl`` and sent as plain JSON, so one set of bodies serves both engines:
:mod:`search.backends.cluster` holds what the two backends share (alias, rebuild, writes, reads),
:mod:`search.backends.elastic` and :mod:`search.backends.opensearch` only adapt their clients.
Everything here is pure (no server); the tests check it against constructed responses, and the
live suite against a real cluster.

The analyzers reproduce :mod:`search.analysis` token for token: split on anything that is not a
letter or a digit, lowercase, asciifolding, protected words and short or numeric words left
unstemmed (``keyword_marker``), stopwords, then the Snowball Indonesian stemmer, the same algorithm
PyStemmer runs for the database engines. So every engine matches the same documents for a query, and
totals and facet counts agree; only the ranking differs (BM25 with one idf per word across fields
here, :mod:`search.scoring`'s BM25F impacts there).
Synonyms live only in the search analyzer (``synonym_graph``), as in the database engines.
"""

from dataclasses import dataclass

from elasticsearch.dsl import (
    A,
    Float,
    Index,
    Integer,
    Keyword,
    Mapping,
    Q,
    Search,
    Text,
    analyzer,
    token_filter,
    tokenizer,
)

from ..analysis import PROTECTED_WORDS, STOPWORDS, Thesaurus, words
from ..documents import KIND_PASSAGE, KIND_REGULATION, KIND_SERVICE, SearchDocument
from ..scoring import FIELD_WEIGHTS
from .base import FACET_FIELDS, FACET_LABEL_FIELDS, MODE_ALL, BackendHit, BackendResult, SearchRequest

#: The fields scored, with the database engines' field weights (title, keywords, body) as boosts.
FIELD_BOOSTS = tuple(zip(("title_match", "keywords", "body"), FIELD_WEIGHTS, strict=True))


#: Splits like :func:`search.analysis.words` (which folds first, then keeps runs of ``[0-9a-z]``).
WORD_SPLIT = r"[^\p{L}\p{N}]+"
#: Words :func:`search.analysis.stem` leaves alone besides the protected ones (after folding).
UNSTEMMED = r"[a-z]{0,3}|.*[0-9].*"


def analyzers(thesaurus: Thesaurus):
    """The index analyzer, the search analyzer (with synonyms) and the plain one for autocomplete."""
    split = tokenizer("registri_words", "pattern", pattern=WORD_SPLIT)
    protected = token_filter("registri_protected", "keyword_marker", keywords=sorted(PROTECTED_WORDS))
    unstemmed = token_filter("registri_unstemmed", "keyword_marker", keywords_pattern=UNSTEMMED)
    stop = token_filter("registri_stop", "stop", stopwords=sorted(STOPWORDS))
    stemmer = token_filter("registri_stemmer", "snowball", language="Indonesian")
    base = ["lowercase", "asciifolding"]
    index_analyzer = analyzer(
        "registri_index", tokenizer=split, filter=[*base, protected, unstemmed, stop, stemmer]
    )
    search_filters = [*base]
    rules = thesaurus.rules()
    if rules:
        search_filters.append(
            token_filter("registri_synonyms", "synonym_graph", synonyms=rules, lenient=True)
        )
    search_analyzer = analyzer(
        "registri_search", tokenizer=split, filter=[*search_filters, protected, unstemmed, stop, stemmer]
    )
    plain = analyzer("registri_plain", tokenizer=split, filter=base)
    return index_analyzer, search_analyzer, plain


@dataclass(frozen=True)
class IndexSettings:
    """How an index is laid out on a cluster (``SEARCH_INDEX_SHARDS`` / ``SEARCH_INDEX_REPLICAS``).

    One primary shard suits a city's corpus (well under a shard's comfortable size, and BM25
    statistics stay global); ``replicas`` is a number or an ``auto_expand_replicas`` range such as
    ``"0-2"``: on three nodes every node holds a full copy (any node answers, two may fail), and a
    one-node development server stays green.
    """

    shards: int = 1
    replicas: int | str = "0-2"
    refresh_interval: str = "1s"

    def as_dict(self) -> dict:
        values: dict = {"number_of_shards": self.shards, "refresh_interval": self.refresh_interval}
        if isinstance(self.replicas, str) and "-" in self.replicas:
            values["auto_expand_replicas"] = self.replicas
        else:
            values["number_of_replicas"] = int(self.replicas)
        return values


def build_index(
    name: str, thesaurus: Thesaurus, replicas: int | str = 0, layout: IndexSettings | None = None
) -> Index:
    """The index (settings, analyzers and mapping) that a rebuild creates under ``name``."""
    index_analyzer, search_analyzer, plain = analyzers(thesaurus)
    layout = layout or IndexSettings(replicas=replicas)

    def text(**kwargs):
        return Text(analyzer=index_analyzer, search_analyzer=search_analyzer, **kwargs)

    mapping = Mapping()
    for field in ("doc_id", "owner", "group", "kind", "jenis", "status", "opd", "citations"):
        mapping.field(field, Keyword())
    for field in ("jenis_label", "status_label", "opd_label"):
        mapping.field(field, Keyword())
    mapping.field("tahun", Integer())
    mapping.field("boost", Float())
    mapping.field("all_text", text())
    mapping.field("title_match", text(copy_to="all_text"))
    mapping.field("keywords", text(copy_to="all_text"))
    mapping.field("body", text(copy_to="all_text"))
    mapping.field("suggest", Text(analyzer=plain))
    mapping.field("title", Keyword(index=False))
    mapping.field("subtitle", Keyword(index=False))
    mapping.field("url", Keyword(index=False))
    index = Index(name)
    index.settings(**layout.as_dict())
    index.mapping(mapping)
    return index


def document_source(document: SearchDocument) -> dict:
    """The ``_source`` indexed for a document (``_id`` is its ``doc_id``)."""
    return {
        "doc_id": document.doc_id,
        "owner": document.owner,
        "group": document.group,
        "title": document.title,
        "subtitle": document.subtitle,
        "url": document.url,
        # The same text the database engines put in their title column.
        "title_match": document.subtitle if document.kind == KIND_PASSAGE else document.title,
        "keywords": document.keywords,
        "body": document.body,
        "suggest": " ".join(words(document.title)) if document.kind != KIND_PASSAGE else "",
        "citations": list(document.citations),
        "boost": document.boost,
        **{k: v for k, v in document.facet_fields().items() if v not in (None, "")},
    }


def index_action(index: str, document: SearchDocument) -> dict:
    """The bulk action that writes ``document`` into ``index``."""
    return {"_index": index, "_id": document.doc_id, "_source": document_source(document)}


def delete_action(index: str, doc_id: str) -> dict:
    """The bulk action that removes one document from ``index``."""
    return {"_op_type": "delete", "_index": index, "_id": doc_id}


#: Ids listed per request by :func:`build_id_page` (below the default ``max_result_window``).
ID_PAGE_SIZE = 5000


def build_id_page(owner: str | None = None, after: str | None = None) -> dict:
    """One page of document ids (of one ``owner``, or all), in ``doc_id`` order, after ``after``."""
    body: dict = {
        "query": {"term": {"owner": owner}} if owner else {"match_all": {}},
        "_source": False,
        "docvalue_fields": ["doc_id"],
        "sort": [{"doc_id": "asc"}],
        "size": ID_PAGE_SIZE,
        "track_total_hits": False,
    }
    if after is not None:
        body["search_after"] = [after]
    return body


def parse_id_page(response: dict) -> list[str]:
    """The ids of a response to :func:`build_id_page`."""
    return [raw["sort"][0] for raw in response.get("hits", {}).get("hits", [])]


#: Group counts are exact up to these numbers (cardinality's ``precision_threshold``) and within a
#: percent or so beyond. Each facet bucket allocates memory in proportion to its threshold: a high
#: one on every bucket of five facets doubled the cluster's query time, so facet values count
#: exactly up to 3,000 results and the total up to 40,000.
FACET_PRECISION = 3000
TOTAL_PRECISION = 40000


def _filter_queries(filters: dict[str, list[str]], exclude: str | None = None) -> list:
    return [Q("terms", **{name: values}) for name, values in filters.items() if name != exclude]


def _scored_query(request: SearchRequest) -> Q:
    """What a search matches and how it scores (the same in both requests of a page)."""
    query = request.query
    text = " ".join(query.text_words)
    must = []
    if query.clauses:
        operator = "and" if request.mode == MODE_ALL else "or"
        must.append(Q("match", all_text={"query": text, "operator": operator}))
    for phrase in query.phrase_words:
        must.append(Q("match_phrase", all_text=" ".join(phrase)))
    should = []
    if query.clauses:
        # One field-weighted query with one idf per word across the three fields, like the database
        # engines' BM25F impacts. Three separate ``match`` queries gave each field its own idf: a
        # common word ("izin") is rare among the short title fields, so a title holding it outranked
        # a service that holds the query's rare word ("katering", through its synonyms) in its body.
        should = [
            Q(
                "multi_match",
                query=text,
                type="cross_fields",
                operator="or",
                fields=[f"{field}^{boost:g}" for field, boost in FIELD_BOOSTS],
            )
        ]
    scope = [Q("term", group=request.group)] if request.group else []
    matched = Q("bool", must=must or [Q("match_none")], should=should, filter=scope)
    return Q(
        "function_score",
        query=matched,
        functions=[{"field_value_factor": {"field": "boost", "missing": 1}}],
        boost_mode="multiply",
    )


def build_search(request: SearchRequest, index: str, filters: dict[str, list[str]]) -> Search:
    """The search body: match, boosts, facets that ignore their own filter, the page's groups.

    Hits are collapsed on ``group``, without ``inner_hits``: the cluster would run one more search
    per group of the page for them, so :func:`build_group_hits` fetches every group's best documents
    in one second request instead.
    """
    search = Search(index=index).query(_scored_query(request))
    selected = _filter_queries(filters)
    if selected:
        search = search.post_filter("bool", filter=selected)
    for facet in FACET_FIELDS:
        others = _filter_queries(filters, exclude=facet)
        agg = A("filter", Q("bool", filter=others) if others else Q("match_all"))
        values = agg.bucket("values", "terms", field=facet, size=60)
        values.metric("groups", "cardinality", field="group", precision_threshold=FACET_PRECISION)
        if FACET_LABEL_FIELDS[facet]:
            values.bucket("label", "terms", field=FACET_LABEL_FIELDS[facet], size=1)
        search.aggs.bucket(f"facet_{facet}", agg)
    total = A("filter", Q("bool", filter=selected) if selected else Q("match_all"))
    total.metric("groups", "cardinality", field="group", precision_threshold=TOTAL_PRECISION)
    search.aggs.bucket("total_groups", total)
    first = (max(request.page, 1) - 1) * request.per_page
    search = search.extra(collapse={"field": "group"}, track_total_hits=True)
    search = search.sort({"_score": "desc"}, {"doc_id": "asc"})
    return search.source(False)[first : first + request.per_page]


def build_group_hits(
    request: SearchRequest, index: str, filters: dict[str, list[str]], groups: list[str]
) -> Search:
    """The best ``group_size`` documents of each of ``groups`` (a page of :func:`build_search`).

    The same query and filters restricted to those groups, ranked in each group as the page ranks
    the groups (score, then ``doc_id``), so a group's first document is the one that ranked it.
    """
    search = Search(index=index).query(_scored_query(request)).filter("terms", group=groups)
    for selected in _filter_queries(filters):
        search = search.filter(selected)
    best = A("terms", field="group", include=groups, size=len(groups))
    best.metric(
        "best",
        "top_hits",
        size=request.group_size,
        sort=[{"_score": "desc"}, {"doc_id": "asc"}],
        track_scores=True,  # a sorted top_hits leaves ``_score`` empty otherwise
        _source={"excludes": ["suggest"]},
    )
    search.aggs.bucket("group_hits", best)
    return search.extra(track_total_hits=False)[:0]


def build_citation_search(keys: list[str], index: str) -> Search:
    """Documents carrying any of the citation keys (the pasal before its regulation)."""
    return Search(index=index).filter("terms", citations=keys).sort("kind", "doc_id")[:20]


def build_suggest(query_words: list[str], prefix: str, index: str, limit: int) -> Search:
    """Titles of services and regulations that contain the words and a word starting with ``prefix``."""
    text = " ".join([*query_words, prefix]).strip()
    return (
        Search(index=index)
        .query(
            "function_score",
            query=Q("match_bool_prefix", suggest={"query": text, "operator": "and"}),
            functions=[{"field_value_factor": {"field": "boost", "missing": 1}}],
            boost_mode="multiply",
        )
        .filter("terms", kind=[KIND_SERVICE, KIND_REGULATION])
        .sort({"_score": "desc"}, {"doc_id": "asc"})[:limit]
    )


def _hit(raw: dict) -> BackendHit:
    source = raw.get("_source", {})
    return BackendHit(
        doc_id=source.get("doc_id", raw.get("_id", "")),
        kind=source.get("kind", ""),
        title=source.get("title", ""),
        subtitle=source.get("subtitle", ""),
        url=source.get("url", ""),
        body=source.get("body", ""),
        score=float(raw.get("_score") or 0.0),
        group=source.get("group", ""),
        jenis_label=source.get("jenis_label", ""),
        tahun=source.get("tahun"),
        status=source.get("status", ""),
        status_label=source.get("status_label", ""),
        opd_label=source.get("opd_label", ""),
    )


def parse_hits(response: dict) -> list[BackendHit]:
    """Plain hits (citations, suggestions) from a search response."""
    return [_hit(raw) for raw in response.get("hits", {}).get("hits", [])]


def page_groups(response: dict) -> list[str]:
    """The groups of a response to :func:`build_search`, best first (collapse returns each one's key)."""
    groups = []
    for raw in response.get("hits", {}).get("hits", []):
        values = raw.get("fields", {}).get("group") or [raw.get("_source", {}).get("group", "")]
        groups.append(str(values[0]))
    return groups


def parse_group_hits(response: dict) -> dict[str, list[BackendHit]]:
    """Each group's best documents from a response to :func:`build_group_hits`."""
    buckets = response.get("aggregations", {}).get("group_hits", {}).get("buckets", [])
    return {
        str(bucket["key"]): [_hit(raw) for raw in bucket.get("best", {}).get("hits", {}).get("hits", [])]
        for bucket in buckets
    }


def parse_search(response: dict, group_hits: dict[str, list[BackendHit]]) -> BackendResult:
    """Grouped hits, group total and facets from the responses to :func:`build_search` and
    :func:`build_group_hits` (``group_hits``, parsed by :func:`parse_group_hits`).

    A group missing from ``group_hits`` left the index between the two requests and is left out.
    """
    groups = [group_hits[group] for group in page_groups(response) if group_hits.get(group)]
    aggregations = response.get("aggregations", {})
    facets = {}
    for facet in FACET_FIELDS:
        buckets = aggregations.get(f"facet_{facet}", {}).get("values", {}).get("buckets", [])
        values = []
        for bucket in buckets:
            value = str(bucket["key"])
            labels = bucket.get("label", {}).get("buckets", [])
            label = str(labels[0]["key"]) if labels else value
            count = int(bucket.get("groups", {}).get("value", bucket.get("doc_count", 0)))
            if value and count:
                values.append((value, label, count))
        values.sort(key=lambda item: (-item[2], item[1]))
        facets[facet] = values
    total = int(aggregations.get("total_groups", {}).get("groups", {}).get("value", len(groups)))
    return BackendResult(groups=groups, total=total, facets=facets)

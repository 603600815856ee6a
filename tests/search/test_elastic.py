"""The Elasticsearch engine without a server: index definition, query bodies, documents, responses."""

import re

from search.analysis import Thesaurus
from search.backends.base import MODE_ANY, SearchRequest
from search.backends.elastic_mapping import (
    UNSTEMMED,
    WORD_SPLIT,
    IndexSettings,
    build_citation_search,
    build_group_hits,
    build_index,
    build_search,
    build_suggest,
    document_source,
    page_groups,
    parse_group_hits,
    parse_search,
)
from search.documents import SearchDocument
from search.query import parse_query

THESAURUS = Thesaurus.from_lines(["KTP, KTP-el, kartu tanda penduduk", "PBG, IMB"])


def _request(text, **kwargs):
    return SearchRequest(query=parse_query(text, THESAURUS), **kwargs)


def test_index_analyzers_mirror_the_python_chain():
    """Split on non-alphanumerics, lowercase, asciifolding, keyword_marker (protected words; short and
    numeric words), stop, Snowball Indonesian: the chain of search.analysis, token for token."""
    body = build_index("registri-documents-x", THESAURUS).to_dict()
    analysis = body["settings"]["analysis"]
    index = analysis["analyzer"]["registri_index"]
    assert index["tokenizer"] == "registri_words"
    assert analysis["tokenizer"]["registri_words"] == {"type": "pattern", "pattern": WORD_SPLIT}
    assert index["filter"] == [
        "lowercase",
        "asciifolding",
        "registri_protected",
        "registri_unstemmed",
        "registri_stop",
        "registri_stemmer",
    ]
    assert analysis["filter"]["registri_stemmer"] == {"type": "snowball", "language": "Indonesian"}
    assert "pemerintah" in analysis["filter"]["registri_protected"]["keywords"]
    assert analysis["filter"]["registri_unstemmed"]["keywords_pattern"] == UNSTEMMED


def test_unstemmed_pattern_is_what_the_python_stemmer_leaves_alone():
    """search.analysis.stem keeps words under four letters and words with digits; so does the marker."""
    pattern = re.compile(UNSTEMMED)
    for word in ["ktp", "uu", "a", "2023", "b3", "pasal5", "kartu", "pelayanan", "izin"]:
        python_keeps = not word.isalpha() or len(word) < 4
        assert bool(pattern.fullmatch(word)) == python_keeps, word


def test_index_layout_for_a_cluster():
    """One shard; replicas auto-expand to a copy per node (up to three); or fixed numbers."""
    default = build_index("x", THESAURUS, layout=IndexSettings()).to_dict()["settings"]
    assert (default["number_of_shards"], default["auto_expand_replicas"]) == (1, "0-2")
    assert "number_of_replicas" not in default
    fixed = build_index("x", THESAURUS, layout=IndexSettings(shards=3, replicas=1)).to_dict()["settings"]
    assert (fixed["number_of_shards"], fixed["number_of_replicas"]) == (3, 1)


def test_synonyms_only_in_the_search_analyzer():
    """synonym_graph sits in the search analyzer, before stemming, and holds the admin's sets."""
    body = build_index("x", THESAURUS).to_dict()
    analysis = body["settings"]["analysis"]
    assert "registri_synonyms" in analysis["analyzer"]["registri_search"]["filter"]
    assert "registri_synonyms" not in analysis["analyzer"]["registri_index"]["filter"]
    synonyms = analysis["filter"]["registri_synonyms"]
    assert synonyms["type"] == "synonym_graph" and "pbg, imb" in synonyms["synonyms"]
    title = body["mappings"]["properties"]["title_match"]
    assert (title["analyzer"], title["search_analyzer"], title["copy_to"]) == (
        "registri_index",
        "registri_search",
        "all_text",
    )


def test_search_body_requires_all_words_and_boosts_fields():
    """All-words match on all_text; the score comes from one cross-field query (one idf per word
    across title 8, keywords 4, body 1); the boost field multiplies it."""
    body = build_search(_request("izin reklame"), "alias", {}).to_dict()
    scored = body["query"]["function_score"]
    must = scored["query"]["bool"]["must"][0]["match"]["all_text"]
    assert must == {"query": "izin reklame", "operator": "and"}
    [should] = scored["query"]["bool"]["should"]
    assert should["multi_match"]["type"] == "cross_fields"
    assert should["multi_match"]["fields"] == ["title_match^8", "keywords^4", "body^1"]
    assert scored["functions"][0]["field_value_factor"]["field"] == "boost"


def test_relaxed_mode_uses_or():
    """The any-word fallback uses operator or."""
    body = build_search(_request("izin reklame", mode=MODE_ANY), "alias", {}).to_dict()
    assert (
        body["query"]["function_score"]["query"]["bool"]["must"][0]["match"]["all_text"]["operator"] == "or"
    )


def test_phrases_become_match_phrase():
    """A quoted phrase is a match_phrase clause."""
    body = build_search(_request('"pelayanan publik"'), "alias", {}).to_dict()
    assert {"match_phrase": {"all_text": "pelayanan publik"}} in body["query"]["function_score"]["query"][
        "bool"
    ]["must"]


def test_facets_ignore_their_own_filter_and_post_filter_narrows_hits():
    """Selected filters are a post_filter; each facet's aggregation applies only the others."""
    filters = {"jenis": ["perwal"], "tahun": ["2023"]}
    body = build_search(_request("pelayanan"), "alias", filters).to_dict()
    assert {"terms": {"jenis": ["perwal"]}} in body["post_filter"]["bool"]["filter"]
    jenis_filter = body["aggs"]["facet_jenis"]["filter"]["bool"]["filter"]
    assert jenis_filter == [{"terms": {"tahun": ["2023"]}}]
    assert body["aggs"]["facet_jenis"]["aggs"]["values"]["aggs"]["groups"]["cardinality"]["field"] == "group"


def test_results_are_collapsed_by_group_and_paged():
    """Collapse on group without inner hits (a search per group) or sources; from/size follow the page."""
    body = build_search(_request("pelayanan", page=3, per_page=10), "alias", {}).to_dict()
    assert body["collapse"] == {"field": "group"}
    assert body["_source"] is False
    assert (body["from"], body["size"]) == (20, 10)


def test_group_hits_body_ranks_the_page_groups_like_the_page():
    """The second request: same scored query and filters, only the page's groups, best three of each."""
    request = _request("izin reklame", filters={"jenis": ["perwal"]})
    page = build_search(request, "alias", {"jenis": ["perwal"]}).to_dict()
    body = build_group_hits(request, "alias", {"jenis": ["perwal"]}, ["regulation:1", "service:3"]).to_dict()
    assert body["query"]["bool"]["must"] == [page["query"]]
    assert body["query"]["bool"]["filter"] == [
        {"terms": {"group": ["regulation:1", "service:3"]}},
        {"terms": {"jenis": ["perwal"]}},
    ]
    assert body["size"] == 0
    groups = body["aggs"]["group_hits"]
    assert groups["terms"] == {"field": "group", "include": ["regulation:1", "service:3"], "size": 2}
    best = groups["aggs"]["best"]["top_hits"]
    assert best["size"] == 3 and best["track_scores"] is True
    assert best["sort"] == page["sort"] == [{"_score": "desc"}, {"doc_id": "asc"}]


def test_citation_and_suggest_bodies():
    """Citation lookup filters on keys; autocomplete uses match_bool_prefix on unstemmed titles."""
    citation = build_citation_search(["perwal:12:2023"], "alias").to_dict()
    assert citation["query"]["bool"]["filter"] == [{"terms": {"citations": ["perwal:12:2023"]}}]
    suggest = build_suggest(["izin"], "rek", "alias", 5).to_dict()
    assert (
        suggest["query"]["bool"]["must"][0]["function_score"]["query"]["match_bool_prefix"]["suggest"][
            "query"
        ]
        == "izin rek"
    )


def test_document_source_carries_metadata_and_title_column():
    """A passage is matched on its label, carries its regulation's facets and citation keys."""
    document = SearchDocument(
        doc_id="regulation:1:00002:halaman-2",
        owner="regulation:1",
        kind="pasal",
        title="Perwal 12/2023 · Halaman 2",
        subtitle="Halaman 2",
        url="/x#page=2",
        body="Pasal 5 …",
        jenis="perwal",
        jenis_label="Peraturan Wali Kota",
        tahun=2023,
        status="berlaku",
        citations=["perwal:12:2023:pasal-5"],
    )
    source = document_source(document)
    assert source["title_match"] == "Halaman 2"
    assert source["group"] == "regulation:1"
    assert (source["jenis"], source["tahun"], source["citations"]) == (
        "perwal",
        2023,
        ["perwal:12:2023:pasal-5"],
    )
    assert "opd" not in source and source["suggest"] == ""


def _source_hit(score, doc_id, kind, title, group, **extra):
    return {
        "_score": score,
        "_source": {"doc_id": doc_id, "kind": kind, "title": title, "group": group, **extra},
    }


def test_parse_search_response_groups_facets_and_total():
    """Recorded-shape responses become groups in page order, facet (value, label, count) and the total."""
    response = {
        "hits": {
            "total": {"value": 7},
            "hits": [
                {"_id": "regulation:1", "_score": 9.5, "fields": {"group": ["regulation:1"]}},
                {"_id": "service:3", "_score": 3.0, "fields": {"group": ["service:3"]}},
                {"_id": "regulation:9", "_score": 2.0, "fields": {"group": ["regulation:9"]}},
            ],
        },
        "aggregations": {
            "facet_jenis": {
                "doc_count": 7,
                "values": {
                    "buckets": [
                        {
                            "key": "perwal",
                            "doc_count": 5,
                            "groups": {"value": 1},
                            "label": {"buckets": [{"key": "Peraturan Wali Kota", "doc_count": 5}]},
                        },
                    ]
                },
            },
            "facet_tahun": {
                "doc_count": 7,
                "values": {"buckets": [{"key": 2023, "doc_count": 5, "groups": {"value": 1}}]},
            },
            "total_groups": {"doc_count": 7, "groups": {"value": 2}},
        },
    }
    assert page_groups(response) == ["regulation:1", "service:3", "regulation:9"]
    group_response = {
        "hits": {"hits": []},
        "aggregations": {
            "group_hits": {
                "buckets": [  # the terms aggregation orders buckets by count, not by rank
                    {
                        "key": "service:3",
                        "doc_count": 1,
                        "best": {
                            "hits": {"hits": [_source_hit(3.0, "service:3", "layanan", "KTP", "service:3")]}
                        },
                    },
                    {
                        "key": "regulation:1",
                        "doc_count": 4,
                        "best": {
                            "hits": {
                                "hits": [
                                    _source_hit(9.5, "regulation:1", "peraturan", "Perwal", "regulation:1"),
                                    _source_hit(
                                        4.0,
                                        "regulation:1:00002:halaman-2",
                                        "pasal",
                                        "Hlm 2",
                                        "regulation:1",
                                        body="teks",
                                    ),
                                ]
                            }
                        },
                    },
                ]
            }
        },
    }
    # regulation:9 left the index between the two requests: it is left out.
    result = parse_search(response, parse_group_hits(group_response))
    assert [[(h.doc_id, h.score) for h in g] for g in result.groups] == [
        [("regulation:1", 9.5), ("regulation:1:00002:halaman-2", 4.0)],
        [("service:3", 3.0)],
    ]
    assert result.groups[0][1].body == "teks"
    assert result.facets["jenis"] == [("perwal", "Peraturan Wali Kota", 1)]
    assert result.facets["tahun"] == [("2023", "2023", 1)]
    assert result.facets["status"] == []
    assert result.total == 2

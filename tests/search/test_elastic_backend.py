"""The cluster backends without a server: what they send, the circuit breaker and the rebuild."""

import pytest

from search.analysis import Thesaurus
from search.backends.base import SearchRequest
from search.documents import SearchDocument
from search.query import parse_query

THESAURUS = Thesaurus.from_lines(["KTP, KTP-el, kartu tanda penduduk", "PBG, IMB"])


def _request(text, **kwargs):
    return SearchRequest(query=parse_query(text, THESAURUS), **kwargs)


class _Response(dict):
    """A response as either client gives it (the elasticsearch client wraps it in ``.body``)."""

    @property
    def body(self):
        return self


class _Recorder:
    """Stands in for either client's ``search`` call: records what a backend sends."""

    def __init__(self):
        self.sent = []

    def search(self, index, body, **params):
        self.sent.append((index, body, params))
        if "collapse" in body:  # a page with one group, so that its best documents are asked for
            return _Response(hits={"hits": [{"_id": "service:3", "fields": {"group": ["service:3"]}}]})
        return _Response(hits={"hits": []}, aggregations={})


def test_both_cluster_backends_send_the_same_bodies():
    """Elasticsearch and OpenSearch share every body: only the client differs."""
    from search.backends.elastic import ElasticsearchBackend
    from search.backends.opensearch import OpenSearchBackend

    sent = []
    for backend_class in (ElasticsearchBackend, OpenSearchBackend):
        recorder = _Recorder()
        backend = backend_class(
            "http://127.0.0.1:9", prefix="p", thesaurus=lambda: THESAURUS, client=recorder
        )
        backend.search(_request("izin reklame", filters={"jenis": ["perwal"]}))
        backend.suggest(["izin"], "rek")
        backend.lookup_citations(["perwal:12:2023"])
        sent.append(recorder.sent)
    assert sent[0] == sent[1] and len(sent[0]) == 4
    assert sent[0][0][0] == "p-documents"
    # The page, then its groups' best documents; every query answered by the receiving node's copy.
    assert "collapse" in sent[0][0][1]
    assert sent[0][1][1]["aggs"]["group_hits"]["terms"]["include"] == ["service:3"]
    assert all(params == {"preference": "_local"} for _, _, params in sent[0])


def test_a_page_without_hits_sends_one_request():
    """No group on the page: the second request is not sent."""
    from search.backends.opensearch import OpenSearchBackend

    class Empty(_Recorder):
        def search(self, index, body, **params):
            self.sent.append((index, body, params))
            return _Response(hits={"hits": []}, aggregations={})

    recorder = Empty()
    backend = OpenSearchBackend("http://127.0.0.1:9", prefix="p", client=recorder)
    result = backend.search(_request("izin", page=2))
    assert result.groups == [] and len(recorder.sent) == 1


def test_a_connection_failure_opens_the_circuit_for_retry_after():
    """After a connection failure the cluster is not asked again until ``retry_after`` has passed."""
    from opensearchpy.exceptions import ConnectionError as ClientConnectionError

    from search.backends.base import SearchUnavailable
    from search.backends.opensearch import OpenSearchBackend

    calls = []

    class Down:
        def search(self, **kwargs):
            calls.append(kwargs)
            raise ClientConnectionError("N/A", "refused", None)

    backend = OpenSearchBackend("http://127.0.0.1:9", prefix="p", client=Down(), retry_after=60)
    for _ in range(3):
        with pytest.raises(SearchUnavailable):
            backend.search(_request("izin"))
    assert len(calls) == 1


def test_rebuild_merges_the_new_index_before_the_alias_swap():
    """A rebuild loads and refreshes the new index, waits for its copies, merges it, then swaps the alias."""
    from search.backends.cluster import ClusterBackend

    class Steps(ClusterBackend):
        """A cluster kept in memory that records the rebuild's steps (names only)."""

        def __init__(self):
            super().__init__(
                "http://127.0.0.1:9", prefix="p", thesaurus=lambda: THESAURUS, swap_grace=0, client=object()
            )
            self.steps, self.indices, self.aliased = [], [], []

        def _op_create_index(self, name, body):
            self.indices.append(name)

        def _op_indices(self, pattern):
            return list(self.indices)

        def _op_alias_indices(self, alias):
            return list(self.aliased)

        def _op_bulk(self, actions, refresh, chunk_size, slow):
            self.steps.append(f"bulk {len(list(actions))}")
            return []

        def _op_put_settings(self, name, settings):
            self.steps.append("settings")

        def _op_refresh(self, name):
            self.steps.append("refresh")

        def _op_forcemerge(self, name):
            self.steps.append(f"forcemerge {name == self.indices[-1]}")

        def _op_health(self, **params):
            self.steps.append("health")
            return {"status": "green"}

        def _op_update_aliases(self, actions):
            self.steps.append("swap")
            self.aliased = [action["add"]["index"] for action in actions if "add" in action]

    backend = Steps()
    document = SearchDocument(doc_id="service:1", owner="service:1", kind="layanan", title="KTP", url="/k/")
    assert backend.rebuild([document]) == 1
    assert backend.steps == ["bulk 1", "settings", "refresh", "health", "forcemerge True", "swap"]
    assert backend.aliased == backend.indices

"""OpenSearch through ``opensearch-py``.

OpenSearch speaks the same REST API as Elasticsearch for everything Registri sends, but the
``elasticsearch`` 8 client refuses servers that are not Elasticsearch, so this backend only swaps
the client: the index, the bodies, the writes and the reads are those of
:class:`~search.backends.cluster.ClusterBackend` and :mod:`search.backends.elastic_mapping`.
"""

from opensearchpy import OpenSearch, helpers
from opensearchpy.exceptions import ConnectionError as ClientConnectionError
from opensearchpy.exceptions import OpenSearchException, TransportError

from .cluster import ClusterBackend

#: Index management and bulk writes run in tasks, not in a page: they may take longer than a query.
WRITE_TIMEOUT = 60.0
#: A rebuild's force merge of the new index (seconds at the base corpus, a few minutes at 10x).
MERGE_TIMEOUT = 900.0


class OpenSearchBackend(ClusterBackend):
    """Documents in ``<prefix>-documents-<timestamp>`` indices behind an alias (see ``ClusterBackend``)."""

    name = "opensearch"
    product = "OpenSearch"
    failures = (OpenSearchException, helpers.BulkIndexError, ConnectionError)
    # ConnectionTimeout is a ConnectionError in opensearch-py.
    unreachable = (ClientConnectionError, ConnectionError)

    def connect(self, hosts, timeout, api_key, ca_certs):
        # OpenSearch has no API keys: its security plugin takes the user and password in the URL.
        options = {"ca_certs": ca_certs} if ca_certs else {}
        return OpenSearch(
            hosts=hosts,
            timeout=timeout,
            # Another node may answer when one is down; a slow cluster is not asked twice.
            max_retries=len(hosts) - 1,
            retry_on_timeout=False,
            **options,
        )

    @property
    def _write_timeout(self) -> float:
        return max(self.timeout, WRITE_TIMEOUT)

    def _op_create_index(self, name, body):
        self.client.indices.create(index=name, body=body, request_timeout=self._write_timeout)

    def _op_indices(self, pattern):
        return list(self.client.indices.get(index=pattern, allow_no_indices=True))

    def _op_alias_indices(self, alias):
        found = self.client.indices.get_alias(name=alias, ignore=404)  # no alias yet: not an error
        return [] if found.get("status") == 404 else list(found)

    def _op_update_aliases(self, actions):
        self.client.indices.update_aliases(body={"actions": actions}, request_timeout=self._write_timeout)

    def _op_delete_index(self, name):
        self.client.indices.delete(index=name, ignore_unavailable=True, request_timeout=self._write_timeout)

    def _op_put_settings(self, name, settings):
        self.client.indices.put_settings(
            index=name, body={"index": settings}, request_timeout=self._write_timeout
        )

    def _op_refresh(self, name):
        self.client.indices.refresh(index=name, request_timeout=self._write_timeout)

    def _op_forcemerge(self, name):
        self.client.indices.forcemerge(index=name, max_num_segments=1, request_timeout=MERGE_TIMEOUT)

    def _op_search(self, index, body, **params):
        return self.client.search(index=index, body=body, **params)

    def _op_count(self, index):
        return self.client.count(index=index)["count"]

    def _op_bulk(self, actions, refresh, chunk_size, slow):
        return [
            item
            for _, item in helpers.streaming_bulk(
                self.client,
                actions,
                chunk_size=chunk_size,
                refresh="wait_for" if refresh == "wait_for" else str(bool(refresh)).lower(),
                raise_on_error=False,
                yield_ok=False,
                request_timeout=self._write_timeout if slow else self.timeout,
            )
        ]

    def _op_health(self, **params):
        if "wait_for_status" in params:
            params["request_timeout"] = self._write_timeout
        try:
            return self.client.cluster.health(**params)
        except TransportError as exc:
            if exc.status_code == 408 and isinstance(exc.info, dict):
                return exc.info  # waited in vain: the body still says how the cluster is
            raise

    def _op_info(self):
        return self.client.info()

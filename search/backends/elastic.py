"""Elasticsearch through the official ``elasticsearch`` client (8.x).

Everything but the client calls is shared with OpenSearch in :class:`~search.backends.cluster.ClusterBackend`,
and every body comes from :mod:`search.backends.elastic_mapping`.
"""

from elastic_transport import ConnectionError as TransportConnectionError
from elastic_transport import ConnectionTimeout, TransportError
from elasticsearch import ApiError, Elasticsearch, helpers

from .cluster import ClusterBackend

#: Index management and bulk writes run in tasks, not in a page: they may take longer than a query.
WRITE_TIMEOUT = 60.0
#: A rebuild's force merge of the new index (seconds at the base corpus, a few minutes at 10x).
MERGE_TIMEOUT = 900.0


class ElasticsearchBackend(ClusterBackend):
    """Documents in ``<prefix>-documents-<timestamp>`` indices behind an alias (see ``ClusterBackend``)."""

    name = "elasticsearch"
    product = "Elasticsearch"
    failures = (TransportError, ApiError, helpers.BulkIndexError, ConnectionError)
    unreachable = (TransportConnectionError, ConnectionTimeout, ConnectionError)

    def connect(self, hosts, timeout, api_key, ca_certs):
        return Elasticsearch(
            hosts,
            request_timeout=timeout,
            # Another node may answer when one is down; a slow cluster is not asked twice.
            max_retries=len(hosts) - 1,
            retry_on_timeout=False,
            api_key=api_key or None,
            ca_certs=ca_certs or None,
        )

    def _slow(self):
        return self.client.options(request_timeout=max(self.timeout, WRITE_TIMEOUT))

    def _op_create_index(self, name, body):
        self._slow().indices.create(index=name, settings=body["settings"], mappings=body["mappings"])

    def _op_indices(self, pattern):
        return list(self.client.indices.get(index=pattern, allow_no_indices=True).body)

    def _op_alias_indices(self, alias):
        found = self.client.options(ignore_status=404).indices.get_alias(name=alias).body
        return [] if found.get("status") == 404 else list(found)  # no alias yet: not an error

    def _op_update_aliases(self, actions):
        self._slow().indices.update_aliases(actions=actions)

    def _op_delete_index(self, name):
        self._slow().indices.delete(index=name, ignore_unavailable=True)

    def _op_put_settings(self, name, settings):
        self._slow().indices.put_settings(index=name, settings=settings)

    def _op_refresh(self, name):
        self._slow().indices.refresh(index=name)

    def _op_forcemerge(self, name):
        self.client.options(request_timeout=MERGE_TIMEOUT).indices.forcemerge(index=name, max_num_segments=1)

    def _op_search(self, index, body, **params):
        return self.client.search(index=index, body=body, **params).body

    def _op_count(self, index):
        return self.client.count(index=index)["count"]

    def _op_bulk(self, actions, refresh, chunk_size, slow):
        return [
            item
            for _, item in helpers.streaming_bulk(
                self._slow() if slow else self.client,
                actions,
                chunk_size=chunk_size,
                refresh=refresh,
                raise_on_error=False,
                yield_ok=False,
            )
        ]

    def _op_health(self, **params):
        client = self._slow() if "wait_for_status" in params else self.client
        try:
            return client.cluster.health(**params).body
        except ApiError as exc:
            if exc.status_code == 408:  # waited in vain: the body still says how the cluster is
                return exc.body
            raise

    def _op_info(self):
        return self.client.info().body

"""Elasticsearch: an index behind an alias, rebuilt without downtime, reached through elasticsearch.dsl."""

import time
from collections.abc import Callable, Iterable

from elastic_transport import TransportError
from elasticsearch import ApiError, Elasticsearch, helpers

from ..analysis import Thesaurus
from .base import Health, SearchBackend, SearchUnavailable, clean_filters
from .elastic_mapping import (
    build_citation_search,
    build_index,
    build_search,
    build_suggest,
    document_source,
    parse_hits,
    parse_search,
)

_FAILURES = (TransportError, ApiError, helpers.BulkIndexError, ConnectionError)


class ElasticsearchBackend(SearchBackend):
    """Documents in ``<prefix>-documents-<timestamp>`` indices, read and written through an alias.

    A rebuild fills a new index and swaps the alias in one atomic call; writes made meanwhile go to
    every index behind the pattern, so the new one misses nothing.
    """

    name = "elasticsearch"

    def __init__(
        self,
        url: str,
        prefix: str = "registri",
        thesaurus: Callable[[], Thesaurus] | None = None,
        timeout: float = 3.0,
        refresh: bool | str = False,
        client: Elasticsearch | None = None,
    ):
        self.url = url
        self.alias = f"{prefix}-documents"
        self._thesaurus = thesaurus or Thesaurus
        self.refresh = refresh
        self.client = client or Elasticsearch(
            url, request_timeout=timeout, max_retries=0, retry_on_timeout=False
        )

    def _call(self, fn, *args, **kwargs):
        try:
            return fn(*args, **kwargs)
        except _FAILURES as exc:
            raise SearchUnavailable(f"Elasticsearch ({self.url}): {exc}") from exc

    # --- index management -----------------------------------------------------------------------

    def _new_index(self) -> str:
        name = f"{self.alias}-{time.strftime('%Y%m%d%H%M%S')}-{time.time_ns() % 1_000_000:06d}"
        body = build_index(name, self._thesaurus()).to_dict()
        self._call(self.client.indices.create, index=name, **body)
        return name

    def _targets(self) -> list[str]:
        """Every physical index writes must reach (the live one, and one being rebuilt)."""
        found = self._call(self.client.indices.get, index=f"{self.alias}-*", allow_no_indices=True)
        return sorted(found.body) if hasattr(found, "body") else sorted(found)

    def ensure_index(self) -> None:
        """Create the first index and its alias when there is none."""
        if not self._call(self.client.indices.exists_alias, name=self.alias):
            name = self._new_index()
            self._call(self.client.indices.put_alias, index=name, name=self.alias)

    def drop(self) -> None:
        """Delete every index of this prefix (tests and teardown)."""
        for name in self._targets():
            self._call(self.client.indices.delete, index=name, ignore_unavailable=True)

    # --- writing --------------------------------------------------------------------------------

    def replace(self, owner, documents):
        self.ensure_index()
        for target in self._targets():
            self._call(
                self.client.delete_by_query,
                index=target,
                query={"term": {"owner": owner}},
                refresh=True,
                conflicts="proceed",
            )
            actions = [{"_index": target, "_id": d.doc_id, "_source": document_source(d)} for d in documents]
            if actions:
                self._call(helpers.bulk, self.client, actions, refresh=self.refresh)

    def rebuild(self, documents: Iterable, progress=None):
        old = self._targets()
        name = self._new_index()
        count = 0

        def actions():
            nonlocal count
            for document in documents:
                count += 1
                if progress and count % 1000 == 0:
                    progress(count)
                yield {"_index": name, "_id": document.doc_id, "_source": document_source(document)}

        try:
            self._call(helpers.bulk, self.client, actions(), chunk_size=500)
            self._call(self.client.indices.refresh, index=name)
            swap = [{"remove": {"index": index, "alias": self.alias}} for index in old]
            swap.append({"add": {"index": name, "alias": self.alias}})
            self._call(self.client.indices.update_aliases, actions=swap)
        except SearchUnavailable:
            self._call(self.client.indices.delete, index=name, ignore_unavailable=True)
            raise
        for index in old:
            self._call(self.client.indices.delete, index=index, ignore_unavailable=True)
        if progress:
            progress(count)
        return count

    # --- reading --------------------------------------------------------------------------------

    def _search(self, search):
        response = self._call(self.client.search, index=self.alias, body=search.to_dict())
        return response.body if hasattr(response, "body") else response

    def search(self, request):
        search = build_search(request, self.alias, clean_filters(request.filters))
        return parse_search(self._search(search))

    def lookup_citations(self, keys):
        if not keys:
            return []
        hits = parse_hits(self._search(build_citation_search(keys, self.alias)))
        hits.sort(key=lambda hit: 0 if hit.kind == "pasal" else 1)
        return hits

    def suggest(self, words, prefix, limit=8):
        return parse_hits(self._search(build_suggest(words, prefix, self.alias, limit)))

    def count(self):
        return int(self._call(self.client.count, index=self.alias)["count"])

    def health(self):
        try:
            info = self._call(self.client.cluster.health)
            documents = self.count()
        except SearchUnavailable as exc:
            return Health(engine=self.name, ok=False, detail=str(exc))
        return Health(
            engine=self.name,
            ok=info["status"] in ("green", "yellow"),
            detail=f"Elasticsearch {self.url} ({info['status']}), alias {self.alias}",
            documents=documents,
        )

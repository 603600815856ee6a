"""What the Elasticsearch and OpenSearch engines share: the alias, rebuilds, writes, reads and health.

Documents live in ``<prefix>-documents-<timestamp>`` indices, read through the alias
``<prefix>-documents``. A rebuild fills a new index, waits until its copies are allocated, swaps the
alias in one atomic call, and deletes the old index after a grace period, so queries never fail;
writes made meanwhile go to every index behind the pattern, so the new one misses nothing.

Every body comes from :mod:`search.backends.elastic_mapping`; a subclass only adapts its client
(``elasticsearch`` or ``opensearch-py``) in the ``_op_*`` methods.

When the cluster cannot be reached, every call raises :class:`SearchUnavailable` (queries fall back to
the database engine, updates are queued in ``PendingIndexOperation``); after a connection failure or a
time-out the backend does not try again for ``retry_after`` seconds, so an outage costs one time-out
per process and not one per page.
"""

import contextlib
import threading
import time
from collections.abc import Callable, Iterable
from urllib.parse import urlsplit, urlunsplit

from ..analysis import Thesaurus
from .base import Health, SearchBackend, SearchUnavailable, clean_filters
from .elastic_mapping import (
    ID_PAGE_SIZE,
    IndexSettings,
    build_citation_search,
    build_group_hits,
    build_id_page,
    build_index,
    build_search,
    build_suggest,
    delete_action,
    index_action,
    page_groups,
    parse_group_hits,
    parse_hits,
    parse_id_page,
    parse_search,
)

#: Documents sent per bulk request during a rebuild.
BULK_CHUNK = 500


def split_urls(url: str) -> list[str]:
    """``"http://a:9200, http://b:9200"`` → both URLs (a cluster's nodes, any of which may answer)."""
    return [part.strip() for part in url.split(",") if part.strip()]


def public_url(url: str) -> str:
    """The URL(s) without credentials, for messages and logs."""
    shown = []
    for part in split_urls(url):
        pieces = urlsplit(part)
        host = pieces.hostname or ""
        if pieces.port:
            host = f"{host}:{pieces.port}"
        shown.append(urlunsplit((pieces.scheme, host, pieces.path, "", "")))
    return ",".join(shown)


def _body(response):
    """A plain dict from either client's response object."""
    return response.body if hasattr(response, "body") else response


class ClusterBackend(SearchBackend):
    """A search cluster (Elasticsearch or OpenSearch) behind an alias; see the module docstring."""

    name = "cluster"
    #: Shown to people ("OpenSearch", "Elasticsearch").
    product = "Cluster"
    #: The client's exceptions for any failed request.
    failures: tuple[type[BaseException], ...] = (ConnectionError,)
    #: The subset meaning "not reachable or too slow": they open the circuit for ``retry_after``.
    unreachable: tuple[type[BaseException], ...] = (ConnectionError,)
    #: Which shard copies answer a query: the receiving node's own (any copy when it has none).
    preference = "_local"

    def __init__(
        self,
        url: str,
        prefix: str = "registri",
        thesaurus: Callable[[], Thesaurus] | None = None,
        timeout: float = 3.0,
        refresh: bool | str = "wait_for",
        layout: IndexSettings | None = None,
        retry_after: float = 0.0,
        swap_grace: float | None = None,
        api_key: str = "",
        ca_certs: str = "",
        client=None,
    ):
        self.url = url
        self.hosts = split_urls(url)
        self.prefix = prefix
        self.alias = f"{prefix}-documents"
        self._thesaurus = thesaurus or Thesaurus
        self.timeout = timeout
        self.refresh = refresh
        self.layout = layout or IndexSettings()
        self.retry_after = retry_after
        self.swap_grace = min(timeout, 5.0) if swap_grace is None else swap_grace
        self._down_until = 0.0
        self._lock = threading.Lock()
        self.client = client or self.connect(self.hosts, timeout=timeout, api_key=api_key, ca_certs=ca_certs)

    # --- the client adapter (subclasses) ----------------------------------------------------------

    def connect(self, hosts: list[str], timeout: float, api_key: str, ca_certs: str):
        """A client for ``hosts`` that fails fast: one time-out, retrying only on another node."""
        raise NotImplementedError

    def _op_create_index(self, name: str, body: dict) -> None:
        raise NotImplementedError

    def _op_indices(self, pattern: str) -> list[str]:
        raise NotImplementedError

    def _op_alias_indices(self, alias: str) -> list[str]:
        raise NotImplementedError

    def _op_update_aliases(self, actions: list[dict]) -> None:
        raise NotImplementedError

    def _op_delete_index(self, name: str) -> None:
        raise NotImplementedError

    def _op_put_settings(self, name: str, settings: dict) -> None:
        raise NotImplementedError

    def _op_refresh(self, name: str) -> None:
        raise NotImplementedError

    def _op_forcemerge(self, name: str) -> None:
        """Merge ``name`` into one segment per shard copy, waiting until it is done."""
        raise NotImplementedError

    def _op_search(self, index: str, body: dict, **params) -> dict:
        raise NotImplementedError

    def _op_count(self, index: str) -> int:
        raise NotImplementedError

    def _op_bulk(self, actions: Iterable[dict], refresh, chunk_size: int, slow: bool) -> list[dict]:
        """Send the actions; return the items that failed. ``slow``: a rebuild's longer time-out."""
        raise NotImplementedError

    def _op_health(self, **params) -> dict:
        raise NotImplementedError

    def _op_info(self) -> dict:
        raise NotImplementedError

    # --- calls ------------------------------------------------------------------------------------

    def _call(self, fn, *args, probe: bool = False, **kwargs):
        """Run one client call; any failure becomes :class:`SearchUnavailable`.

        ``probe`` calls (health) go out even while the circuit is open, and close it on success.
        """
        if not probe and self._down_until and time.monotonic() < self._down_until:
            raise SearchUnavailable(
                f"{self.product} ({public_url(self.url)}) failed recently; not retried for "
                f"{self._down_until - time.monotonic():.1f}s"
            )
        try:
            result = fn(*args, **kwargs)
        except self.failures as exc:
            if isinstance(exc, self.unreachable) and self.retry_after > 0:
                with self._lock:
                    self._down_until = time.monotonic() + self.retry_after
            raise SearchUnavailable(f"{self.product} ({public_url(self.url)}): {exc}") from exc
        if self._down_until:
            with self._lock:
                self._down_until = 0.0
        return result

    # --- index management -----------------------------------------------------------------------

    def _new_index(self, refresh_interval: str | None = None) -> str:
        name = f"{self.alias}-{time.strftime('%Y%m%d%H%M%S')}-{time.time_ns() % 1_000_000:06d}"
        layout = self.layout
        if refresh_interval is not None:
            layout = IndexSettings(layout.shards, layout.replicas, refresh_interval)
        body = build_index(name, self._thesaurus(), layout=layout).to_dict()
        self._call(self._op_create_index, name, body)
        return name

    def _targets(self) -> list[str]:
        """Every physical index writes must reach (the live one, and one being rebuilt)."""
        return sorted(self._call(self._op_indices, f"{self.alias}-*"))

    def live_indices(self) -> list[str]:
        """The indices behind the alias (one, except for an instant during a swap)."""
        return sorted(self._call(self._op_alias_indices, self.alias))

    def ensure_index(self) -> None:
        """Create the first index and its alias when there is none."""
        if not self.live_indices():
            name = self._new_index()
            self._call(self._op_update_aliases, [{"add": {"index": name, "alias": self.alias}}])

    def drop(self) -> None:
        """Delete every index of this prefix (tests and teardown)."""
        for name in self._targets():
            self._call(self._op_delete_index, name)

    def _search_params(self) -> dict:
        # With several shards, gather term statistics first so that scores do not depend on how
        # documents happen to be spread over the shards.
        return {"search_type": "dfs_query_then_fetch"} if self.layout.shards > 1 else {}

    # --- writing --------------------------------------------------------------------------------

    def _bulk(self, actions: Iterable[dict], refresh, slow: bool = False) -> None:
        """Send bulk actions; a failed item fails the call (deleting what is already gone is fine).

        One object's update waits no longer than a query (an editor's request may be waiting, and a
        missed update is queued and replayed); a rebuild's chunks may take ``WRITE_TIMEOUT``.
        """
        failed = self._call(self._op_bulk, actions, refresh=refresh, chunk_size=BULK_CHUNK, slow=slow)
        failed = [
            item
            for item in failed
            if item.get("delete", {}).get("status") != 404  # already gone
        ]
        if failed:
            raise SearchUnavailable(
                f"{self.product} ({public_url(self.url)}) refused {len(failed)} document(s): "
                f"{str(failed[:3])[:600]}"
            )

    def _ids(self, index: str, owner: str | None = None) -> list[str]:
        """The ids of ``index`` (of one owner, or all), page by page in ``doc_id`` order."""
        ids: list[str] = []
        after = None
        while True:
            page = parse_id_page(_body(self._call(self._op_search, index, build_id_page(owner, after))))
            ids.extend(page)
            if len(page) < ID_PAGE_SIZE:
                return ids
            after = page[-1]

    def doc_ids(self) -> list[str]:
        """Every document id behind the alias, sorted (drills and checks: compare with the database)."""
        ids = []
        for index in self.live_indices():
            ids.extend(self._ids(index))
        return sorted(set(ids))

    def replace(self, owner, documents):
        """Index ``documents`` and remove the owner's other documents, in one bulk request per index.

        No moment shows the owner without documents; with ``refresh="wait_for"`` (the default) the
        call returns once a search sees the change, so an editor who publishes finds the page at once.
        """
        self.ensure_index()
        wanted = {d.doc_id for d in documents}
        for target in self._targets():
            if not self.refresh:
                self._call(self._op_refresh, target)  # the id listing must see earlier writes
            stale = [doc_id for doc_id in self._ids(target, owner) if doc_id not in wanted]
            actions = [index_action(target, d) for d in documents]
            actions += [delete_action(target, doc_id) for doc_id in stale]
            if actions:
                self._bulk(actions, refresh=self.refresh)

    def rebuild(self, documents: Iterable, progress=None):
        """Fill a new index, then swap the alias to it; readers see the old index until the swap."""
        old = self._targets()
        # No periodic refresh while loading (faster); the index is refreshed once before the swap.
        name = self._new_index(refresh_interval="-1")
        count = 0

        def actions():
            nonlocal count
            for document in documents:
                count += 1
                if progress and count % 1000 == 0:
                    progress(count)
                yield index_action(name, document)

        try:
            self._bulk(actions(), refresh=False, slow=True)
            self._call(self._op_put_settings, name, {"refresh_interval": self.layout.refresh_interval})
            self._call(self._op_refresh, name)
            # Every copy allocated before the index takes traffic (yellow on a one-node server).
            state = _body(
                self._call(self._op_health, index=name, wait_for_status="green", timeout="60s", probe=True)
            )
            if state.get("status") not in ("green", "yellow"):
                raise SearchUnavailable(f"{self.product}: the new index {name} is {state.get('status')}")
            # The bulk load leaves several segments per copy, and a query visits every one. Merged once
            # the copies are allocated (a copy still recovering would miss the merge); only updates
            # racing the rebuild write to the index before the swap, so it stays (nearly) one segment.
            self._call(self._op_forcemerge, name)
            live = self.live_indices()
            swap = [{"remove": {"index": index, "alias": self.alias}} for index in live]
            swap.append({"add": {"index": name, "alias": self.alias}})
            self._call(self._op_update_aliases, swap)
        except SearchUnavailable:
            with contextlib.suppress(SearchUnavailable):
                self._call(self._op_delete_index, name, probe=True)
            raise
        if progress:
            progress(count)
        retired = [index for index in old if index != name]
        if retired and self.swap_grace > 0:
            # Queries that resolved the alias just before the swap still read the old index.
            time.sleep(self.swap_grace)
        for index in retired:
            self._call(self._op_delete_index, index)
        return count

    # --- reading --------------------------------------------------------------------------------

    def _search(self, search, **params):
        # Every node holds a copy (replicas "0-2" on three nodes): the node that receives a query
        # answers it from its own copy instead of sending it to another node's.
        params.setdefault("preference", self.preference)
        return _body(self._call(self._op_search, self.alias, search.to_dict(), **params))

    def search(self, request):
        """The page's groups and facets, then the best documents of those groups (two requests)."""
        filters = clean_filters(request.filters)
        params = self._search_params()
        response = self._search(build_search(request, self.alias, filters), **params)
        groups = page_groups(response)
        best = {}
        if groups:
            best = parse_group_hits(
                self._search(build_group_hits(request, self.alias, filters, groups), **params)
            )
        return parse_search(response, best)

    def lookup_citations(self, keys):
        if not keys:
            return []
        hits = parse_hits(self._search(build_citation_search(keys, self.alias)))
        hits.sort(key=lambda hit: 0 if hit.kind == "pasal" else 1)
        return hits

    def suggest(self, words, prefix, limit=8):
        return parse_hits(self._search(build_suggest(words, prefix, self.alias, limit)))

    def count(self):
        return int(self._call(self._op_count, self.alias))

    def describe(self) -> str:
        """The engine's product and version, as the server reports them."""
        info = _body(self._call(self._op_info, probe=True))
        version = info.get("version", {})
        distribution = "OpenSearch" if version.get("distribution") == "opensearch" else "Elasticsearch"
        return f"{distribution} {version.get('number', '?')}"

    def health(self):
        try:
            server = self.describe()
            info = _body(self._call(self._op_health, probe=True))
            live = self._call(self._op_alias_indices, self.alias, probe=True)
            documents = int(self._call(self._op_count, self.alias, probe=True)) if live else 0
        except SearchUnavailable as exc:
            return Health(engine=self.name, ok=False, detail=str(exc))
        return Health(
            engine=self.name,
            ok=info["status"] in ("green", "yellow"),
            detail=(
                f"{server} at {public_url(self.url)}: cluster {info.get('cluster_name', '?')} "
                f"{info['status']}, {info.get('number_of_nodes', '?')} nodes; alias {self.alias} → "
                f"{', '.join(sorted(live)) or 'no index yet'}"
            ),
            documents=documents,
        )

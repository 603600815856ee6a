"""Engine selection: a search cluster when one is configured, otherwise the database's own engine.

Settings read here (all optional):

- ``ELASTICSEARCH_URL``: Elasticsearch is the primary engine (``elasticsearch`` client).
- ``OPENSEARCH_URL``: OpenSearch is (``opensearch-py``), unless ``ELASTICSEARCH_URL`` is also set.
  Either may list several nodes, comma-separated, and carry ``user:password@``. The database engine
  is still written, and answers when the cluster cannot be reached.
- ``SEARCH_INDEX_PREFIX`` (default ``"registri"``): index and alias prefix.
- ``SEARCH_ELASTICSEARCH_TIMEOUT`` (seconds, default 3): how long a query may wait for the cluster.
- ``SEARCH_CLUSTER_RETRY_SECONDS`` (default 10): after a connection failure or time-out, the cluster
  is not asked again for this long (queries go straight to the database engine).
- ``SEARCH_INDEX_SHARDS`` (default 1) and ``SEARCH_INDEX_REPLICAS`` (default ``"0-2"``: a copy on
  each of up to three nodes), see :class:`~search.backends.elastic_mapping.IndexSettings`.
- ``SEARCH_INDEX_REFRESH`` (default ``"wait_for"``): an update returns once searches see it.
- ``SEARCH_CLUSTER_API_KEY``, ``SEARCH_CLUSTER_CA_CERTS``: an API key (Elasticsearch) and the CA
  bundle that signed the cluster's TLS certificate.
"""

from django.conf import settings
from django.db import connection

from .base import SearchBackend, SearchUnavailable

__all__ = [
    "SearchBackend",
    "SearchUnavailable",
    "get_backend",
    "get_cluster_backend",
    "get_database_backend",
    "writable_backends",
]

_cache: dict[str, SearchBackend] = {}


def get_database_backend() -> SearchBackend:
    """The engine of the site's own database (SQLite FTS5 or PostgreSQL)."""
    vendor = connection.vendor
    if vendor not in _cache:
        if vendor == "postgresql":
            from .postgres import PostgresBackend

            _cache[vendor] = PostgresBackend()
        elif vendor == "sqlite":
            from .sqlite import SQLiteBackend

            _cache[vendor] = SQLiteBackend()
        else:
            raise RuntimeError(f"Search has no engine for the {vendor!r} database; use SQLite or PostgreSQL.")
    return _cache[vendor]


def _setting(name: str, default):
    value = getattr(settings, name, default)
    return default if value in (None, "") else value


def _replicas(value) -> int | str:
    text = str(value).strip()
    return text if "-" in text else int(text)


def get_cluster_backend() -> SearchBackend | None:
    """The cluster engine (Elasticsearch or OpenSearch) when its URL is set, else None."""
    elastic_url = getattr(settings, "ELASTICSEARCH_URL", "")
    opensearch_url = getattr(settings, "OPENSEARCH_URL", "")
    url = elastic_url or opensearch_url
    if not url:
        return None
    engine = "elasticsearch" if elastic_url else "opensearch"
    prefix = _setting("SEARCH_INDEX_PREFIX", "registri")
    key = f"{engine}:{url}:{prefix}"
    if key not in _cache:
        from ..synonyms import current_thesaurus
        from .elastic_mapping import IndexSettings

        if engine == "elasticsearch":
            from .elastic import ElasticsearchBackend as Backend
        else:
            from .opensearch import OpenSearchBackend as Backend

        _cache[key] = Backend(
            url,
            prefix=prefix,
            thesaurus=current_thesaurus,
            timeout=float(_setting("SEARCH_ELASTICSEARCH_TIMEOUT", 3)),
            refresh=_setting("SEARCH_INDEX_REFRESH", "wait_for"),
            layout=IndexSettings(
                shards=int(_setting("SEARCH_INDEX_SHARDS", 1)),
                replicas=_replicas(_setting("SEARCH_INDEX_REPLICAS", "0-2")),
            ),
            retry_after=float(_setting("SEARCH_CLUSTER_RETRY_SECONDS", 10)),
            api_key=_setting("SEARCH_CLUSTER_API_KEY", ""),
            ca_certs=_setting("SEARCH_CLUSTER_CA_CERTS", ""),
        )
    return _cache[key]


#: The name the rest of the code has used since Elasticsearch was the only cluster engine.
get_elasticsearch_backend = get_cluster_backend


def get_backend() -> SearchBackend:
    """The primary engine for queries."""
    return get_cluster_backend() or get_database_backend()


def writable_backends() -> list[SearchBackend]:
    """Every engine that index updates go to: the database engine always, the cluster if set."""
    backends = [get_database_backend()]
    cluster = get_cluster_backend()
    if cluster is not None:
        backends.append(cluster)
    return backends


def reset() -> None:
    """Forget the engines built so far (after settings change, e.g. in tests)."""
    _cache.clear()

"""Engine selection: ``ELASTICSEARCH_URL`` selects Elasticsearch, otherwise the database's own engine.

Settings read here (all optional):

- ``ELASTICSEARCH_URL``: when set, Elasticsearch is the primary engine; the database engine is
  still written and answers when Elasticsearch cannot be reached.
- ``SEARCH_INDEX_PREFIX`` (default ``"registri"``): Elasticsearch index and alias prefix.
- ``SEARCH_ELASTICSEARCH_TIMEOUT`` (seconds, default 3).
"""

from django.conf import settings
from django.db import connection

from .base import SearchBackend, SearchUnavailable

__all__ = ["SearchBackend", "SearchUnavailable", "get_backend", "get_database_backend", "writable_backends"]

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


def get_elasticsearch_backend() -> SearchBackend | None:
    """The Elasticsearch engine when ``ELASTICSEARCH_URL`` is set, else None."""
    url = getattr(settings, "ELASTICSEARCH_URL", "")
    if not url:
        return None
    key = f"es:{url}:{getattr(settings, 'SEARCH_INDEX_PREFIX', 'registri')}"
    if key not in _cache:
        from ..synonyms import current_thesaurus
        from .elastic import ElasticsearchBackend

        _cache[key] = ElasticsearchBackend(
            url,
            prefix=getattr(settings, "SEARCH_INDEX_PREFIX", "registri"),
            thesaurus=current_thesaurus,
            timeout=float(getattr(settings, "SEARCH_ELASTICSEARCH_TIMEOUT", 3)),
        )
    return _cache[key]


def get_backend() -> SearchBackend:
    """The primary engine for queries."""
    return get_elasticsearch_backend() or get_database_backend()


def writable_backends() -> list[SearchBackend]:
    """Every engine that index updates go to: the database engine always, Elasticsearch if set."""
    backends = [get_database_backend()]
    elastic = get_elasticsearch_backend()
    if elastic is not None:
        backends.append(elastic)
    return backends


def reset() -> None:
    """Forget the engines built so far (after settings change, e.g. in tests)."""
    _cache.clear()

"""The page cache's backend from one URL (read by the settings; imports nothing from Django).

``PAGE_CACHE_URL`` (else ``REDIS_URL``, else ``CACHE_URL``) names the store:

* ``file:///var/cache/registri`` — files in a directory (the default, under ``var/cache/pages``):
  shared by every gunicorn worker on one host, no server needed;
* ``redis://host:6379/1`` (or ``rediss://``) — Django's Redis backend (needs the ``redis`` package):
  the choice when several web hosts serve one site, since all of them must see one generation;
* ``db://table_name`` — Django's database cache (``manage.py createcachetable`` first);
* ``locmem://`` — one process only: invalidation cannot reach the other workers (tests use it).
"""

from pathlib import Path
from urllib.parse import urlsplit

_BACKENDS = {
    "file": "django.core.cache.backends.filebased.FileBasedCache",
    "redis": "django.core.cache.backends.redis.RedisCache",
    "rediss": "django.core.cache.backends.redis.RedisCache",
    "db": "django.core.cache.backends.db.DatabaseCache",
    "locmem": "django.core.cache.backends.locmem.LocMemCache",
    "dummy": "django.core.cache.backends.dummy.DummyCache",
}

#: Entries a file or database store keeps before it culls a third of them.
MAX_ENTRIES = 20000


def cache_from_url(url: str, default_dir: Path) -> dict:
    """A CACHES entry for ``url``; an empty url means files under ``default_dir``."""
    url = url.strip() or f"file://{default_dir}"
    scheme = urlsplit(url).scheme.lower()
    if scheme not in _BACKENDS:
        raise ValueError(f"PAGE_CACHE_URL: unknown scheme {scheme!r} (use one of {', '.join(_BACKENDS)})")
    entry = {"BACKEND": _BACKENDS[scheme], "KEY_PREFIX": "registri", "TIMEOUT": None}
    if scheme in {"redis", "rediss"}:
        entry["LOCATION"] = url
    elif scheme == "file":
        entry["LOCATION"] = urlsplit(url).path
        entry["OPTIONS"] = {"MAX_ENTRIES": MAX_ENTRIES}
    elif scheme == "db":
        entry["LOCATION"] = urlsplit(url).netloc or "registri_page_cache"
        entry["OPTIONS"] = {"MAX_ENTRIES": MAX_ENTRIES}
    elif scheme == "locmem":
        entry["LOCATION"] = urlsplit(url).netloc or "registri-pages"
    return entry

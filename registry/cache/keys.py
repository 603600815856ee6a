"""The content generation and the keys of cached pages.

Every cached page is stored under the generation current when its request began. A committed write
to any table a public page may read replaces the generation with a fresh random value
(:func:`bump`), so every page stored before it stops being found: the next request renders anew.
The generation lives in the page cache itself, so every process using the same store (the gunicorn
workers, the task workers, a management command) sees one value.
"""

import hashlib
import logging
import uuid
from urllib.parse import urlencode

from django.core.cache import caches
from django.utils import timezone

logger = logging.getLogger(__name__)

#: The alias of the page cache in ``CACHES``.
ALIAS = "pages"
GENERATION_KEY = "page-generation"


def store():
    """The cache that holds pages and the generation."""
    return caches[ALIAS]


def bump() -> None:
    """Start a new generation: every page cached so far is out of date."""
    try:
        store().set(GENERATION_KEY, uuid.uuid4().hex, None)
    except Exception:  # the cache must never break a write; the log says what was missed
        logger.exception("Page cache: could not start a new generation; cached pages may be stale")


def current_generation() -> str:
    """The generation in force, created when the store has none (a fresh or culled store)."""
    cache = store()
    generation = cache.get(GENERATION_KEY)
    if generation is None:
        cache.add(GENERATION_KEY, uuid.uuid4().hex, None)
        generation = cache.get(GENERATION_KEY)
    return generation


def page_key(request, generation: str) -> str:
    """The key of ``request``'s page in ``generation``: scheme, host, path and sorted query.

    The local date is part of the key, so nothing rendered yesterday is served today even when no
    write happened in between (a safety net for anything a page computes from the date).
    """
    query = urlencode(sorted(request.GET.lists()), doseq=True)
    address = f"{request.scheme}://{request.get_host()}{request.path}?{query}"
    digest = hashlib.sha256(address.encode()).hexdigest()
    return f"page:{generation}:{timezone.localdate().isoformat()}:{digest}"

"""Serve anonymous GET and HEAD requests for public pages from the page cache.

Placed after the request id, security, CSP, size-limit and API middleware and before the session
middleware: a hit skips sessions, authentication, rendering and the database, and the outer
middleware still add a fresh ``X-Request-ID``, the HSTS headers and the Content-Security-Policy
(which carries no nonce: no public template uses one) to every answer, cached or not.

A request is served from the cache only when nothing about it can change the page: GET or HEAD, no
cookie but the CSRF one (no session, so no login, no password given for a restricted page, no
messages), no ``Authorization``, not a Wagtail preview, and not under the admin, ``/dokumen/``
(permission-checked files), the APIs, the health check, static or media files. ``/cari/`` is cached
only when search runs on the database: its index tables are written like any other content, so
every index change invalidates; an external search cluster changes without the database knowing.

A response is stored only when it is an HTML 200 to a GET that sets no cookie, did not use a CSRF
token or the CSP nonce, is not ``private``/``no-store``/``no-cache`` and was not rendered for a
logged-in user. Every cacheable answer carries an ``ETag`` and ``Last-Modified``, and a matching
conditional request gets a 304; ``Cache-Control: no-cache`` (unless the view set its own) makes
browsers ask again each time, so a publish is seen on the next request.
"""

import time

from django.conf import settings
from django.db import connections
from django.http import HttpResponse
from django.utils.cache import get_conditional_response, patch_cache_control, set_response_etag
from django.utils.http import http_date, parse_http_date_safe

from registry.security.csp import admin_prefix

from . import keys
from .invalidation import DIRTY

HEADER = "X-Page-Cache"
_EXCLUDED_PREFIXES = ("/dokumen/", "/api/", "/healthz", "/static/", "/media/")
_UNCACHEABLE_DIRECTIVES = ("private", "no-store", "no-cache")


def search_is_cacheable() -> bool:
    """Whether /cari/ reads only the database (no external search cluster)."""
    return not (settings.ELASTICSEARCH_URL or settings.OPENSEARCH_URL)


def request_is_cacheable(request) -> bool:
    """Whether ``request`` may be answered from the cache (and its answer stored)."""
    if request.method not in ("GET", "HEAD") or getattr(request, "is_dummy", False):
        return False
    if "HTTP_AUTHORIZATION" in request.META:
        return False
    if any(name != settings.CSRF_COOKIE_NAME for name in request.COOKIES):
        return False
    path = request.path_info
    if path.startswith(_EXCLUDED_PREFIXES) or path.startswith(admin_prefix()):
        return False
    return not (path.startswith("/cari/") and not search_is_cacheable())


def response_is_cacheable(request, response) -> bool:
    """Whether ``response`` to ``request`` is the same for every anonymous reader."""
    if request.method != "GET" or response.status_code != 200 or response.streaming:
        return False
    if response.cookies or request.META.get("CSRF_COOKIE_NEEDS_UPDATE"):
        return False
    # A page that used the CSP nonce must not be replayed: the next answer's header has a new one.
    if isinstance(getattr(request, "_csp_nonce", None), str):
        return False
    if response.get("Content-Type", "").split(";", 1)[0].strip().lower() != "text/html":
        return False
    cache_control = response.get("Cache-Control", "").lower()
    if any(directive in cache_control for directive in _UNCACHEABLE_DIRECTIVES):
        return False
    user = getattr(request, "user", None)
    return not (user is not None and user.is_authenticated)


def _settle_open_transactions() -> None:
    """Inside an open transaction (tests, nested calls) a write of this connection bumps now.

    Other processes cannot see uncommitted rows, so for them the bump at commit is enough; but a
    request served on the connection that wrote must not find a page rendered before the write.
    """
    for connection in connections.all(initialized_only=True):
        if connection.in_atomic_block and getattr(connection, DIRTY, False):
            setattr(connection, DIRTY, False)
            keys.bump()


def _conditional(request, response):
    """A 304 when the client's ETag or date matches ``response``, else ``response``."""
    last_modified = response.get("Last-Modified")
    return get_conditional_response(
        request,
        etag=response.get("ETag"),
        last_modified=parse_http_date_safe(last_modified) if last_modified else None,
        response=response,
    )


class PageCacheMiddleware:
    """Answer anonymous public requests from the cache; store the answers that may be shared."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not settings.REGISTRY_PAGE_CACHE or not request_is_cacheable(request):
            return self.get_response(request)
        try:
            _settle_open_transactions()
            cache = keys.store()
            key = keys.page_key(request, keys.current_generation())
            entry = cache.get(key)
        except Exception:  # an unreachable cache costs speed, never the page
            keys.logger.exception("Page cache unavailable; serving uncached")
            return self.get_response(request)
        if entry is not None:
            headers, content = entry
            response = HttpResponse(content)
            for name, value in headers:
                response[name] = value
            response[HEADER] = "hit"
            return _conditional(request, response)
        response = self.get_response(request)
        if not response_is_cacheable(request, response):
            response[HEADER] = "bypass"
            return response
        set_response_etag(response)
        if not response.has_header("Last-Modified"):
            response["Last-Modified"] = http_date(time.time())
        if not response.has_header("Cache-Control"):
            patch_cache_control(response, no_cache=True)
        headers = [(name, value) for name, value in response.items() if name != HEADER]
        try:
            cache.set(key, (headers, response.content), settings.REGISTRY_PAGE_CACHE_SECONDS)
        except Exception:
            keys.logger.exception("Page cache: could not store %s", request.path)
        response[HEADER] = "miss"
        return _conditional(request, response)

"""HTTP behaviour of the public API, for every path under ``/api/v1/``.

* **CORS, read-only**: GET and HEAD answers carry ``Access-Control-Allow-Origin: *``; an OPTIONS
  preflight is answered here with the allowed methods (GET, HEAD, OPTIONS) and nothing else. Other
  methods get no CORS header, so browsers on other sites cannot send them.
* **Conditional GET**: a 200 JSON answer carries a strong ``ETag`` (a hash of its body) and is
  answered ``304 Not Modified`` when the client's ``If-None-Match`` matches. ``Last-Modified`` is the
  newest publication time among the records in the answer, for information only: unpublishing or
  restricting a page changes an answer without making any date newer, so ``If-Modified-Since`` alone
  never yields a 304 (the ETag is exact).
* **Rate limit per client**: at most ``REGISTRY_API_RATE_LIMIT`` requests per
  ``REGISTRY_API_RATE_WINDOW`` seconds per address (:func:`registry.security.login.client_ip`, which
  trusts only our own proxies), counted in the default cache in fixed windows. Past it: 429 with an
  Indonesian JSON body and ``Retry-After``. Preflights are not counted.
* **JSON errors**: a 404 or 405 that Django or ninja answered in HTML or plain text becomes JSON with
  an Indonesian ``detail``.
* **HEAD** is answered as GET without a body.
"""

import hashlib
import math
import time

from django.conf import settings
from django.core.cache import cache
from django.http import HttpResponse, JsonResponse
from django.utils.cache import get_conditional_response
from django.utils.http import http_date
from django.utils.translation import gettext as _

from registry.security.login import client_ip

#: Where the API lives (registry/urls.py mounts it here).
API_PREFIX = "/api/v1/"
READ_METHODS = ("GET", "HEAD")
ALLOWED_METHODS = "GET, HEAD, OPTIONS"
#: Request headers a cross-origin client may send (a conditional GET needs the first two).
ALLOWED_HEADERS = "If-None-Match, If-Modified-Since, Accept, Accept-Language, Content-Type"
EXPOSED_HEADERS = "ETag, Last-Modified, Retry-After, X-RateLimit-Limit, X-RateLimit-Remaining"
#: How long a browser may cache a preflight (seconds).
PREFLIGHT_MAX_AGE = 86400
#: Answers may be stored but are revalidated every time (a cheap 304): an unpublished or restricted
#: page must leave every answer at once, as it leaves the public pages.
CACHE_CONTROL = "public, no-cache"


def rate_limit() -> tuple[int, int]:
    """(requests, window seconds) allowed per client, from the settings."""
    return (
        int(getattr(settings, "REGISTRY_API_RATE_LIMIT", 120)),
        max(1, int(getattr(settings, "REGISTRY_API_RATE_WINDOW", 60))),
    )


def _count_request(request) -> tuple[int, int, float]:
    """(requests so far in this window, the limit, seconds until the window ends)."""
    limit, window = rate_limit()
    now = time.time()
    slot = int(now // window)
    key = f"registri-api-rate:{client_ip(request)}:{window}:{slot}"
    cache.add(key, 0, timeout=window + 1)
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, timeout=window + 1)
        count = 1
    return count, limit, (slot + 1) * window - now


def _too_many(retry_after: float, limit: int, window: int) -> JsonResponse:
    seconds = max(1, math.ceil(retry_after))
    response = JsonResponse(
        {
            "detail": _(
                "Terlalu banyak permintaan: batasnya %(limit)s permintaan per %(window)s detik. "
                "Coba lagi dalam %(seconds)s detik."
            )
            % {"limit": limit, "window": window, "seconds": seconds},
            "errors": [],
        },
        status=429,
        json_dumps_params={"ensure_ascii": False},
    )
    response["Retry-After"] = str(seconds)
    return response


def _preflight() -> HttpResponse:
    response = HttpResponse(status=204)
    response["Allow"] = ALLOWED_METHODS
    response["Access-Control-Allow-Methods"] = ALLOWED_METHODS
    response["Access-Control-Allow-Headers"] = ALLOWED_HEADERS
    response["Access-Control-Max-Age"] = str(PREFLIGHT_MAX_AGE)
    response["Access-Control-Allow-Origin"] = "*"
    return response


def _is_json(response) -> bool:
    return response.get("Content-Type", "").split(";", 1)[0].strip() == "application/json"


def _json_error(request, response):
    """Django's HTML 404 or ninja's bare 405, as the API's JSON error."""
    if response.status_code == 404:
        detail = _("Alamat API ini tidak ada. Daftar alamat: %(docs)s") % {"docs": f"{API_PREFIX}docs"}
    else:
        detail = _("Metode %(method)s tidak diizinkan; API ini hanya-baca (GET, HEAD, OPTIONS).") % {
            "method": request.method
        }
    replacement = JsonResponse(
        {"detail": detail, "errors": []},
        status=response.status_code,
        json_dumps_params={"ensure_ascii": False},
    )
    if response.has_header("Allow"):
        replacement["Allow"] = response["Allow"]
    return replacement


def _conditional(request, response):
    """ETag and Last-Modified on a 200 JSON answer; a 304 when If-None-Match matches."""
    etag = '"' + hashlib.sha256(response.content).hexdigest()[:40] + '"'
    response["ETag"] = etag
    response["Cache-Control"] = CACHE_CONTROL
    last_modified = getattr(request, "api_last_modified", None)
    if last_modified is not None:
        response["Last-Modified"] = http_date(last_modified.timestamp())
    if not request.META.get("HTTP_IF_NONE_MATCH"):
        return response
    # Only the ETag decides (see the module docstring): last_modified is not passed.
    return get_conditional_response(request, etag=etag, response=response)


class ApiMiddleware:
    """CORS, conditional GET, the rate limit and JSON errors for the API (see the module docstring)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not request.path_info.startswith(API_PREFIX):
            return self.get_response(request)
        if request.method == "OPTIONS":
            return _preflight()
        count, limit, retry_after = _count_request(request)
        response = _too_many(retry_after, limit, rate_limit()[1]) if count > limit else self._answer(request)
        response["X-RateLimit-Limit"] = str(limit)
        response["X-RateLimit-Remaining"] = str(max(0, limit - count))
        if request.method in READ_METHODS:
            response["Access-Control-Allow-Origin"] = "*"
            response["Access-Control-Expose-Headers"] = EXPOSED_HEADERS
        return response

    def _answer(self, request):
        head = request.method == "HEAD"
        if head:
            request.method = "GET"
        try:
            response = self.get_response(request)
        finally:
            if head:
                request.method = "HEAD"
        if response.status_code in (404, 405) and not _is_json(response):
            response = _json_error(request, response)
        if request.method in READ_METHODS and response.status_code == 200 and _is_json(response):
            response = _conditional(request, response)
        if head and not getattr(response, "streaming", False):
            response["Content-Length"] = str(len(response.content))
            response.content = b""
        return response

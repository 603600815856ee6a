"""A request id for every request: in ``request.request_id``, every log line and ``X-Request-ID``.

An incoming ``X-Request-ID`` (set by the reverse proxy, so one id follows a request through proxy
and application logs) is kept only when it is a safe token: 8 to 64 letters, digits, ``.``, ``_``
or ``-``, starting with a letter or digit. Anything else (too long, spaces, quotes, newlines that
could forge log lines) is replaced by a fresh random id. The id lives in a context variable while the
request is served, so the log filter and the 500 page read it without the request object.
"""

import re
import uuid
from contextvars import ContextVar

HEADER = "X-Request-ID"
_META_KEY = "HTTP_X_REQUEST_ID"
SAFE_REQUEST_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{7,63}")

_current: ContextVar[str] = ContextVar("registri_request_id", default="")


def current_request_id() -> str:
    """The id of the request being served in this context, or "" outside a request."""
    return _current.get()


def request_id_for(incoming: str | None) -> str:
    """The incoming id when it is a safe token, else a new random one (32 hex digits)."""
    if incoming and SAFE_REQUEST_ID.fullmatch(incoming):
        return incoming
    return uuid.uuid4().hex


class RequestIdMiddleware:
    """First in MIDDLEWARE: sets the id before anything can log, adds the header to every answer."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        request_id = request_id_for(request.META.get(_META_KEY))
        request.request_id = request_id
        token = _current.set(request_id)
        try:
            response = self.get_response(request)
        finally:
            _current.reset(token)
        response[HEADER] = request_id
        return response

"""Refuse an oversized request body before it is read.

``RequestSizeLimitMiddleware`` compares the declared Content-Length with
``REGISTRY_MAX_REQUEST_BYTES`` (the largest upload plus room for the other form fields) and answers
413 with an Indonesian message without touching the body. Within the limit, it parses a multipart
body itself, through ``CappedUploadHandler`` (first in ``FILE_UPLOAD_HANDLERS``), which stops
reading as soon as more file bytes than the limit have arrived.

Under WSGI Django reads a body only up to its declared Content-Length and ignores a body sent
without one (chunked transfer encoding), so the handler is the second line for a server that hands
Django more than it declared. The first line is the reverse proxy: nginx's ``client_max_body_size``
should match ``MAX_UPLOAD_MB`` + 1 MB, so that such a body never reaches a worker at all.
A file between ``REGISTRY_MAX_UPLOAD_BYTES`` and this limit still reaches the upload form, which
names its size and the cap.
"""

from django.conf import settings
from django.core.files.uploadhandler import FileUploadHandler
from django.http import JsonResponse
from django.template.defaultfilters import filesizeformat
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _


class UploadTooLarge(Exception):
    """Raised by CappedUploadHandler once a request's files pass the limit."""


def max_request_bytes() -> int:
    """The largest request body accepted (``REGISTRY_MAX_REQUEST_BYTES``)."""
    return int(settings.REGISTRY_MAX_REQUEST_BYTES)


def declared_length(request) -> int | None:
    """The Content-Length the client declared, or None when there is none (or it is not a number)."""
    value = request.META.get("CONTENT_LENGTH")
    try:
        return int(value) if value not in (None, "") else None
    except ValueError:
        return None


def wants_json(request) -> bool:
    """Whether the client is a script that expects JSON (Wagtail's multiple upload, fetch calls)."""
    accept = request.headers.get("Accept", "")
    return request.headers.get("X-Requested-With") == "XMLHttpRequest" or (
        "application/json" in accept and "text/html" not in accept
    )


def too_large_response(request, size: int | None = None):
    """413 with an Indonesian message naming the limit (and the size, when it is known)."""
    limit = filesizeformat(max_request_bytes())
    if size is not None:
        message = _("Kiriman ini berukuran %(size)s, melebihi batas %(limit)s per unggahan.") % {
            "size": filesizeformat(size),
            "limit": limit,
        }
    else:
        message = _("Kiriman ini melebihi batas %(limit)s per unggahan.") % {"limit": limit}
    if wants_json(request):
        response = JsonResponse({"success": False, "error_message": message}, status=413)
    else:
        response = TemplateResponse(
            request, "security/request_too_large.html", {"message": message}, status=413
        ).render()
    # The unread body stays on the connection: tell the client not to reuse it.
    response["Connection"] = "close"
    return response


class CappedUploadHandler(FileUploadHandler):
    """Count the file bytes of a request and stop reading once they pass the request limit."""

    def __init__(self, request=None):
        super().__init__(request)
        self.limit = max_request_bytes()
        self.received = 0

    def receive_data_chunk(self, raw_data, start):
        self.received += len(raw_data)
        if self.received > self.limit:
            if self.request is not None:
                self.request.registry_upload_too_large = True
            raise UploadTooLarge(self.received)
        return raw_data

    def file_complete(self, file_size):
        return None  # the next handler (memory or temporary file) builds the file


class RequestSizeLimitMiddleware:
    """413 before the body is read when the declared size passes the limit; capped parsing otherwise."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        length = declared_length(request)
        if length is not None and length > max_request_bytes():
            return too_large_response(request, length)
        if request.method == "POST" and request.content_type == "multipart/form-data":
            try:
                request.POST  # noqa: B018 - parse now, through CappedUploadHandler, before any view
            except UploadTooLarge:
                return too_large_response(request)
        return self.get_response(request)

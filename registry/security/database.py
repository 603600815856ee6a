"""A write that cannot get the database lock ends in a clear 503, with nothing half-saved.

On SQLite only one connection writes at a time. The settings open every transaction with
``BEGIN IMMEDIATE`` and a short busy timeout (``SQLITE_BUSY_TIMEOUT``), so a writer waits for the
lock at the start of its transaction, at most that long, instead of failing half-way or holding a
worker for long. Readers are never blocked (WAL).

``DatabaseBusyMiddleware`` runs each non-safe request (POST, PUT, PATCH, DELETE) in one transaction,
like ``ATOMIC_REQUESTS`` does but without making every GET take the write lock: either all of a
request's writes are kept or none. When the lock cannot be had, the request ends in a 503 with
Retry-After and an Indonesian page that says the change was not saved and offers to send the same
form again. ``server_error`` (``handler500``) gives the same answer when the lock error surfaces
outside a view, e.g. while the session is saved.
"""

import sys

from asgiref.sync import iscoroutinefunction
from django.conf import settings
from django.db import DEFAULT_DB_ALIAS, OperationalError, transaction
from django.http import JsonResponse
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.views import defaults

from .uploads import wants_json

SAFE_METHODS = {"GET", "HEAD", "OPTIONS", "TRACE"}
# Fields never written back into the page that offers to resend a form.
SECRET_FIELD_MARKERS = ("password", "sandi", "secret", "token")


def is_database_locked(exc) -> bool:
    """Whether ``exc`` is SQLite's "database is locked" / "database table is locked"."""
    return isinstance(exc, OperationalError) and "is locked" in str(exc)


def retry_after_seconds() -> int:
    """The Retry-After of a busy answer, in seconds."""
    return int(getattr(settings, "REGISTRY_DATABASE_BUSY_RETRY_AFTER_SECONDS", 5))


def _resubmit_fields(request):
    """The (name, value) pairs to send again, or None when the form must not be offered again."""
    if request.method != "POST" or not getattr(request, "csrf_processing_done", False):
        return None
    try:
        data = request.POST
    except Exception:  # the body could not be parsed: nothing to offer
        return None
    names = [name for name in data if name != "csrfmiddlewaretoken"]
    if not names or any(marker in name.lower() for name in names for marker in SECRET_FIELD_MARKERS):
        return None
    return [(name, value) for name in names for value in data.getlist(name)]


def busy_response(request):
    """503 with Retry-After: the change was not saved; send it again in a moment."""
    seconds = retry_after_seconds()
    writing = request.method not in SAFE_METHODS
    if writing:
        message = _(
            "Basis data sedang sibuk, coba lagi beberapa detik lagi. Perubahan Anda belum disimpan: "
            "tidak ada yang tersimpan sebagian, jadi kirim ulang formulirnya."
        )
    else:
        message = _("Basis data sedang sibuk, coba lagi beberapa detik lagi.")
    if wants_json(request):
        response = JsonResponse(
            {"success": False, "error": "database_busy", "error_message": message}, status=503
        )
    else:
        fields = _resubmit_fields(request) if writing else None
        response = TemplateResponse(
            request,
            "security/database_busy.html",
            {
                "message": message,
                "retry_after": seconds,
                "resubmit_fields": fields,
                "had_files": bool(fields is not None and request.FILES),
            },
            status=503,
        ).render()
    response["Retry-After"] = str(seconds)
    return response


class DatabaseBusyMiddleware:
    """One transaction per non-safe request; a lock that cannot be had becomes a 503.

    Keep it after every middleware with a ``process_view`` (CSRF above all): for a non-safe request
    it calls the view itself, inside ``transaction.atomic()``.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        if request.method in SAFE_METHODS or iscoroutinefunction(view_func):
            return None
        if DEFAULT_DB_ALIAS in getattr(view_func, "_non_atomic_requests", set()):
            return None
        try:
            with transaction.atomic(using=DEFAULT_DB_ALIAS):
                return view_func(request, *view_args, **view_kwargs)
        except OperationalError as exc:
            if is_database_locked(exc):
                return busy_response(request)
            raise

    def process_exception(self, request, exception):
        if is_database_locked(exception):
            return busy_response(request)
        return None


def server_error(request, template_name=defaults.ERROR_500_TEMPLATE_NAME):
    """``handler500``: a lock error raised outside a view still gets the 503; anything else the 500."""
    if is_database_locked(sys.exc_info()[1]):
        return busy_response(request)
    return defaults.server_error(request, template_name)

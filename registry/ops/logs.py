"""Structured logs: the request id on every record, and one JSON object per line in production.

Production's LOGGING (registry/settings/production.py) formats the console handler with
:class:`JsonFormatter`: ``{"time", "level", "logger", "message", "request_id"}`` plus ``exception``
(the traceback) when there is one, and ``status_code`` / ``method`` / ``path`` for Django's request
log. Log messages are English; what users see is Indonesian.
"""

import json
import logging
from datetime import UTC, datetime

from .requestid import current_request_id


class RequestIdFilter(logging.Filter):
    """Adds ``record.request_id`` (the current request's id, or "") to every record."""

    def filter(self, record):
        if not getattr(record, "request_id", ""):
            record.request_id = current_request_id()
        return True


class JsonFormatter(logging.Formatter):
    """One JSON object per line; never raises on odd arguments."""

    def format(self, record):
        entry = {
            "time": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
            "request_id": getattr(record, "request_id", "") or current_request_id(),
        }
        status = getattr(record, "status_code", None)
        request = getattr(record, "request", None)
        if status is not None:
            entry["status_code"] = status
        if request is not None and hasattr(request, "method"):
            entry["method"] = request.method
            entry["path"] = request.path
        if record.exc_info:
            entry["exception"] = self.formatException(record.exc_info)
        elif record.exc_text:
            entry["exception"] = record.exc_text
        if record.stack_info:
            entry["stack"] = self.formatStack(record.stack_info)
        return json.dumps(entry, ensure_ascii=False, default=str)

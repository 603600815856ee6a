"""Production settings: refuse to start with an insecure configuration."""

import os

from django.core.checks.security.base import (
    SECRET_KEY_INSECURE_PREFIX,
    SECRET_KEY_MIN_LENGTH,
    SECRET_KEY_MIN_UNIQUE_CHARACTERS,
)
from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403
from .base import INSECURE_SECRET_KEY, SECRET_KEY, env_bool


def secret_key_problem(key: str) -> str | None:
    """Why ``key`` is unfit for production, or None: the rule of Django's own deploy check (W009)."""
    if not key or key == INSECURE_SECRET_KEY:
        return "SECRET_KEY is unset or still the development key"
    if key.startswith(SECRET_KEY_INSECURE_PREFIX):
        return (
            f"SECRET_KEY starts with {SECRET_KEY_INSECURE_PREFIX!r}, the prefix of generated development keys"
        )
    if len(key) < SECRET_KEY_MIN_LENGTH:
        return f"SECRET_KEY has {len(key)} characters; at least {SECRET_KEY_MIN_LENGTH} are needed"
    if len(set(key)) < SECRET_KEY_MIN_UNIQUE_CHARACTERS:
        return (
            f"SECRET_KEY has only {len(set(key))} distinct characters; at least "
            f"{SECRET_KEY_MIN_UNIQUE_CHARACTERS} are needed"
        )
    return None


DEBUG = env_bool("DEBUG", False)
if DEBUG:
    raise ImproperlyConfigured("DEBUG must be off in production (unset DEBUG or set DEBUG=0).")
if problem := secret_key_problem(SECRET_KEY):
    raise ImproperlyConfigured(
        f"{problem}. Set SECRET_KEY to a random value of at least {SECRET_KEY_MIN_LENGTH} characters, e.g. "
        "the output of: python -c 'import secrets; print(secrets.token_urlsafe(50))'"
    )

SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
# Behind the one reverse proxy the README describes: login throttling reads the client's address
# from the entry it appends to X-Forwarded-For. TRUSTED_PROXY_COUNT=0 when nothing is in front.
REGISTRY_TRUSTED_PROXY_COUNT = int(os.environ.get("TRUSTED_PROXY_COUNT", "1"))
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
# The health endpoint answers plain HTTP too: monitors and the load balancer call it on loopback.
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", "31536000"))
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SECURE_CONTENT_TYPE_NOSNIFF = True
X_FRAME_OPTIONS = "DENY"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.ManifestStaticFilesStorage"},
}

# Structured logs: one JSON object per line (time, level, logger, message, request_id), registry/ops/logs.py.
LOGGING = {
    **LOGGING,  # noqa: F405
    "formatters": {"json": {"()": "registry.ops.logs.JsonFormatter"}},
    "handlers": {
        "console": {"class": "logging.StreamHandler", "filters": ["request_id"], "formatter": "json"}
    },
}
# Production sends e-mail by SMTP (EMAIL_HOST, localhost by default), never to the console.
EMAIL_BACKEND = os.environ.get("EMAIL_BACKEND", "django.core.mail.backends.smtp.EmailBackend")

"""Test settings: fast hashing, isolated media, immediate tasks."""

import os
import tempfile
from pathlib import Path

from .base import *  # noqa: F403

DEBUG = False
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
# django-axes needs the request in authenticate(), which Client.login() does not pass. Tests that
# check login throttling turn it on with override_settings(AXES_ENABLED=True).
AXES_ENABLED = False
MEDIA_ROOT = Path(tempfile.mkdtemp(prefix="registri-test-media-"))
# Several checkouts may test against one PostgreSQL server at once: REGISTRI_TEST_DB_NAME gives this
# one's test database its own name (pytest-xdist appends _gw0, _gw1 … per worker).
if os.environ.get("REGISTRI_TEST_DB_NAME", "").strip():
    DATABASES["default"].setdefault("TEST", {})["NAME"] = os.environ["REGISTRI_TEST_DB_NAME"].strip()  # noqa: F405
# The site under test searches its database engine, whatever the shell exports: the live search suite
# reads OPENSEARCH_URL / ELASTICSEARCH_URL itself and writes only indices of its own.
ELASTICSEARCH_URL = ""
OPENSEARCH_URL = ""
TASKS = {
    "default": {
        "BACKEND": "django_tasks.backends.immediate.ImmediateBackend",
        "QUEUES": ["default", "extraction", "search"],
    }
}
# Uploads extract synchronously in tests (tests/regulations/test_extraction_recovery.py turns it on).
REGISTRY_EXTRACTION_IN_BACKGROUND = False
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
# The page cache is off in tests; tests/cache turns it on with override_settings. Its store is this
# process's memory, so nothing leaks between runs.
REGISTRY_PAGE_CACHE = False
CACHES = {
    **CACHES,  # noqa: F405
    "pages": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "test-pages"},
}

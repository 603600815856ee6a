"""Settings shared by every environment.

Everything that differs between a laptop and production comes from the environment, with defaults
that make a fresh clone run on SQLite with immediate tasks and local media.
"""

import os
from datetime import timedelta
from pathlib import Path

import dj_database_url
from csp.constants import NONCE, NONE, SELF, UNSAFE_INLINE
from django.utils.translation import gettext_lazy as _

from registry.cache.config import cache_from_url

BASE_DIR = Path(__file__).resolve().parent.parent.parent
PROJECT_DIR = BASE_DIR / "registry"


def env_bool(name: str, default: bool = False) -> bool:
    """Read a boolean flag from the environment ("1", "true", "yes", "on" are true)."""
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str = "") -> list[str]:
    """Read a comma-separated list from the environment."""
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


INSECURE_SECRET_KEY = "django-insecure-registri-development-key-do-not-use-in-production"
SECRET_KEY = os.environ.get("SECRET_KEY", INSECURE_SECRET_KEY)
DEBUG = env_bool("DEBUG", False)
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "localhost,127.0.0.1,[::1],testserver")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "registry.home",
    "registry.regulations",
    "registry.services",
    "registry.coverage",
    "registry.demo",
    "registry.setup",
    "registry.ops",
    "registry.history",
    "registry.notifications",
    "registry.opendata",
    "registry.cache",
    "registry.review",
    "search",
    "wagtail.contrib.redirects",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.settings",
    "wagtail.contrib.sitemaps",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    # django-ninja's templates and static files: /api/v1/docs serves Swagger UI from our own origin.
    "ninja",
    "taggit",
    "django_tasks",
    "django_tasks_db",
    "axes",
    "csp",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django.contrib.sitemaps",
]

MIDDLEWARE = [
    # A request id on every request, log line and response (X-Request-ID), the 500 page included.
    "registry.ops.requestid.RequestIdMiddleware",
    "django.middleware.security.SecurityMiddleware",
    # Content-Security-Policy on every HTML answer, the 413 and 503 pages below included.
    "registry.security.csp.ContentSecurityPolicyMiddleware",
    # 413 for a body over REGISTRY_MAX_REQUEST_BYTES, before anything reads it.
    "registry.security.uploads.RequestSizeLimitMiddleware",
    # /api/v1/: read-only CORS, ETag/304, the per-client rate limit and JSON errors (registry/api/http.py).
    "registry.api.http.ApiMiddleware",
    # Anonymous public pages from the page cache (registry/cache): inside the headers above, before sessions.
    "registry.cache.middleware.PageCacheMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # The hidden sections of the page tree, read once per GET (registry/visibility.py).
    "registry.visibility.VisibilityCacheMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # One transaction per POST, and a 503 when the database lock cannot be had. It calls the view
    # itself, so it stays after every middleware with a process_view.
    "registry.security.database.DatabaseBusyMiddleware",
    # django-axes: turns a locked-out login into the lockout page; last, as its docs ask.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "registry.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

WSGI_APPLICATION = "registry.wsgi.application"

DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("DB_CONN_MAX_AGE", "0")),
    )
}
# SQLite: how long a writer waits for the write lock before it gives up (a 503 that says nothing was
# saved, see registry/security/database.py). Short, so a waiting writer does not hold a worker long.
SQLITE_BUSY_TIMEOUT = float(os.environ.get("SQLITE_BUSY_TIMEOUT", "5"))
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        {
            # Seconds a connection waits for a lock (SQLite's busy timeout).
            "timeout": SQLITE_BUSY_TIMEOUT,
            # Every transaction starts with BEGIN IMMEDIATE: it waits for the write lock up front,
            # under the busy timeout. A deferred transaction that reads first and then writes cannot
            # wait for the lock (SQLite refuses the upgrade at once) and fails half-way instead.
            "transaction_mode": "IMMEDIATE",
            # WAL: readers never wait for a writer, so public pages answer while the admin writes.
            "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        }
    )
REGISTRY_DATABASE_BUSY_RETRY_AFTER_SECONDS = 5

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Login throttling (django-axes). Its backend comes first: it refuses a locked-out login before any
# password is checked. A username is locked for one address after AXES_FAILURE_LIMIT failures in a
# row, for AXES_COOLOFF_TIME; the lock is per username *and* address, so nobody can lock a colleague
# out from elsewhere. Behind a reverse proxy, TRUSTED_PROXY_COUNT says how many proxies append to
# X-Forwarded-For (registry/security/login.py); production assumes one.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = int(os.environ.get("LOGIN_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = timedelta(minutes=int(os.environ.get("LOGIN_COOLOFF_MINUTES", "15")))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_CLIENT_IP_CALLABLE = "registry.security.login.client_ip"
AXES_LOCKOUT_CALLABLE = "registry.security.login.lockout_response"
AXES_COOLOFF_MESSAGE = _("Terlalu banyak percobaan masuk. Akun ini dikunci sementara; coba lagi nanti.")
AXES_PERMALOCK_MESSAGE = _("Terlalu banyak percobaan masuk. Hubungi administrator untuk membuka akun ini.")
REGISTRY_TRUSTED_PROXY_COUNT = int(os.environ.get("TRUSTED_PROXY_COUNT", "0"))
# The public API's rate limit per client address (registry/api/http.py): requests per window.
REGISTRY_API_RATE_LIMIT = int(os.environ.get("API_RATE_LIMIT", "120"))
REGISTRY_API_RATE_WINDOW = int(os.environ.get("API_RATE_WINDOW_SECONDS", "60"))

# Content-Security-Policy (django-csp; registry/security/csp.py). Public pages: nothing inline, nothing
# from elsewhere, no framing. NONCE lets a template add an inline script with {{ request.csp_nonce }}.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF, NONCE],
        "style-src": [SELF, NONCE],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    }
}
# The Wagtail admin renders inline <script> blocks and style attributes of its own, and its live
# preview frames admin views: its pages get this looser variant (the directives above otherwise).
REGISTRY_ADMIN_CONTENT_SECURITY_POLICY = {
    **CONTENT_SECURITY_POLICY["DIRECTIVES"],
    "script-src": [SELF, UNSAFE_INLINE],
    "style-src": [SELF, UNSAFE_INLINE],
    "img-src": [SELF, "data:", "blob:"],
    "frame-ancestors": [SELF],
}

LANGUAGE_CODE = "id"
LANGUAGES = [("id", _("Bahasa Indonesia"))]
TIME_ZONE = "Asia/Makassar"
USE_I18N = True
USE_TZ = True
LOCALE_PATHS = [BASE_DIR / "locale"]

STATIC_URL = "/static/"
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", BASE_DIR / "static"))
STATICFILES_DIRS = [PROJECT_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "media"))

# The page cache (registry/cache, docs/deployment.md "Cache"): anonymous public pages, invalidated by
# every committed content write. PAGE_CACHE_URL (else REDIS_URL, else CACHE_URL): file:// (default,
# one host), redis:// (several web hosts), db://table, locmem:// (one process).
REGISTRY_PAGE_CACHE = env_bool("PAGE_CACHE", True)
REGISTRY_PAGE_CACHE_SECONDS = int(os.environ.get("PAGE_CACHE_SECONDS", "86400"))
CACHES = {
    "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
    "pages": cache_from_url(
        os.environ.get("PAGE_CACHE_URL") or os.environ.get("REDIS_URL") or os.environ.get("CACHE_URL", ""),
        BASE_DIR / "var" / "cache" / "pages",
    ),
}

STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

# Tasks: immediate by default (a fresh clone needs no worker); "database" sends them to
# django-tasks-db workers (`manage.py db_worker`).
TASKS_BACKEND = os.environ.get("TASKS_BACKEND", "immediate")
TASKS = {
    "default": {
        "BACKEND": (
            "django_tasks_db.DatabaseBackend"
            if TASKS_BACKEND == "database"
            else "django_tasks.backends.immediate.ImmediateBackend"
        ),
        "QUEUES": ["default", "extraction", "search"],
    }
}

WAGTAIL_SITE_NAME = os.environ.get("SITE_NAME", "Registri Kota Balikpapan")
WAGTAILADMIN_BASE_URL = os.environ.get("BASE_URL", "http://127.0.0.1:8000")
WAGTAILDOCS_DOCUMENT_MODEL = "regulations.RegulationDocument"
WAGTAILDOCS_EXTENSIONS = ["pdf"]
WAGTAILDOCS_SERVE_METHOD = "serve_view"
WAGTAIL_I18N_ENABLED = False
WAGTAILADMIN_PERMITTED_LANGUAGES = [("id", "Bahasa Indonesia"), ("en", "English")]
WAGTAILADMIN_USER_LOGIN_FORM = "registry.security.forms.AdminLoginForm"
WAGTAIL_USER_TIME_ZONES = ["Asia/Makassar", "Asia/Jakarta", "Asia/Jayapura"]
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
WAGTAIL_ENABLE_UPDATE_CHECK = False
# No avatars from gravatar.com: the admin loads nothing from other sites (and its CSP allows none).
WAGTAIL_GRAVATAR_PROVIDER_URL = None

# Uploads: regulation PDFs are accepted up to this size (bytes).
REGISTRY_MAX_UPLOAD_BYTES = int(os.environ.get("MAX_UPLOAD_MB", "50")) * 1024 * 1024
DATA_UPLOAD_MAX_MEMORY_SIZE = 10 * 1024 * 1024
# A request body larger than this is refused (413) before it is read: the largest upload (or the
# largest plain form) plus 1 MB for the other fields. Set nginx's client_max_body_size to match.
REGISTRY_MAX_REQUEST_BYTES = max(REGISTRY_MAX_UPLOAD_BYTES, DATA_UPLOAD_MAX_MEMORY_SIZE) + 1024 * 1024
FILE_UPLOAD_HANDLERS = [
    "registry.security.uploads.CappedUploadHandler",
    "django.core.files.uploadhandler.MemoryFileUploadHandler",
    "django.core.files.uploadhandler.TemporaryFileUploadHandler",
]

# The city this installation serves.
REGISTRY_CITY_NAME = os.environ.get("CITY_NAME", "Kota Balikpapan")
REGISTRY_CITY_SHORT = os.environ.get("CITY_SHORT", "Balikpapan")
REGISTRY_PROVINCE = os.environ.get("PROVINCE_NAME", "Kalimantan Timur")

ELASTICSEARCH_URL = os.environ.get("ELASTICSEARCH_URL", "")
# OpenSearch instead (same index and queries, through opensearch-py). Both take comma-separated node
# URLs; the other search cluster settings are in search/backends/__init__.py and docs/search-cluster.md.
OPENSEARCH_URL = os.environ.get("OPENSEARCH_URL", "")
SEARCH_INDEX_SHARDS = os.environ.get("SEARCH_INDEX_SHARDS", "1")
SEARCH_INDEX_REPLICAS = os.environ.get("SEARCH_INDEX_REPLICAS", "0-2")
SEARCH_CLUSTER_API_KEY = os.environ.get("SEARCH_CLUSTER_API_KEY", "")
SEARCH_CLUSTER_CA_CERTS = os.environ.get("SEARCH_CLUSTER_CA_CERTS", "")

LOGIN_URL = "wagtailadmin_login"

# --- Operations (registry/ops, docs/operations.md) ------------------------------------------------
# /healthz shows its details to staff, or to a monitor sending this token in X-Healthz-Token.
HEALTHZ_TOKEN = os.environ.get("HEALTHZ_TOKEN", "")
# Below this much free space on MEDIA_ROOT's or the SQLite file's disk, /healthz says "degraded".
REGISTRY_HEALTHZ_MIN_FREE_MB = int(os.environ.get("HEALTHZ_MIN_FREE_MB", "1024"))
# A database task queue whose oldest waiting task is older than this makes /healthz "degraded".
REGISTRY_HEALTHZ_TASK_MAX_WAIT_SECONDS = int(os.environ.get("HEALTHZ_TASK_MAX_WAIT_SECONDS", "900"))
# The group copied on Standar Pelayanan review reminders (besides the OPD's own editors).
REGISTRY_SP_REVIEW_GROUP = os.environ.get("SP_REVIEW_GROUP", "Bagian Organisasi")
# The embedded default prints e-mails to the console; setting EMAIL_HOST (or EMAIL_BACKEND) sends them.
# Production (production.py) always sends by SMTP.
EMAIL_BACKEND = os.environ.get(
    "EMAIL_BACKEND",
    "django.core.mail.backends.smtp.EmailBackend"
    if os.environ.get("EMAIL_HOST")
    else "django.core.mail.backends.console.EmailBackend",
)
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "25"))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", False)
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "registri@localhost")
# Review e-mails (registry.review): Wagtail's workflow notifications go to each step's reviewers and to
# the submitter, not to every superuser unless asked.
WAGTAILADMIN_NOTIFICATION_FROM_EMAIL = DEFAULT_FROM_EMAIL
WAGTAILADMIN_NOTIFICATION_INCLUDE_SUPERUSERS = env_bool("NOTIFY_SUPERUSERS", False)
# The last approval of a review publishes, without the approver holding the "publish" right.
WAGTAIL_FINISH_WORKFLOW_ACTION = "registry.review.finish.publish_approved"

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    # Every record carries the request id of the request it was logged in (registry/ops/logs.py).
    "filters": {"request_id": {"()": "registry.ops.logs.RequestIdFilter"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "filters": ["request_id"]}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "WARNING")},
    # The cluster clients log a full traceback per failed request; search/ logs the fallback itself.
    "loggers": {name: {"level": "ERROR"} for name in ("opensearch", "elastic_transport")},
}

# --- Extraction (registry.regulations.extraction) -------------------------------------------------
# Each document is read in child processes, each capped in wall-clock time and address space, so a
# hostile PDF costs at most these limits and never the worker. Pages are spread over the workers.
REGISTRY_EXTRACTION_TIMEOUT_SECONDS = int(os.environ.get("EXTRACTION_TIMEOUT_SECONDS", "120"))
REGISTRY_EXTRACTION_MEMORY_MB = int(os.environ.get("EXTRACTION_MEMORY_MB", "1536"))
REGISTRY_EXTRACTION_WORKERS = int(os.environ.get("EXTRACTION_WORKERS", "0")) or (os.cpu_count() or 1)
# None: the light line path (fastest, measured in extraction/textlayer.py); a dict of pdfminer LAParams
# (e.g. {"boxes_flow": None}) switches to pdfminer's own layout analysis.
REGISTRY_EXTRACTION_LAPARAMS = None
# The fast path reads content streams and glyphs with the code in extraction/fastparse.py and lines.py
# (same texts as pdfminer's own, about 5x faster). Off: pdfminer's own interpreter and glyph code. It
# also switches itself off when the installed pdfminer differs from the version it was checked against.
REGISTRY_EXTRACTION_FAST_PATH = env_bool("EXTRACTION_FAST_PATH", True)
# OCR of scanned pages: tesseract + pdftoppm (Debian: tesseract-ocr tesseract-ocr-ind poppler-utils).
REGISTRY_OCR_ENABLED = env_bool("OCR_ENABLED", True)
REGISTRY_OCR_LANGUAGE = os.environ.get("OCR_LANGUAGE", "ind")
REGISTRY_OCR_DPI = int(os.environ.get("OCR_DPI", "300"))
REGISTRY_OCR_TIMEOUT_SECONDS = int(os.environ.get("OCR_TIMEOUT_SECONDS", "900"))
REGISTRY_OCR_PAGE_TIMEOUT_SECONDS = int(os.environ.get("OCR_PAGE_TIMEOUT_SECONDS", "180"))
# The page image and Tesseract options (extraction/ocr_image.py): --psm (empty: Tesseract's automatic
# segmentation), clean-up steps ("unpaper", "autocontrast", "median"; a missing unpaper is skipped) and
# -c variables, comma-separated. The defaults won on the corpus's scans (figures: docs/architecture.md).
REGISTRY_OCR_PSM = int(os.environ["OCR_PSM"]) if os.environ.get("OCR_PSM", "").strip() else None
REGISTRY_OCR_CLEANUP = tuple(s.strip() for s in os.environ.get("OCR_CLEANUP", "").split(",") if s.strip())
REGISTRY_OCR_CONFIG = tuple(s.strip() for s in os.environ.get("OCR_CONFIG", "").split(",") if s.strip())
# Recovery: a running extraction beats (ExtractionRun.heartbeat_at, with pages done) every HEARTBEAT
# seconds. A run silent for STALE seconds, or still running past its lease (the text and OCR time
# limits above plus STALE), is recorded as failed by `manage.py sweep_extractions` and whenever the
# admin shows its document's status or extracts it again.
REGISTRY_EXTRACTION_HEARTBEAT_SECONDS = float(os.environ.get("EXTRACTION_HEARTBEAT_SECONDS", "5"))
REGISTRY_EXTRACTION_STALE_SECONDS = float(os.environ.get("EXTRACTION_STALE_SECONDS", "60"))
# With immediate tasks, an extraction requested by a web request runs in a background thread once the
# request commits, so no request waits on OCR (commands such as load_demo extract in the foreground).
REGISTRY_EXTRACTION_IN_BACKGROUND = env_bool("EXTRACTION_IN_BACKGROUND", TASKS_BACKEND != "database")
# Uploads are checked by content (a real PDF, within REGISTRY_MAX_UPLOAD_BYTES) before they are kept.
WAGTAILDOCS_DOCUMENT_FORM_BASE = "registry.regulations.forms.RegulationDocumentForm"
# --- end of Extraction ---------------------------------------------------------------------------

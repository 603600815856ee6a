"""Settings shared by every environment.

Everything that differs between a laptop and production comes from the environment, with defaults
that make a fresh clone run on SQLite with immediate tasks and local media.
"""

import os
from pathlib import Path

import dj_database_url
from django.utils.translation import gettext_lazy as _

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
    "search",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.settings",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_tasks",
    "django_tasks_db",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
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
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL lets the web process read while a task writes; the timeout rides out short write locks.
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        {"timeout": 20, "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;"}
    )

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

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
WAGTAIL_USER_TIME_ZONES = ["Asia/Makassar", "Asia/Jakarta", "Asia/Jayapura"]
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
WAGTAIL_ENABLE_UPDATE_CHECK = False

# Uploads: regulation PDFs are accepted up to this size (bytes).
REGISTRY_MAX_UPLOAD_BYTES = int(os.environ.get("MAX_UPLOAD_MB", "50")) * 1024 * 1024
DATA_UPLOAD_MAX_MEMORY_SIZE = 10 * 1024 * 1024

# The city this installation serves.
REGISTRY_CITY_NAME = os.environ.get("CITY_NAME", "Kota Balikpapan")
REGISTRY_CITY_SHORT = os.environ.get("CITY_SHORT", "Balikpapan")
REGISTRY_PROVINCE = os.environ.get("PROVINCE_NAME", "Kalimantan Timur")

ELASTICSEARCH_URL = os.environ.get("ELASTICSEARCH_URL", "")

LOGIN_URL = "wagtailadmin_login"

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "WARNING")},
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
# OCR of scanned pages: tesseract + pdftoppm (Debian: tesseract-ocr tesseract-ocr-ind poppler-utils).
REGISTRY_OCR_ENABLED = env_bool("OCR_ENABLED", True)
REGISTRY_OCR_LANGUAGE = os.environ.get("OCR_LANGUAGE", "ind")
REGISTRY_OCR_DPI = int(os.environ.get("OCR_DPI", "300"))
REGISTRY_OCR_TIMEOUT_SECONDS = int(os.environ.get("OCR_TIMEOUT_SECONDS", "900"))
REGISTRY_OCR_PAGE_TIMEOUT_SECONDS = int(os.environ.get("OCR_PAGE_TIMEOUT_SECONDS", "180"))
# Uploads are checked by content (a real PDF, within REGISTRY_MAX_UPLOAD_BYTES) before they are kept.
WAGTAILDOCS_DOCUMENT_FORM_BASE = "registry.regulations.forms.RegulationDocumentForm"
# --- end of Extraction ---------------------------------------------------------------------------

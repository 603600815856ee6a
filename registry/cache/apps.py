from django.apps import AppConfig
from django.core import checks
from django.utils.translation import gettext_lazy as _


def check_shared_store(app_configs, **kwargs):
    """Warn when the page cache is on but lives in one process's memory."""
    from django.conf import settings

    backend = settings.CACHES.get("pages", {}).get("BACKEND", "")
    if settings.REGISTRY_PAGE_CACHE and not settings.DEBUG and backend.endswith("LocMemCache"):
        return [
            checks.Warning(
                "The page cache is in process memory: a change made through one gunicorn or task worker "
                "does not invalidate the pages cached by the others.",
                hint="Set PAGE_CACHE_URL to file:///path (one host) or redis://… (several hosts).",
                id="registri_cache.W001",
            )
        ]
    return []


class PageCacheConfig(AppConfig):
    """The page cache: invalidation by watching writes, the middleware, the store check."""

    name = "registry.cache"
    label = "page_cache"
    verbose_name = _("Cache halaman")

    def ready(self):
        from django.db.backends.signals import connection_created
        from django.db.models.signals import post_migrate, pre_migrate

        from . import invalidation

        connection_created.connect(invalidation.watch, dispatch_uid="registri_page_cache_watch")
        invalidation.watch_open_connections()
        # migrate bumps once at its end, not per statement; an upgrade never serves pages rendered
        # by the old code. Both signals are sent once per app.
        pre_migrate.connect(invalidation.migrating, dispatch_uid="registri_page_cache_pre")
        post_migrate.connect(invalidation.migrated, dispatch_uid="registri_page_cache_post")
        checks.register(check_shared_store)

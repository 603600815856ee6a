"""The search app: engine-neutral search with SQLite FTS5, PostgreSQL and Elasticsearch engines."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SearchConfig(AppConfig):
    """Site search. Content apps register what they index; this app imports nothing from them."""

    name = "search"
    verbose_name = _("Pencarian")

    def ready(self):
        from django.db.models.signals import post_delete, post_save

        from . import synonyms
        from .models import Synonym
        from .registry import autodiscover, registry
        from .tasks import enqueue_refresh

        registry.on_change = enqueue_refresh
        autodiscover()
        post_save.connect(synonyms.invalidate, sender=Synonym, dispatch_uid="search_synonym_saved")
        post_delete.connect(synonyms.invalidate, sender=Synonym, dispatch_uid="search_synonym_deleted")
        post_save.connect(_synonyms_changed, sender=Synonym, dispatch_uid="search_synonym_es_saved")
        post_delete.connect(_synonyms_changed, sender=Synonym, dispatch_uid="search_synonym_es_deleted")


def _synonyms_changed(sender, **kwargs):
    # Elasticsearch compiles synonyms into its search analyzer: rebuild behind the alias.
    from .backends import get_elasticsearch_backend
    from .tasks import rebuild_elasticsearch_task

    if get_elasticsearch_backend() is not None:
        rebuild_elasticsearch_task.enqueue()

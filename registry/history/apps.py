from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class HistoryConfig(AppConfig):
    """History: who changed a relation, a legal basis or an extraction, and the per-regulation export."""

    name = "registry.history"
    label = "history"
    verbose_name = _("Riwayat")

    def ready(self):
        from . import signal_handlers

        signal_handlers.register_signal_handlers()

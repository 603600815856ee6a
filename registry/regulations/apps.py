from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class RegulationsConfig(AppConfig):
    """Regulations: JDIH metadata, signed PDFs, relations and derived status."""

    name = "registry.regulations"
    label = "regulations"
    verbose_name = _("Peraturan")

    def ready(self):
        from . import signal_handlers

        signal_handlers.register_signal_handlers()

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ServicesConfig(AppConfig):
    """Perangkat Daerah, public services with their Standar Pelayanan, legal bases and SOPs."""

    name = "registry.services"
    label = "services"
    verbose_name = _("Layanan publik")

    def ready(self):
        from . import signal_handlers

        signal_handlers.register_signal_handlers()

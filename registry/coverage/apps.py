from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoverageConfig(AppConfig):
    """Coverage: which services lack complete regulation, why, and how that changes over time."""

    name = "registry.coverage"
    label = "coverage"
    verbose_name = _("Cakupan regulasi")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from . import signal_handlers

        signal_handlers.register_signal_handlers()

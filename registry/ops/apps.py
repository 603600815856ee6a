from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OpsConfig(AppConfig):
    """Operations: scheduled jobs, backups, the health endpoint, request ids and structured logs."""

    name = "registry.ops"
    label = "ops"
    verbose_name = _("Operasi")

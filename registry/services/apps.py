from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ServicesConfig(AppConfig):
    """Perangkat Daerah, public services with their Standar Pelayanan, legal bases and SOPs."""

    name = "registry.services"
    label = "services"
    verbose_name = _("Layanan publik")

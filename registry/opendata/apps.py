from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OpenDataConfig(AppConfig):
    """Structured data, sitemaps, feeds and open-data downloads."""

    name = "registry.opendata"
    label = "opendata"
    verbose_name = _("Data terbuka")

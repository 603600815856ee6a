from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SearchConfig(AppConfig):
    """Site search. Content apps register what they index; this app imports nothing from them."""

    name = "search"
    verbose_name = _("Pencarian")

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NotificationsConfig(AppConfig):
    """Notifications: tell OPD editors when a regulation their service relies on changes."""

    name = "registry.notifications"
    label = "notifications"
    verbose_name = _("Pemberitahuan")

    def ready(self):
        from . import signal_handlers

        signal_handlers.register_signal_handlers()

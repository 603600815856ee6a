"""Admin wiring: the project's log actions, the history export URL and its header buttons."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.widgets import Button

from registry.regulations.models import RegulationPage

from . import views
from .actions import register_actions
from .permissions import can_export_history


@hooks.register("register_log_actions")
def register_history_actions(actions):
    """Relations, legal bases, extractions and notifications in Wagtail's history, in Indonesian."""
    register_actions(actions)


@hooks.register("register_admin_urls")
def register_history_urls():
    return [
        path(
            "regulations/<int:page_id>/riwayat.<str:fmt>",
            views.export_history,
            name="history_export",
        ),
    ]


@hooks.register("register_page_header_buttons")
def history_export_buttons(page, user, view_name, next_url=None):
    """ "Ekspor riwayat" (CSV, XLSX) on a regulation's admin pages, for the legal bureau."""
    if page.specific_class is not RegulationPage or not can_export_history(user):
        return
    for order, (fmt, label) in enumerate(
        (("xlsx", _("Ekspor riwayat (XLSX)")), ("csv", _("Ekspor riwayat (CSV)")))
    ):
        yield Button(
            label,
            url=reverse("history_export", args=[page.pk, fmt]),
            icon_name="history",
            priority=40 + order,
        )

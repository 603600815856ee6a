"""Admin wiring: the dashboard panel and the mark-as-read URLs."""

from django.urls import path
from wagtail import hooks

from . import views
from .panels import NotificationsPanel


@hooks.register("register_admin_urls")
def register_notification_urls():
    return [
        path("pemberitahuan/<int:pk>/dibaca/", views.read_one, name="notifications_read"),
        path("pemberitahuan/dibaca/", views.read_all, name="notifications_read_all"),
    ]


@hooks.register("construct_homepage_panels")
def add_notifications_panel(request, panels):
    """The user's unread notifications, first on the dashboard."""
    panels.append(NotificationsPanel(request.user))

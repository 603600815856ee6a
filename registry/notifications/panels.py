"""The dashboard panel "Pemberitahuan": the user's unread notifications."""

from wagtail.admin.ui.components import Component

from .events import unread_for

#: How many unread notifications the panel lists (the count shows the rest).
SHOWN = 10


class NotificationsPanel(Component):
    """Unread notifications of the signed-in user, each with "Tandai dibaca"."""

    name = "notifications"
    template_name = "notifications/panel.html"
    order = 10

    def __init__(self, user):
        self.unread = unread_for(user)
        self.count = self.unread.count()

    def render_html(self, parent_context=None):
        if not self.count:
            return ""
        return super().render_html(parent_context)

    def get_context_data(self, parent_context):
        return {
            "notifications": list(self.unread[:SHOWN]),
            "count": self.count,
            "request": parent_context.get("request"),
        }

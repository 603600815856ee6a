"""Admin registration of the review: deletion-request views, buttons, menu item, dashboard panel, log."""

from django.contrib.auth.models import Permission
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.components import Component
from wagtail.admin.widgets import Button

from registry.permissions import DELETION_DECISION_PERMISSION

from . import deletion, views


@hooks.register("register_admin_urls")
def register_review_urls():
    """The deletion-request views under /admin/tinjauan/."""
    return [
        path("tinjauan/hapus/<int:page_id>/", views.request_deletion, name="review_request_deletion"),
        path("tinjauan/penghapusan/", views.deletion_requests, name="review_deletion_requests"),
        path("tinjauan/penghapusan/<int:pk>/putus/", views.decide_deletion, name="review_deletion_decide"),
    ]


class DeletionRequestsMenuItem(MenuItem):
    """Shown to the deciders only."""

    def is_shown(self, request):
        return deletion.may_decide(request.user)


@hooks.register("register_admin_menu_item")
def register_deletion_requests_menu_item():
    """ "Permintaan penghapusan" in the main menu."""
    return DeletionRequestsMenuItem(
        _("Permintaan penghapusan"), reverse("review_deletion_requests"), icon_name="bin", order=260
    )


def _request_deletion_button(page, user, priority):
    if deletion.may_request_deletion(page, user):
        yield Button(
            _("Ajukan penghapusan"),
            url=reverse("review_request_deletion", args=[page.pk]),
            icon_name="bin",
            priority=priority,
        )


@hooks.register("register_page_header_buttons")
def request_deletion_header_button(page, user, view_name, next_url=None):
    """ "Ajukan penghapusan" where Wagtail's own "Hapus" is refused: a live service, for its OPD editor."""
    yield from _request_deletion_button(page, user, 55)


@hooks.register("register_page_listing_more_buttons")
def request_deletion_listing_button(page, user, next_url=None):
    """The same action in the explorer's "more" menu."""
    yield from _request_deletion_button(page, user, 35)


class DeletionRequestsPanel(Component):
    """Dashboard panel of the deciders: the deletion requests waiting for them."""

    name = "review_deletion_requests"
    template_name = "review/deletion_requests_panel.html"
    order = 215

    def __init__(self, requests):
        self.requests = requests

    def get_context_data(self, parent_context):
        return {"requests": self.requests}


@hooks.register("construct_homepage_panels")
def add_deletion_requests_panel(request, panels):
    """The deciders see the pending deletion requests next to Wagtail's "awaiting your review"."""
    if deletion.may_decide(request.user):
        pending = list(deletion.pending_requests().select_related("requested_by")[:20])
        if pending:
            panels.append(DeletionRequestsPanel(pending))


@hooks.register("register_permissions")
def register_deletion_decision_permission():
    """Let administrators grant the deciding of deletion requests in Wagtail's group editor."""
    app_label, codename = DELETION_DECISION_PERMISSION.split(".")
    return Permission.objects.filter(content_type__app_label=app_label, codename=codename)


@hooks.register("register_log_actions")
def register_deletion_log_actions(actions):
    """How the deletion requests read in a page's history."""
    actions.register_action(
        deletion.REQUESTED, _("Ajukan penghapusan"), _("Penghapusan diajukan ke Bagian Organisasi")
    )
    actions.register_action(deletion.APPROVED, _("Setujui penghapusan"), _("Penghapusan disetujui"))
    actions.register_action(deletion.REJECTED, _("Tolak penghapusan"), _("Penghapusan ditolak"))

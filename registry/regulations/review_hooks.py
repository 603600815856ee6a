"""Admin hooks for reviewing extraction results (imported by this app's wagtail_hooks)."""

from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.widgets import Button

from . import urls_admin
from .models import RegulationPage


@hooks.register("register_admin_urls")
def register_review_urls():
    return [path("", include(urls_admin))]


def _review_button(page, user, priority):
    if page.specific_class is not RegulationPage or not page.permissions_for_user(user).can_edit():
        return
    yield Button(
        _("Tinjau hasil ekstraksi"),
        url=reverse("regulations_review", args=[page.pk]),
        icon_name="doc-full-inverse",
        priority=priority,
    )


@hooks.register("register_page_header_buttons")
def review_header_button(page, user, view_name, next_url=None):
    yield from _review_button(page, user, priority=25)


@hooks.register("register_page_listing_more_buttons")
def review_listing_button(page, user, next_url=None):
    yield from _review_button(page, user, priority=15)

"""Admin hooks of the upload-first regulation entry (imported by this app's wagtail_hooks): a menu
item and a button on the regulation index, shown to whoever may add a regulation from a PDF."""

from django.urls import reverse, reverse_lazy
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.widgets import Button

from . import upload_views
from .models import RegulationIndexPage


class UploadMenuItem(MenuItem):
    """Shown only to users who may add a regulation under some index and upload documents."""

    def is_shown(self, request):
        return upload_views.can_upload(request.user)


@hooks.register("register_admin_menu_item")
def register_upload_menu_item():
    return UploadMenuItem(
        _("Unggah peraturan (PDF)"),
        reverse_lazy("regulations_upload"),
        name="unggah-peraturan",
        icon_name="upload",
        order=255,
    )


@hooks.register("register_page_header_buttons")
def upload_header_button(page, user, view_name, next_url=None):
    """On the regulation index (its listing and edit view): upload a PDF to make a regulation."""
    if (
        page.specific_class is not RegulationIndexPage
        or not page.permissions_for_user(user).can_add_subpage()
    ):
        return
    if not upload_views.can_upload(user):
        return
    yield Button(
        _("Unggah peraturan (PDF)"),
        url=f"{reverse('regulations_upload')}?{urlencode({'induk': page.pk})}",
        icon_name="upload",
        priority=20,
    )

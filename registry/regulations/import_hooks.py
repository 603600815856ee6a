"""Admin hooks of the JDIHN import (imported by this app's wagtail_hooks): URLs and a menu item
shown to the legal bureau and superusers."""

from django.urls import include, path, reverse_lazy
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from . import import_views, review_views

urlpatterns = [
    path("", import_views.upload, name="regulations_jdihn_import"),
    path("<int:run_id>/", import_views.result, name="regulations_jdihn_import_result"),
    path("<int:run_id>/konfirmasi/", import_views.confirm, name="regulations_jdihn_import_confirm"),
    path("usulan/", review_views.import_proposals, name="regulations_import_proposals"),
]


@hooks.register("register_admin_urls")
def register_import_urls():
    return [path("regulations/impor-jdihn/", include(urlpatterns))]


class ImportMenuItem(MenuItem):
    """Shown only to whoever may import (``import_views.can_import``)."""

    def is_shown(self, request):
        return import_views.can_import(request.user)


@hooks.register("register_admin_menu_item")
def register_import_menu_item():
    return ImportMenuItem(
        _("Impor JDIHN"),
        reverse_lazy("regulations_jdihn_import"),
        name="impor-jdihn",
        icon_name="download",
        order=260,
    )

"""Admin hooks of the services imports, from a sheet and from an SK Standar Pelayanan PDF (imported by
this app's wagtail_hooks): URLs and menu items shown to whoever may import (``import_views.can_import``)."""

from django.urls import include, path, reverse_lazy
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from . import import_views, sp_decree_views

urlpatterns = [
    path("", import_views.upload, name="services_import"),
    path("konfirmasi/", import_views.confirm, name="services_import_confirm"),
    path("templat/", import_views.template, name="services_import_template"),
    path("sk-standar-pelayanan/", sp_decree_views.upload, name="services_sp_decree"),
    path("sk-standar-pelayanan/konfirmasi/", sp_decree_views.confirm, name="services_sp_decree_confirm"),
]


@hooks.register("register_admin_urls")
def register_services_import_urls():
    return [path("services/impor/", include(urlpatterns))]


class ServicesImportMenuItem(MenuItem):
    def is_shown(self, request):
        return import_views.can_import(request.user)


@hooks.register("register_admin_menu_item")
def register_services_import_menu_item():
    return ServicesImportMenuItem(
        _("Impor layanan"),
        reverse_lazy("services_import"),
        name="impor-layanan",
        icon_name="table",
        order=265,
    )


@hooks.register("register_admin_menu_item")
def register_sp_decree_menu_item():
    return ServicesImportMenuItem(
        _("Impor dari SK Standar Pelayanan"),
        reverse_lazy("services_sp_decree"),
        name="impor-sk-standar-pelayanan",
        icon_name="doc-full",
        order=266,
    )

"""Admin wiring: "Jadwal tugas" in the Settings menu, for administrators."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from . import admin_views


class ScheduleMenuItem(MenuItem):
    def is_shown(self, request):
        return admin_views.can_view(request.user)


@hooks.register("register_admin_urls")
def register_ops_urls():
    return [
        path("jadwal-tugas/", admin_views.schedule, name="ops_schedule"),
        path("jadwal-tugas/<str:name>/jalankan/", admin_views.run_now, name="ops_schedule_run"),
    ]


@hooks.register("register_settings_menu_item")
def register_schedule_menu_item():
    return ScheduleMenuItem(_("Jadwal tugas"), reverse("ops_schedule"), icon_name="time", order=900)

"""Admin registration for services: reference snippets, the service register, OPD groups, dashboard."""

from django.contrib import messages
from django.contrib.auth.models import Permission
from django.templatetags.static import static
from django.utils.html import format_html
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from registry.permissions import SERVICE_REGISTER_PERMISSION, ensure_opd_group
from registry.regulations.admin_views import REFERENCE_MENU_HOOK

from .admin_views import RegistrySummaryPanel, ServiceRegisterViewSet
from .import_hooks import register_services_import_urls  # noqa: F401  (services sheet import)
from .models import LifeEvent, PerangkatDaerahPage, ServiceCategory


class ServiceCategoryViewSet(SnippetViewSet):
    """Service categories, listed under "Referensi"."""

    model = ServiceCategory
    icon = "folder-open-1"
    menu_label = gettext_lazy("Kategori layanan")
    menu_hook = REFERENCE_MENU_HOOK
    menu_order = 2
    inspect_view_enabled = True
    list_display = ["name", "slug"]
    search_fields = ["name", "description"]


class LifeEventViewSet(SnippetViewSet):
    """Life events, listed under "Referensi"."""

    model = LifeEvent
    icon = "calendar"
    menu_label = gettext_lazy("Peristiwa kehidupan")
    menu_hook = REFERENCE_MENU_HOOK
    menu_order = 3
    inspect_view_enabled = True
    list_display = ["name", "slug", "sort_order"]
    search_fields = ["name", "description"]
    ordering = ["sort_order", "name"]


register_snippet(ServiceCategoryViewSet)
register_snippet(LifeEventViewSet)


@hooks.register("register_admin_viewset")
def register_service_register():
    """Add "Daftar Layanan" to the main menu."""
    return ServiceRegisterViewSet()


@hooks.register("register_permissions")
def register_service_register_permission():
    """Let administrators grant access to the service register in Wagtail's group editor."""
    app_label, codename = SERVICE_REGISTER_PERMISSION.split(".")
    return Permission.objects.filter(content_type__app_label=app_label, codename=codename)


@hooks.register("after_create_page")
def create_opd_editor_group(request, page):
    """A new Perangkat Daerah gets its "Editor OPD – <singkatan>" group straight away."""
    if not isinstance(page.specific, PerangkatDaerahPage):
        return
    change = ensure_opd_group(page.specific)
    if change.created:
        messages.info(request, _("Grup '%(group)s' dibuat untuk editor OPD ini.") % {"group": change.group})


@hooks.register("construct_homepage_panels")
def add_registry_summary_panel(request, panels):
    """The registry counts on the admin dashboard."""
    panels.append(RegistrySummaryPanel())


@hooks.register("insert_global_admin_css")
def registry_admin_css():
    """Registri's admin styles (the dashboard panel's icon sizes among them)."""
    return format_html('<link rel="stylesheet" href="{}">', static("css/admin.css"))

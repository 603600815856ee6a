"""Admin registration for regulations: the "Referensi" menu, the regulation register, permissions."""

from django.contrib.auth.models import Permission
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from registry.permissions import REGULATION_REGISTER_PERMISSION

from .admin_views import REFERENCE_MENU_HOOK, RegulationRegisterViewSet
from .delegation_views import DelegationViewSet
from .models import RegulationType


class RegulationTypeViewSet(SnippetViewSet):
    """The regulation types, with a read-only inspect view for evaluators."""

    model = RegulationType
    icon = "tag"
    menu_label = _("Jenis peraturan")
    menu_order = 1
    inspect_view_enabled = True
    list_display = ["name", "code", "abbreviation", "level", "nature", "rank", "is_local"]
    list_filter = ["level", "nature", "is_local"]
    search_fields = ["name", "code", "abbreviation"]
    ordering = ["rank", "name"]


class ReferenceGroup(SnippetViewSetGroup):
    """The "Referensi" menu of reference tables; other apps join it through ``REFERENCE_MENU_HOOK``."""

    items = (RegulationTypeViewSet,)
    menu_label = _("Referensi")
    menu_name = "referensi"
    menu_icon = "folder-inverse"
    menu_order = 250
    submenu_hook = REFERENCE_MENU_HOOK


register_snippet(ReferenceGroup)


@hooks.register("register_admin_viewset")
def register_regulation_register():
    """Add "Daftar Peraturan" to the main menu."""
    return RegulationRegisterViewSet()


@hooks.register("register_permissions")
def register_regulation_register_permission():
    """Let administrators grant access to the regulation register in Wagtail's group editor."""
    app_label, codename = REGULATION_REGISTER_PERMISSION.split(".")
    return Permission.objects.filter(content_type__app_label=app_label, codename=codename)


@hooks.register("register_admin_viewset")
def register_delegation_list():
    """Add "Delegasi terbuka" (the legal bureau's list of delegation clauses) to the main menu."""
    return DelegationViewSet()


# Hooks of the review, upload-first and JDIHN import views.
from . import review_hooks, upload_hooks  # noqa: E402,F401
from .import_hooks import register_import_urls  # noqa: E402,F401

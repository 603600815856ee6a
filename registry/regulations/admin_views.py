"""Admin register listings: the shared read-only page register, and "Daftar Peraturan".

A register is a flat, filterable, exportable listing of every page of one type, drafts included.
It is built on Wagtail's ``PageListingViewSet`` so it looks and behaves like the native page
listings (filter drawer, search box, sortable columns, "Download CSV/XLSX" buttons), with three
differences from Wagtail's own listing:

* access is governed by one Django permission (``register_permission``), not by page-tree
  permissions, so a read-only evaluator can open it (see :mod:`registry.permissions`);
* it lists *all* pages of the type, not only those the user may explore;
* the title links to the edit view when the user may edit the page, otherwise to the live page.

The service register (:mod:`registry.services.admin_views`) reuses these base classes.
"""

from collections.abc import Callable

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.tables import BaseColumn, Column
from wagtail.admin.ui.tables.pages import PageStatusColumn
from wagtail.admin.views.pages.listing import IndexView
from wagtail.admin.viewsets.pages import PageListingViewSet
from wagtail.coreutils import multigetattr

from registry.permissions import REGULATION_REGISTER_PERMISSION

from .filters import RegulationFilterSet
from .models import RegulationPage

#: Menu hook of the "Referensi" submenu; snippet viewsets of other apps join it by using it as
#: their ``menu_hook``.
REFERENCE_MENU_HOOK = "register_reference_menu_item"


def yes_no(value) -> str:
    """The Indonesian yes/no ("Ya"/"Tidak") for boolean cells in exports."""
    return str(_("Ya") if value else _("Tidak"))


class RegisterTitleColumn(BaseColumn):
    """The page title, linked to its edit view if the user may edit it, else to the live page."""

    cell_template_name = "regulations/admin/register_title_cell.html"

    def __init__(self, name="title", **kwargs):
        kwargs.setdefault("classname", "title")
        super().__init__(name, **kwargs)

    def get_cell_context_data(self, instance, parent_context):
        context = super().get_cell_context_data(instance, parent_context)
        request = parent_context["request"]
        context["title"] = instance.get_admin_display_title()
        if instance.permissions_for_user(request.user).can_edit():
            context["url"] = reverse("wagtailadmin_pages:edit", args=(instance.pk,))
            context["link_title"] = _("Sunting halaman ini")
        elif instance.live:
            context["url"] = instance.get_url(request=request)
            context["link_title"] = _("Lihat halaman terbit")
            context["external"] = True
        return context


class RegisterIndexView(IndexView):
    """A read-only page register guarded by ``register_permission`` (an "app_label.codename")."""

    register_permission = None
    # Page-tree permissions do not apply: access is checked in dispatch() instead.
    any_permission_required = None
    #: Fields searched (case-insensitively, through the ORM) by the search box.
    search_fields = ("title",)
    #: Relations to join for the columns; avoids one query per row.
    select_related = ()
    #: Export values that are not plain attributes: {list_export key: callable(page, request)}.
    export_values: dict[str, Callable] = {}

    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm(self.register_permission):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_base_queryset(self):
        return self.annotate_queryset(self.model.objects.all())

    def annotate_queryset(self, pages):
        # The model is already specific, so skip .specific() (it would re-fetch every row and drop
        # the select_related joins); keep the annotations the status column relies on.
        pages = pages.select_related("content_type", *self.select_related).prefetch_related(
            "sites_rooted_here"
        )
        if getattr(settings, "WAGTAIL_WORKFLOW_ENABLED", True):
            pages = pages.prefetch_workflow_states()
        return pages.annotate_site_root_state().annotate_approved_schedule()

    def search_queryset(self, queryset):
        # Admin search runs on the database, so it sees drafts and needs no search index.
        if not self.is_searching:
            return queryset
        query = Q()
        for field in self.search_fields:
            query |= Q(**{f"{field}__icontains": self.search_query})
        return queryset.filter(query)

    def get_ordering(self):
        ordering = self.request.GET.get("ordering", self.default_ordering)
        if ordering not in self.get_valid_orderings():
            ordering = self.default_ordering
        return ordering

    def order_queryset(self, queryset):
        # Title and pk break ties, so pagination is stable.
        if not self.ordering:
            return queryset.order_by("title", "pk")
        return queryset.order_by(self.ordering, "title", "pk")

    def to_row_dict(self, item):
        return {
            field: self.export_values[field](item, self.request)
            if field in self.export_values
            else multigetattr(item, field)
            for field in self.list_export
        }


class RegisterViewSet(PageListingViewSet):
    """A register in the main menu, shown only to users holding the index view's permission."""

    add_to_admin_menu = True
    list_per_page = 50

    @property
    def menu_item_class(self):
        permission = self.index_view_class.register_permission

        def is_shown(_self, request):
            return request.user.has_perm(permission)

        return type(f"{type(self).__name__}MenuItem", (MenuItem,), {"is_shown": is_shown})


class RegulationRegisterIndexView(RegisterIndexView):
    """The "Daftar Peraturan" view: every regulation page, drafts marked, with identity and status."""

    register_permission = REGULATION_REGISTER_PERMISSION
    page_title = _("Daftar Peraturan")
    search_fields = ("title", "nomor", "tentang")
    select_related = ("regulation_type", "pemrakarsa")
    export_values = {
        "status": lambda page, request: page.get_status_display(),
        "pemrakarsa": lambda page, request: page.pemrakarsa.title if page.pemrakarsa else "",
        "live": lambda page, request: yes_no(page.live),
        "url": lambda page, request: (page.get_full_url(request) or "") if page.live else "",
    }


class RegulationRegisterViewSet(RegisterViewSet):
    """The admin register of regulations, with filters and CSV/XLSX export."""

    model = RegulationPage
    index_view_class = RegulationRegisterIndexView
    name = "daftar_peraturan"
    url_prefix = "daftar-peraturan"
    icon = "doc-full"
    menu_label = _("Daftar Peraturan")
    menu_order = 210
    ordering = "-tahun"
    filterset_class = RegulationFilterSet
    columns = [
        RegisterTitleColumn("title", label=_("Judul"), sort_key="title"),
        Column("regulation_type", label=_("Jenis"), sort_key="regulation_type__rank"),
        Column("nomor", label=_("Nomor"), sort_key="nomor"),
        Column("tahun", label=_("Tahun"), sort_key="tahun"),
        Column("get_status_display", label=_("Status"), sort_key="status"),
        PageStatusColumn("live", label=_("Terbit"), sort_key="live"),
    ]
    list_export = [
        "title",
        "regulation_type.name",
        "nomor",
        "tahun",
        "tentang",
        "status",
        "pemrakarsa",
        "tanggal_penetapan",
        "live",
        "url",
    ]
    export_headings = {
        "title": _("Judul"),
        "regulation_type.name": _("Jenis"),
        "nomor": _("Nomor"),
        "tahun": _("Tahun"),
        "tentang": _("Tentang"),
        "status": _("Status"),
        "pemrakarsa": _("Pemrakarsa"),
        "tanggal_penetapan": _("Tanggal penetapan"),
        "live": _("Terbit"),
        "url": _("Alamat publik"),
    }
    export_filename = "daftar-peraturan"

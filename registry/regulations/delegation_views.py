"""The legal bureau's "Delegasi terbuka" listing: delegation clauses no published regulation carries out.

Read-only: rows are derived from the regulations' text (see :mod:`registry.regulations.references`);
a delegation closes when a regulation that says which Pasal it implements is published, or when a
*melaksanakan* relation with that Pasal is recorded.
"""

import django_filters
from django.db.models import F, OuterRef, Subquery
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.generic import IndexView
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy

from .models import Delegation, RegulationPage

#: Who may open the listing (granted to the Bagian Hukum role in registry.permissions).
DELEGATION_LIST_PERMISSION = "regulations.view_delegation"


class ReadOnlyPolicy(ModelPermissionPolicy):
    """Viewing only: the rows are derived, so nobody adds, edits or deletes them here."""

    def user_has_permission(self, user, action):
        if action in ("add", "change", "delete"):
            return False
        return super().user_has_permission(user, action)


register_permission_policy(Delegation, ReadOnlyPolicy(Delegation))


class DelegationFilterSet(WagtailFilterSet):
    """Filters: open or carried out, and the instrument delegated to."""

    status = django_filters.ChoiceFilter(
        label=_("Status"),
        choices=[("terbuka", _("Belum dilaksanakan")), ("terlaksana", _("Sudah dilaksanakan"))],
        method="filter_status",
        empty_label=_("Semua"),
    )
    delegated_to = django_filters.CharFilter(label=_("Didelegasikan kepada"), lookup_expr="icontains")

    class Meta:
        model = Delegation
        fields = []

    def filter_status(self, queryset, name, value):
        """Open rows have no regulation carrying them out."""
        if value == "terbuka":
            return queryset.filter(fulfilled_by__isnull=True)
        if value == "terlaksana":
            return queryset.filter(fulfilled_by__isnull=False)
        return queryset


class DelegationIndexView(IndexView):
    """Open delegations of live regulations only, with the regulation's title annotated (one query)."""

    def get_base_queryset(self):
        regulation = RegulationPage.objects.filter(document_id=OuterRef("document_id"), live=True)
        return (
            Delegation.objects.filter(direction=Delegation.Direction.OPEN)
            .annotate(regulation_title=Subquery(regulation.values("title")[:1]))
            .filter(regulation_title__isnull=False)
            .select_related("fulfilled_by")
        )

    def order_queryset(self, queryset):
        # Open rows first, then by regulation and the clause's place in it.
        return queryset.order_by(F("fulfilled_by").asc(nulls_first=True), "regulation_title", "order")


class DelegationViewSet(ModelViewSet):
    """ "Delegasi terbuka": every delegation clause of a published regulation, open ones first."""

    model = Delegation
    index_view_class = DelegationIndexView
    icon = "resubmit"
    menu_label = _("Delegasi terbuka")
    menu_name = "delegasi-terbuka"
    menu_order = 260
    add_to_admin_menu = True
    name = "delegasi"
    # The policy forbids add and edit; the form is never shown.
    form_fields = ["fulfilled_by"]
    filterset_class = DelegationFilterSet
    search_fields = ["text", "pasal", "delegated_to"]
    search_backend_name = None
    list_export = ["regulation_title", "pasal", "text", "delegated_to", "fulfilled_by"]
    export_filename = "delegasi"
    list_display = [
        Column("regulation_title", label=_("Peraturan")),
        Column("pasal", label=_("Pasal")),
        Column("text", label=_("Ketentuan")),
        Column("delegated_to", label=_("Didelegasikan kepada")),
        Column("fulfilled_by", label=_("Dilaksanakan oleh")),
    ]

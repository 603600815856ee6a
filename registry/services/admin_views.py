"""Admin views of the service catalogue: "Daftar Layanan" and the registry summary on the dashboard."""

from django.db.models import Count, Exists, IntegerField, OuterRef, Prefetch, Q, Subquery
from django.db.models.functions import Coalesce
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.components import Component
from wagtail.admin.ui.tables import Column
from wagtail.admin.ui.tables.pages import PageStatusColumn

from registry.permissions import REGULATION_REGISTER_PERMISSION, SERVICE_REGISTER_PERMISSION
from registry.regulations.admin_views import (
    RegisterIndexView,
    RegisterTitleColumn,
    RegisterViewSet,
    yes_no,
)
from registry.regulations.choices import IN_FORCE, Status
from registry.regulations.models import RegulationPage

from .components import Component as StandardComponent
from .filters import ServiceFilterSet
from .models import (
    ComplaintChannel,
    LegalBasis,
    ServicePage,
    ServiceRequirement,
    ServiceSOP,
    ServiceStep,
)

COMPONENT_TOTAL = len(StandardComponent)


def _child_count(model):
    """A correlated COUNT of ``model`` rows belonging to the outer service page (0 when none)."""
    rows = model.objects.filter(page=OuterRef("pk")).order_by().values("page").annotate(n=Count("pk"))
    return Coalesce(Subquery(rows.values("n"), output_field=IntegerField()), 0)


def filled_components_label(page) -> str:
    """E.g. "9/14": how many Standar Pelayanan components the service fills."""
    return f"{sum(page.filled_components().values())}/{COMPONENT_TOTAL}"


class ServiceRegisterIndexView(RegisterIndexView):
    """The "Daftar Layanan" view: every service page with its OPD, legal bases, SOP and completeness.

    Counts come from correlated subqueries and the completeness from four prefetches (which
    ``ServicePage.filled_components`` reads), so a page of results costs a fixed number of queries.
    """

    register_permission = SERVICE_REGISTER_PERMISSION
    page_title = _("Daftar Layanan")
    search_fields = ("title", "summary", "opd__title", "opd__abbreviation")
    select_related = ("opd", "category")
    export_values = {
        "opd": lambda page, request: page.opd.title if page.opd else "",
        "category": lambda page, request: page.category.name if page.category else "",
        "has_sop": lambda page, request: yes_no(page.sop_count),
        "filled_components": lambda page, request: filled_components_label(page),
        "delivery_published": lambda page, request: yes_no(page.delivery_published),
        "live": lambda page, request: yes_no(page.live),
        "url": lambda page, request: (page.get_full_url(request) or "") if page.live else "",
    }

    def annotate_queryset(self, pages):
        pages = super().annotate_queryset(pages)
        # Only the keys are needed to tell whether a component is filled.
        return pages.annotate(
            legal_basis_count=_child_count(LegalBasis), sop_count=_child_count(ServiceSOP)
        ).prefetch_related(
            *(
                Prefetch(name, queryset=model.objects.only("pk", "page", "sort_order"))
                for name, model in (
                    ("requirements", ServiceRequirement),
                    ("steps", ServiceStep),
                    ("complaint_channels", ComplaintChannel),
                    ("legal_bases", LegalBasis),
                )
            )
        )


class ServiceRegisterViewSet(RegisterViewSet):
    """The admin register of public services, with filters and CSV/XLSX export."""

    model = ServicePage
    index_view_class = ServiceRegisterIndexView
    name = "daftar_layanan"
    url_prefix = "daftar-layanan"
    icon = "list-ul"
    menu_label = _("Daftar Layanan")
    menu_order = 220
    ordering = "title"
    filterset_class = ServiceFilterSet
    columns = [
        RegisterTitleColumn("title", label=_("Nama layanan"), sort_key="title"),
        Column("opd", label=_("Perangkat daerah"), sort_key="opd__title"),
        Column("category", label=_("Kategori"), sort_key="category__name"),
        Column("legal_basis_count", label=_("Dasar hukum"), sort_key="legal_basis_count"),
        Column(
            "has_sop", label=_("SOP ada"), accessor=lambda page: yes_no(page.sop_count), sort_key="sop_count"
        ),
        Column("filled_components", label=_("Komponen terisi"), accessor=filled_components_label),
        Column(
            "delivery_published",
            label=_("6 komponen dipublikasikan"),
            accessor=lambda page: yes_no(page.delivery_published),
            sort_key="delivery_published",
        ),
        PageStatusColumn("live", label=_("Terbit"), sort_key="live"),
    ]
    list_export = [
        "title",
        "opd",
        "category",
        "legal_basis_count",
        "has_sop",
        "filled_components",
        "delivery_published",
        "live",
        "url",
    ]
    export_headings = {
        "title": _("Nama layanan"),
        "opd": _("Perangkat daerah"),
        "category": _("Kategori"),
        "legal_basis_count": _("Jumlah dasar hukum"),
        "has_sop": _("SOP ada"),
        "filled_components": _("Komponen terisi (dari 14)"),
        "delivery_published": _("6 komponen dipublikasikan"),
        "live": _("Terbit"),
        "url": _("Alamat publik"),
    }
    export_filename = "daftar-layanan"


class RegistrySummaryPanel(Component):
    """Dashboard panel: published regulations (in force / revoked), services, services without basis."""

    name = "registry_summary"
    template_name = "services/admin/summary_panel.html"
    order = 90

    def get_context_data(self, parent_context):
        regulations = RegulationPage.objects.live().aggregate(
            in_force=Count("pk", filter=Q(status__in=IN_FORCE)),
            revoked=Count("pk", filter=Q(status=Status.DICABUT)),
        )
        services = (
            ServicePage.objects.live()
            .annotate(has_basis=Exists(LegalBasis.objects.filter(page=OuterRef("pk"))))
            .aggregate(total=Count("pk"), without_basis=Count("pk", filter=Q(has_basis=False)))
        )
        user = parent_context["request"].user
        return {
            "regulations": regulations,
            "services": services,
            "regulation_register_url": (
                reverse("daftar_peraturan:index") if user.has_perm(REGULATION_REGISTER_PERMISSION) else ""
            ),
            "service_register_url": (
                reverse("daftar_layanan:index") if user.has_perm(SERVICE_REGISTER_PERMISSION) else ""
            ),
        }

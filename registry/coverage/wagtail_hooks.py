"""Admin wiring: coverage reports in the Reports menu, the dashboard's count of services without a
complete legal basis, and rule settings as a snippet."""

from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.panels import FieldPanel, FieldRowPanel, HelpPanel
from wagtail.admin.site_summary import SummaryItem
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from . import admin_urls, reports
from .models import RuleConfig

VIEW_PERMISSION = "coverage.view_servicecoverage"


class CoverageMenuItem(MenuItem):
    """A Reports menu item shown only to users who may read coverage."""

    def is_shown(self, request):
        return request.user.has_perm(VIEW_PERMISSION)


@hooks.register("register_admin_urls")
def register_coverage_urls():
    return [path("cakupan/", include(admin_urls, namespace="coverage_reports"))]


@hooks.register("register_reports_menu_item")
def register_summary_menu_item():
    return CoverageMenuItem(
        _("Cakupan: ringkasan kota"), reverse("coverage_reports:summary"), icon_name="tasks", order=900
    )


@hooks.register("register_reports_menu_item")
def register_opd_menu_item():
    return CoverageMenuItem(
        _("Cakupan: per perangkat daerah"), reverse("coverage_reports:opd"), icon_name="tasks", order=901
    )


@hooks.register("register_reports_menu_item")
def register_findings_menu_item():
    return CoverageMenuItem(
        _("Cakupan: temuan per layanan"), reverse("coverage_reports:findings"), icon_name="warning", order=902
    )


@hooks.register("register_reports_menu_item")
def register_incomplete_basis_menu_item():
    return CoverageMenuItem(
        _("Cakupan: tanpa dasar hukum yang lengkap"),
        reverse("coverage_reports:incomplete_basis"),
        icon_name="warning",
        order=902,
    )


@hooks.register("register_reports_menu_item")
def register_evidence_menu_item():
    return CoverageMenuItem(
        _("Data dukung SPBE"), reverse("coverage_reports:evidence_print"), icon_name="doc-full", order=903
    )


class IncompleteBasisSummaryItem(SummaryItem):
    """The dashboard's "N layanan tanpa dasar hukum yang lengkap", linking to their list."""

    order = 400
    template_name = "coverage/admin/incomplete_basis_summary.html"

    def is_shown(self):
        return self.request.user.has_perm(VIEW_PERMISSION)

    def get_context_data(self, parent_context):
        return {
            "count": reports.incomplete_basis_services().count(),
            "url": reverse("coverage_reports:incomplete_basis"),
        }


@hooks.register("construct_homepage_summary_items")
def add_incomplete_basis_summary_item(request, summary_items):
    summary_items.append(IncompleteBasisSummaryItem(request))


class RuleConfigViewSet(SnippetViewSet):
    """Turn coverage rules on or off, and set thresholds and severities, without a code change."""

    model = RuleConfig
    icon = "cogs"
    menu_label = _("Aturan cakupan")
    add_to_settings_menu = True
    list_display = ["code", "enabled", "threshold", "severity", "note"]
    list_filter = ["enabled", "severity"]
    ordering = ["code"]
    panels = [
        HelpPanel(content=_("Perubahan di sini menghitung ulang cakupan seluruh layanan.")),
        FieldPanel("code"),
        FieldRowPanel([FieldPanel("enabled"), FieldPanel("threshold"), FieldPanel("severity")]),
        FieldPanel("note"),
    ]


register_snippet(RuleConfigViewSet)

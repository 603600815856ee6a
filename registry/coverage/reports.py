"""Admin reports (Wagtail ReportView): the city summary, the table by OPD and findings per service.

All three are read-only, exportable as CSV and XLSX, and gated by ``coverage.view_servicecoverage``.
Each page runs a constant number of queries, however many rows it shows.
"""

import datetime

import django_filters
from django.db.models import Exists, OuterRef, Prefetch
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.views.reports import ReportView
from wagtail.permission_policies import ModelPermissionPolicy

from registry.services.models import PerangkatDaerahPage

from . import display
from .columns import FindingsColumn, LinkColumn, PlainColumn, StatusColumn
from .models import Finding, ServiceCoverage
from .rules import RULES
from .summary import coverage_totals


class CoverageReportView(ReportView):
    """A coverage report: readable by anyone with ``coverage.view_servicecoverage``."""

    permission_policy = ModelPermissionPolicy(ServiceCoverage)
    permission_required = "view"
    header_icon = "tasks"
    filename_prefix = "cakupan"

    def get_filename(self):
        return f"{self.filename_prefix}-{datetime.date.today():%Y-%m-%d}"


# --- findings per service ------------------------------------------------------------------------


def _rule_filter(queryset, name, value):
    if not value:
        return queryset
    return queryset.filter(Exists(Finding.objects.filter(coverage=OuterRef("pk"), code=value)))


class FindingsFilterSet(WagtailFilterSet):
    """Filter services by status, OPD and the rule that found something."""

    status = django_filters.ChoiceFilter(label=_("Status"), choices=display.STATUS_CHOICES)
    opd = django_filters.ModelChoiceFilter(
        label=_("Perangkat daerah"),
        queryset=lambda request: PerangkatDaerahPage.objects.order_by("title"),
        empty_label=_("Semua"),
    )
    rule = django_filters.ChoiceFilter(
        label=_("Aturan"),
        choices=[(rule.code, _(rule.title)) for rule in RULES],
        method=lambda qs, name, value: _rule_filter(qs, name, value),
    )

    class Meta:
        model = ServiceCoverage
        fields = ["status", "opd", "rule"]


class FindingsReportView(CoverageReportView):
    """Every service with its status and findings, filterable by rule, OPD and status."""

    page_title = _("Temuan cakupan per layanan")
    index_url_name = "coverage_reports:findings"
    index_results_url_name = "coverage_reports:findings_results"
    filterset_class = FindingsFilterSet
    filename_prefix = "temuan-cakupan"
    default_ordering = "service__title"
    columns = [
        LinkColumn("service", label=_("Layanan"), accessor="service.title", sort_key="service__title"),
        PlainColumn("opd", label=_("Perangkat daerah"), accessor="opd.title", sort_key="opd__title"),
        StatusColumn("status", label=_("Status"), sort_key="status"),
        FindingsColumn("findings", label=_("Temuan dan saran perbaikan"), accessor="pk"),
    ]
    list_export = [
        "service.title",
        "opd.title",
        "get_status_display",
        "findings_text",
        "fixes_text",
        "computed_at",
    ]
    export_headings = {
        "service.title": _("Layanan"),
        "opd.title": _("Perangkat daerah"),
        "get_status_display": _("Status"),
        "findings_text": _("Temuan"),
        "fixes_text": _("Saran perbaikan"),
        "computed_at": _("Dihitung pada"),
    }

    def get_base_queryset(self):
        return (
            ServiceCoverage.objects.filter(live=True)
            .select_related("service", "opd")
            .prefetch_related(Prefetch("findings", Finding.objects.order_by("id")))
        )

    def get_context_data(self, *args, **kwargs):
        context = super().get_context_data(*args, **kwargs)
        context["rules"] = {rule.code: rule for rule in RULES}
        return context


# --- by OPD ----------------------------------------------------------------------------------------


class OPDReportView(CoverageReportView):
    """Totals and percentages per Perangkat Daerah."""

    page_title = _("Cakupan per perangkat daerah")
    index_url_name = "coverage_reports:opd"
    index_results_url_name = "coverage_reports:opd_results"
    filename_prefix = "cakupan-per-opd"
    paginate_by = None
    default_ordering = None
    columns = [
        PlainColumn("title", label=_("Perangkat daerah")),
        PlainColumn("total", label=_("Layanan")),
        PlainColumn("lengkap", label=_("Lengkap")),
        PlainColumn("sebagian", label=_("Sebagian")),
        PlainColumn("belum", label=_("Belum lengkap")),
        PlainColumn("percent_lengkap", label=_("% lengkap")),
    ]
    list_export = ["title", "abbreviation", "total", "lengkap", "sebagian", "belum", "percent_lengkap"]
    export_headings = {
        "title": _("Perangkat daerah"),
        "abbreviation": _("Singkatan"),
        "total": _("Layanan"),
        "lengkap": _("Lengkap"),
        "sebagian": _("Sebagian"),
        "belum": _("Belum lengkap"),
        "percent_lengkap": _("% lengkap"),
    }

    def get_queryset(self):
        return coverage_totals()[1]


# --- city summary ----------------------------------------------------------------------------------


class SummaryReportView(CoverageReportView):
    """The city's totals and, for each rule, how many services it flags."""

    page_title = _("Ringkasan cakupan regulasi kota")
    index_url_name = "coverage_reports:summary"
    index_results_url_name = "coverage_reports:summary_results"
    results_template_name = "coverage/admin/summary_results.html"
    filename_prefix = "ringkasan-cakupan"
    paginate_by = None
    default_ordering = None
    columns = [
        PlainColumn("code", label=_("Kode")),
        PlainColumn("title", label=_("Aturan")),
        PlainColumn("severity", label=_("Tingkat")),
        PlainColumn("services", label=_("Layanan terkena")),
        PlainColumn("percent", label=_("% layanan")),
        PlainColumn("fix", label=_("Saran perbaikan")),
    ]
    list_export = ["code", "title", "severity", "services", "percent", "explanation", "fix"]
    export_headings = {
        "code": _("Kode"),
        "title": _("Aturan"),
        "severity": _("Tingkat"),
        "services": _("Layanan terkena"),
        "percent": _("% layanan"),
        "explanation": _("Penjelasan"),
        "fix": _("Saran perbaikan"),
    }

    @cached_property
    def city(self):
        return coverage_totals()[0]

    def get_queryset(self):
        from .loader import load_settings

        settings = load_settings()
        rows = []
        for rule in RULES:
            setting = settings.get(rule.code)
            if setting is not None and not setting.enabled:
                continue
            n = self.city.by_rule.get(rule.code, 0)
            rows.append(
                {
                    "code": rule.code,
                    "title": display.rule_title(rule),
                    "severity": display.severity_label((setting and setting.severity) or rule.severity),
                    "services": n,
                    "percent": round(100 * n / self.city.total, 1) if self.city.total else 0.0,
                    "explanation": display.rule_explanation(rule),
                    "fix": display.rule_fix(rule),
                }
            )
        return rows

    def get_context_data(self, *args, **kwargs):
        context = super().get_context_data(*args, **kwargs)
        context["city"] = self.city
        return context

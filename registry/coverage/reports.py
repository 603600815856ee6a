"""Admin reports (Wagtail ReportView): the city summary, the table by OPD, findings per service and
the services without a complete legal basis.

The summary and OPD rows link to the findings filtered by rule, severity, OPD or status. All are read-only, exportable as CSV and XLSX, and gated by ``coverage.view_servicecoverage``.
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
from .columns import FilterLinkColumn, FindingsColumn, LinkColumn, PlainColumn, StatusColumn
from .models import Finding, ServiceCoverage
from .rules import INCOMPLETE_BASIS_CODES, RULES, RULES_BY_CODE
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


def _has_finding(queryset, **lookup):
    """The services with at least one finding matching ``lookup``."""
    return queryset.filter(Exists(Finding.objects.filter(coverage=OuterRef("pk"), **lookup)))


def _rule_filter(queryset, name, value):
    return _has_finding(queryset, code=value) if value else queryset


def _severity_filter(queryset, name, value):
    return _has_finding(queryset, severity=value) if value else queryset


def _opd_filter():
    return django_filters.ModelChoiceFilter(
        label=_("Perangkat daerah"),
        queryset=lambda request: PerangkatDaerahPage.objects.order_by("title"),
        empty_label=_("Semua"),
    )


class FindingsFilterSet(WagtailFilterSet):
    """Filter services by status, OPD, the rule that found something and the severity of a finding."""

    status = django_filters.ChoiceFilter(label=_("Status"), choices=display.STATUS_CHOICES)
    opd = _opd_filter()
    rule = django_filters.ChoiceFilter(
        label=_("Aturan"),
        choices=[(rule.code, _(rule.title)) for rule in RULES],
        method=lambda qs, name, value: _rule_filter(qs, name, value),
    )
    severity = django_filters.ChoiceFilter(
        label=_("Tingkat temuan"),
        choices=display.SEVERITY_CHOICES,
        method=lambda qs, name, value: _severity_filter(qs, name, value),
    )

    class Meta:
        model = ServiceCoverage
        fields = ["status", "opd", "rule", "severity"]


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


def _opd_query(status=""):
    """The findings filter for an OPD row (and a status), or None for services without an OPD."""

    def query(row):
        if row.opd_id is None:
            return None
        return {"opd": row.opd_id, "status": status} if status else {"opd": row.opd_id}

    return query


class OPDReportView(CoverageReportView):
    """Totals and percentages per Perangkat Daerah."""

    page_title = _("Cakupan per perangkat daerah")
    index_url_name = "coverage_reports:opd"
    index_results_url_name = "coverage_reports:opd_results"
    filename_prefix = "cakupan-per-opd"
    paginate_by = None
    default_ordering = None
    columns = [
        FilterLinkColumn("title", _opd_query(), label=_("Perangkat daerah")),
        FilterLinkColumn("total", _opd_query(), label=_("Layanan")),
        FilterLinkColumn("lengkap", _opd_query("lengkap"), label=_("Lengkap")),
        FilterLinkColumn("sebagian", _opd_query("sebagian"), label=_("Sebagian")),
        FilterLinkColumn("belum", _opd_query("belum"), label=_("Belum lengkap")),
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
        FilterLinkColumn("title", lambda row: {"rule": row["code"]}, label=_("Aturan")),
        FilterLinkColumn("severity", lambda row: {"severity": row["severity_code"]}, label=_("Tingkat")),
        FilterLinkColumn("services", lambda row: {"rule": row["code"]}, label=_("Layanan terkena")),
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
            severity = (setting and setting.severity) or rule.severity
            rows.append(
                {
                    "code": rule.code,
                    "title": display.rule_title(rule),
                    "severity": display.severity_label(severity),
                    "severity_code": severity,
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


# --- services without a complete legal basis -------------------------------------------------------


def incomplete_basis_services():
    """The live services with at least one finding of :data:`~.rules.INCOMPLETE_BASIS_CODES`."""
    return _has_finding(ServiceCoverage.objects.filter(live=True), code__in=INCOMPLETE_BASIS_CODES)


class IncompleteBasisFilterSet(WagtailFilterSet):
    """Filter the services lacking regulation by OPD and by reason."""

    opd = _opd_filter()
    rule = django_filters.ChoiceFilter(
        label=_("Alasan"),
        choices=lambda: [
            (code, display.rule_title(RULES_BY_CODE.get(code), code)) for code in INCOMPLETE_BASIS_CODES
        ],
        method=lambda qs, name, value: _rule_filter(qs, name, value),
    )

    class Meta:
        model = ServiceCoverage
        fields = ["opd", "rule"]


class IncompleteBasisReportView(CoverageReportView):
    """One list of the services whose regulation is lacking (:data:`~.rules.INCOMPLETE_BASIS_CODES`),
    with their OPD and only the findings that say why."""

    page_title = _("Layanan tanpa dasar hukum yang lengkap")
    index_url_name = "coverage_reports:incomplete_basis"
    index_results_url_name = "coverage_reports:incomplete_basis_results"
    results_template_name = "coverage/admin/incomplete_basis_results.html"
    filterset_class = IncompleteBasisFilterSet
    filename_prefix = "tanpa-dasar-hukum"
    default_ordering = "service__title"
    columns = [
        LinkColumn("service", label=_("Layanan"), accessor="service.title", sort_key="service__title"),
        PlainColumn("opd", label=_("Perangkat daerah"), accessor="opd.title", sort_key="opd__title"),
        FindingsColumn("findings", label=_("Alasan dan saran perbaikan"), accessor="pk"),
    ]
    list_export = ["service.title", "opd.title", "findings_text", "fixes_text", "computed_at"]
    export_headings = {
        "service.title": _("Layanan"),
        "opd.title": _("Perangkat daerah"),
        "findings_text": _("Alasan"),
        "fixes_text": _("Saran perbaikan"),
        "computed_at": _("Dihitung pada"),
    }

    def get_base_queryset(self):
        # Only the findings that explain the missing regulation are prefetched, so the table and the
        # export (findings_text) show those reasons and not the service's other findings.
        reasons = Finding.objects.filter(code__in=INCOMPLETE_BASIS_CODES).order_by("id")
        return (
            incomplete_basis_services()
            .select_related("service", "opd")
            .prefetch_related(Prefetch("findings", reasons))
        )

    def get_context_data(self, *args, **kwargs):
        context = super().get_context_data(*args, **kwargs)
        context["reason_titles"] = [
            display.rule_title(RULES_BY_CODE.get(code), code) for code in INCOMPLETE_BASIS_CODES
        ]
        return context

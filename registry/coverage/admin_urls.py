"""Admin URLs of the coverage reports (mounted under /admin/cakupan/ by wagtail_hooks)."""

from django.urls import path

from . import evidence, reports

app_name = "coverage_reports"

urlpatterns = [
    path("", reports.SummaryReportView.as_view(), name="summary"),
    path("results/", reports.SummaryReportView.as_view(results_only=True), name="summary_results"),
    path("opd/", reports.OPDReportView.as_view(), name="opd"),
    path("opd/results/", reports.OPDReportView.as_view(results_only=True), name="opd_results"),
    path("temuan/", reports.FindingsReportView.as_view(), name="findings"),
    path("temuan/results/", reports.FindingsReportView.as_view(results_only=True), name="findings_results"),
    path("tanpa-dasar-hukum/", reports.IncompleteBasisReportView.as_view(), name="incomplete_basis"),
    path(
        "tanpa-dasar-hukum/results/",
        reports.IncompleteBasisReportView.as_view(results_only=True),
        name="incomplete_basis_results",
    ),
    path("data-dukung/", evidence.evidence_print, name="evidence_print"),
    path("data-dukung.xlsx", evidence.evidence_xlsx, name="evidence_xlsx"),
]

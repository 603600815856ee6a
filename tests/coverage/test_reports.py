"""Admin coverage reports and the SPBE evidence pack: permissions, filters, exports, query counts."""

import io

import pytest
from django.contrib.auth.models import Permission
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from openpyxl import load_workbook

from registry.coverage.reports import FindingsReportView
from tests import factories
from tests.shared_data import build_shared, shared_copy

from .builders import complete_service, regulations

pytestmark = pytest.mark.django_db


@pytest.fixture
def evaluator(django_user_model):
    """A user with admin access and coverage.view_servicecoverage, like the Evaluator group."""
    user = django_user_model.objects.create_user("evaluator", password="x")
    user.user_permissions.add(
        Permission.objects.get(codename="access_admin", content_type__app_label="wagtailadmin"),
        Permission.objects.get(codename="view_servicecoverage", content_type__app_label="coverage"),
    )
    return user


def build_data():
    """Two OPDs: one complete service and one with no legal basis at all."""
    regs = regulations()
    good_unit = factories.opd(title="Dinas Kependudukan", abbreviation="Disdukcapil")
    bad_unit = factories.opd(title="Dinas Perhubungan", abbreviation="Dishub")
    good, _ = complete_service(unit=good_unit, regs=regs, title="Akta kelahiran")
    bad = factories.service(unit=bad_unit, title="Uji kendaraan")
    return good, bad, good_unit, bad_unit


@pytest.fixture(scope="module")
def module_data(django_db_setup, django_db_blocker):
    """The two OPDs, built once for this module (tests/shared_data.py)."""
    yield from build_shared(django_db_blocker, build_data)


@pytest.fixture
def data(module_data, db, request):
    """This test's copy of the two OPDs; what it writes is rolled back after it."""
    return shared_copy(request, module_data)


def test_reports_are_forbidden_without_the_permission(client, django_user_model):
    """An admin user without coverage.view_servicecoverage cannot open the reports."""
    user = django_user_model.objects.create_user("editor", password="x")
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(user)
    for name in ("summary", "opd", "findings", "evidence_print", "evidence_xlsx"):
        response = client.get(reverse(f"coverage_reports:{name}"))
        assert response.status_code in (302, 403), name


def test_evaluator_reads_every_report(client, evaluator, data):
    """The summary, OPD table and findings open for an evaluator and show the data."""
    client.force_login(evaluator)
    summary = client.get(reverse("coverage_reports:summary"))
    assert summary.status_code == 200
    assert "Tidak ada dasar hukum" in summary.content.decode()
    by_opd = client.get(reverse("coverage_reports:opd")).content.decode()
    assert "Dinas Perhubungan" in by_opd and "Dinas Kependudukan" in by_opd
    findings = client.get(reverse("coverage_reports:findings")).content.decode()
    assert "Uji kendaraan" in findings and "Akta kelahiran" in findings


@pytest.mark.parametrize(
    "query,shown,hidden",
    [
        ({"status": "belum"}, "Uji kendaraan", "Akta kelahiran"),
        ({"status": "lengkap"}, "Akta kelahiran", "Uji kendaraan"),
        ({"rule": "NO_LEGAL_BASIS"}, "Uji kendaraan", "Akta kelahiran"),
    ],
)
def test_findings_report_filters(client, evaluator, data, query, shown, hidden):
    """Filtering by status or rule keeps only the matching services."""
    client.force_login(evaluator)
    html = client.get(reverse("coverage_reports:findings_results"), query).content.decode()
    assert shown in html and hidden not in html


def test_findings_report_filters_by_opd(client, evaluator, data):
    """Filtering by OPD keeps that OPD's services only."""
    good, bad, good_unit, bad_unit = data
    client.force_login(evaluator)
    html = client.get(reverse("coverage_reports:findings_results"), {"opd": bad_unit.pk}).content.decode()
    assert "Uji kendaraan" in html and "Akta kelahiran" not in html


def test_findings_report_exports_csv_and_xlsx(client, evaluator, data):
    """CSV and XLSX exports carry each service's findings and fixes."""
    client.force_login(evaluator)
    url = reverse("coverage_reports:findings")
    csv = client.get(url, {"export": "csv"})
    text = b"".join(csv.streaming_content).decode() if csv.streaming else csv.content.decode()
    assert "Uji kendaraan" in text and "Tidak ada dasar hukum" in text
    xlsx = client.get(url, {"export": "xlsx"})
    sheet = load_workbook(io.BytesIO(b"".join(xlsx.streaming_content))).active
    values = [cell.value for row in sheet.iter_rows() for cell in row]
    assert "Uji kendaraan" in values


def test_findings_report_query_count_does_not_grow_with_page_size(client, evaluator, data, monkeypatch):
    """A page of 1 service and a page of 2 services run the same number of queries."""
    client.force_login(evaluator)
    url = reverse("coverage_reports:findings")
    counts = []
    for size in (1, 2):
        monkeypatch.setattr(FindingsReportView, "paginate_by", size)
        client.get(url)
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url).status_code == 200
        counts.append(len(queries))
    assert counts[0] == counts[1]


def test_evidence_pack_lists_sk_sp_with_number_and_date(client, evaluator, data):
    """The XLSX evidence pack names each service's SK Standar Pelayanan with its number and date."""
    good, *_ = data
    sk = good.legal_bases.get(role="sk_sp").regulation
    client.force_login(evaluator)
    response = client.get(reverse("coverage_reports:evidence_xlsx"))
    assert response.status_code == 200
    assert "data-dukung-spbe-" in response["Content-Disposition"]
    book = load_workbook(io.BytesIO(response.content))
    assert book.sheetnames == ["Layanan", "Dasar hukum", "SOP"]
    rows = [[cell.value for cell in row] for row in book["Layanan"].iter_rows(min_row=5)]
    (row,) = [r for r in rows if r[2] == "Akta kelahiran"]
    assert row[5] == sk.nomor and row[6].date() == sk.tanggal_penetapan
    html = client.get(reverse("coverage_reports:evidence_print")).content.decode()
    assert "Data dukung SPBE" in html and sk.tentang in html

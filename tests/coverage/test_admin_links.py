"""Admin coverage reports: rule names instead of codes, summary and OPD rows linking to the filtered
findings, and the one list of services without a complete legal basis."""

import re
from html import unescape

import pytest
from django.contrib.auth.models import Permission
from django.urls import reverse

from registry.coverage.models import Finding, ServiceCoverage
from registry.coverage.rules import INCOMPLETE_BASIS_CODES, RULES
from registry.regulations.choices import RelationKind
from tests import factories
from tests.admin.visible import visible_text
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
        Permission.objects.get(codename="add_ruleconfig", content_type__app_label="coverage"),
        Permission.objects.get(codename="change_ruleconfig", content_type__app_label="coverage"),
    )
    return user


def build_data():
    """Two OPDs: a complete service, one without basis, one on a revoked Perda, one with a basis but no SK SP or SOP."""
    regs = regulations()
    capil = factories.opd(title="Dinas Kependudukan", abbreviation="Disdukcapil")
    dishub = factories.opd(title="Dinas Perhubungan", abbreviation="Dishub")
    complete, _ = complete_service(unit=capil, regs=regs, title="Akta kelahiran")
    no_basis = factories.service(unit=dishub, title="Uji kendaraan")
    old = factories.regulation("PERDA", nomor="9", tahun=2011, tentang="Retribusi Perizinan Tertentu")
    new = factories.regulation("PERDA", nomor="1", tahun=2024, tentang="Pajak Daerah dan Retribusi Daerah")
    factories.relate(new, old, RelationKind.MENCABUT)
    revoked = factories.service(unit=capil, title="Izin trayek", bases=[(old, "Pasal 3")])
    no_sop = factories.service(
        unit=dishub, title="Parkir tepi jalan", bases=[(regs.perda, ""), (regs.perwal, "")]
    )
    return {
        "complete": complete,
        "no_basis": no_basis,
        "revoked": revoked,
        "no_sop": no_sop,
        "capil": capil,
        "dishub": dishub,
    }


@pytest.fixture(scope="module")
def module_data(django_db_setup, django_db_blocker):
    """The four services, built once for this module (tests/shared_data.py)."""
    yield from build_shared(django_db_blocker, build_data)


@pytest.fixture
def data(module_data, db, request):
    """This test's copy of the four services; what it writes is rolled back after it."""
    return shared_copy(request, module_data)


def links(html):
    """The (href, text) of every link in ``html``, unescaped."""
    return [
        (unescape(href), re.sub(r"<[^>]+>", "", text).strip())
        for href, text in re.findall(r'<a href="([^"]*)"[^>]*>(.*?)</a>', html, re.S)
    ]


def listed(client, url):
    """The service titles a coverage report lists at ``url``."""
    html = client.get(url).content.decode()
    return {
        title
        for title in ("Akta kelahiran", "Uji kendaraan", "Izin trayek", "Parkir tepi jalan")
        if title in html
    }


def test_data_has_the_expected_findings(data):
    """The fixture's services carry the findings the tests rely on."""
    codes = {
        key: set(Finding.objects.filter(coverage__service=data[key]).values_list("code", flat=True))
        for key in ("complete", "no_basis", "revoked", "no_sop")
    }
    assert codes["complete"] == set()
    assert "NO_LEGAL_BASIS" in codes["no_basis"]
    assert "BASIS_REVOKED" in codes["revoked"]
    assert "NO_SOP" in codes["no_sop"] and not codes["no_sop"] & set(INCOMPLETE_BASIS_CODES)


def test_summary_shows_rule_names_not_codes(client, evaluator, data):
    """The city summary names each rule in Indonesian and shows no rule code as text."""
    client.force_login(evaluator)
    text = visible_text(client.get(reverse("coverage_reports:summary")).content.decode())
    for rule in RULES:
        assert rule.code not in text
    assert "Tidak ada dasar hukum" in text and "Tidak ada SK Standar Pelayanan" in text


def test_rule_settings_show_rule_names_not_codes(client, evaluator, data):
    """The rule settings list and its form name rules by title, not code."""
    client.force_login(evaluator)
    listing = visible_text(client.get("/admin/snippets/coverage/ruleconfig/").content.decode())
    form = client.get("/admin/snippets/coverage/ruleconfig/add/").content.decode()
    assert "Tidak ada SK Standar Pelayanan" in listing and "NO_SK_SP" not in listing
    assert re.search(r'<option value="NO_SK_SP"[^>]*>\s*Tidak ada SK Standar Pelayanan\s*</option>', form)


def test_summary_rule_rows_link_to_findings_of_that_rule(client, evaluator, data):
    """A rule's name and count link to the findings filtered by that rule, which list only its services."""
    client.force_login(evaluator)
    html = client.get(reverse("coverage_reports:summary")).content.decode()
    findings = reverse("coverage_reports:findings")
    rule_links = [href for href, text in links(html) if text == "Tidak ada dasar hukum"]
    assert rule_links == [f"{findings}?rule=NO_LEGAL_BASIS"]
    assert listed(client, rule_links[0]) == {"Uji kendaraan"}
    assert listed(client, f"{findings}?rule=BASIS_REVOKED") == {"Izin trayek"}


def test_summary_severity_links_to_findings_of_that_severity(client, evaluator, data):
    """The severity cell links to the services with a finding of that severity."""
    client.force_login(evaluator)
    html = client.get(reverse("coverage_reports:summary")).content.decode()
    hrefs = {href for href, text in links(html) if text == "Kritis"}
    assert hrefs == {reverse("coverage_reports:findings") + "?severity=kritis"}
    critical = set(
        ServiceCoverage.objects.filter(findings__severity="kritis").values_list("service__title", flat=True)
    )
    assert listed(client, hrefs.pop()) == critical
    assert "Akta kelahiran" not in critical


def test_summary_city_totals_link_to_findings_by_status(client, evaluator, data):
    """The city's "lengkap" count links to the complete services only."""
    client.force_login(evaluator)
    html = client.get(reverse("coverage_reports:summary")).content.decode()
    (href,) = [href for href, text in links(html) if re.fullmatch(r"\d+ lengkap", text)]
    assert href.endswith("?status=lengkap")
    assert listed(client, href) == {"Akta kelahiran"}


def test_opd_rows_link_to_findings_of_that_opd(client, evaluator, data):
    """An OPD's name links to its services, its "belum lengkap" count to those of that status."""
    client.force_login(evaluator)
    html = client.get(reverse("coverage_reports:opd")).content.decode()
    findings = reverse("coverage_reports:findings")
    dishub = data["dishub"].pk
    assert (f"{findings}?opd={dishub}", "Dinas Perhubungan") in links(html)
    assert listed(client, f"{findings}?opd={dishub}") == {"Uji kendaraan", "Parkir tepi jalan"}
    status_links = [href for href, _ in links(html) if href.startswith(f"{findings}?opd={dishub}&status=")]
    assert len(status_links) == 3
    assert listed(client, f"{findings}?opd={dishub}&status=lengkap") == set()


def test_incomplete_basis_lists_exactly_the_services_lacking_regulation(client, evaluator, data):
    """The combined view lists the services with a no-basis or revoked-basis finding, and only those."""
    client.force_login(evaluator)
    expected = set(
        ServiceCoverage.objects.filter(live=True, findings__code__in=INCOMPLETE_BASIS_CODES).values_list(
            "service__title", flat=True
        )
    )
    assert expected == {"Uji kendaraan", "Izin trayek"}
    assert listed(client, reverse("coverage_reports:incomplete_basis")) == expected


def test_incomplete_basis_shows_opd_and_only_the_basis_reasons(client, evaluator, data):
    """Each row names the OPD and the reason; the service's other findings (no SK SP) are left out."""
    client.force_login(evaluator)
    text = visible_text(client.get(reverse("coverage_reports:incomplete_basis")).content.decode())
    assert "Dinas Perhubungan" in text and "Dinas Kependudukan" in text
    assert "Tidak ada dasar hukum" in text and "Dasar hukum dicabut" in text
    assert "Tidak ada SK Standar Pelayanan" not in text


def test_incomplete_basis_filters_by_opd_and_reason(client, evaluator, data):
    """The OPD filter keeps that OPD's services; the reason filter keeps that rule's services."""
    client.force_login(evaluator)
    url = reverse("coverage_reports:incomplete_basis")
    assert listed(client, f"{url}?opd={data['capil'].pk}") == {"Izin trayek"}
    assert listed(client, f"{url}?opd={data['dishub'].pk}") == {"Uji kendaraan"}
    assert listed(client, f"{url}?rule=NO_LEGAL_BASIS") == {"Uji kendaraan"}


def test_incomplete_basis_exports_csv(client, evaluator, data):
    """The CSV export lists the same services with their reasons."""
    client.force_login(evaluator)
    response = client.get(reverse("coverage_reports:incomplete_basis"), {"export": "csv"})
    text = b"".join(response.streaming_content).decode() if response.streaming else response.content.decode()
    assert "Uji kendaraan" in text and "Izin trayek" in text and "Dasar hukum dicabut" in text
    assert "Akta kelahiran" not in text and "Parkir tepi jalan" not in text


def test_incomplete_basis_is_linked_from_the_reports_menu_and_summary(client, evaluator, data):
    """The coverage summary and the Reports menu (in the dashboard's sidebar) lead to the combined view."""
    client.force_login(evaluator)
    url = reverse("coverage_reports:incomplete_basis")
    assert (url, "Layanan tanpa dasar hukum yang lengkap") in links(
        client.get(reverse("coverage_reports:summary")).content.decode()
    )
    assert url in client.get("/admin/").content.decode()


def test_dashboard_counts_services_without_complete_basis(client, evaluator, data):
    """The dashboard's summary counts the two services lacking regulation and links to their list."""
    client.force_login(evaluator)
    html = client.get("/admin/").content.decode()
    url = reverse("coverage_reports:incomplete_basis")
    assert (url, "2 layanan tanpa dasar hukum yang lengkap") in links(html)


def test_dashboard_count_needs_the_coverage_permission(client, django_user_model, data):
    """A user who may not read coverage does not get the count on the dashboard."""
    user = django_user_model.objects.create_user("editor", password="x")
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(user)
    assert "tanpa dasar hukum yang lengkap" not in client.get("/admin/").content.decode()


def test_incomplete_basis_is_forbidden_without_the_permission(client, django_user_model, data):
    """An admin user without coverage.view_servicecoverage cannot open the combined view."""
    user = django_user_model.objects.create_user("editor", password="x")
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(user)
    assert client.get(reverse("coverage_reports:incomplete_basis")).status_code in (302, 403)

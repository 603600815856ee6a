"""Every kind of content change shows on the next request, although the pages were cached before it.

Each test first reads the pages that show the content and checks they are now cache hits, then
makes exactly one kind of change, then reads them again. Tests run inside a transaction: the
connection that wrote starts the new generation before it serves the next page (the production path,
a bump when the transaction commits, is tested in test_writes.py).
"""

from unittest import mock

import pytest
from wagtail.models import PageViewRestriction

from registry.coverage import engine
from registry.coverage.models import ServiceCoverage
from registry.regulations.choices import RelationKind
from registry.services.models import LegalBasis
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def unit():
    return factories.opd(title="Dinas Perhubungan", abbreviation="Dishub", slug="dishub")


def test_publishing_a_change_to_a_service_shows_on_its_page_and_its_opd(reader, unit):
    service = factories.service(unit, title="Uji kendaraan bermotor")
    for url in (service.url, unit.url):
        assert "Uji kendaraan bermotor" in reader.cached_html(url)
    service.title = "Uji berkala kendaraan"
    service.save_revision().publish()
    for url in (service.url, unit.url):
        html = reader.html(url)
        assert "Uji berkala kendaraan" in html and "Uji kendaraan bermotor" not in html


def test_publishing_a_new_service_lists_it(reader, unit):
    reader.cached_html(unit.url)
    factories.service(unit, title="Izin trayek angkutan")
    assert "Izin trayek angkutan" in reader.html(unit.url)


def test_unpublishing_a_service_removes_it(reader, unit):
    service = factories.service(unit, title="Izin parkir khusus")
    assert "Izin parkir khusus" in reader.cached_html(unit.url)
    reader.cached_html(service.url)
    service.unpublish()
    assert reader.page(service.url)[0] == 404
    assert "Izin parkir khusus" not in reader.html(unit.url)


def test_publishing_and_unpublishing_a_regulation(reader):
    regulation = factories.regulation("PERWAL", nomor=41, tahun=2024, tentang="Tarif parkir")
    browse = "/peraturan/?tahun=2024"
    assert "Tarif parkir" in reader.cached_html(browse)
    assert "Tarif parkir" in reader.cached_html(regulation.url)
    regulation.tentang = "Tarif retribusi parkir"
    regulation.title = "Peraturan Wali Kota Nomor 41 Tahun 2024 tentang Tarif retribusi parkir"
    regulation.save_revision().publish()
    assert "Tarif retribusi parkir" in reader.html(regulation.url)
    assert "Tarif retribusi parkir" in reader.html(browse)
    regulation.unpublish()
    assert reader.page(regulation.url)[0] == 404
    assert "Tarif retribusi parkir" not in reader.html(browse)


def test_a_new_relation_changes_the_target_and_the_services_relying_on_it(reader, unit):
    old = factories.regulation("PERWAL", nomor=7, tahun=2019, tentang="Retribusi terminal")
    service = factories.service(unit, title="Retribusi terminal", bases=[(old, "Pasal 3")])
    for url in (old.url, service.url):
        assert "badge--dicabut" not in reader.cached_html(url)
    new = factories.regulation("PERWAL", nomor=8, tahun=2024, tentang="Retribusi terminal baru")
    factories.relate(new, old, RelationKind.MENCABUT)
    assert "badge--dicabut" in reader.html(old.url)
    assert "badge--dicabut" in reader.html(service.url)


def test_a_new_legal_basis_shows_on_the_service_and_the_regulation(reader, unit):
    regulation = factories.regulation("PERDA", nomor=3, tahun=2022, tentang="Kepelabuhanan")
    service = factories.service(unit, title="Izin bongkar muat")
    assert "Kepelabuhanan" not in reader.cached_html(service.url)
    assert "Izin bongkar muat" not in reader.cached_html(regulation.url)
    service.legal_bases.add(LegalBasis(regulation=regulation, provision="Pasal 9"))
    service.save_revision().publish()
    assert "Kepelabuhanan" in reader.html(service.url)
    assert "Izin bongkar muat" in reader.html(regulation.url)


def test_a_coverage_recompute_alone_updates_the_transparency_page(reader, unit):
    """Coverage is written by bulk_create (no signals): the recompute by itself invalidates."""
    with mock.patch("registry.coverage.signal_handlers._enqueue"):
        factories.service(unit, title="Izin usaha angkutan")
    assert not ServiceCoverage.objects.exists()
    before = reader.cached_html("/transparansi/")
    engine.recompute()
    assert ServiceCoverage.objects.exists()
    assert reader.html("/transparansi/") != before


@pytest.mark.parametrize("restriction_type", ["login", "password"])
def test_a_view_restriction_hides_the_page_and_removing_it_shows_it_again(reader, unit, restriction_type):
    service = factories.service(unit, title="Izin reklame")
    assert "Izin reklame" in reader.cached_html(unit.url)
    assert service.url in reader.cached_html("/cari/?q=reklame")
    reader.cached_html(service.url)
    restriction = PageViewRestriction.objects.create(
        page=service, restriction_type=restriction_type, password="rahasia"
    )
    status, html, state = reader.page(service.url)
    assert state != "hit" and "Izin reklame</h1>" not in html
    assert status == 302 if restriction_type == "login" else 'name="password"' in html
    assert "Izin reklame" not in reader.html(unit.url)
    assert service.url not in reader.html("/cari/?q=reklame")
    restriction.delete()
    assert "Izin reklame" in reader.html(unit.url)
    assert reader.page(service.url)[0] == 200
    assert service.url in reader.html("/cari/?q=reklame")


def test_a_move_changes_both_perangkat_daerah_and_the_url(reader, unit):
    other = factories.opd(title="Dinas Pendidikan", abbreviation="Disdik", slug="disdik")
    service = factories.service(unit, title="Izin operasional sekolah")
    old_url = service.url
    assert "Izin operasional sekolah" in reader.cached_html(unit.url)
    assert "Izin operasional sekolah" not in reader.cached_html(other.url)
    reader.cached_html(old_url)
    service.move(other, pos="last-child")
    service.refresh_from_db()
    assert "Izin operasional sekolah" not in reader.html(unit.url)
    assert "Izin operasional sekolah" in reader.html(other.url)
    assert reader.page(old_url)[0] in (301, 404)  # Wagtail may leave a redirect
    assert reader.page(service.url)[0] == 200


def test_deleting_a_page_removes_it(reader, unit):
    service = factories.service(unit, title="Izin pangkalan ojek")
    assert "Izin pangkalan ojek" in reader.cached_html(unit.url)
    service.delete()
    assert "Izin pangkalan ojek" not in reader.html(unit.url)


def test_a_document_change_shows_on_the_regulation_page(reader):
    from tests.public.conftest import pdf_document

    regulation = factories.regulation("PERWAL", nomor=12, tahun=2023, tentang="Jam operasional")
    assert "/dokumen/" not in reader.cached_html(regulation.url)
    regulation.document = pdf_document(title="Naskah Perwal 12/2023")
    regulation.save_revision().publish()
    assert "/dokumen/" in reader.html(regulation.url)

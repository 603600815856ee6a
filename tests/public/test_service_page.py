"""The public service page: the six delivery components, legal basis, SOP, and drafts."""

from datetime import date
from decimal import Decimal

import pytest

from registry.regulations.choices import RelationKind
from registry.services.models import ComplaintChannel, ServiceChannel, ServiceRequirement, ServiceSOP
from registry.services.page_context import cost_display, format_rupiah, public_legal_bases
from tests import factories

from .article_text import give_text
from .conftest import requires_service_hook

pytestmark = pytest.mark.django_db


def _html(client, page):
    response = client.get(page.url)
    assert response.status_code == 200
    return response.content.decode()


@requires_service_hook
def test_requirements_are_a_checklist_in_editor_order(client):
    """Requirements render as checkboxes in the order the editor set."""
    page = factories.service(requirements=["KTP-el asli", "Kartu Keluarga", "Surat pengantar RT"])
    html = _html(client, page)
    positions = [html.index(text) for text in ("KTP-el asli", "Kartu Keluarga", "Surat pengantar RT")]
    assert positions == sorted(positions)
    assert html.count('type="checkbox"') == 3


@requires_service_hook
def test_requirements_say_mandatory_or_optional(client):
    """Each requirement says whether it is wajib or tidak wajib."""
    page = factories.service(requirements=["KTP-el asli", "Fotokopi buku nikah"])
    ServiceRequirement.objects.filter(page=page, text="Fotokopi buku nikah").update(mandatory=False)
    html = _html(client, page)
    assert "Wajib" in html
    assert "Tidak wajib" in html


@requires_service_hook
def test_print_button_prints_the_checklist(client):
    """A real "Cetak daftar persyaratan" button (service.js) replaces the old "tekan Ctrl+P" hint."""
    page = factories.service(requirements=["KTP-el asli"])
    html = _html(client, page)
    assert "data-print-checklist" in html and "Cetak daftar persyaratan</button>" in html
    assert "Ctrl+P" not in html
    assert "/static/js/service.js" in html


@requires_service_hook
def test_steps_are_an_ordered_list(client):
    """The procedure renders as an ordered list, in editor order."""
    page = factories.service(steps=["Ambil nomor antrean", "Serahkan berkas", "Terima dokumen"])
    html = _html(client, page)
    assert '<ol class="steps">' in html
    assert html.index("Ambil nomor antrean") < html.index("Serahkan berkas") < html.index("Terima dokumen")


@requires_service_hook
def test_paid_service_shows_rupiah_and_the_tariff_regulation(client):
    """A charged service shows "Rp 150.000" and links the Perda that sets it, at its pasal."""
    perda = factories.regulation("PERDA", nomor="5", tahun=2023, tentang="Retribusi Daerah")
    give_text(perda, "pasal-36", "pasal-36-ayat-2")
    page = factories.service(
        cost_kind="berbayar", cost_amount=Decimal("150000"), bases=[(perda, "Pasal 36 ayat (2)", "biaya")]
    )
    html = _html(client, page)
    assert "Rp 150.000" in html
    assert f'href="{perda.url}#pasal-36-ayat-2"' in html


@requires_service_hook
def test_free_service_says_gratis(client):
    """A free service says Gratis."""
    page = factories.service(cost_kind="gratis")
    assert "Gratis" in _html(client, page)


@requires_service_hook
def test_legal_basis_links_to_the_pasal_anchor(client):
    """A legal basis with a provision links to the regulation URL plus #pasal-… and names the pasal."""
    perwal = factories.regulation("PERWAL", nomor="12", tahun=2023)
    give_text(perwal, "pasal-5", "pasal-5-ayat-2")  # the anchor the link lands on
    page = factories.service(bases=[(perwal, "Pasal 5 ayat (2)")])
    html = _html(client, page)
    assert 'href="/peraturan/perwal/2023/12/#pasal-5-ayat-2"' in html
    assert "Pasal 5 ayat (2)" in html


@requires_service_hook
def test_legal_basis_shows_a_revoked_badge(client):
    """A basis whose regulation was revoked carries the red "Dicabut" badge."""
    old = factories.regulation("PERWAL", nomor="48", tahun=2016)
    new = factories.regulation("PERWAL", nomor="7", tahun=2024)
    factories.relate(new, old, RelationKind.MENCABUT)
    page = factories.service(bases=[(old, "Pasal 3")])
    assert '<span class="badge badge--dicabut">Dicabut</span>' in _html(client, page)


def test_draft_regulations_are_left_out_of_the_public_legal_basis():
    """A basis pointing at an unpublished regulation is not shown to the public."""
    published = factories.regulation("PERWAL", nomor="1", tahun=2023)
    draft = factories.regulation("PERWAL", nomor="2", tahun=2023, live=False)
    page = factories.service(bases=[(published, ""), (draft, "")])
    assert [basis.regulation.pk for basis in public_legal_bases(page)] == [published.pk]


@requires_service_hook
def test_manufacturing_components_are_not_public(client):
    """Components 8–14 (facilities, staff, supervision …) never appear on the public page."""
    page = factories.service(
        facilities="Ruang tunggu ber-AC",
        internal_supervision="Diawasi kepala bidang",
        service_guarantee="Maklumat pelayanan",
        staff_count=7,
    )
    html = _html(client, page)
    for text in ("Ruang tunggu ber-AC", "Diawasi kepala bidang", "Maklumat pelayanan", "Jumlah pelaksana"):
        assert text not in html


@requires_service_hook
def test_complaint_channels_are_links(client):
    """Complaint channels link through their href (mailto:, tel:, wa.me)."""
    page = factories.service(
        complaint_procedure="Sampaikan pengaduan melalui saluran berikut.",
        complaint_channels=[
            ComplaintChannel(kind="surel", value="pengaduan@balikpapan.go.id"),
            ComplaintChannel(kind="whatsapp", value="0812-3456-7890"),
        ],
    )
    html = _html(client, page)
    assert 'href="mailto:pengaduan@balikpapan.go.id"' in html
    assert 'href="https://wa.me/081234567890"' in html


@requires_service_hook
def test_delivery_channels_show_address_hours_and_url(client):
    """Office, online and MPP channels show their address, hours and URL."""
    page = factories.service(
        channels=[
            ServiceChannel(
                kind="mpp", name="MPP Balikpapan", address="Jl. Jend. Sudirman No. 1", hours="08.00–15.00"
            ),
            ServiceChannel(kind="daring", name="Layanan daring", url="https://layanan.example.id/"),
        ]
    )
    html = _html(client, page)
    assert "MPP Balikpapan" in html
    assert "Jl. Jend. Sudirman No. 1" in html
    assert "08.00–15.00" in html
    assert 'href="https://layanan.example.id/"' in html


@requires_service_hook
def test_sop_shows_its_identity_and_establishing_regulation(client):
    """The SOP shows nomor, judul, tanggal efektif, who approved it and the regulation that set it."""
    kep = factories.regulation("KEP_KEPALA_PD", nomor="68", tahun=2021, tentang="Penetapan SOP")
    page = factories.service(
        sops=[
            ServiceSOP(
                nomor="SOP/DUKCAPIL/01",
                judul="Penerbitan Akta Kelahiran",
                tanggal_efektif=date(2021, 7, 1),
                disahkan_nama="Drs. Budi",
                disahkan_jabatan="Kepala Dinas",
                regulation=kep,
            )
        ]
    )
    html = _html(client, page)
    for text in ("SOP/DUKCAPIL/01", "Penerbitan Akta Kelahiran", "1 Juli 2021", "Drs. Budi", "Kepala Dinas"):
        assert text in html
    assert f'href="{kep.url}"' in html


@requires_service_hook
def test_breadcrumb_names_the_opd(client):
    """The breadcrumb runs Beranda › Perangkat Daerah › the OPD › the service."""
    unit = factories.opd(title="Dinas Kependudukan dan Pencatatan Sipil")
    page = factories.service(unit=unit, title="Akta Kelahiran")
    html = _html(client, page)
    crumbs = html[html.index('class="breadcrumbs') : html.index("</nav>", html.index('class="breadcrumbs'))]
    assert f'<a href="{unit.url}">Dinas Kependudukan dan Pencatatan Sipil</a>' in crumbs
    assert 'aria-current="page">Akta Kelahiran<' in crumbs


def test_draft_service_is_not_public(client):
    """A draft service answers 404 at its URL."""
    page = factories.service(live=False)
    assert client.get(page.get_url()).status_code == 404


def test_rupiah_is_formatted_indonesian_style():
    """Amounts use dots as thousand separators after "Rp "."""
    assert format_rupiah(Decimal("150000")) == "Rp 150.000"
    assert format_rupiah(2500000) == "Rp 2.500.000"
    assert format_rupiah(0) == "Rp 0"


def test_cost_display_is_empty_when_the_component_is_not_filled():
    """A service with no cost kind shows nothing rather than a wrong "Gratis"."""
    page = factories.service()
    assert cost_display(page) == ""

"""The public regulation page: JDIH metadata, status banner, relations, files and linked services."""

import os
from datetime import date

import pytest

from registry.regulations.choices import RelationKind
from registry.regulations.models import RegulationPage
from registry.regulations.page_context import jdih_rows, linked_services, status_banner
from tests import factories

from .conftest import pdf_document, requires_regulation_hook

pytestmark = pytest.mark.django_db


def _html(client, page):
    response = client.get(page.url)
    assert response.status_code == 200
    return response.content.decode()


def _fresh(page):
    return RegulationPage.objects.get(pk=page.pk)


@requires_regulation_hook
def test_jdih_table_shows_the_metadata(client):
    """The JDIH table carries the Permenkumham 8/2019 fields with their values."""
    unit = factories.opd(title="Dinas Kependudukan dan Pencatatan Sipil")
    page = factories.regulation(
        "PERWAL",
        nomor="12",
        tahun=2023,
        tentang="Standar Pelayanan Administrasi Kependudukan",
        teu_badan="Balikpapan (Kota)",
        tempat_penetapan="Balikpapan",
        tanggal_penetapan=date(2023, 5, 12),
        tanggal_pengundangan=date(2023, 5, 15),
        tahun_lembaran=2023,
        nomor_lembaran="12",
        jumlah_halaman=10,
        subjek="PELAYANAN PUBLIK - STANDAR PELAYANAN",
        bidang_hukum="Hukum Administrasi Negara",
        lokasi="Bagian Hukum Setda Kota Balikpapan",
        penandatangan="RAHMAD MAS'UD",
        pemrakarsa=unit,
    )
    html = _html(client, page)
    expected = [
        ("Tipe Dokumen", "Peraturan Perundang-undangan"),
        ("T.E.U. Badan/Pengarang", "Balikpapan (Kota)"),
        ("Nomor Peraturan", "12"),
        ("Jenis/Bentuk Peraturan", "Peraturan Wali Kota"),
        ("Singkatan Jenis/Bentuk", "Perwal"),
        ("Tempat &amp; Tanggal Penetapan", "Balikpapan, 12 Mei 2023"),
        ("Tanggal Pengundangan", "15 Mei 2023"),
        ("Sumber", "BD Kota Balikpapan 2023 (12): 10 hlm"),
        ("Subjek", "PELAYANAN PUBLIK - STANDAR PELAYANAN"),
        ("Status", "Berlaku"),
        ("Bahasa", "Bahasa Indonesia"),
        ("Bidang Hukum", "Hukum Administrasi Negara"),
        ("Penandatangan", "RAHMAD MAS&#x27;UD"),
        ("Lokasi", "Bagian Hukum Setda Kota Balikpapan"),
    ]
    for label, value in expected:
        assert f'<th scope="row">{label}</th><td>{value}</td>' in html, label
    assert f'<th scope="row">Pemrakarsa</th><td><a href="{unit.url}">' in html


@requires_regulation_hook
def test_revoked_regulation_shows_a_banner_linking_the_revoking_one(client):
    """ "Dicabut oleh Peraturan Wali Kota Nomor 7 Tahun 2024" links to the revoking regulation."""
    old = factories.regulation("PERWAL", nomor="48", tahun=2016)
    new = factories.regulation("PERWAL", nomor="7", tahun=2024)
    factories.relate(new, old, RelationKind.MENCABUT)
    html = _html(client, _fresh(old))
    assert "status-banner--dicabut" in html
    assert "<strong>Dicabut oleh</strong>" in html
    assert f'<a href="{new.url}">Peraturan Wali Kota Nomor 7 Tahun 2024</a>' in html


@requires_regulation_hook
def test_amended_regulation_says_it_has_been_amended(client):
    """An amended regulation says "Telah diubah dengan …" and names the amending one."""
    base = factories.regulation("PERDA", nomor="3", tahun=2019)
    amend = factories.regulation("PERDA", nomor="9", tahun=2022)
    factories.relate(amend, base, RelationKind.MENGUBAH)
    html = _html(client, _fresh(base))
    assert "<strong>Telah diubah dengan</strong>" in html
    assert "Peraturan Daerah Nomor 9 Tahun 2022" in html


@requires_regulation_hook
def test_declared_not_in_force_says_so(client):
    """A regulation an editor declared not in force says "Dinyatakan tidak berlaku"."""
    page = factories.regulation(declared_not_in_force=True, status_note="Sudah tidak relevan")
    html = _html(client, _fresh(page))
    assert "Dinyatakan tidak berlaku" in html
    assert "Sudah tidak relevan" in html


@requires_regulation_hook
def test_plain_berlaku_has_no_banner(client):
    """A regulation plainly in force shows no status banner."""
    page = factories.regulation()
    assert "status-banner" not in _html(client, page)


@requires_regulation_hook
def test_relations_show_in_both_directions(client):
    """The newer regulation lists "Mencabut", the older one "Dicabut oleh" naming the revoking pasal.

    The revoking regulation has no text here, so the link cannot land on its Pasal 36: it goes to the
    regulation's page and says the text is not available.
    """
    old = factories.regulation("PERWAL", nomor="48", tahun=2016)
    new = factories.regulation("PERWAL", nomor="7", tahun=2024)
    factories.relate(new, old, RelationKind.MENCABUT, provision="Pasal 36")
    new_html = _html(client, _fresh(new))
    old_html = _html(client, _fresh(old))
    assert "<strong>Mencabut</strong>" in new_html
    assert f'<a href="{old.url}">Peraturan Wali Kota Nomor 48 Tahun 2016</a>' in new_html
    assert "Pasal 36 peraturan ini" in new_html
    assert "<strong>Dicabut oleh</strong>" in old_html
    assert f'<a href="{new.url}">Peraturan Wali Kota Nomor 7 Tahun 2024</a>, Pasal 36' in old_html
    assert "#pasal-36" not in old_html
    assert "Naskah belum tersedia" in old_html


def test_draft_relations_are_not_public():
    """A draft regulation that revokes this one is neither in the banner nor in the relations."""
    old = factories.regulation("PERWAL", nomor="1", tahun=2015)
    draft = factories.regulation("PERWAL", nomor="2", tahun=2024, live=False)
    factories.relate(draft, old, RelationKind.MENCABUT, publish=False)
    assert status_banner(_fresh(old)) == []


@requires_regulation_hook
def test_services_relying_on_the_regulation_are_listed(client):
    """Live services citing the regulation are listed with the pasal they cite; drafts are not."""
    perwal = factories.regulation("PERWAL", nomor="12", tahun=2023)
    unit = factories.opd()
    live = factories.service(unit=unit, title="Akta Kelahiran", bases=[(perwal, "Pasal 5")])
    factories.service(unit=unit, title="Layanan Rahasia", live=False, bases=[(perwal, "")])
    html = _html(client, perwal)
    assert f'<a href="{live.url}">Akta Kelahiran</a>' in html
    assert "Pasal 5" in html
    assert "Layanan Rahasia" not in html


def test_linked_services_group_provisions_per_service():
    """A service citing two pasal of the regulation appears once, with both provisions."""
    perwal = factories.regulation("PERWAL", nomor="12", tahun=2023)
    service = factories.service(bases=[(perwal, "Pasal 5"), (perwal, "Pasal 9")])
    [entry] = linked_services(perwal)
    assert entry.service.pk == service.pk
    assert entry.provisions == ["Pasal 5", "Pasal 9"]


@requires_regulation_hook
def test_pdf_download_shows_the_file_size(client):
    """The signed PDF, lampiran and abstrak are offered for download with their size."""
    page = factories.regulation(
        document=pdf_document("Naskah", "perwal-12-2023.pdf", size=2048),
        attachment_document=pdf_document("Lampiran", "lampiran-12-2023.pdf", size=4096),
        abstract_document=pdf_document("Abstrak", "abstrak-12-2023.pdf", size=1024),
    )
    html = _html(client, page)
    # The stored names: storage adds a suffix when an earlier test in this process took the name.
    for document, name in [
        (page.document, "perwal-12-2023"),
        (page.attachment_document, "lampiran-12-2023"),
        (page.abstract_document, "abstrak-12-2023"),
    ]:
        stored = os.path.basename(document.file.name)
        assert stored.startswith(name) and stored in html
    assert "2,0\xa0KB" in html or "2.0\xa0KB" in html


@requires_regulation_hook
def test_national_regulation_links_out(client):
    """A national regulation kept elsewhere links to its external URL, and shows its abstrak."""
    page = factories.regulation(
        "UU",
        nomor="25",
        tahun=2009,
        tentang="Pelayanan Publik",
        external_url="https://peraturan.go.id/id/uu-no-25-tahun-2009",
        abstrak="Undang-undang ini mengatur prinsip pelayanan publik.",
    )
    html = _html(client, page)
    assert 'href="https://peraturan.go.id/id/uu-no-25-tahun-2009"' in html
    assert "Undang-undang ini mengatur prinsip pelayanan publik." in html


def test_draft_regulation_is_not_public(client):
    """A draft regulation answers 404 at its readable URL."""
    page = factories.regulation("PERWAL", nomor="99", tahun=2024, live=False)
    assert client.get("/peraturan/perwal/2024/99/").status_code == 404
    assert page.pk


def test_jdih_status_row_explains_a_partial_status():
    """An amended regulation reads "Berlaku (Berlaku, telah diubah)" in the JDIH status row."""
    base = factories.regulation("PERDA", nomor="3", tahun=2019)
    amend = factories.regulation("PERDA", nomor="9", tahun=2022)
    factories.relate(amend, base, RelationKind.MENGUBAH)
    rows = {row.label: row.value for row in jdih_rows(_fresh(base))}
    assert rows["Status"] == "Berlaku (Berlaku, telah diubah)"

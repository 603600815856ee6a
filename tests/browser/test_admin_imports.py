"""The admin imports, in a browser: a JDIHN feed file, and a services sheet made from the template.

(a) The legal bureau opens "Impor JDIHN" from the menu, uploads the city's feed file, reads the dry
run (what would be created or merged, and why), confirms, and finds the regulations in "Daftar
Peraturan", as drafts to submit for review. (b) An OPD editor opens "Impor layanan", downloads the XLSX template, fills it in with
one bad row, reads the row's error in Indonesian, fixes the sheet, uploads it again, confirms, and
finds the new services as drafts under the OPD (and not on the public site).
"""

import io
import json
import re

import pytest
from django.contrib.auth.models import Group
from openpyxl import load_workbook
from playwright.sync_api import expect

from registry.permissions import BAGIAN_HUKUM, assign_opd_editor, ensure_groups
from registry.regulations.reference_data import ensure_regulation_types
from registry.services.importers.sheet import COLUMNS
from tests import factories
from tests.admin.base import make_user
from tests.regulations.test_import_jdihn_mapping import feed_record

# live_server needs a transactional database; serialized_rollback restores Wagtail's root page,
# default site and locale (created by migrations) that the flush between such tests removes.
pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

PASSWORD = "sandi-uji-yang-panjang"


def log_in(page, base_url, username):
    page.goto(f"{base_url}/admin/login/")
    page.locator("input[name=username]").fill(username)
    page.locator("input[name=password]").fill(PASSWORD)
    page.get_by_role("button", name="Masuk").click()
    page.wait_for_url(f"{base_url}/admin/")


def user_with_password(username, *groups):
    user = make_user(username, *groups)
    user.set_password(PASSWORD)
    user.save()
    return user


# --- (a) the JDIHN feed ---------------------------------------------------------------------------

FEED_TITLES = {
    "11": "Peraturan Wali Kota Balikpapan Nomor 11 Tahun 2024 tentang Pelayanan Izin Reklame",
    "5": "Peraturan Daerah Kota Balikpapan Nomor 5 Tahun 2024 tentang Perubahan atas Peraturan Daerah "
    "Nomor 3 Tahun 2019 tentang Retribusi Sampah",
    "2": "Peraturan Walikota Balikpapan Nomor 2 Tahun 2015 tentang Tarif Parkir",
}


@pytest.fixture
def bureau(tmp_path):
    """The legal bureau, the Perda the feed amends, and a feed file of four records (one a duplicate)."""
    factories.site_tree()
    ensure_regulation_types()
    factories.regulation("PERDA", nomor="3", tahun=2019, tentang="Retribusi Sampah")
    ensure_groups()
    user_with_password("hukum", Group.objects.get(name=BAGIAN_HUKUM))
    dates = {"tanggal_penetapan": "2024-02-01", "tanggal_pengundangan": "2024-02-02"}
    records = [
        feed_record(
            idData="11", noPeraturan="11", tahun_pengundangan="2024", judul=FEED_TITLES["11"], **dates
        ),
        feed_record(
            **dates,
            idData="11b",
            jenis="PERWAL",
            noPeraturan="-",
            tahun_pengundangan="2024",
            judul="PERATURAN WALIKOTA BALIKPAPAN NO 11 TAHUN 2024 TENTANG PELAYANAN IZIN REKLAME",
        ),
        feed_record(
            idData="12",
            jenis="PERATURAN DAERAH KOTA",
            singkatanJenis="PERDA",
            noPeraturan="5",
            tahun_pengundangan="2024",
            judul=FEED_TITLES["5"],
            sumber="LD Kota Balikpapan 2024 (5)",
            **dates,
        ),
        feed_record(
            idData="13",
            jenis="Perwali",
            singkatanJenis="-",
            noPeraturan="2",
            tahun_pengundangan="2015",
            tanggal_penetapan="2015-01-05",
            tanggal_pengundangan="2015-01-06",
            judul=FEED_TITLES["2"],
            status="Tidak Berlaku",
        ),
    ]
    feed = tmp_path / "jdih-balikpapan.json"
    feed.write_text(json.dumps(records), encoding="utf-8")
    return feed


def test_legal_bureau_imports_a_jdihn_feed_file(bureau, live_server, browser_page):
    page = browser_page
    log_in(page, live_server.url, "hukum")

    page.get_by_role("link", name="Impor JDIHN").first.click()
    expect(page).to_have_url(re.compile(r"/admin/regulations/impor-jdihn/$"))
    page.get_by_label("Berkas umpan JDIHN (JSON)").set_input_files(str(bureau))
    page.get_by_role("button", name="Uji coba").click()

    # The dry run: nothing written yet, each record with what would happen and why.
    expect(page.get_by_role("heading", name="Hasil uji coba (belum ada yang ditulis)")).to_be_visible()
    summary = "4 catatan: dibuat 3, diperbarui 0, tidak berubah 0, digabung 1, dilewati 0"
    expect(page.get_by_text(summary)).to_be_visible()
    rows = page.locator("table.listing tbody tr")
    expect(rows.filter(has_text="akan dibuat")).to_have_count(3)
    expect(rows.filter(has_text="Duplikat catatan #1")).to_have_count(1)
    expect(rows.filter(has_text="Perda 5/2024")).to_contain_text("diusulkan sebagai hubungan")
    expect(rows.filter(has_text="Perwal 2/2015")).to_contain_text("Status 'Tidak Berlaku' diusulkan")

    # Nothing is in the register before the confirmation (looked at in another tab).
    register = page.context.new_page()
    register.goto(f"{live_server.url}/admin/daftar-peraturan/")
    expect(register.get_by_role("row").filter(has_text="Retribusi Sampah")).to_have_count(1)
    expect(register.get_by_role("row").filter(has_text="Pelayanan Izin Reklame")).to_have_count(0)
    register.close()

    page.get_by_role("button", name="Konfirmasi dan impor").click()
    page.wait_for_url(re.compile(r"/admin/regulations/impor-jdihn/\d+/$"))
    expect(page.get_by_role("status").get_by_text(summary)).to_be_visible()
    expect(page.get_by_role("link", name="Tinjau 2 usulan hubungan/status")).to_be_visible()

    page.get_by_role("link", name="Daftar Peraturan").first.click()
    expect(page).to_have_url(re.compile(r"/admin/daftar-peraturan/$"))
    for title in FEED_TITLES.values():
        row = page.get_by_role("row").filter(has_text=title)
        expect(row).to_have_count(1)
        # Drafts: the legal bureau may not publish; each is submitted to the review (docs/review.md).
        expect(row).to_contain_text(re.compile("konsep", re.I))  # Wagtail's Indonesian for "draft"


# --- (b) the services sheet -----------------------------------------------------------------------

HEADERS = [header for _, header, _ in COLUMNS]


@pytest.fixture
def opd_editor():
    """An OPD with its editor and the Perwal the sheet cites, read before the browser starts."""
    perwal = factories.regulation("PERWAL", nomor="7", tahun=2024, tentang="Pelayanan Akta")
    unit = factories.opd(title="Dinas Kependudukan dan Pencatatan Sipil", abbreviation="Disdukcapil")
    ensure_groups()
    editor = user_with_password("editor")
    assign_opd_editor(editor, unit)
    return {"opd_id": unit.pk, "opd_url": unit.url, "perwal": perwal.title}


def fill(template: bytes, rows: list[dict]) -> bytes:
    """The downloaded template with its example row replaced by ``rows`` (header → text)."""
    book = load_workbook(io.BytesIO(template))
    sheet = book.active
    sheet.delete_rows(2, sheet.max_row)
    for row in rows:
        sheet.append([row.get(header, "") for header in HEADERS])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def service_row(title, **cells):
    return {
        "OPD": "Disdukcapil",
        "Layanan": title,
        "Persyaratan": "1. Surat keterangan kematian\n2. Kartu Keluarga",
        "Prosedur": "1. Isi formulir\n2. Verifikasi berkas\n3. Penyerahan akta",
        "Waktu": "3 hari kerja",
        "Biaya": "Gratis",
        "Produk": "Kutipan akta",
        "Pengaduan": "SP4N-LAPOR!",
        "Dasar hukum": "Perwal No. 7 Tahun 2024 Pasal 3",
        **cells,
    }


def test_opd_editor_imports_services_from_the_template(opd_editor, live_server, browser_page, tmp_path):
    page = browser_page
    log_in(page, live_server.url, "editor")

    page.get_by_role("link", name="Impor layanan").first.click()
    expect(page).to_have_url(re.compile(r"/admin/services/impor/$"))
    expect(page.get_by_text("Anda dapat mengimpor layanan untuk:")).to_contain_text(
        "Dinas Kependudukan dan Pencatatan Sipil"
    )
    with page.expect_download() as download:
        page.get_by_role("link", name="Unduh templat (.xlsx)").click()
    template = open(download.value.path(), "rb").read()  # noqa: SIM115 - Playwright's temporary file
    assert [cell.value for cell in load_workbook(io.BytesIO(template)).active[1]] == HEADERS

    # One row with the cost in words: the import is refused and the row says why, in Indonesian.
    good = service_row("Penerbitan Akta Kematian")
    sheet = tmp_path / "layanan-disdukcapil.xlsx"
    sheet.write_bytes(fill(template, [good, service_row("Legalisasi Akta", Biaya="Rp lima puluh ribu")]))
    page.get_by_label("Lembar Standar Pelayanan (.xlsx atau .csv)").set_input_files(str(sheet))
    page.get_by_role("button", name="Uji coba").click()
    expect(page.get_by_text("1 kesalahan: tidak ada layanan yang diimpor.").first).to_be_visible()
    bad_row = page.locator("table.listing tbody tr").filter(has_text="Legalisasi Akta")
    expect(bad_row).to_contain_text("Kesalahan (kolom Biaya)")
    expect(bad_row).to_contain_text("Besaran biaya 'Rp lima puluh ribu' tidak terbaca")
    expect(page.get_by_role("button", name="Konfirmasi dan impor")).to_have_count(0)

    # Fixed, uploaded again: the dry run, then the import.
    sheet.write_bytes(fill(template, [good, service_row("Legalisasi Akta", Biaya="Rp 50.000")]))
    page.get_by_label("Lembar Standar Pelayanan (.xlsx atau .csv)").set_input_files(str(sheet))
    page.get_by_role("button", name="Uji coba").click()
    expect(page.get_by_role("heading", name="Hasil uji coba (belum ada yang ditulis)")).to_be_visible()
    expect(page.locator(".services-import-summary")).to_contain_text("2 layanan dibuat")
    page.get_by_role("button", name="Konfirmasi dan impor").click()
    expect(page.get_by_role("heading", name="Impor selesai")).to_be_visible()
    for title in ("Penerbitan Akta Kematian", "Legalisasi Akta"):
        expect(page.get_by_role("link", name=title, exact=True)).to_have_attribute(
            "href", re.compile(r"/admin/pages/\d+/edit/$")
        )

    # The services wait as drafts under the OPD; the public OPD page does not list them yet.
    page.goto(f"{live_server.url}/admin/pages/{opd_editor['opd_id']}/")
    for title in ("Penerbitan Akta Kematian", "Legalisasi Akta"):
        row = page.get_by_role("row").filter(has_text=title)
        expect(row).to_have_count(1)
        expect(row).to_contain_text(re.compile("konsep", re.I))  # Wagtail's Indonesian for "draft"
    page.goto(f"{live_server.url}{opd_editor['opd_url']}")
    expect(page.get_by_role("heading", level=1)).to_contain_text("Dinas Kependudukan dan Pencatatan Sipil")
    expect(page.get_by_text("Penerbitan Akta Kematian")).to_have_count(0)

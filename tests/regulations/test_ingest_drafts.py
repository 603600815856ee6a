"""``manage.py ingest_pdfs``: a folder of signed PDFs becomes DRAFT regulation pages with the metadata
the parser reads; duplicates, known files and unreadable files are reported; the dry run reports
the same counts and writes nothing; a second run creates nothing."""

import csv
from datetime import date
from io import StringIO

import pytest
from django.core.management import call_command

from registry.demo import catalogue, pdf
from registry.regulations.importers.pdf_reading import jdih_title, sentence_case
from registry.regulations.models import DocumentPage, RegulationDocument, RegulationPage
from registry.regulations.proposals import build_proposals
from registry.regulations.reference_data import ensure_regulation_types
from tests import factories
from tests.regulations.test_extraction_samples import (
    HTML_BYTES,
    REGULATION_PAGES,
    regulation_pdf,
    scanned_pdf,
)

pytestmark = pytest.mark.django_db

#: Demo regulations rendered as signed PDFs: two new ones and one already in the registry.
GOOD = {"perwal-31-2017.pdf": ("PERWAL", "31", 2017), "sub/perda-8-2011.pdf": ("PERDA", "8", 2011)}
DUPLICATE = ("duplikat-perwal-11-2025.pdf", ("PERWAL", "11", 2025))


@pytest.fixture(scope="module")
def rendered():
    """The PDF bytes of the three demo regulations, rendered once."""
    records = catalogue.records_by_key()
    by_identity = {(r.code, r.nomor, r.tahun): r for r in catalogue.all_records() if r.is_local}
    out = {}
    for name, identity in [*GOOD.items(), DUPLICATE]:
        record = by_identity[identity]
        data, _pages = pdf.render(record, records, catalogue.amendments_of(), catalogue.signer(record))
        out[name] = data
    return out


@pytest.fixture
def folder(tmp_path, rendered):
    """Two good regulations (one in a subfolder), a duplicate of a registered one, a corrupt PDF, a
    web page saved as .pdf, a PDF without a regulation number, and a text file that is ignored."""
    root = tmp_path / "masuk"
    (root / "sub").mkdir(parents=True)
    for name, data in rendered.items():
        (root / name).write_bytes(data)
    good = rendered["perwal-31-2017.pdf"]
    (root / "rusak.pdf").write_bytes(good[: len(good) // 3])
    (root / "halaman-web.pdf").write_bytes(HTML_BYTES)
    regulation_pdf(root / "tanpa-nomor.pdf", pages=[["PERATURAN WALI KOTA BALIKPAPAN", "TENTANG", "SESUATU"]])
    (root / "catatan.txt").write_text("bukan PDF")
    return root


@pytest.fixture(autouse=True)
def registry_ready():
    factories.site_tree()
    ensure_regulation_types()
    factories.regulation("PERWAL", nomor="11", tahun=2025, tentang="Pendelegasian Wewenang")


def run(*args) -> str:
    out = StringIO()
    call_command("ingest_pdfs", *args, stdout=out)
    return out.getvalue()


def statuses(output: str) -> dict[str, str]:
    """The status of each file from the progress lines ("[3/7] rusak.pdf … gagal dibaca (gagal)")."""
    found = {}
    for line in output.splitlines():
        if line.startswith("[") and " … " in line:
            name, rest = line.split("] ", 1)[1].split(" … ", 1)
            found[name] = rest.split(" (")[0]
    return found


EXPECTED = {
    "duplikat-perwal-11-2025.pdf": "sudah ada",
    "halaman-web.pdf": "gagal dibaca",
    "perwal-31-2017.pdf": "dibuat",
    "rusak.pdf": "gagal dibaca",
    "sub/perda-8-2011.pdf": "dibuat",
    "tanpa-nomor.pdf": "perlu ditinjau manual",
}


def test_dry_run_then_real_run_then_again(folder, tmp_path):
    """The dry run writes nothing and reports what the real run does; the drafts carry the parsed
    metadata and their document; a second run creates nothing."""
    pages_before = RegulationPage.objects.count()

    dry = run(str(folder), "--dry-run", "--report", str(tmp_path / "dry.csv"))
    assert statuses(dry) == EXPECTED
    assert RegulationPage.objects.count() == pages_before
    assert not RegulationDocument.objects.exists() and not DocumentPage.objects.exists()
    assert "Uji coba (--dry-run): tidak ada yang ditulis." in dry

    real = run(str(folder), "--report", str(tmp_path / "real.csv"))
    assert statuses(real) == EXPECTED
    summary = (
        "Ringkasan (6 berkas): dibuat 2, sudah ada 1, sudah diunggah 0, gagal dibaca 2, "
        "perlu ditinjau manual 1."
    )
    assert summary in dry and summary in real
    assert real.splitlines()[0].startswith("[1/6] duplikat-perwal-11-2025.pdf … sudah ada (selesai)")

    # Every file is kept as a document, whatever became of it.
    assert RegulationDocument.objects.count() == 6
    perwal = RegulationPage.objects.get(regulation_type__code="PERWAL", nomor="31", tahun=2017)
    assert not perwal.live and perwal.has_unpublished_changes
    assert perwal.wilayah == "Kota Balikpapan"
    assert perwal.tentang == "Tata cara pelayanan administrasi kependudukan"
    assert perwal.title == (
        "Peraturan Wali Kota Balikpapan Nomor 31 Tahun 2017 tentang Tata cara pelayanan administrasi "
        "kependudukan"
    )
    assert (perwal.tempat_penetapan, perwal.tanggal_penetapan) == ("Balikpapan", date(2017, 6, 12))
    assert perwal.tanggal_pengundangan == date(2017, 6, 13)
    assert (perwal.tahun_lembaran, perwal.nomor_lembaran) == (2017, "31")
    assert perwal.document.pages.count() == perwal.jumlah_halaman > 0
    assert perwal.document.title == perwal.title
    assert RegulationDocument.objects.filter(title="rusak").exists(), "an unread file keeps its name"
    # Citations and relations are left as proposals on the review page, not applied.
    assert not perwal.relations.exists()
    proposals = build_proposals(perwal)
    assert proposals.citations and proposals.relations
    perda = RegulationPage.objects.get(regulation_type__code="PERDA", nomor="8", tahun=2011)
    assert not perda.live and perda.title.startswith("Peraturan Daerah Kota Balikpapan Nomor 8 Tahun 2011")
    assert perda.get_latest_revision() is not None

    with (tmp_path / "real.csv").open(encoding="utf-8-sig") as handle:
        rows = {row["Berkas"]: row for row in csv.DictReader(handle)}
    assert {name: row["Status"] for name, row in rows.items()} == EXPECTED
    row = rows["perwal-31-2017.pdf"]
    assert (row["Jenis"], row["Nomor"], row["Tahun"]) == ("PERWAL", "31", "2017")
    assert row["URL admin"].endswith(f"/admin/pages/{perwal.pk}/edit/")
    assert row["Tentang"] == perwal.tentang
    assert rows["duplikat-perwal-11-2025.pdf"]["URL admin"].endswith("/edit/")
    assert "sudah ada di registri" in rows["duplikat-perwal-11-2025.pdf"]["Alasan"].lower()
    assert rows["rusak.pdf"]["Ekstraksi"] and rows["rusak.pdf"]["Alasan"]
    assert rows["halaman-web.pdf"]["Ekstraksi"] == "gagal"
    assert "nomor" in rows["tanpa-nomor.pdf"]["Alasan"]
    with (tmp_path / "dry.csv").open(encoding="utf-8-sig") as handle:
        dry_rows = {row["Berkas"]: row for row in csv.DictReader(handle)}
    assert {name: row["Status"] for name, row in dry_rows.items()} == EXPECTED
    assert dry_rows["perwal-31-2017.pdf"]["Tentang"] == perwal.tentang

    pages, documents = RegulationPage.objects.count(), RegulationDocument.objects.count()
    again = run(str(folder))
    assert set(statuses(again).values()) == {"sudah diunggah"}
    assert (RegulationPage.objects.count(), RegulationDocument.objects.count()) == (pages, documents)


def test_the_same_regulation_twice_in_one_folder(tmp_path, rendered):
    """Two different files of one regulation: the first becomes the draft, the second "sudah ada";
    a byte-identical copy is "sudah diunggah"; the dry run counts the same."""
    root = tmp_path / "masuk"
    root.mkdir()
    data = rendered["perwal-31-2017.pdf"]
    (root / "a.pdf").write_bytes(data)
    (root / "b-salinan.pdf").write_bytes(data)
    (root / "c-pindai-ulang.pdf").write_bytes(data + b"\n% disimpan ulang\n")
    expected = {"a.pdf": "dibuat", "b-salinan.pdf": "sudah diunggah", "c-pindai-ulang.pdf": "sudah ada"}
    assert statuses(run(str(root), "--dry-run")) == expected
    assert statuses(run(str(root))) == expected
    assert RegulationPage.objects.filter(nomor="31", tahun=2017).count() == 1


def test_encrypted_and_scanned_files_are_kept_and_listed(tmp_path):
    """Without OCR a scan cannot be read, nor can an encrypted file: both are kept as documents and
    listed with their extraction status and reason; no page is made."""
    root = tmp_path / "masuk"
    root.mkdir()
    regulation_pdf(root / "terkunci.pdf", encrypt_password="rahasia")
    scanned_pdf(root / "pindaian.pdf")
    output = run(str(root), "--no-ocr")
    lines = output.splitlines()
    assert lines[0] == "[1/2] pindaian.pdf … gagal dibaca (perlu OCR)"
    assert lines[1] == "[2/2] terkunci.pdf … gagal dibaca (perlu kata sandi)"
    assert "Berkas PDF dilindungi kata sandi." in output
    assert RegulationDocument.objects.count() == 2
    assert RegulationPage.objects.count() == 1  # the registered Perwal 11/2025 only


def test_a_value_that_fails_validation_is_left_for_the_editor(tmp_path):
    """A misread optional value (a signing date in another year) is dropped and said so; the draft
    is still made."""
    root = tmp_path / "masuk"
    root.mkdir()
    closing = ["Ditetapkan di Balikpapan", "pada tanggal 5 Januari 2024", "WALI KOTA BALIKPAPAN,", "ttd"]
    closing += ["Diundangkan di Balikpapan", "pada tanggal 6 Januari 2024"]
    regulation_pdf(root / "perwal.pdf", pages=[REGULATION_PAGES[0], REGULATION_PAGES[1] + closing])
    output = run(str(root))
    assert statuses(output) == {"perwal.pdf": "dibuat"}
    assert "Tidak diisi karena tidak lolos pemeriksaan: tanggal penetapan" in output
    page = RegulationPage.objects.get(regulation_type__code="PERWAL", nomor="12", tahun=2023)
    assert page.tanggal_penetapan is None and page.tanggal_pengundangan == date(2024, 1, 6)
    assert not page.live


def test_sentence_case_and_title():
    names = ["Kota Kendari", "Kendari"]
    subject = (
        "PERUBAHAN KEDUA ATAS PERATURAN WALI KOTA KENDARI NOMOR 50 TAHUN 2019 TENTANG TIM PERCEPATAN "
        "PEMBANGUNAN KOTA KENDARI"
    )
    assert sentence_case(subject, names) == (
        "Perubahan kedua atas Peraturan Wali Kota Kendari Nomor 50 Tahun 2019 tentang tim percepatan "
        "pembangunan Kota Kendari"
    )
    assert sentence_case("RENCANA KERJA DAN ANGGARAN BAB II APBD TAHUN 2024") == (
        "Rencana kerja dan anggaran bab II APBD tahun 2024"
    )
    assert sentence_case("Standar Pelayanan Publik") == "Standar Pelayanan Publik"
    assert jdih_title("KEPWAL", "Kota Balikpapan", "188.45-54/2024", 2024, "Tim") == (
        "Keputusan Wali Kota Balikpapan Nomor 188.45-54/2024 tentang Tim"
    )
    assert jdih_title("UU", "Republik Indonesia", "23", 2014, "Pemerintahan daerah") == (
        "Undang-Undang Nomor 23 Tahun 2014 tentang Pemerintahan daerah"
    )


@pytest.mark.corpus
def test_a_real_born_digital_perda(corpus_dir, tmp_path):
    """A real Perda Kota Surabaya (16 pages, text layer) becomes a draft with its identity and subject."""
    source = corpus_dir / "real" / "pdf" / "sby__perda_sby_13_2003_pemakaman__68a7da40c46e8.pdf"
    root = tmp_path / "masuk"
    root.mkdir()
    (root / source.name).write_bytes(source.read_bytes())
    output = run(str(root), "--no-ocr")
    assert statuses(output) == {source.name: "dibuat"}, output
    page = RegulationPage.objects.get(regulation_type__code="PERDA", nomor="13", tahun=2003)
    assert not page.live and page.wilayah == "Kota Surabaya"
    assert page.tentang == "Pengelolaan tempat pemakaman dan penyelenggaraan pemakaman jenazah"
    assert page.title == (
        "Peraturan Daerah Kota Surabaya Nomor 13 Tahun 2003 tentang Pengelolaan tempat pemakaman dan "
        "penyelenggaraan pemakaman jenazah"
    )
    assert page.tanggal_pengundangan == date(2003, 7, 10)
    assert page.document.extraction_status == "done" and page.jumlah_halaman == 16
    assert len(build_proposals(page).citations) >= 10

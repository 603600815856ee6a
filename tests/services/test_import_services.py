"""Importing services from a Standar Pelayanan sheet: parsing, resolution, all-or-nothing, idempotency."""

import csv
import io
from decimal import Decimal

import pytest
from django.core.files.base import ContentFile
from django.core.management import CommandError, call_command
from openpyxl import Workbook, load_workbook

from registry.permissions import assign_opd_editor
from registry.regulations.models import ArticleNode, RegulationDocument
from registry.regulations.signal_handlers import SKIP_EXTRACTION_ATTR
from registry.services.importers import messages as msg
from registry.services.importers.cells import parse_citation, parse_cost, parse_time, split_lines
from registry.services.importers.rows import parse_table
from registry.services.importers.sheet import SheetError, build_template, read_table
from registry.services.importers.writer import import_services
from registry.services.models import ServicePage
from tests import factories

HEADER = ["OPD", "Layanan", "Persyaratan", "Prosedur", "Waktu", "Biaya", "Produk", "Pengaduan", "Dasar hukum"]


def csv_bytes(*rows, header=HEADER, delimiter=",") -> bytes:
    out = io.StringIO()
    writer = csv.writer(out, delimiter=delimiter)
    writer.writerow(header)
    writer.writerows(rows)
    return out.getvalue().encode("utf-8")


def row(opd="Disdukcapil", title="Akta Kelahiran", **cells):
    values = {
        "persyaratan": "1. Surat keterangan lahir\n2. Kartu Keluarga",
        "prosedur": "1. Isi formulir\n2. Verifikasi\n3. Penyerahan akta",
        "waktu": "14 hari kerja",
        "biaya": "Gratis",
        "produk": "Kutipan Akta Kelahiran",
        "pengaduan": "SP4N-LAPOR!",
        "dasar_hukum": "",
    } | cells
    return [opd, title, *values.values()]


# --- pure parsing ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, expected",
    [
        ("14 hari kerja", (14, "hari_kerja", "")),
        ("1 jam", (1, "jam", "")),
        ("30  Menit", (30, "menit", "")),
        (
            "Paling lama 3 (tiga) hari kerja setelah berkas lengkap",
            (3, "hari_kerja", "setelah berkas lengkap"),
        ),
        ("Sesuai antrean", (None, "", "Sesuai antrean")),
        ("", (None, "", "")),
    ],
)
def test_time_cells(text, expected):
    time = parse_time(text)
    assert (time.value, time.unit, time.note) == expected


def test_a_bare_number_is_not_a_time():
    assert parse_time("14") is None


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Gratis", ("gratis", None, "")),
        ("Tidak dipungut biaya", ("gratis", None, "")),
        ("Rp 150.000", ("berbayar", Decimal(150000), "")),
        ("Rp150.000,00 per lembar", ("berbayar", Decimal(150000), "per lembar")),
        ("Rp. 1.500.000,-", ("berbayar", Decimal(1500000), "")),
        ("Sesuai Perda No. 5 Tahun 2023", ("", None, "Sesuai Perda No. 5 Tahun 2023")),
    ],
)
def test_cost_cells(text, expected):
    cost = parse_cost(text)
    assert (cost.kind, cost.amount, cost.note) == expected


def test_unreadable_amount():
    assert parse_cost("Rp seratus ribu") is None


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Perda No. 1 Tahun 2024 Pasal 11", ("Perda", "1", 2024, "Pasal 11")),
        (
            "Peraturan Wali Kota Nomor 12 Tahun 2023 Pasal 5 ayat (2)",
            ("Peraturan Wali Kota", "12", 2023, "Pasal 5 ayat (2)"),
        ),
        ("UU 23/2014", ("UU", "23", 2014, "")),
        ("Pasal 3 Perwal No 7 Tahun 2024", ("Perwal", "7", 2024, "Pasal 3")),
        (
            "Perda Kota Balikpapan No.1 Tahun 2024 tentang Retribusi, pasal 11 ayat 3",
            (None, "1", 2024, "Pasal 11 ayat (3)"),
        ),
    ],
)
def test_citations(text, expected):
    citation = parse_citation(text)
    jenis, nomor, tahun, provision = expected
    assert (citation.nomor, citation.tahun, citation.provision) == (nomor, tahun, provision)
    if jenis:
        assert citation.jenis == jenis


def test_messy_multi_line_cells():
    assert split_lines(" 1.  KTP \r\n\n2)KK\n- Akta\u00a0lahir\n• Surat\n-") == [
        "KTP",
        "KK",
        "Akta lahir",
        "Surat",
    ]


def test_header_below_a_title_row_and_semicolon_csv():
    data = b"STANDAR PELAYANAN DISDUKCAPIL\n\n" + csv_bytes(row(), delimiter=";")
    table = read_table("sp.csv", data)
    assert table.header_row == 3
    [(number, cells)] = table.rows
    assert number == 4 and cells["layanan"] == "Akta Kelahiran"


def test_missing_header_is_a_file_error():
    with pytest.raises(SheetError) as caught:
        read_table("sp.csv", b"Nama,Alamat\nA,B\n")
    assert caught.value.issue.msgid == msg.NO_HEADER


def test_row_errors_name_row_and_column():
    table = read_table(
        "sp.csv",
        csv_bytes(
            row(title=""),
            row(waktu="14", biaya="Rp seratus"),
            row(title="Akta Kematian"),
            row(title="akta kematian"),
        ),
    )
    parsed = parse_table(table)
    errors = {(issue.row, issue.column, issue.msgid) for issue in parsed.errors}
    assert errors == {
        (2, "Layanan", msg.REQUIRED),
        (3, "Waktu", msg.BAD_TIME),
        (3, "Biaya", msg.BAD_AMOUNT),
        (5, "Layanan", msg.DUPLICATE_ROW),
    }
    rendered = parsed.errors[0].render()
    assert "kosong" in rendered


def test_template_round_trips():
    data = build_template()
    sheet = load_workbook(io.BytesIO(data)).active
    assert [cell.value for cell in sheet[1]] == HEADER
    parsed = parse_table(read_table("templat.xlsx", data))
    assert not parsed.errors
    [record] = parsed.records
    assert record.requirements == ["Surat keterangan lahir", "Kartu Keluarga", "KTP orang tua"]
    assert [c.nomor for c, _, _ in record.bases] == ["1", "12"]


# --- writing --------------------------------------------------------------------------------------


@pytest.fixture
def registry(db):
    unit = factories.opd()
    other = factories.opd(title="Dinas Penanaman Modal dan PTSP", abbreviation="DPMPTSP", slug="dpmptsp")
    perda = factories.regulation("PERDA", nomor="1", tahun=2024, tentang="Retribusi")
    perwal = factories.regulation("PERWAL", nomor="12", tahun=2023, tentang="Akta")
    document = RegulationDocument(title="perwal.pdf")
    setattr(document, SKIP_EXTRACTION_ATTR, True)
    document.file.save("perwal.pdf", ContentFile(b"%PDF-1.4"), save=False)
    document.save()
    ArticleNode.objects.create(
        document=document, kind="pasal", label="Pasal 5 ayat (2)", anchor="pasal-5-ayat-2", position=1
    )
    perwal.document = document
    perwal.save()
    return {"unit": unit, "other": other, "perda": perda, "perwal": perwal}


def test_import_creates_draft_services_with_all_components(registry):
    data = csv_bytes(
        row(
            opd="disdukcapil",
            waktu="Sesuai antrean",
            biaya="Rp 150.000",
            dasar_hukum="Perda No. 1 Tahun 2024 Pasal 11\nPeraturan Wali Kota Nomor 12 Tahun 2023 Pasal 5 ayat (2)",
        ),
        row(opd="Dinas Penanaman Modal dan PTSP", title="Izin Reklame", waktu="1 jam"),
    )
    report = import_services("sp.csv", data)
    assert report.ok and report.written, report.issues
    assert report.counts() == {"created": 2, "updated": 0, "unchanged": 0}
    akta = ServicePage.objects.get(title="Akta Kelahiran")
    assert not akta.live and akta.get_parent().pk == registry["unit"].pk
    latest = akta.get_latest_revision_as_object()
    assert [r.text for r in latest.requirements.all()] == ["Surat keterangan lahir", "Kartu Keluarga"]
    assert [s.title for s in latest.steps.all()] == ["Isi formulir", "Verifikasi", "Penyerahan akta"]
    assert (latest.time_value, latest.time_note) == (None, "Sesuai antrean")
    assert (latest.cost_kind, latest.cost_amount) == ("berbayar", Decimal(150000))
    assert latest.product == "Kutipan Akta Kelahiran" and latest.complaint_procedure == "SP4N-LAPOR!"
    bases = [(b.regulation_id, b.provision) for b in latest.legal_bases.all()]
    assert bases == [(registry["perda"].pk, "Pasal 11"), (registry["perwal"].pk, "Pasal 5 ayat (2)")]
    # Perda 1/2024 has no parsed article tree: Pasal 11 is linked as written and reported.
    warnings = [issue for issue in report.warnings if issue.msgid == msg.PROVISION_NOT_FOUND]
    assert [w.params["provision"] for w in warnings] == ["Pasal 11"]


def test_unknown_legal_basis_is_a_warning_with_its_text(registry):
    report = import_services(
        "sp.csv", csv_bytes(row(dasar_hukum="Perda No. 99 Tahun 2001 Pasal 2\nkebijakan lisan"))
    )
    assert report.ok and report.written
    texts = [issue.render() for issue in report.warnings]
    assert any("Perda No. 99 Tahun 2001 Pasal 2" in text for text in texts)
    assert any("kebijakan lisan" in text for text in texts)
    assert (
        not ServicePage.objects.get(title="Akta Kelahiran").get_latest_revision_as_object().legal_bases.all()
    )


def test_any_row_error_writes_nothing(registry):
    data = csv_bytes(row(), row(opd="Dinas Tidak Ada", title="Izin"), row(title="KTP", biaya="Rp ?"))
    report = import_services("sp.csv", data)
    assert not report.ok and not report.written
    assert {(i.row, i.column) for i in report.errors} == {(3, "OPD"), (4, "Biaya")}
    assert not ServicePage.objects.exists()
    assert "Dinas Tidak Ada" in report.errors[0].render()


def test_dry_run_reports_the_real_counts_and_writes_nothing(registry):
    factories.service(registry["unit"], title="Akta Kelahiran")
    data = csv_bytes(row(), row(title="Akta Kematian"), row(title="KTP-el"))
    dry = import_services("sp.csv", data, dry_run=True)
    assert ServicePage.objects.count() == 1
    real = import_services("sp.csv", data)
    assert dry.counts() == real.counts() == {"created": 2, "updated": 1, "unchanged": 0}
    assert ServicePage.objects.count() == 3


def test_reimporting_creates_nothing_and_updates_as_a_draft_revision(registry):
    live = factories.service(registry["unit"], title="Akta Kelahiran", requirements=["KTP"])
    data = csv_bytes(row(title="AKTA KELAHIRAN"))
    first = import_services("sp.csv", data)
    assert first.counts()["updated"] == 1
    live.refresh_from_db()
    assert live.live and live.has_unpublished_changes
    assert [r.text for r in live.requirements.all()] == ["KTP"]  # the live version is untouched
    revisions = live.revisions.count()
    again = import_services("sp.csv", data)
    assert again.counts() == {"created": 0, "updated": 0, "unchanged": 1}
    assert live.revisions.count() == revisions and ServicePage.objects.count() == 1


def test_command_dry_run_and_errors(registry, tmp_path, capsys):
    path = tmp_path / "sp.xlsx"
    book = Workbook()
    book.active.append(HEADER)
    book.active.append(row(waktu="2 hari"))
    book.save(path)
    call_command("import_services", str(path), "--dry-run")
    assert "created=1" in capsys.readouterr().out and not ServicePage.objects.exists()
    call_command("import_services", str(path))
    assert ServicePage.objects.get().get_latest_revision_as_object().time_unit == "hari"
    bad = tmp_path / "bad.csv"
    bad.write_bytes(csv_bytes(row(opd="XYZ")))
    with pytest.raises(CommandError):
        call_command("import_services", str(bad))


def test_opd_editor_imports_only_into_own_opd(registry, django_user_model):
    editor = django_user_model.objects.create_user("editor", "e@example.test", "sandi")
    assign_opd_editor(editor, registry["unit"])
    factories.service(registry["other"], title="Izin Reklame")
    report = import_services("sp.csv", csv_bytes(row(), row(opd="DPMPTSP", title="Izin Usaha")), user=editor)
    assert [(i.row, i.msgid) for i in report.errors] == [(3, msg.NOT_ALLOWED)]
    assert not ServicePage.objects.filter(title="Akta Kelahiran").exists()
    # Also for an existing service of another OPD.
    report = import_services("sp.csv", csv_bytes(row(opd="DPMPTSP", title="Izin Reklame")), user=editor)
    assert [i.msgid for i in report.errors] == [msg.NOT_ALLOWED]
    report = import_services("sp.csv", csv_bytes(row()), user=editor)
    assert report.ok and report.written
    assert ServicePage.objects.get(title="Akta Kelahiran").owner == editor

"""The pure half of the JDIHN import: spellings of types, titles, Sumber lines and messy records.

No database: these modules import nothing from Django.
"""

from datetime import date

import pytest

from registry.regulations.importers import messages as m
from registry.regulations.importers.duplicates import merge_duplicates
from registry.regulations.importers.gazette import parse_sumber
from registry.regulations.importers.kinds import TypeResolver
from registry.regulations.importers.mapping import Defaults, MappedRecord, Unmapped, map_record
from registry.regulations.importers.text import clean, parse_date, region_from_text
from registry.regulations.importers.titles import parse_title, title_relation

DEFAULTS = Defaults(wilayah="Kota Balikpapan", province="Provinsi Kalimantan Timur")
RESOLVER = TypeResolver()


def feed_record(**overrides):
    """The domain §1.5 illustrative record, with ``overrides``."""
    record = {
        "idData": "1234",
        "tahun_pengundangan": "2023",
        "tanggal_penetapan": "2023-05-12",
        "tanggal_pengundangan": "2023-05-12",
        "jenis": "Peraturan Wali Kota",
        "noPeraturan": "12",
        "judul": "Peraturan Wali Kota Balikpapan Nomor 12 Tahun 2023 tentang Standar Pelayanan Administrasi "
        "Kependudukan",
        "noPanggil": "-",
        "singkatanJenis": "PERWAL",
        "tempatTerbit": "Balikpapan",
        "penerbit": "Pemerintah Kota Balikpapan",
        "deskripsiFisik": "10 hlm",
        "sumber": "BD Kota Balikpapan 2023 (12): 10 hlm",
        "subjek": "PELAYANAN PUBLIK - ADMINISTRASI KEPENDUDUKAN",
        "isbn": "-",
        "status": "Berlaku",
        "bahasa": "Bahasa Indonesia",
        "bidangHukum": "Hukum Administrasi Negara",
        "teuBadan": "Balikpapan (Kota)",
        "nomorIndukBuku": "-",
        "fileDownload": "perwal-12-2023.pdf",
        "urlDownload": "https://jdih.example/files/perwal-12-2023.pdf",
        "abstrak": "abstrak-perwal-12-2023.pdf",
        "urlabstrak": "https://jdih.example/files/abstrak-perwal-12-2023.pdf",
        "urlDetailPeraturan": "https://jdih.example/peraturan/1234",
        "operasi": "4",
        "display": "1",
    }
    record.update(overrides)
    return record


def mapped(**overrides) -> MappedRecord:
    result = map_record(feed_record(**overrides), 1, DEFAULTS)
    assert isinstance(result, MappedRecord), [n.render() for n in result.notes]
    return result


def msgids(result) -> set[str]:
    return {note.msgid for note in result.notes}


@pytest.mark.parametrize(
    ("spelling", "code"),
    [
        ("PERATURAN DAERAH KOTA", "PERDA"),
        ("Peraturan Daerah Kota Balikpapan", "PERDA"),
        ("Perda", "PERDA"),
        ("Peraturan Walikota", "PERWAL"),
        ("Peraturan Wali Kota", "PERWAL"),
        ("Perwali", "PERWAL"),
        ("PERWAL", "PERWAL"),
        ("Perwal Kota Balikpapan", "PERWAL"),
        ("Keputusan Walikota", "KEPWAL"),
        ("SK Walikota Balikpapan", "KEPWAL"),
        ("Peraturan Daerah Provinsi Kalimantan Timur", "PERDA_PROV"),
        ("Permendagri", "PERMEN"),
        ("Undang-Undang", "UU"),
        ("Keputusan Kepala Dinas Kesehatan Kota Balikpapan", "KEP_KEPALA_PD"),
        ("Peraturan Bupati", None),
        ("Keputusan", None),
        ("-", None),
    ],
)
def test_type_spellings_resolve_to_the_reference_codes(spelling, code):
    assert RESOLVER.resolve(clean(spelling)) == code


@pytest.mark.parametrize(
    ("title", "nomor", "tahun", "tentang"),
    [
        (
            "Peraturan Wali Kota Balikpapan Nomor 12 Tahun 2023 tentang Standar Pelayanan",
            "12",
            2023,
            "Standar Pelayanan",
        ),
        ("PERATURAN DAERAH KOTA BALIKPAPAN NO 4 TAHUN 2020 TENTANG RETRIBUSI", "4", 2020, "RETRIBUSI"),
        ("Perwal No. 4/2020 tentang Pajak", "4", 2020, "Pajak"),
        ("Peraturan Walikota Nomor : 04 Tahun 2020 Tentang Pajak.", "04", 2020, "Pajak"),
        ("Standar Pelayanan Publik", "", None, "Standar Pelayanan Publik"),
    ],
)
def test_titles_restating_the_number_their_own_way(title, nomor, tahun, tentang):
    parts = parse_title(title)
    assert (parts.nomor, parts.tahun, parts.tentang) == (nomor, tahun, tentang)


def test_amendment_and_revocation_titles_name_their_target():
    amends = title_relation(
        "Perubahan Kedua atas Peraturan Daerah Nomor 3 Tahun 2019 tentang Retribusi Sampah"
    )
    assert (amends.kind, amends.nomor, amends.tahun, amends.tentang, amends.ordinal) == (
        "mengubah",
        "3",
        2019,
        "Retribusi Sampah",
        2,
    )
    revokes = title_relation("Pencabutan Peraturan Wali Kota Nomor 48 Tahun 2016 tentang Tarif")
    assert (revokes.kind, revokes.nomor, revokes.tahun) == ("mencabut", "48", 2016)
    assert title_relation("Standar Pelayanan") is None


@pytest.mark.parametrize(
    ("sumber", "expected"),
    [
        ("BD Kota Balikpapan 2023 (12): 10 hlm", ("BD", 2023, "12", "", 10)),
        ("LD Kota Balikpapan 2012 (7), TLD (18): 12 hlm", ("LD", 2012, "7", "18", 12)),
        (
            "Lembaran Daerah Kota Balikpapan Tahun 2012 Nomor 7, Tambahan Lembaran Daerah Kota Balikpapan Nomor 18",
            ("LD", 2012, "7", "18", None),
        ),
        ("Berita Daerah Tahun 2023 Nomor 12 Seri E", ("BD", 2023, "12", "", None)),
        ("Lembaran Daerah Kota Padang Tahun 2025", ("LD", 2025, "", "", None)),
        ("-", ("", None, "", "", None)),
    ],
)
def test_sumber_lines(sumber, expected):
    ref = parse_sumber(sumber)
    assert (ref.series, ref.year, ref.number, ref.supplement, ref.pages) == expected


def test_the_spec_record_maps_every_key_it_can():
    record = mapped()
    assert (record.type_code, record.wilayah, record.nomor, record.tahun) == (
        "PERWAL",
        "Kota Balikpapan",
        "12",
        2023,
    )
    assert record.title.startswith("Peraturan Wali Kota Balikpapan Nomor 12 Tahun 2023")
    assert record.values == {
        "tentang": "Standar Pelayanan Administrasi Kependudukan",
        "teu_badan": "Balikpapan (Kota)",
        "tempat_penetapan": "Balikpapan",
        "tanggal_penetapan": date(2023, 5, 12),
        "tanggal_pengundangan": date(2023, 5, 12),
        "tahun_lembaran": 2023,
        "nomor_lembaran": "12",
        "jumlah_halaman": 10,
        "subjek": "PELAYANAN PUBLIK - ADMINISTRASI KEPENDUDUKAN",
        "bahasa": "Bahasa Indonesia",
        "bidang_hukum": "Hukum Administrasi Negara",
        "external_url": "https://jdih.example/peraturan/1234",
    }
    assert record.file_url.endswith("perwal-12-2023.pdf")
    assert record.abstrak_url.endswith("abstrak-perwal-12-2023.pdf")
    assert record.notes == [] and not record.not_in_force and record.relation is None
    # The Yii2 spelling of the abstract URL, and an abstract given as text.
    yii = mapped(
        urlabstrak=None, urlAbstrak="https://jdih.example/a.pdf", abstrak="Peraturan ini mengatur ..."
    )
    assert (
        yii.abstrak_url == "https://jdih.example/a.pdf"
        and yii.values["abstrak"] == "Peraturan ini mengatur ..."
    )


def test_empty_and_dash_fields_are_empty():
    record = mapped(
        subjek="-", bidangHukum="", sumber="-", deskripsiFisik="-", tempatTerbit=None, bahasa="Indonesia"
    )
    assert "subjek" not in record.values and "bidang_hukum" not in record.values
    assert "nomor_lembaran" not in record.values and "jumlah_halaman" not in record.values
    assert record.values["bahasa"] == "Bahasa Indonesia"
    assert clean(" - ") == "" and clean("0000-00-00") == ""


def test_a_jenis_contradicting_the_title_gives_way_to_the_title():
    record = mapped(jenis="Peraturan Daerah", singkatanJenis="PERDA")
    assert record.type_code == "PERWAL" and m.TYPE_CONFLICT in msgids(record)
    from_title = mapped(jenis="-", singkatanJenis="")
    assert from_title.type_code == "PERWAL" and m.TYPE_FROM_TITLE in msgids(from_title)


def test_number_and_year_come_from_the_title_when_the_fields_are_empty():
    record = mapped(
        noPeraturan="-",
        tahun_pengundangan="",
        judul="PERATURAN WALIKOTA BALIKPAPAN NO 4 TAHUN 2020 TENTANG RETRIBUSI",
        tanggal_penetapan="2020-01-02",
        tanggal_pengundangan="2020-01-03",
    )
    assert (record.nomor, record.tahun, record.values["tentang"]) == ("4", 2020, "RETRIBUSI")
    assert m.NUMBER_FROM_TITLE in msgids(record)
    conflict = mapped(noPeraturan="13")
    assert conflict.nomor == "13" and m.NUMBER_CONFLICT in msgids(conflict)


def test_unusable_records_are_reported_not_raised():
    unknown = map_record(
        feed_record(jenis="Peraturan Bupati", singkatanJenis="Perbup", judul="Bupati"), 3, DEFAULTS
    )
    assert isinstance(unknown, Unmapped) and unknown.notes[0].msgid == m.NO_TYPE
    no_number = map_record(feed_record(noPeraturan="-", judul="Peraturan Wali Kota tentang X"), 4, DEFAULTS)
    assert no_number.notes[0].msgid == m.NO_NUMBER
    not_object = map_record(["a"], 5, DEFAULTS)
    assert not_object.notes[0].msgid == m.NOT_AN_OBJECT


def test_bad_and_inconsistent_dates_are_dropped_with_a_note():
    record = mapped(tanggal_penetapan="31-02-2023", tanggal_pengundangan="2022-12-30")
    assert "tanggal_penetapan" not in record.values and m.BAD_DATE in msgids(record)
    ordered = mapped(tanggal_penetapan="2023-05-12", tanggal_pengundangan="2023-05-01")
    assert "tanggal_pengundangan" not in ordered.values and m.DATE_ORDER in msgids(ordered)
    assert parse_date("12 Mei 2023") == (date(2023, 5, 12), True)


def test_wilayah_from_the_record_or_the_default():
    assert region_from_text("Balikpapan (Kota)") == "Kota Balikpapan"
    assert region_from_text("Pemerintah Kota Balikpapan") == "Kota Balikpapan"
    assert region_from_text("PERATURAN WALIKOTA SAMARINDA") == "Kota Samarinda"
    bare_title = {"judul": "Peraturan Wali Kota Nomor 12 Tahun 2023 tentang X"}
    assert (
        mapped(**bare_title, teuBadan="-", penerbit="Pemerintah Kota Samarinda").wilayah == "Kota Samarinda"
    )
    assert (
        mapped(**bare_title, teuBadan="-", penerbit="-", tempatTerbit="Balikpapan").wilayah
        == "Kota Balikpapan"
    )
    fallback = mapped(**bare_title, teuBadan="-", penerbit="-", tempatTerbit="-")
    assert fallback.wilayah == "Kota Balikpapan" and m.WILAYAH_DEFAULT in msgids(fallback)
    other = map_record(
        feed_record(**bare_title, teuBadan="", penerbit="", tempatTerbit=""),
        1,
        Defaults("Kota Bontang", "Provinsi Kalimantan Timur"),
    )
    assert other.wilayah == "Kota Bontang"


def test_status_and_amendment_become_proposals():
    record = mapped(
        status="Tidak Berlaku",
        judul="Peraturan Wali Kota Balikpapan Nomor 12 Tahun 2023 tentang Perubahan atas Peraturan Wali Kota "
        "Nomor 5 Tahun 2020 tentang Standar Pelayanan",
    )
    assert record.not_in_force and m.PROPOSE_STATUS in msgids(record)
    relation = record.relation
    assert (relation.kind, relation.type_code, relation.wilayah, relation.nomor, relation.tahun) == (
        "mengubah",
        "PERWAL",
        "Kota Balikpapan",
        "5",
        2020,
    )


def test_the_same_regulation_twice_is_merged_into_the_first():
    first = mapped(subjek="-", sumber="-")
    second = map_record(
        feed_record(idData="99", noPeraturan="012", subjek="PELAYANAN", judul="PERWAL NO. 12/2023"),
        2,
        DEFAULTS,
    )
    third = map_record(feed_record(idData="100", bidangHukum="Hukum Tata Negara"), 3, DEFAULTS)
    unique, merged = merge_duplicates([first, second, third])
    assert unique == [first] and [(x.position, x.merged_into) for x in merged] == [(2, 1), (3, 1)]
    assert first.values["subjek"] == "PELAYANAN" and first.duplicates == [2, 3]
    assert first.values["bidang_hukum"] == "Hukum Administrasi Negara"
    assert m.MERGE_CONFLICT in msgids(first)

"""The demo's data files are validated on load, and a bad record names its file, record and field."""

import re
from datetime import date

import pytest

from registry.demo import catalogue, form_documents, regulation_data, service_data
from registry.demo.schema import DATA_DIR, DataError, read_csv
from registry.demo.taxonomy import Term

PERDA = """
[[perda]]
nomor = "8"
tahun = 2011
tentang = "Retribusi Jasa Umum"
tanggal_penetapan = 2011-07-14
tanggal_pengundangan = 2011-07-15
nomor_tambahan = "31"
pemrakarsa = "bpkad"
subjek = "RETRIBUSI DAERAH"
menimbang = ["bahwa retribusi daerah perlu diatur"]
ringkasan = "Menetapkan retribusi jasa umum."

[[perda.bab]]
judul = "JENIS RETRIBUSI"

[[perda.bab.pasal]]
ayat = [
    "Retribusi dipungut dengan SKRD.",
    { teks = "Jenis Retribusi adalah:", butir = ["Pelayanan Pasar", "Pelayanan Tera"] },
]

[[perda]]
nomor = "3"
tahun = 2018
tentang = "Penyelenggaraan Pelayanan Publik"
tanggal_penetapan = 2018-04-09
tanggal_pengundangan = 2018-04-10
nomor_tambahan = "71"
pemrakarsa = "bagian-organisasi"
subjek = "PELAYANAN PUBLIK"
relations = [{ kind = "mencabut", target = "PERDA-8-2011" }]
menimbang = ["bahwa pelayanan publik perlu diatur"]
ringkasan = "Mewajibkan standar pelayanan."
"""


def _perda(tmp_path, text=PERDA):
    path = tmp_path / "perda.toml"
    path.write_text(text, encoding="utf-8")
    return regulation_data.perda(path)


def _error(tmp_path, old, new) -> str:
    assert old in PERDA
    with pytest.raises(DataError) as caught:
        _perda(tmp_path, PERDA.replace(old, new, 1) if old != new else PERDA)
    return str(caught.value)


def test_a_valid_file_becomes_records_with_the_kind_s_conventions(tmp_path):
    """A Perda is promulgated in the Lembaran Daerah under its own number; in force when promulgated."""
    (_where, old), (where, new) = _perda(tmp_path)
    assert where == "perda.toml, [[perda]] #2 (Perda 3/2018)"
    assert new.key == "PERDA-3-2018"
    assert new.gazette == (2018, "3", "71")
    assert new.berlaku == new.pengundangan == date(2018, 4, 10)
    assert new.relations == (("mencabut", "PERDA-8-2011", "", ""),)
    assert new.bidang_hukum == "Hukum Administrasi Negara"
    assert old.chapters == (
        (
            "JENIS RETRIBUSI",
            (
                (
                    "Retribusi dipungut dengan SKRD.",
                    ("Jenis Retribusi adalah:", ("Pelayanan Pasar", "Pelayanan Tera")),
                ),
            ),
        ),
    )


def test_a_date_written_as_text_names_file_record_and_field(tmp_path):
    message = _error(tmp_path, "tanggal_pengundangan = 2018-04-10", 'tanggal_pengundangan = "10-04-2018"')
    assert message == (
        "perda.toml, [[perda]] #2 (Perda 3/2018): field 'tanggal_pengundangan' must be a date YYYY-MM-DD, "
        "not a string '10-04-2018'"
    )


def test_unknown_and_missing_fields_are_rejected(tmp_path):
    message = _error(tmp_path, 'nomor_tambahan = "71"', 'tld = "71"')
    assert message.startswith("perda.toml, [[perda]] #2 (Perda 3/2018): unknown field 'tld' (known: ")
    message = _error(tmp_path, 'nomor_tambahan = "71"\n', "")
    assert message == "perda.toml, [[perda]] #2 (Perda 3/2018): missing field 'nomor_tambahan'"


def test_nested_errors_say_which_chapter_article_and_item(tmp_path):
    message = _error(tmp_path, '"Retribusi dipungut dengan SKRD.",', "5,")
    assert message == (
        "perda.toml, [[perda]] #1 (Perda 8/2011), bab #1, pasal #1: field 'ayat' item #1 must be a string "
        "or a table (butir, teks), not an integer 5"
    )
    message = _error(tmp_path, 'butir = ["Pelayanan Pasar", "Pelayanan Tera"]', 'butir = "Pelayanan Pasar"')
    assert message.endswith(
        "pasal #1, field 'ayat' item #2: field 'butir' must be an array, not a string 'Pelayanan Pasar'"
    )


def test_vocabularies_are_checked(tmp_path):
    message = _error(tmp_path, 'kind = "mencabut"', 'kind = "membatalkan"')
    assert message.startswith(
        "perda.toml, [[perda]] #2 (Perda 3/2018), relations #1: field 'kind' must be one of "
    )
    assert message.endswith("not 'membatalkan'")


def test_a_syntax_error_names_the_file(tmp_path):
    message = _error(tmp_path, "tahun = 2018", "tahun = 2018 2019")
    assert re.match(r"perda\.toml: not valid TOML: .*line \d+", message)


def test_an_unknown_table_is_rejected(tmp_path):
    with pytest.raises(DataError) as caught:
        _perda(tmp_path, PERDA + '\n[[perwal]]\nnomor = "1"\n')
    assert str(caught.value) == "perda.toml: unknown table 'perwal' (known: perda)"


def test_services_take_defaults_and_groups_of_their_file(tmp_path):
    path = tmp_path / "services_x.toml"
    path.write_text(
        """
[defaults.pajak]
opd = "bppdrd"
category = "pajak-dan-retribusi"
cost = 0

[base_groups]
hkpd = [{ regulation = "UU-1-2022" }, { regulation = "PP-35-2023" }]

[[service]]
no = 1
slug = "validasi-bphtb"
defaults = "pajak"
title = "Validasi BPHTB"
summary = "Validasi SSPD-BPHTB."
product = "Validasi"
time = { value = 3, unit = "hari_kerja" }
legal_bases = [{ group = "hkpd" }, { regulation = "PERDA-1-2024", provision = "Pasal 4 ayat (3)", component = "waktu" }]
""",
        encoding="utf-8",
    )
    [(where, service)] = service_data.read_services(path)
    assert where == "services_x.toml, [[service]] #1 (validasi-bphtb)"
    assert (service.opd, service.cost, service.level, service.channels) == (
        "bppdrd",
        0,
        "partial",
        ("kantor",),
    )
    assert [b.regulation for b in service.legal_bases] == ["UU-1-2022", "PP-35-2023", "PERDA-1-2024"]
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace('{ group = "hkpd" }', '{ group = "pdrd" }'), encoding="utf-8")
    with pytest.raises(
        DataError,
        match=r"#1 \(validasi-bphtb\): legal_bases item #1 must name one group of \[base_groups\] \(hkpd\)",
    ):
        service_data.read_services(path)
    path.write_text(text.replace('unit = "hari_kerja"', 'unit = "pekan"'), encoding="utf-8")
    with pytest.raises(DataError, match=r"\(validasi-bphtb\), field 'time': field 'unit' must be one of"):
        service_data.read_services(path)


def test_a_csv_header_must_name_the_schema_s_columns(tmp_path):
    path = tmp_path / "categories.csv"
    path.write_text("slug,nama,description\nkependudukan,Kependudukan,Dokumen.\n", encoding="utf-8")
    with pytest.raises(
        DataError, match=r"categories\.csv: header must name the columns slug, name, description"
    ):
        read_csv(path, Term)
    path.write_text("slug,name,description\nkependudukan,,Dokumen.\n", encoding="utf-8")
    with pytest.raises(DataError, match=r"categories\.csv, line 2: missing field 'name'"):
        read_csv(path, Term)


def test_every_data_file_is_read_by_the_code():
    """No data file is left behind when code stops reading it (the package data ships them all)."""
    read = {
        "categories.csv",
        "life_events.csv",
        "keputusan.toml",
        "national.toml",
        "officials.toml",
        "online_channels.csv",
        "opd.csv",
        "opd.toml",
        "perda.toml",
        "perwal.toml",
        *service_data.FILES,
        form_documents.FILE,
    }
    assert {path.name for path in DATA_DIR.iterdir() if path.is_file()} == read


def test_a_reference_to_an_unknown_regulation_names_the_record(tmp_path, monkeypatch):
    """Keys are checked across files: a relation to a regulation no file holds is reported."""
    bad = PERDA.replace('target = "PERDA-8-2011"', 'target = "PERDA-8-2010"')
    records = _perda(tmp_path, bad)
    monkeypatch.setattr(regulation_data, "perda", lambda: records)
    with pytest.raises(DataError) as caught:
        catalogue._checked.__wrapped__()
    assert str(caught.value) == (
        "perda.toml, [[perda]] #2 (Perda 3/2018): relation 'mencabut' targets 'PERDA-8-2010', "
        "which is no demo regulation"
    )

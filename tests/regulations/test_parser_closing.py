"""Unit tests for parser.closing: revocations, delegations, signing dates and gazette lines."""

from datetime import date

from registry.regulations.parser import parse_regulation, to_labels
from registry.regulations.parser.closing import (
    parse_closing,
    parse_date,
    parse_delegations,
    parse_revocations,
)
from registry.regulations.parser.models import MenimbangItem, Node
from registry.regulations.parser.normalise import normalise_pages


def pasal(label: str, text: str) -> Node:
    """A Pasal node with the given text."""
    return Node("PASAL", label, f"pasal-{label}", 1, text=text)


def test_full_revocation():
    """The C24 revocation sentence yields the revoked Perwal."""
    (revocation,) = parse_revocations(
        [
            pasal(
                "36",
                "Pada saat Peraturan Walikota ini mulai berlaku, maka Peraturan Walikota Nomor 48 Tahun 2016 tentang "
                "Susunan Organisasi (Berita Daerah Kota Kendari Tahun 2016 Nomor 48) dicabut dan dinyatakan tidak "
                "berlaku.",
            )
        ]
    )
    assert revocation.target.key() == ("PERWAL", "48", 2016)
    assert not revocation.partial


def test_partial_revocation_is_flagged():
    """ "Ketentuan Pasal 12 …" marks the revocation partial and skips the amending chain."""
    revocations = parse_revocations(
        [
            pasal(
                "50",
                "1. Ketentuan Pasal 12 Peraturan Pemerintah Nomor 32 Tahun 1979 tentang Pemberhentian (Lembaran Negara "
                "Tahun 1979 Nomor 47) sebagaimana telah diubah terakhir dengan Peraturan Pemerintah Nomor 65 Tahun "
                "2008, dicabut dan dinyatakan tidak berlaku;",
            )
        ]
    )
    assert [(r.target.key(), r.partial) for r in revocations] == [(("PP", "32", 1979), True)]


def test_tetap_berlaku_is_not_a_revocation():
    """A transitional "tetap berlaku" clause revokes nothing."""
    text = "Peraturan Daerah Nomor 3 Tahun 2010 dinyatakan masih tetap berlaku sepanjang tidak bertentangan."
    assert parse_revocations([pasal("9", text)]) == []


def test_ordonansi_by_staatsblad_year():
    """A colonial Ordonansi known only by its Staatsblad year is OTHER with no number."""
    text = (
        "1. Ordonansi tentang Pengerahan Orang Indonesia (Staatsblad Tahun 1887 Nomor 8); dan 2. Undang-undang "
        "Nomor 7 Pnps Tahun 1963 tentang Pencegahan Pemogokan, dinyatakan tidak berlaku lagi."
    )
    keys = [r.target.key() for r in parse_revocations([pasal("192", text)])]
    assert keys == [("OTHER", None, 1887), ("UU", "7 Pnps", 1963)]


def test_menimbang_delegation():
    """Menimbang "untuk melaksanakan ketentuan Pasal 12 ayat (2) …" is an IMPLEMENTS delegation (C37)."""
    item = MenimbangItem(
        1,
        "a",
        "bahwa untuk melaksanakan ketentuan Pasal 12 ayat (2) Peraturan Daerah Nomor 8 Tahun 2013 tentang "
        "Retribusi, perlu menetapkan Peraturan Walikota;",
    )
    (delegation,) = parse_delegations([item], [])
    assert delegation.direction == "IMPLEMENTS"
    assert delegation.target.key() == ("PERDA", "8", 2013)
    assert delegation.pasal == "Pasal 12 ayat (2)"


def test_open_delegation_in_pasal():
    """ "diatur dengan Peraturan Wali Kota" in a Pasal is an OPEN delegation."""
    node = pasal("7", "Ketentuan lebih lanjut mengenai tata cara diatur dengan Peraturan Wali Kota.")
    (delegation,) = parse_delegations([], [node])
    assert (delegation.direction, delegation.pasal) == ("OPEN", "Pasal 7")


def test_dates_with_old_month_spellings():
    """ "Pebruari" and "Nopember" are read."""
    assert parse_date("27 Nopember 1963") == date(1963, 11, 27)
    assert parse_date("3 Pebruari 2001") == date(2001, 2, 3)


def test_numeric_date():
    """A numeric date "30-12-2025" is read."""
    assert parse_date("pada tanggal 30-12-2025") == date(2025, 12, 30)


def test_unreadable_date_is_none():
    """OCR junk after "pada tanggal" gives no date."""
    assert parse_date("pada tanggal, z s ~ I •") is None


def closing_of(text: str):
    """Parse a closing block that starts at line 0."""
    return parse_closing(normalise_pages([text]), 0)


def test_signing_block():
    """Place and dates of enactment and promulgation are read."""
    closing = closing_of(
        "Ditetapkan di Surabaya\npada tanggal 20 Mei 2025\nWALIKOTA SURABAYA,\nDiundangkan di Surabaya\n"
        "pada tanggal 21 Mei 2025\nLEMBARAN DAERAH KOTA SURABAYA TAHUN 2025 NOMOR 4"
    )
    assert (closing.place_enacted, closing.date_enacted) == ("Surabaya", date(2025, 5, 20))
    assert closing.date_promulgated == date(2025, 5, 21)
    gazette = closing.gazette
    assert (gazette.series, gazette.region, gazette.year, gazette.number) == (
        "LEMBARAN DAERAH",
        "Kota Surabaya",
        2025,
        "4",
    )


def test_blank_place_is_none():
    """A dotted place "Ditetapkan di ........." is null."""
    assert closing_of("Ditetapkan di .........\npada tanggal ........").place_enacted is None


def test_gazette_with_series_letter():
    """ "BERITA DAERAH KOTA BOGOR TAHUN 2009 NOMOR 18 SERI E" is read (C34)."""
    gazette = closing_of("BERITA DAERAH KOTA BOGOR TAHUN 2009 NOMOR 18 SERI E").gazette
    assert (gazette.series, gazette.region, gazette.number) == ("BERITA DAERAH", "Kota Bogor", "18")


def test_gazette_number_first():
    """ "BERITA DAERAH KOTA SAMARINDA Nomor 27 Tahun 2012" is read (C47)."""
    gazette = closing_of("BERITA DAERAH KOTA SAMARINDA Nomor 27 Tahun 2012").gazette
    assert (gazette.year, gazette.number) == (2012, "27")


def test_gazette_with_colons():
    """ "LEMBARAN DAERAH KOTA BANDUNG TAHUN : 2008 NOMOR : 01" is read (C48)."""
    gazette = closing_of("LEMBARAN DAERAH KOTA BANDUNG TAHUN : 2008 NOMOR : 01").gazette
    assert (gazette.region, gazette.year, gazette.number) == ("Kota Bandung", 2008, "01")


def test_gazette_with_blank_number():
    """A gazette line whose number is left blank has number None."""
    gazette = closing_of("BERITA DAERAH KABUPATEN KATINGAN TAHUN 2026 NOMOR").gazette
    assert (gazette.year, gazette.number) == (2026, None)


def test_to_labels_end_to_end():
    """A small Perwal goes through parse_regulation and to_labels with LABELS keys."""
    pages = [
        "WALI KOTA KENDARI\nPERATURAN WALI KOTA KENDARI\nNOMOR 13 TAHUN 2022\nTENTANG\nSUSUNAN ORGANISASI\n"
        "DENGAN RAHMAT TUHAN YANG MAHA ESA\nWALI KOTA KENDARI,\nMenimbang : a. bahwa perlu menetapkan;\n"
        "Mengingat : 1. Undang-Undang Nomor 23 Tahun 2014 tentang Pemerintahan Daerah;\nMEMUTUSKAN:\n"
        "Menetapkan : PERATURAN WALI KOTA TENTANG SUSUNAN ORGANISASI.",
        "Pasal 1\nPeraturan Walikota Nomor 48 Tahun 2016 tentang Susunan dicabut dan dinyatakan tidak berlaku.\n"
        "Pasal 2\nPeraturan Wali Kota ini mulai berlaku pada tanggal diundangkan.\nDitetapkan di Kendari\n"
        "pada tanggal 1 Maret 2022\nDiundangkan di Kendari\npada tanggal 2 Maret 2022\n"
        "BERITA DAERAH KOTA KENDARI TAHUN 2022 NOMOR 13",
    ]
    labels = to_labels(parse_regulation(pages))
    assert labels == {
        "doc_kind": "PERWAL",
        "issuer_region": "Kota Kendari",
        "number": "13",
        "year": 2022,
        "title_tentang": "SUSUNAN ORGANISASI",
        "is_amendment": False,
        "amends": None,
        "revokes": [{"kind": "PERWAL", "number": "48", "year": 2016}],
        "mengingat_count": 1,
        "mengingat_first3": [{"kind": "UU", "number": "23", "year": 2014}],
        "pasal_count": 2,
        "place_enacted": "Kendari",
        "date_enacted": "2022-03-01",
        "date_promulgated": "2022-03-02",
        "gazette": {"series": "BERITA DAERAH", "region": "Kota Kendari", "year": 2022, "number": "13"},
    }


def test_revocation_of_a_lettered_list():
    """Both items of "a. … ; dan b. … dicabut" are revoked; "b." does not end a sentence."""
    revocations = parse_revocations(
        [
            pasal(
                "69",
                "Pada saat Peraturan Menteri ini mulai berlaku:\na. Peraturan Menteri Riset, Teknologi, dan "
                "Pendidikan Tinggi Nomor 44 Tahun 2015 tentang Standar Nasional Pendidikan Tinggi (Berita "
                "Negara Republik Indonesia Tahun 2015 Nomor 1952); dan\nb. Peraturan Menteri Riset, Teknologi, "
                "dan Pendidikan Tinggi Nomor 50 Tahun 2018 tentang Perubahan atas Peraturan Menteri Nomor 44 "
                "Tahun 2015,\ndicabut dan dinyatakan tidak berlaku.",
            )
        ]
    )
    assert [r.target.key() for r in revocations] == [("PERMEN", "44", 2015), ("PERMEN", "50", 2018)]


def test_signing_block_beside_a_side_table():
    """ "PARAF KOORDINASI Ditetapkan di Bali" ends the body and gives the place and date."""
    labels = to_labels(
        parse_regulation(
            [
                "PERATURAN GUBERNUR BALI\nNOMOR 1 TAHUN 2021\nTENTANG\nKELAS JABATAN\n\nMEMUTUSKAN:\n"
                "Menetapkan : PERATURAN GUBERNUR TENTANG KELAS JABATAN.\n\nPasal 1\nPeraturan Gubernur ini "
                "mulai berlaku pada tanggal diundangkan.\n\nPARAF KOORDINASI Ditetapkan di Bali\n"
                "pada tanggal 4 Januari 2021\nGUBERNUR BALI,\n\nDiundangkan di Bali\npada tanggal 4 Januari 2021\n"
                "BERITA DAERAH PROVINSI BALI TAHUN 2021 NOMOR 1"
            ]
        )
    )
    assert (labels["place_enacted"], labels["date_enacted"]) == ("Bali", "2021-01-04")
    assert labels["gazette"]["number"] == "1" and labels["pasal_count"] == 1


def test_promulgation_ends_the_body_when_nothing_was_enacted_there():
    """A Perda without "Ditetapkan di" still gets its promulgation date and gazette."""
    labels = to_labels(
        parse_regulation(
            [
                "PERATURAN DAERAH KOTA SURABAYA\nNOMOR 13 TAHUN 2003\nTENTANG\nPEMAKAMAN\n\nMEMUTUSKAN :\n"
                "Menetapkan : PERATURAN DAERAH TENTANG PEMAKAMAN.\n\nPasal 1\nPeraturan Daerah ini mulai "
                "berlaku pada tanggal diundangkan.\n\nWALIKOTA SURABAYA,\nttd\nBAMBANG DWI HARTONO\n\n"
                "Diundangkan di Surabaya\npada tanggal 10 Juli 2003\nSEKRETARIS DAERAH KOTA SURABAYA\n\n"
                "LEMBARAN DAERAH KOTA SURABAYA TAHUN 2003 NOMOR 5/E"
            ]
        )
    )
    assert labels["date_promulgated"] == "2003-07-10"
    assert labels["gazette"]["number"] == "5/E" and labels["gazette"]["region"] == "Kota Surabaya"

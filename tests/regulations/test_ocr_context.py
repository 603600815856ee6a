"""Unit tests for readings the rest of the document rules out (``parser.context``).

All texts are made up (an invented Badan Sukamaju and Kecamatan Sukamaju), so the rules are tested as
general rules.
"""

import datetime

from registry.regulations.parser import parse_regulation, to_labels
from registry.regulations.parser.context import (
    bounded_year,
    cited_years,
    one_digit_readings,
    type_prefix,
    year_floor,
)

TODAY = datetime.date(2026, 12, 3)


# ---------- the type's prefix ----------


def test_misread_prefix_of_a_peraturan_number_is_per():
    """Handwritten "PER" read as "pge" or "pqr" is a Peraturan's prefix."""
    assert type_prefix("pge/210/VII/2005", "PERBAN") == "PER/210/VII/2005"
    assert type_prefix("pqr/15/IV/2019", "PERWAL") == "PER/15/IV/2019"


def test_misread_prefix_of_a_keputusan_number_is_kep():
    """A Keputusan's number opens with KEP."""
    assert type_prefix("Kcq/7/II/2010", "KEPKA") == "KEP/7/II/2010"


def test_known_prefixes_and_far_segments_stay_as_printed():
    """Known prefixes, another first letter, more than two edits, or no type: unchanged."""
    assert type_prefix("Kep/180/V/2005", "KEPKA") == "Kep/180/V/2005"
    assert type_prefix("KPT/1/I/2017", "KEPKA") == "KPT/1/I/2017"
    assert type_prefix("SK/12/2020", "KEPKA") == "SK/12/2020"
    assert type_prefix("xyz/12/III/2020", "PERWAL") == "xyz/12/III/2020"
    assert type_prefix("pxyz/12/III/2020", "PERWAL") == "pxyz/12/III/2020"
    assert type_prefix("pge/210/VII/2005", None) == "pge/210/VII/2005"
    assert type_prefix("pge/2005", "PERBAN") == "pge/2005"
    assert type_prefix("12", "PERWAL") == "12"


PERKA = """BADAN SUKAMAJU
PERATURAN
KEPALA BADAN PENELITIAN SUKAMAJU
NOMOR : pqr / 15 / IV / 2019
TENTANG
RENCANA KERJA BADAN PENELITIAN SUKAMAJU
KEPALA BADAN PENELITIAN SUKAMAJU,
Menimbang : a. bahwa rencana kerja perlu disusun;
Mengingat : 1. Undang-Undang Nomor 25 Tahun 2004 tentang Perencanaan;
2. Peraturan Pemerintah Nomor 20 Tahun 2004 tentang Rencana Kerja;
MEMUTUSKAN :
Menetapkan : PERATURAN KEPALA BADAN TENTANG RENCANA KERJA.
PERTAMA : Rencana kerja sebagaimana tercantum dalam lampiran.
Ditetapkan di Jakarta
"""


def test_parsed_structured_number_gets_the_type_prefix():
    """Through the whole parser, a Peraturan Kepala numbered "pqr / 15 / IV / 2019" is PER/15/IV/2019."""
    labels = to_labels(parse_regulation([PERKA], file_name="perka_rencana_kerja.pdf"))
    assert labels["number"] == "PER/15/IV/2019"
    assert labels["year"] == 2019


# ---------- a document is not older than what it cites ----------


def test_cited_years_skip_future_years():
    """Only "Nomor … Tahun YYYY" citations count, and none after today."""
    text = "Undang-Undang Nomor 11 Tahun 2020 dan\nPeraturan Nomor 5\nTahun 2099; tahun 2010 saja"
    assert cited_years(text, TODAY) == [2020]


def test_floor_is_the_second_newest_citation():
    """One citation (perhaps misread) cannot set the bound alone."""
    assert year_floor([2006, 2021, 2020, 2009]) == 2020
    assert year_floor([2021]) is None


def test_one_digit_readings():
    """Every year that differs in exactly one digit, without a leading zero."""
    readings = one_digit_readings(2014)
    assert 2024 in readings and 2019 in readings and 1014 in readings
    assert 2014 not in readings and 14 not in readings and len(readings) == 35


def test_year_older_than_its_citations_becomes_the_one_allowed_reading():
    """2014 in a document citing 2020 and 2021 can only be 2024 (one digit, not after today)."""
    assert bounded_year(2014, [2006, 2020, 2021], TODAY) == 2024


def test_year_with_several_allowed_readings_is_dropped():
    """2010 against a bound of 2011: 2011–2019 and 2020 all fit, so no year is proposed."""
    assert bounded_year(2010, [2011, 2012], TODAY) is None


def test_year_the_citations_allow_stands():
    """A year at or after the bound, or with fewer than two citations, is kept."""
    assert bounded_year(2014, [2013, 2021], TODAY) == 2014
    assert bounded_year(2014, [2021], TODAY) == 2014
    assert bounded_year(None, [2020, 2021], TODAY) is None


SOP_COVER = "PEMERINTAH KABUPATEN SUKAMAJU\nKECAMATAN SUKAMAJU\n\nSTANDAR OPERASIONAL PROSEDUR (SOP)\nPELAYANAN SURAT\n"
SOP_HEADER = """PEMERINTAH KABUPATEN SUKAMAJU
Nomor SOP
nomor : II pp. Xq/ | 0)
Tanggal Pembuatan
tanggal : {date}
Tanggal Pengesahan
tanggal :
Dasar Hukum
1. Undang-Undang Nomor 25 Tahun 2009 tentang Pelayanan Publik
2. Undang-Undang Nomor 11 Tahun 2020 tentang Cipta Kerja
3. Peraturan Bupati Sukamaju Nomor 7 Tahun 2021 tentang Kecamatan
"""


def test_sop_year_comes_from_the_date_cell_after_a_cover():
    """An SOP whose header table follows a cover page takes its year from the "tanggal :" cell."""
    labels = to_labels(parse_regulation([SOP_COVER, SOP_HEADER.format(date="25 Januari 2024")]))
    assert labels["doc_kind"] == "SOP"
    assert labels["year"] == 2024


def test_sop_year_older_than_its_legal_basis_is_corrected():
    """A handwritten 2024 read as 2014 in an SOP that cites 2020 and 2021 laws is read as 2024."""
    labels = to_labels(parse_regulation([SOP_COVER, SOP_HEADER.format(date="18 januari 2014")]))
    assert labels["year"] == 2024


def test_regulation_year_older_than_its_mengingat_is_corrected_only_without_support():
    """A title year that no other place reads is bounded by the Mengingat; one a date backs stands."""
    text = PERKA.replace("pqr / 15 / IV / 2019", "15 TAHUN 2014")
    text = text.replace("Nomor 20 Tahun 2004", "Nomor 20 Tahun 2024").replace(
        "Nomor 25 Tahun 2004", "Nomor 25 Tahun 2024"
    )
    assert to_labels(parse_regulation([text]))["year"] == 2024
    dated = text.replace("Ditetapkan di Jakarta", "Ditetapkan di Jakarta\npada tanggal 3 Maret 2014")
    assert to_labels(parse_regulation([dated]))["year"] == 2014

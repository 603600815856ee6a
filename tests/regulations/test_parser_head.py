"""Unit tests for parser.head and parser.citations on real title and Mengingat lines (domain §3.4)."""

from registry.regulations.parser.citations import first_reference, parse_citations
from registry.regulations.parser.head import parse_head, parse_konsiderans, split_mengingat
from registry.regulations.parser.normalise import normalise_pages


def head_of(text: str):
    """Parse the head of a one-page document."""
    return parse_head(normalise_pages([text]))


def test_perda_title():
    """A Perda title yields kind, region, number, year and tentang (C21)."""
    head = head_of(
        "PERATURAN DAERAH KOTA BALIKPAPAN\nNOMOR 8 TAHUN 2012\nTENTANG\n"
        "PEMBENTUKAN KECAMATAN BALIKPAPAN KOTA DALAM WILAYAH KOTA BALIKPAPAN\n"
        "DENGAN RAHMAT TUHAN YANG MAHA ESA\nWALI KOTA BALIKPAPAN,"
    )
    assert (head.kind, head.issuer_region, head.number, head.year) == ("PERDA", "Kota Balikpapan", "8", 2012)
    assert head.tentang == "PEMBENTUKAN KECAMATAN BALIKPAPAN KOTA DALAM WILAYAH KOTA BALIKPAPAN"


def test_perda_title_with_colon_after_nomor():
    """ "NOMOR : 6 TAHUN 2003" is read (C46)."""
    head = head_of("PERATURAN DAERAH KOTA BALIKPAPAN NOMOR : 6 TAHUN 2003 TENTANG PERIZINAN BIDANG KESEHATAN")
    assert (head.number, head.year, head.tentang) == ("6", 2003, "PERIZINAN BIDANG KESEHATAN")


def test_perwal_title_walikota_spelling():
    """ "PERATURAN WALIKOTA BALIKPAPAN" is a PERWAL of Kota Balikpapan (C37)."""
    head = head_of("PERATURAN WALIKOTA BALIKPAPAN\nNOMOR 25 TAHUN 2014\nTENTANG\nPETUNJUK PELAKSANAAN")
    assert (head.kind, head.issuer_region, head.number) == ("PERWAL", "Kota Balikpapan", "25")


def test_ocr_title_number_is_fixed():
    """The OCR number "l3" in a Perwal title is read as 13 (C24)."""
    head = head_of("PERATURAN WALIKOTA KENDARI NOMOR l3 TAHUN 2022 TENTANG SUSUNAN ORGANlSASl")
    assert (head.number, head.year) == ("13", 2022)
    assert head.tentang == "SUSUNAN ORGANISASI"


def test_colon_after_tentang():
    """ "TENTANG : KODE ETIK" drops the colon (C44)."""
    head = head_of("PERATURAN WALI KOTA SUKABUMI NOMOR : 25 TAHUN 2018 TENTANG : KODE ETIK PEGAWAI")
    assert (head.kind, head.tentang) == ("PERWAL", "KODE ETIK PEGAWAI")


def test_kepala_pd_decree():
    """A Keputusan Kepala Dinas of a kabupaten is KEP_KEPALA_PD (C29)."""
    head = head_of(
        "KEPUTUSAN KEPALA DINAS PEKERJAAN UMUM DAN PENATAAN RUANG KABUPATEN MELAWI NOMOR : 68 TAHUN 2021 "
        "TENTANG PENETAPAN STANDAR PELAYANAN PUBLIK"
    )
    assert (head.kind, head.issuer_region, head.number) == ("KEP_KEPALA_PD", "Kabupaten Melawi", "68")


def test_amendment_title():
    """ "PERUBAHAN ATAS PERATURAN DAERAH KOTA BANJARBARU NOMOR 32 TAHUN 2011" names the amended Perda (C40)."""
    head = head_of(
        "PERATURAN DAERAH KOTA BANJARBARU\nNOMOR 5 TAHUN 2014\nTENTANG\n"
        "PERUBAHAN ATAS PERATURAN DAERAH KOTA BANJARBARU NOMOR 32 TAHUN 2011 TENTANG RETRIBUSI\n"
        "DENGAN RAHMAT TUHAN YANG MAHA ESA"
    )
    assert head.is_amendment and head.amendment_ordinal == 1
    assert head.amends.key() == ("PERDA", "32", 2011)


def test_second_amendment_ordinal():
    """ "PERUBAHAN KEDUA ATAS" gives ordinal 2 (C24)."""
    head = head_of(
        "PERATURAN DAERAH KOTA KENDARI NOMOR 1 TAHUN 2020 TENTANG PERUBAHAN KEDUA ATAS PERATURAN DAERAH "
        "NOMOR 5 TAHUN 2016 TENTANG PEMBENTUKAN DAN SUSUNAN PERANGKAT DAERAH KOTA KENDARI"
    )
    assert head.amendment_ordinal == 2
    assert head.amends.key() == ("PERDA", "5", 2016)


def test_national_law_region():
    """An Undang-Undang is issued by the Republik Indonesia."""
    head = head_of(
        "UNDANG-UNDANG REPUBLIK INDONESIA\nNOMOR 14 TAHUN 2008\nTENTANG\nKETERBUKAAN INFORMASI PUBLIK"
    )
    assert (head.kind, head.issuer_region) == ("UU", "Republik Indonesia")


def test_number_with_year_inside():
    """A number such as "19/SEOJK.06/ 2023" gives the year and loses the stray space."""
    head = head_of(
        "SURAT EDARAN OTORITAS JASA KEUANGAN\nNOMOR 19/SEOJK.06/ 2023\nTENTANG\nLAYANAN\nSehubungan"
    )
    assert (head.kind, head.number, head.year) == ("SE", "19/SEOJK.06/2023", 2023)


def test_standar_pelayanan_document_number():
    """A Standar Pelayanan takes its number from "No. Dokumen" and year from the effective date."""
    head = head_of("STANDAR PELAYANAN\nNo. Dokumen : SP-PZ-01\nTgl. Effektif : 19 Maret 2018\nKABUPATEN AGAM")
    assert (head.kind, head.number, head.year, head.tentang) == ("STANDAR_PELAYANAN", "SP-PZ-01", 2018, None)


def test_citation_with_gazette():
    """A Mengingat citation yields kind, number, year, tentang and gazette (C30)."""
    (citation,) = parse_citations(
        "Peraturan Daerah Kota Balikpapan Nomor 7 Tahun 2012 tentang Urusan Pemerintahan (Lembaran Daerah "
        "Kota Balikpapan Tahun 2012 Nomor 7, Tambahan Lembaran Daerah Kota Balikpapan Nomor 18);"
    )
    assert citation.key() == ("PERDA", "7", 2012)
    assert citation.tentang == "Urusan Pemerintahan"
    assert (citation.gazette.series, citation.gazette.year, citation.gazette.number) == (
        "LEMBARAN DAERAH",
        2012,
        "7",
    )


def test_chained_amendment_is_amended_by():
    """ "sebagaimana telah diubah dengan" marks the second citation AMENDED_BY (C24)."""
    citations = parse_citations(
        "Peraturan Menteri Dalam Negeri Nomor 80 Tahun 2015 tentang Pembentukan Produk Hukum Daerah (Berita "
        "Negara Republik Indonesia Tahun 2015 Nomor 2036) sebagaimana telah diubah dengan Peraturan Menteri "
        "Dalam Negeri Nomor 120 Tahun 2018 tentang Perubahan atas Peraturan Menteri Dalam Negeri Nomor 80 Tahun "
        "2015 (Berita Negara Republik Indonesia Tahun 2018 Nomor 157);"
    )
    assert [(c.key(), c.role) for c in citations] == [
        (("PERMEN", "80", 2015), "BASE"),
        (("PERMEN", "120", 2018), "AMENDED_BY"),
    ]


def test_old_style_undang_undang():
    """Lower-case "Undang-undang" with an old LN reference is a UU (C46)."""
    (citation,) = parse_citations(
        "Undang-undang Nomor 8 Tahun 1981 tentang Hukum Acara Pidana (Lembaran Negara Tahun 1981 Nomor 76, "
        "Tambahan Lembaran Negara Nomor 3209);"
    )
    assert citation.key() == ("UU", "8", 1981)


def test_constitution_reference():
    """An item citing UUD 1945 articles yields the constitution."""
    ref = first_reference("Pasal 18 ayat (6) Undang-Undang Dasar Negara Republik Indonesia Tahun 1945;")
    assert ref.key() == ("UUD", None, 1945)


def test_number_with_year_and_suffix():
    """ "Undang-undang Nomor 48/Prp./1960" takes its year from the number."""
    (citation,) = parse_citations("Undang-undang Nomor 48/Prp./1960 tentang Pengawasan (Lembaran Negara)")
    assert citation.key() == ("UU", "48/Prp./1960", 1960)


def test_keputusan_menteri_is_other():
    """A Keputusan Menteri has no code of its own and is OTHER."""
    (citation,) = parse_citations("Keputusan Menteri Dalam Negeri Nomor 168 Tahun 2004 tentang Pedoman")
    assert citation.key() == ("OTHER", "168", 2004)


def test_split_mengingat_numbered_items():
    """Numbered Mengingat items are split in order."""
    items = split_mengingat(
        "1. Undang-Undang Nomor 1 Tahun 2000;\n2. Peraturan Pemerintah Nomor 2 Tahun 2001;"
    )
    assert len(items) == 2 and items[1].startswith("Peraturan Pemerintah")


def test_split_mengingat_unnumbered_paragraph():
    """An unnumbered Mengingat paragraph is one item."""
    assert (
        len(split_mengingat("Pasal 5 ayat (1) Undang-Undang Dasar Negara Republik Indonesia Tahun 1945;"))
        == 1
    )


def test_konsiderans_with_stacked_labels():
    """Labels printed together ("Menimbang / Mengingat / : a. bahwa …") still split both sections."""
    doc = normalise_pages(
        [
            "Menimbang\nMengingat\n: a. bahwa sesuatu perlu diatur;\nb. bahwa perlu menetapkan;\n"
            "1. Undang-Undang Nomor 12 Tahun 2011 tentang Pembentukan;\n"
            "2. Undang-Undang Nomor 23 Tahun 2014 tentang Pemerintahan Daerah;\nMEMUTUSKAN:"
        ]
    )
    menimbang, mengingat, _ = parse_konsiderans(doc)
    assert [item.letter for item in menimbang] == ["a", "b"]
    assert [item.main.key() for item in mengingat] == [("UU", "12", 2011), ("UU", "23", 2014)]


def test_abstract_label_with_its_text_on_one_line():
    """A JDIH abstract whose "ABSTRAK : - …" shares a line is still read as an abstract."""
    head = head_of(
        "PAJAK - RETRIBUSI\n2025\nPERDA NO.8, LD 2025/NO.8, 11 HLM.\n"
        "PERATURAN DAERAH TENTANG PERUBAHAN ATAS PERATURAN DAERAH NOMOR 8 TAHUN 2023\n"
        "TENTANG PAJAK DAERAH DAN RETRIBUSI DAERAH\n"
        "ABSTRAK : - Peraturan Daerah Kabupaten Banjarnegara Nomor 8 Tahun 2023 perlu diubah."
    )
    assert (head.kind, head.number, head.year) == ("ABSTRAK", "8", 2025)
    assert head.issuer_region == "Kabupaten Banjarnegara"


def test_sop_number_in_a_footer_row():
    """ "No. B-003/UN29.9/SOP Tgl. 01-11-2021 Rev. 00" gives the SOP number."""
    head = head_of(
        "STANDARD OPERATING PROCEDURE\nSOP LAYANAN LEGALISIR\nNo. B-003/UN29.9/SOP Tgl. 01-11-2021 Rev. 00"
    )
    assert (head.kind, head.number) == ("SOP", "B-003/UN29.9/SOP")


def test_region_stops_at_the_end_of_its_line():
    """ "PEMERINTAH KABUPATEN AGAM" followed by "DINAS …" on the next line is Kabupaten Agam."""
    head = head_of(
        "PEMERINTAH KABUPATEN AGAM\nDINAS PENANAMAN MODAL\nFORMULIR PERMOHONAN\nNo. Dokumen : FM-01\n"
        "Tgl. Efektif : 19 Maret 2019"
    )
    assert head.issuer_region == "Kabupaten Agam"


def test_short_title_block_ends_at_a_paragraph_break():
    """A lampiran's title ends where its first table heading starts after a blank line."""
    head = head_of(
        "LAMPIRAN I\nPERATURAN GUBERNUR BALI\nNOMOR 1 TAHUN 2021\nTENTANG\n"
        "PERUBAHAN ATAS PERATURAN GUBERNUR BALI\nNOMOR 29 TAHUN 2019 TENTANG KELAS DAN\n"
        "NILAI JABATAN\n\nDAFTAR NAMA DAN KELAS JABATAN\n\nNO NAMA JABATAN KELAS\n1 2 3\n"
        "1 Sekretaris Daerah 16"
    )
    assert head.tentang == (
        "PERUBAHAN ATAS PERATURAN GUBERNUR BALI NOMOR 29 TAHUN 2019 TENTANG KELAS DAN NILAI JABATAN"
    )

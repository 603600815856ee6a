"""Confidence per proposed value: Tesseract's TSV words, finding a value among them, scores and levels."""

import pytest

from registry.regulations import confidence
from registry.regulations.confidence import combine, level_for
from registry.regulations.extraction.ocr import missing_ocr_tool, ocr_page
from registry.regulations.extraction.ocrwords import parse_tsv
from registry.regulations.field_confidence import FieldConfidences, StoredPage
from registry.regulations.parser import parse_regulation
from registry.regulations.wordmatch import Token, locate, tokens_of
from tests.conftest import CORPUS_DIR

HEADER = "level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext"
TSV = "\n".join(
    [
        HEADER,
        "1\t1\t0\t0\t0\t0\t0\t0\t2480\t3508\t-1\t",
        "2\t1\t1\t0\t0\t0\t300\t200\t900\t120\t-1\t",
        "4\t1\t1\t1\t1\t0\t300\t200\t900\t50\t-1\t",
        "5\t1\t1\t1\t1\t1\t300\t200\t250\t50\t96.5\tPERATURAN",
        "5\t1\t1\t1\t1\t2\t570\t200\t200\t50\t91.25\tWALI",
        "5\t1\t1\t1\t1\t3\t780\t200\t150\t50\t95\t ",
        "4\t1\t1\t1\t2\t0\t300\t270\t400\t50\t-1\t",
        "5\t1\t1\t1\t2\t1\t300\t270\t180\t50\t88\tNOMOR",
        "5\t1\t1\t1\t2\t2\t490\t270\t40\t50\t31.7\tl2",
        "5\t1\t1\t1\t2\t3\t540\t270\tx\t50\t90\tbroken",
    ]
)


def test_tsv_gives_words_with_confidence_box_and_line():
    """Word rows become [text, conf, left, top, width, height, line]; blanks and bad rows are dropped."""
    parsed = parse_tsv(TSV, 300)
    assert parsed["dpi"] == 300 and parsed["size"] == [2480, 3508]
    assert parsed["words"] == [
        ["PERATURAN", 96.5, 300, 200, 250, 50, 0],
        ["WALI", 91.2, 570, 200, 200, 50, 0],
        ["NOMOR", 88.0, 300, 270, 180, 50, 1],
        ["l2", 31.7, 490, 270, 40, 50, 1],
    ]


def test_tsv_without_the_expected_columns_gives_no_words():
    """Output that is not Tesseract's TSV (or is empty) gives an empty word list, never an error."""
    assert parse_tsv("", 300)["words"] == []
    assert parse_tsv("a\tb\n1\t2\n", 300)["words"] == []


@pytest.mark.parametrize(
    ("score", "level"),
    [(100, "tinggi"), (80, "tinggi"), (79.9, "sedang"), (55, "sedang"), (54.9, "rendah"), (0, "rendah")],
)
def test_levels_follow_the_named_thresholds(score, level):
    """The level boundaries are HIGH_THRESHOLD and MEDIUM_THRESHOLD, inclusive."""
    assert (confidence.HIGH_THRESHOLD, confidence.MEDIUM_THRESHOLD) == (80, 55)
    assert level_for(score) == level


def test_scores_from_made_up_words_and_votes():
    """Mean and weakest word count equally; agreement of two or more sources weighs in."""
    assert combine(None).score == 100 and combine(None).level == "tinggi"  # text layer
    assert combine([95, 93]).level == "tinggi"
    one_bad_word = combine([92, 90, 20])
    assert one_bad_word.score == round(((92 + 90 + 20) / 3 + 20) / 2) and one_bad_word.level == "rendah"
    missing = combine([])
    assert (missing.score, missing.level, missing.found) == (0, "rendah", False)
    # A blurred number that the header and the file name confirm is worth a look, not alarming.
    confirmed = combine([40], (("title", "header", "file"), ("title", "header", "file")))
    assert confirmed.score == round(0.6 * 40 + 0.4 * 100) and confirmed.level == "sedang"
    # A clear reading that the other sources contradict is not high either.
    contradicted = combine([96], (("title",), ("title", "header", "file")))
    assert contradicted.level == "sedang"
    assert "1 dari 3 sumber sepakat (judul)" in contradicted.agreement_text
    # Even a perfect text layer is not high when another source reads a different number.
    text_layer = combine(None, (("title",), ("title", "file")))
    assert (text_layer.score, text_layer.level) == (79, "sedang")
    # A single source says nothing about agreement.
    assert combine([96], (("title",), ("title",))).score == 96


def words_of(lines, low=None):
    """Made-up OCR words: one line per text line, 95 each, or the confidence ``low`` gives a word."""
    words, low = [], low or {}
    for n, line in enumerate(lines):
        left = 100
        for text in line.split():
            words.append([text, float(low.get(text, 95)), left, 100 + 60 * n, 30 * len(text), 40, n])
            left += 30 * len(text) + 20
    return words


def test_value_found_through_confusions_split_and_merged_words():
    """Digits match through O/0, l/1; a split and a merged word still align; 13 never passes for 12."""
    words = words_of(["PERATURAN WALI KOTA", "NOMORl2 TAHUN 2O24", "TENTANG", "ADMINISTRASI KEPENDU DUKAN"])
    number = locate([(1, words)], [Token("nomor", False), Token("12")])
    assert [w[0] for w in number.value_words] == ["NOMORl2"] and number.coverage == 1.0
    year = locate([(1, words)], [Token("tahun", False), Token("2024")])
    assert [w[0] for w in year.value_words] == ["2O24"]
    title = locate([(1, words)], tokens_of("Administrasi Kependudukan"))
    assert [w[0] for w in title.value_words] == ["ADMINISTRASI", "KEPENDU", "DUKAN"]
    wrong = locate([(1, words)], [Token("tahun", False), Token("2025")])
    assert wrong is None or wrong.value_words == []
    # A structured number OCR cut into pieces at its slashes is still one value.
    pieces = locate(
        [(1, words_of(["NOMOR : PER / 2l0 / VII / 2005"]))],
        [Token("nomor", False)] + tokens_of("PER/210/VII/2005"),
    )
    assert [w[0] for w in pieces.value_words] == ["PER", "/", "2l0", "/", "VII", "/", "2005"]
    # "NOMOR" alone is the context word, never also the number run into it.
    bare = locate([(1, words_of(["NOMOR TAHUN 2024"]))], [Token("nomor", False), Token("7")])
    assert bare is None or bare.value_words == []


PAGE_1 = [
    "PERATURAN WALI KOTA BALIKPAPAN",
    "NOMOR 7 TAHUN 2024",
    "TENTANG",
    "STANDAR PELAYANAN ADMINISTRASI KEPENDUDUKAN",
    "DENGAN RAHMAT TUHAN YANG MAHA ESA",
    "WALI KOTA BALIKPAPAN,",
    "Menimbang : a. bahwa pelayanan perlu distandarkan;",
    "Mengingat : 1. Undang-Undang Nomor 25 Tahun 2009 tentang Pelayanan Publik;",
    "MEMUTUSKAN:",
    "Menetapkan : PERATURAN WALI KOTA TENTANG STANDAR PELAYANAN ADMINISTRASI KEPENDUDUKAN.",
    "Pasal 1",
    "Peraturan Wali Kota ini mulai berlaku pada tanggal diundangkan.",
    "Ditetapkan di Balikpapan",
    "pada tanggal 4 Maret 2024",
    "WALI KOTA BALIKPAPAN,",
    "Diundangkan di Balikpapan",
    "pada tanggal 5 Maret 2024",
    "BERITA DAERAH KOTA BALIKPAPAN TAHUN 2024 NOMOR 7",
]


def scores_for(low=None, ocr=True, file_name="perwal_7_2024.pdf"):
    """The field confidences of the made-up one-page Perwal, OCR'd (with ``low`` words) or born-digital."""
    text = "\n".join(PAGE_1)
    parsed = parse_regulation([text], file_name=file_name)
    words = {"dpi": 300, "size": [2480, 3508], "words": words_of(PAGE_1, low)} if ocr else None
    scorer = FieldConfidences(parsed, [StoredPage(1, text, words)])
    return scorer.fields(), scorer, parsed


def test_sources_agreement_is_recorded_by_the_vote():
    """The title, the gazette line, the dates and the file name agree on the year; title and file on the number."""
    _, _, parsed = scores_for()
    assert parsed.head.agreement["number"] == (("title", "file"), ("title", "file"))
    agreeing, sources = parsed.head.agreement["year"]
    assert set(agreeing) == set(sources) == {"title", "gazette", "date", "file"}


def test_field_confidences_from_made_up_words():
    """A blurred tentang word makes tentang low; clean fields stay high; the box is the words' box."""
    fields, _, _ = scores_for(low={"KEPENDUDUKAN": 25})
    assert fields["tentang"].level == "rendah" and fields["tentang"].from_ocr
    assert fields["tentang"].page == 1 and fields["tentang"].dpi == 300
    left, top, width, height = fields["tentang"].box
    assert (top, height) == (100 + 60 * 2, 60 + 40)  # from the TENTANG line to the subject line
    for name in ("regulation_type", "nomor", "tahun", "tempat_penetapan", "tanggal_pengundangan"):
        assert fields[name].level == "tinggi", name
    assert fields["nomor_lembaran"].level == "tinggi"


def test_a_blurred_day_makes_only_its_date_low():
    """The enacting date with a blurred day word is low; the promulgation date beside it stays high."""
    fields, _, _ = scores_for(low={"4": 15})
    assert fields["tanggal_penetapan"].level == "rendah"
    assert fields["tanggal_pengundangan"].level == "tinggi"


def test_a_value_missing_from_the_words_is_low():
    """A value the OCR'd words do not show (the page's words lack the number) scores 0, not found."""
    text = "\n".join(PAGE_1)
    parsed = parse_regulation([text], file_name="perwal_7_2024.pdf")
    shown = [line.replace("NOMOR 7 TAHUN", "NOMOR TAHUN") for line in PAGE_1]
    words = {"dpi": 300, "size": [2480, 3508], "words": words_of(shown)}
    nomor = FieldConfidences(parsed, [StoredPage(1, text, words)]).fields()["nomor"]
    assert (nomor.found, nomor.level) == (False, "rendah")
    assert nomor.score == round(0.6 * 0 + 0.4 * 100)  # title and file name agree, the image shows nothing


def test_born_digital_values_are_high_and_have_no_region():
    """Values read from a text layer are high and carry no image region."""
    fields, scorer, parsed = scores_for(ocr=False)
    assert all(
        c is None or (c.level == "tinggi" and not c.from_ocr and not c.region_query) for c in fields.values()
    )
    citation = parsed.mengingat[0].citations[0]
    assert scorer.citation(citation).level == "tinggi"


def test_citation_confidence_comes_from_its_number_and_year_words():
    """A Mengingat citation whose number word is blurred is low; its text context does not lift it."""
    _, scorer, parsed = scores_for(low={"25": 20})
    citation = parsed.mengingat[0].citations[0]
    assert scorer.citation(citation).level == "rendah"


def test_real_scan_gives_words_with_confidence(tmp_path):
    """Tesseract's TSV of a corpus scan (the LAPAN circular) gives its words with confidence and box."""
    missing = missing_ocr_tool("ind")
    if missing:
        pytest.skip(
            f"OCR tidak lengkap ({missing}): apt-get install tesseract-ocr tesseract-ocr-ind poppler-utils"
        )
    scan = CORPUS_DIR / "real" / "pdf" / "lapan__20150616091543_se_9_2015.pdf"
    if not scan.exists():
        pytest.skip(f"Korpus tidak ditemukan di {CORPUS_DIR}: letakkan folder shared/ di samping repositori.")
    words: dict = {}
    text = ocr_page(str(scan), 1, "ind", dpi=150, words=words)
    assert "EDARAN" in text
    assert words["dpi"] == 150 and words["size"][0] > 1000
    edaran = next(word for word in words["words"] if word[0] == "EDARAN")
    assert 50 <= edaran[1] <= 100
    assert 0 <= edaran[2] < words["size"][0] and 0 <= edaran[3] < words["size"][1]
    assert len(words["words"]) >= 0.8 * len(text.split())


def test_year_inside_a_structured_number_is_read_from_that_word():
    """A year printed only inside "228/KPT/I/2017" takes that word's confidence, found, not missing."""
    lines = [
        "KEPUTUSAN MENTERI RISET, TEKNOLOGI, DAN PENDIDIKAN TINGGI",
        "NOMOR 228/KPT/I/2017",
        "TENTANG",
        "IZIN PEMBUKAAN PROGRAM STUDI",
        "DENGAN RAHMAT TUHAN YANG MAHA ESA",
    ]
    text = "\n".join(lines)
    parsed = parse_regulation([text])
    assert (parsed.head.number, parsed.head.year) == ("228/KPT/I/2017", 2017)
    shown = [line.replace("228/KPT/I/2017", "228/KPT/1/2017") for line in lines]
    words = {"dpi": 300, "size": [2480, 3508], "words": words_of(shown, {"228/KPT/1/2017": 40})}
    fields = FieldConfidences(parsed, [StoredPage(1, text, words)]).fields()
    assert fields["tahun"].found and fields["tahun"].score == 40
    assert fields["nomor"].found and fields["nomor"].level == "rendah"

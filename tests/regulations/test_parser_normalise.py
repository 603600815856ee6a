"""Unit tests for parser.normalise: furniture, OCR fixes, glued keywords, hyphenation."""

from registry.regulations.parser.normalise import (
    fix_numeric_slot,
    is_furniture,
    normalise_line,
    normalise_pages,
)


def test_page_number_lines_are_furniture():
    """Page numbers in their printed forms are recognised as furniture."""
    for text in ("- 2 -", "-6·", ". 8.", "12"):
        assert is_furniture(text), text


def test_watermark_is_furniture():
    """A JDIH site watermark is furniture."""
    assert is_furniture("jdih.pontianakkota.go.id")


def test_numbered_item_is_not_furniture():
    """A list number with a dot ("1.") is content, not a page number."""
    assert not is_furniture("1.")


def test_page_number_fused_with_next_token_is_stripped():
    """ "-3MEMUTUSKAN :" loses its page-number prefix."""
    text, fired = normalise_line("-3MEMUTUSKAN :")
    assert text == "MEMUTUSKAN :"
    assert "page_number_prefix" in fired


def test_ocr_word_fix_records_rule():
    """OCR confusions such as "Nornor" and "Tabun" are fixed and recorded."""
    text, fired = normalise_line("Nornor 6 Tabun 2023")
    assert text == "Nomor 6 Tahun 2023"
    assert "ocr_word" in fired


def test_lowercase_l_in_uppercase_token_becomes_i():
    """ "ORGANlSASl" in an upper-case title becomes "ORGANISASI"."""
    assert normalise_line("SUSUNAN ORGANlSASl")[0] == "SUSUNAN ORGANISASI"


def test_glued_keywords_are_split():
    """ "PERATURANGUBERNUR … NOMOR30" gets its missing spaces back."""
    text, _ = normalise_line("PERATURANGUBERNURKALIMANTANTIMUR NOMOR30 TAHUN 2018")
    assert text.startswith("PERATURAN GUBERNUR")
    assert "NOMOR 30 TAHUN 2018" in text


def test_glued_pasal_number_is_split():
    """ "Pasal53" becomes "Pasal 53"."""
    assert normalise_line("Pasal53")[0] == "Pasal 53"


def test_fix_numeric_slot_fixes_ocr_digits():
    """Letter look-alikes inside a number become digits."""
    assert fix_numeric_slot("2OI9") == "2019"
    assert fix_numeric_slot("l3") == "13"


def test_fix_numeric_slot_keeps_roman_and_codes():
    """A Roman "I" and an alphanumeric number are left alone."""
    assert fix_numeric_slot("I") == "I"
    assert fix_numeric_slot("KEP/082/VI/1996") == "KEP/082/VI/1996"


def test_hyphenated_reduplication_keeps_hyphen():
    """ "Undang-" at a line end joined with "Undang Nomor" keeps the hyphen."""
    doc = normalise_pages(["Mengingat : 1. Undang-\nUndang Nomor 12 Tahun 2011"])
    assert "Undang-Undang" in doc.text()


def test_syllable_hyphen_is_removed():
    """ "penye-" + "lenggaraan" is rejoined without a hyphen."""
    doc = normalise_pages(["dalam penye-\nlenggaraan pemerintahan"])
    assert "penyelenggaraan" in doc.text()


def test_raw_text_and_page_are_kept():
    """Each normalised line keeps its raw text and its page number."""
    doc = normalise_pages(["first page", "Nornor 5"])
    assert doc.lines[1].page == 2
    assert doc.lines[1].raw == "Nornor 5"
    assert doc.lines[1].text == "Nomor 5"


def test_page_number_lines_are_dropped_and_recorded():
    """Dropped page numbers are recorded as furniture fixes."""
    doc = normalise_pages(["- 2 -\nBAB I"])
    assert [line.text for line in doc.lines] == ["BAB I"]
    assert any(fix.rule == "furniture" for fix in doc.fixes)


def test_catchword_at_page_foot_is_dropped():
    """A catchword "Mengingat ....." on the last line of a page is dropped."""
    doc = normalise_pages(["b. bahwa sesuatu;\nMengingat .....", "Mengingat : 1. Undang-Undang"])
    assert "Mengingat ....." not in doc.text()


def test_letter_spaced_text_is_closed_up():
    """Wide letter spacing ("U n d a n g - U n d a n g N o m o r 1 4") becomes words again."""
    text, fired = normalise_line("2. U n d a n g - U n d a n g N o m o r 1 4 T a h u n 2 0 0 8 t e n t a n g")
    assert text == "2. Undang-Undang Nomor 14 Tahun 2008 tentang"
    assert "letter_spaced" in fired


def test_a_row_of_figures_is_not_letter_spacing():
    """Single digits in a table row stay apart; so does ordinary text with one-letter words."""
    assert normalise_line("1 2 3 4 5 6 7")[0] == "1 2 3 4 5 6 7"
    assert normalise_line("huruf a, b dan c")[0] == "huruf a, b dan c"


def test_berita_negara_running_header_is_furniture():
    """ "2017, No.1575 -2-" heads every page of a Berita Negara copy."""
    assert is_furniture("2017, No.1575 -2-")
    assert is_furniture("2017, No.1575")
    assert not is_furniture("2017, No.1575 tentang Organisasi")


def test_page_number_hyphen_does_not_join_the_next_line():
    """A line ending in a page number "-2-" is no broken word: "Mengingat" keeps its own line."""
    doc = normalise_pages(["Pasal 1\nIsi pasal -2-\nMengingat : 1. Undang-Undang"])
    assert [line.text for line in doc.lines] == ["Pasal 1", "Isi pasal -2-", "Mengingat : 1. Undang-Undang"]

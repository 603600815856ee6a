"""Unit tests for the OCR-tolerant parser: fuzzy anchors, lexicon correction and the number vote.

All texts are made up (an invented Kota Sukamaju), so the rules are tested as general rules.
"""

from registry.regulations.parser import parse_regulation, to_labels
from registry.regulations.parser.fuzzy import edit_distance, nearest_anchor, repair_anchors, split_merged
from registry.regulations.parser.lexicon import Lexicon, correct_line, correct_token, default_lexicon
from registry.regulations.parser.normalise import normalise_line
from registry.regulations.parser.votes import file_name_numbers, read_digits, vote

WORDS = Lexicon({"inventarisasi", "pemanfaatan", "tanah", "kosong", "pengelolaan", "pemerintahan", "daerah"})


def _known(word: str) -> bool:
    return word in WORDS


# ---------- fuzzy anchors ----------


def test_edit_distance_is_bounded():
    """The distance is exact up to the bound and reported as bound + 1 beyond it."""
    assert edit_distance("TENTAMG", "TENTANG", 2) == 1
    assert edit_distance("MENIMBANG", "MENGINGAT", 2) == 3


def test_misread_anchor_is_restored():
    """One wrong letter in a short anchor and two in a long one are corrected."""
    assert repair_anchors("TENTAMG") == "TENTANG"
    assert repair_anchors("MEMUTUSKAM :") == "MEMUTUSKAN :"
    assert nearest_anchor("PERATLJRAN") == "PERATURAN"


def test_far_token_is_not_an_anchor():
    """A word two edits from a seven-letter anchor stays as it is."""
    assert repair_anchors("TENTARA NASIONAL") == "TENTARA NASIONAL"


def test_known_word_is_never_rewritten():
    """A real word one edit from an anchor ("TAHAN") is kept."""
    assert repair_anchors("PERLU TAHAN", lambda word: word.lower() == "tahan") == "PERLU TAHAN"


def test_split_anchor_is_joined():
    """An anchor broken into pieces ("MENGI NGAT", "RAH MAT") comes back whole."""
    assert repair_anchors("MENGI NGAT :") == "MENGINGAT :"
    assert repair_anchors("DENGAN RAH MAT TUHAN") == "DENGAN RAHMAT TUHAN"


def test_letter_spaced_anchor_is_closed_up():
    """Letter-spaced capitals ("T E N T A N G") become one word."""
    assert repair_anchors("T E N T A N G") == "TENTANG"


def test_merged_anchors_are_split():
    """Glued type and heading words are cut at word boundaries."""
    assert split_merged("PERATURANWALIKOTA") == ["PERATURAN", "WALIKOTA"]
    assert repair_anchors("DENGAN RAHMATTUHANYANG MAHAESA") == "DENGAN RAHMAT TUHAN YANG MAHA ESA"


def test_split_two_word_anchor_keeps_its_word_break():
    """A misread "WALT KOTA" becomes "WALI KOTA", not a glued "WALIKOTA"."""
    assert repair_anchors("PERATURAN WALT KOTA SUKAMAJU", _known) == "PERATURAN WALI KOTA SUKAMAJU"


def test_two_known_words_are_not_joined():
    """Pieces that are real words on their own ("WALI KOTA") stay apart."""
    assert repair_anchors("WALI KOTA", lambda word: word in {"WALI", "KOTA"}) == "WALI KOTA"


def test_running_text_keeps_lower_case_words():
    """Lower-case running text is not matched against the upper-case anchors."""
    assert repair_anchors("tentamg hal itu") == "tentamg hal itu"


# ---------- lexicon ----------


def test_unknown_word_is_corrected_to_nearest_lexicon_word():
    """Two OCR substitutions in a long word are undone, in the token's case."""
    assert correct_token("INVENTARJSAST", WORDS) == "INVENTARISASI"
    assert correct_token("Pernanfaatan", WORDS) == "Pemanfaatan"


def test_digit_inside_word_is_read_as_letter():
    """A 0/1/5/8 inside letters that makes a known word is read as that letter."""
    assert correct_token("K0SONG", WORDS) == "KOSONG"


def test_known_and_short_words_are_left_alone():
    """Known, short, unmatched and non-OCR-shaped tokens are kept; an n read as u is undone."""
    assert correct_token("tanah", WORDS) == "tanah"
    assert correct_token("tauah", WORDS) == "tanah"
    assert correct_token("tanqh", WORDS) == "tanqh"
    assert correct_token("Sukamaju", WORDS) == "Sukamaju"
    assert correct_token("taah", WORDS) == "taah"


def test_two_edits_keep_the_first_letter():
    """A name two edits from a word that starts differently is not rewritten to it."""
    assert correct_token("BANJARNEGARA", Lexicon({"antarnegara"})) == "BANJARNEGARA"


def test_ambiguous_correction_is_not_made():
    """When two lexicon words are equally near, the token is kept (nothing is guessed)."""
    assert correct_token("pamak", Lexicon({"pajak", "pasak"})) == "pamak"


def test_split_word_is_joined_when_the_whole_is_known():
    """Two unknown pieces that together spell a lexicon word are joined."""
    assert correct_line("PENGE LOLAAN TANAH", WORDS) == "PENGELOLAAN TANAH"
    assert correct_line("TANAH KOSONG", WORDS) == "TANAH KOSONG"


def test_committed_lexicon_is_loaded():
    """The committed word list holds regulation vocabulary."""
    lexicon = default_lexicon()
    assert "pemerintahan" in lexicon and "menimbang" in lexicon


def test_normalise_line_records_the_new_rules():
    """Anchor and lexicon fixes are recorded as fired rules for the reviewer."""
    text, fired = normalise_line("TENTAMG")
    assert text == "TENTANG" and "ocr_anchor" in fired


# ---------- number vote ----------


def test_read_digits_resolves_confusions():
    """O/0, l/1/I, S/5, $/5, B/8, Z/2 read as digits; a word is not a number."""
    assert read_digits("l2") == "12"
    assert read_digits("2O") == "20"
    assert read_digits("S") == "5"
    assert read_digits("$") == "5"
    assert read_digits("B") == "8"
    assert read_digits("Z1") == "21"
    assert read_digits("TENTANG") is None


def test_file_name_numbers():
    """Digit groups and a zero-padded tail of a long group are read from a file name."""
    numbers, years = file_name_numbers("perwal_sukamaju_13_2022.pdf")
    assert numbers == {"13", "2022"} and years == {2022}
    numbers, years = file_name_numbers("2023pw9990012.pdf")
    assert "12" in numbers and 2023 in years


def test_the_storage_suffix_of_a_taken_name_is_not_read():
    """Django's random suffix ("_a8Kd9sQ") on a taken file name adds no number; a real segment stays."""
    numbers, years = file_name_numbers("uploads/perwal_sukamaju_13_2022_a8Kd9sQ.pdf")
    assert numbers == {"13", "2022"} and years == {2022}
    numbers, _ = file_name_numbers("perwal_sukamaju_13_2022_tentang.pdf")
    assert numbers == {"13", "2022"}
    numbers, _ = file_name_numbers("perwal_13_2022_1234567.pdf")  # digits only: not a storage suffix
    assert "1234567" not in numbers and numbers >= {"13", "2022"}


def test_vote_majority_and_dropped_digit():
    """The majority wins; a reading with a dropped digit supports the longer number."""
    assert vote([("title", "7"), ("gazette", "5"), ("file", "5")], "title") == "5"
    assert vote([("title", "1"), ("file", "12")], "title") == "12"


def test_vote_tie_goes_to_the_tie_breaker():
    """Two sources that disagree: the tie-breaking source wins."""
    assert vote([("title", "7"), ("file", "5")], "title") == "7"
    assert vote([("title", "7"), ("file", "5")], "file") == "5"


NOISY_TITLE = """WALI KOTA SUKAMAJU
PERATURAN WALT KOTA SUKAMAJl
NOMOR g TAHUN 2.ol-L
TENT ANG
INVENTARJSAST DAN PEMANFAATAN TANAH KOSONG
DENGAN RAH MAT TUHAN YANG MAHA ESA
WALl KOTA SUKAMAJU,
Menimbang : a. bahwa tanah kosong perlu dimanfaatkan;
Mengingat : 1. Undang-Undang Nomor 23 Tahun 2014 tentang Pernerintahan Daerah;
MEMUTUSKAN :
Menetapkan : PERATURAN WALI KOTA TENTANG INVENTARISASI DAN PEMANFAATAN TANAH KOSONG.
Pasal 1
Peraturan Wali Kota ini mulai berlaku pada tanggal diundangkan.
Ditetapkan di Sukamaju
Diundangkan di Sukamaju
BERITA DAERAH KOTA SUKAMAJU TAHUN 2O23 NOMOR 8
"""


def test_noisy_title_block_is_read_whole():
    """A scanned title with split, misread and garbled parts yields kind, subject, number and year."""
    labels = to_labels(parse_regulation([NOISY_TITLE], file_name="2023pw9990008.pdf"))
    assert labels["doc_kind"] == "PERWAL"
    assert labels["title_tentang"] == "INVENTARISASI DAN PEMANFAATAN TANAH KOSONG"
    assert labels["number"] == "8"
    assert labels["year"] == 2023


def test_dollar_sign_in_the_title_number_is_a_five():
    """Tesseract reads a handwritten 5 as "$": the title's number is 5, as the gazette line says."""
    text = NOISY_TITLE.replace("NOMOR g TAHUN 2.ol-L", "NOMOR $ TAHUN 2023").replace("NOMOR 8", "NOMOR 5")
    assert to_labels(parse_regulation([text]))["number"] == "5"


def test_clean_title_number_is_kept_against_a_lone_file_name():
    """In clean text the title's number (backed by the gazette line) beats a file name that differs."""
    clean = NOISY_TITLE.replace("NOMOR g TAHUN 2.ol-L", "NOMOR 3 TAHUN 2023").replace(
        "TAHUN 2O23 NOMOR 8", "TAHUN 2023 NOMOR 3"
    )
    clean = clean.replace("WALT", "WALI").replace("SUKAMAJl", "SUKAMAJU").replace("TENT ANG", "TENTANG")
    clean = clean.replace("INVENTARJSAST", "INVENTARISASI").replace("RAH MAT", "RAHMAT")
    clean = clean.replace("WALl", "WALI").replace("Pernerintahan", "Pemerintahan")
    labels = to_labels(parse_regulation([clean], file_name="lampiran_7.pdf"))
    assert labels["number"] == "3"
    assert labels["year"] == 2023


def test_confusable_allows_only_ocr_confusions():
    """l/i/J, rn/m and c/e differences are OCR's; a different consonant or vowel is not."""
    from registry.regulations.parser.lexicon import confusable

    assert confusable("penyempumaan", "penyempurnaan")
    assert confusable("INVENTARJSAST", "inventarisasi")
    assert not confusable("kontras", "kontrak")
    assert not confusable("Farmasi", "formasi")


def test_bracket_in_upper_case_word_is_i():
    """A bracket or "!" ending an upper-case word is read as I; punctuation in prose is kept."""
    assert normalise_line("WALIKOTA SUKAMAJ[")[0] == "WALIKOTA SUKAMAJI"
    assert normalise_line("Halo! Apa")[0] == "Halo! Apa"


def test_partner_word_is_corrected_after_its_partner():
    """A four-letter word one letter off after its fixed partner ("Wali Kola") is restored."""
    assert repair_anchors("maka Peraturan Wali Kola Sukamaju") == "maka Peraturan Wali Kota Sukamaju"
    assert repair_anchors("Wali Kelas") == "Wali Kelas"


def test_structured_number_segments_follow_the_file_name():
    """Misread segments of "KEP/06'4/VT/1996" are taken from a file name that spells the number."""
    from registry.regulations.parser.votes import _structured_with_file

    fixed = _structured_with_file("KEP/06'4/VT/1996", "arsip_Kep_Nomor_082_VI_Tahun_1996.pdf")
    assert fixed == "KEP/082/VI/1996"
    assert _structured_with_file("KEP/083/VI/1996", "arsip_Nomor_082_VI_Tahun_1996.pdf") == "KEP/083/VI/1996"


def test_roman_month_slot():
    """A 1 or l in the Roman month slot of a structured number is an I."""
    from registry.regulations.parser.votes import _roman_month_slot

    assert _roman_month_slot("228/KPT/1/2017") == "228/KPT/I/2017"
    assert _roman_month_slot("12/KPT/2017") == "12/KPT/2017"


MENGINGAT_LOST_NUMBERS = """PERATURAN WALI KOTA SUKAMAJU
NOMOR 4 TAHUN 2023
TENTANG
TAMAN KOTA
DENGAN RAHMAT TUHAN YANG MAHA ESA
WALI KOTA SUKAMAJU,
Menimbang
Mengingat
a. bahwa taman kota perlu ditata;
. bahwa berdasarkan Undang-Undang Nomor 1 Tahun 2000, perlu menetapkan;
. Undang-Undang Nomor 23 Tahun 2014 tentang
Pemerintahan Daerah,
. Peraturan Pemerintah Nomor 12 Tahun 2017 tentang
Pembinaan,
Peraturan Daerah Kota Sukamaju Nomor 3 Tahun 2020 tentang Taman;
MEMUTUSKAN :
Menetapkan : PERATURAN WALI KOTA TENTANG TAMAN KOTA.
Pasal 1
Peraturan Wali Kota ini mulai berlaku pada tanggal diundangkan.
"""


def test_mengingat_items_whose_numbers_were_lost():
    """Items whose numbers OCR dropped are split at list marks and at line starts after a comma."""
    labels = to_labels(parse_regulation([MENGINGAT_LOST_NUMBERS]))
    assert labels["mengingat_first3"] == [
        {"kind": "UU", "number": "23", "year": 2014},
        {"kind": "PP", "number": "12", "year": 2017},
        {"kind": "PERDA", "number": "3", "year": 2020},
    ]


def test_first_mengingat_item_read_as_l():
    """A first item numbered "l." (OCR for "1.") still starts the list."""
    from registry.regulations.parser.head import split_mengingat

    items = split_mengingat("l. Undang-Undang Nomor 1 Tahun 2000;\n2. Undang-Undang Nomor 2 Tahun 2001;")
    assert len(items) == 2 and items[0].startswith("Undang-Undang Nomor 1")


def test_gazette_number_does_not_outvote_a_clean_title():
    """A gazette number of its own series never replaces a clean title number."""
    text = NOISY_TITLE.replace("NOMOR g TAHUN 2.ol-L", "NOMOR 16 TAHUN 2023").replace(
        "TAHUN 2O23 NOMOR 8", "TAHUN 2023 NOMOR 1575"
    )
    assert to_labels(parse_regulation([text], file_name="bn1575-2023.pdf"))["number"] == "16"


def test_file_name_alone_never_supplies_a_number():
    """Without any number printed in the title, the file name's digits are not used."""
    text = NOISY_TITLE.replace("NOMOR g TAHUN 2.ol-L", "TAHUN 2023").replace("TAHUN 2O23 NOMOR 8", "")
    labels = to_labels(parse_regulation([text], file_name="scan_1762848097.pdf"))
    assert labels["number"] in (None, "")


def test_sop_title_over_several_lines():
    """An SOP cover whose title is set word by word on short lines is read as an SOP."""
    cover = "STANDAR\nOPERASIONAL\nPROSEDUR (SOP)\nPELAYANAN\nINFORMASI PUBLIK\nKABUPATEN SUKAMAJU\n"
    body = "Dasar Hukum: Peraturan Bupati Sukamaju Nomor 1 Tahun 2020 tentang Informasi Publik\n"
    assert to_labels(parse_regulation([cover, body]))["doc_kind"] == "SOP"


def test_konsiderans_labels_set_inside_the_title_are_skipped():
    """Bare "Menimbang :" / "Mengingat" lines that OCR put inside the title do not cut it short."""
    text = (
        "PERATURAN WALI KOTA SUKAMAJU\nNOMOR 2 TAHUN 2023\nTENTANG\n\nPENGELOLAAN SISA ANGGARAN\n\n"
        "Menimbang :\n\nMengingat\n\nPADA RUMAH SAKIT UMUM DAERAH\n\nDENGAN RAHMAT TUHAN YANG MAHA ESA\n"
        "WALI KOTA SUKAMAJU,\nbahwa anggaran perlu dikelola;\n1. Undang-Undang Nomor 23 Tahun 2014;\n"
        "MEMUTUSKAN :\nPasal 1\nPeraturan Wali Kota ini mulai berlaku pada tanggal diundangkan.\n"
    )
    labels = to_labels(parse_regulation([text]))
    assert labels["title_tentang"] == "PENGELOLAAN SISA ANGGARAN PADA RUMAH SAKIT UMUM DAERAH"


def test_readable_title_year_is_not_outvoted_by_dates():
    """Signing dates in the next year never replace a readable title year."""
    text = NOISY_TITLE.replace("NOMOR g TAHUN 2.ol-L", "NOMOR 8 TAHUN 2023").replace(
        "TAHUN 2O23", "TAHUN 2024"
    )
    text = text.replace("Ditetapkan di Sukamaju", "Ditetapkan di Sukamaju\npada tanggal 5 Januari 2024")
    assert to_labels(parse_regulation([text], file_name="perwal_2024.pdf"))["year"] == 2023

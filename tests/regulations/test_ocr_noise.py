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
    assert correct_token("Pemanfaatao", WORDS) == "Pemanfaatan"


def test_digit_inside_word_is_read_as_letter():
    """A 0/1/5/8 inside letters that makes a known word is read as that letter."""
    assert correct_token("K0SONG", WORDS) == "KOSONG"


def test_known_and_short_words_are_left_alone():
    """A lexicon word, a word under five letters and an unmatched word are not changed."""
    assert correct_token("tanah", WORDS) == "tanah"
    assert correct_token("tanqh", WORDS) == "tanah"
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
    """O/0, l/1/I, S/5, B/8, Z/2 read as digits; a word is not a number."""
    assert read_digits("l2") == "12"
    assert read_digits("2O") == "20"
    assert read_digits("S") == "5"
    assert read_digits("B") == "8"
    assert read_digits("Z1") == "21"
    assert read_digits("TENTANG") is None


def test_file_name_numbers():
    """Digit groups and a zero-padded tail of a long group are read from a file name."""
    numbers, years = file_name_numbers("perwal_sukamaju_13_2022.pdf")
    assert numbers == {"13", "2022"} and years == {2022}
    numbers, years = file_name_numbers("2023pw9990012.pdf")
    assert "12" in numbers and 2023 in years


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

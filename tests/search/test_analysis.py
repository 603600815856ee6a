"""search.analysis, search.citations and search.query: the pure Indonesian analysis."""

from search.analysis import PROTECTED_WORDS, SynonymSet, Thesaurus, analyse, expand, fold, stem, words
from search.citations import canonical_jenis, citation_key, parse_citation, pasal_headings
from search.query import parse_query

THESAURUS = Thesaurus.from_lines(
    ["KTP, KTP-el, e-KTP, kartu tanda penduduk", "PBG, IMB", "biaya, tarif, retribusi"]
)


def test_fold_lowercases_and_strips_accents():
    """Accents and case do not matter."""
    assert fold("Pèmerintah KOTA") == "pemerintah kota"


def test_words_split_on_punctuation():
    """Hyphens, slashes and dots separate words."""
    assert words("KTP-el 12/2023 (baru)") == ["ktp", "el", "12", "2023", "baru"]


def test_affixed_forms_share_a_stem():
    """ "persyaratan" and "syarat", "pelayanan" and "layanan" match each other."""
    assert stem("persyaratan") == stem("syarat")
    assert stem("pelayanan") == stem("layanan")


def test_protected_words_are_not_stemmed():
    """ "pemerintah" must not become "perintah"; "perwal" stays itself."""
    assert "pemerintah" in PROTECTED_WORDS
    assert analyse("Pemerintah Perwal pengadaan") == ["pemerintah", "perwal", "pengadaan"]


def test_stopwords_are_dropped():
    """Function words are not indexed."""
    assert analyse("izin untuk dan reklame") == ["izin", "reklame"]


def test_synonym_set_parses_admin_format():
    """Comma-separated terms become folded word tuples; duplicates and singletons are dropped."""
    assert SynonymSet.parse("KTP, ktp,  e-KTP").terms == (("ktp",), ("e", "ktp"))
    assert SynonymSet.parse("sendirian") is None


def test_expand_uses_longest_synonym_match():
    """ "kartu tanda penduduk" is one clause with every KTP alternative."""
    clauses = expand(["syarat", "kartu", "tanda", "penduduk"], THESAURUS)
    assert len(clauses) == 2
    assert ("ktp",) in clauses[1] and ("kartu", "tanda", "penduduk") in clauses[1]


def test_solr_rules_for_elasticsearch():
    """The thesaurus renders the Solr synonym format."""
    assert "pbg, imb" in THESAURUS.rules()


def test_citation_forms_resolve_to_one_key():
    """Short and long forms of a citation give the same key."""
    forms = ["Perwal 12/2023", "perwal nomor 12 tahun 2023", "Peraturan Wali Kota No. 012 Tahun 2023"]
    assert {parse_citation(q).key for q in forms} == {"perwal:12:2023"}


def test_citation_with_pasal_and_ayat():
    """ "… pasal 5 ayat (2)" is kept."""
    citation = parse_citation("perwal 12 2023 pasal 5 ayat (2)")
    assert (citation.pasal, citation.ayat, citation.pasal_key) == ("5", "2", "perwal:12:2023:pasal-5")


def test_citation_with_the_pasal_named_first():
    """ "pasal 5 perwal 12/2023" and "pasal 5 ayat (2) dari UU 25/2009" cite the pasal; the span covers it."""
    citation = parse_citation("pasal 5 perwal 12/2023")
    assert (citation.pasal_key, citation.start) == ("perwal:12:2023:pasal-5", 0)
    citation = parse_citation("syarat pasal 5 ayat (2) dari UU 25/2009")
    assert (citation.pasal, citation.ayat, citation.start) == ("5", "2", 7)
    assert parse_citation("pasal 7 dan perwal 12/2023").pasal == ""


def test_no_citation_in_plain_words():
    """Ordinary queries are not citations, even with numbers."""
    assert parse_citation("syarat ktp 17 tahun") is None


def test_canonical_jenis_agrees_for_names_codes_and_abbreviations():
    """Content and queries compute the same canonical type."""
    assert {canonical_jenis(x) for x in ["Peraturan Wali Kota", "PERWAL", "perwali", "Perwal"]} == {"perwal"}
    assert citation_key("Undang-Undang", "25", 2009) == "uu:25:2009"


def test_pasal_headings_found_on_their_own_lines():
    """Only headings count, not references inside sentences."""
    assert pasal_headings("Pasal 5\n\nsebagaimana dimaksud dalam Pasal 7\nPasal 18A\n") == ["5", "18a"]


def test_query_drops_fillers_and_keeps_meaning():
    """ "cara bikin ktp" searches for KTP only."""
    query = parse_query("cara bikin ktp", THESAURUS)
    assert len(query.clauses) == 1 and ("ktp",) in query.clauses[0]


def test_query_with_only_fillers_keeps_them():
    """A query of filler words still searches something."""
    assert parse_query("cara", THESAURUS).clauses == [(("cara",),)]


def test_quoted_phrase_is_a_phrase():
    """Quotes make a phrase clause."""
    query = parse_query('"pelayanan publik" balikpapan', THESAURUS)
    assert query.phrases == [(stem("pelayanan"), "publik")]
    assert query.phrase_words == [["pelayanan", "publik"]]


def test_syntax_characters_never_reach_the_plan():
    """FTS and tsquery operators become plain words or disappear."""
    query = parse_query('ktp* : ( ) NEAR AND OR " -', THESAURUS)
    tokens = {token for clause in query.clauses for alt in clause for token in alt}
    assert all(token.isalnum() for token in tokens)


def test_long_query_is_truncated():
    """5,000 characters are cut to 200 and flagged."""
    query = parse_query("izin " * 1000, THESAURUS)
    assert query.truncated and len(query.raw) <= 200

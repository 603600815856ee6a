"""Indonesian text analysis shared by every search engine.

Pure Python (no Django): the same chain runs at index time and at query time, in the SQLite and
PostgreSQL backends (which store the analysed tokens) and, expressed as an Elasticsearch analyzer, in
Elasticsearch (see :mod:`search.backends.elastic_mapping`):

    fold (lowercase + strip accents) → split on non-alphanumerics → drop stopwords
    → Snowball Indonesian stem, except protected words

Synonyms are applied at query time only (as Elasticsearch's ``synonym_graph`` in the search
analyzer does), so editing a synonym never requires re-indexing the database engines.
"""

import re
import threading
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass

import Stemmer

#: Words the stemmer must leave alone: legal abbreviations, and words whose stem would collide
#: with an unrelated word ("pemerintah" → "perintah", "pengadaan" → "ada", "keluarga" → "luarga").
PROTECTED_WORDS = frozenset(
    [
        "pemerintah",
        "pemerintahan",
        "pengadaan",
        "perda",
        "perdes",
        "perwal",
        "perwali",
        "perbup",
        "pergub",
        "perpres",
        "permen",
        "peraturan",
        "perundang",
        "undang",
        "keppres",
        "kepres",
        "kepwal",
        "kepmen",
        "inpres",
        "perppu",
        "uud",
        "pmk",
        "pojk",
        "seojk",
        "keluarga",
        "kependudukan",
        "penduduk",
        "pendapatan",
        "perizinan",
        "perusahaan",
        "perhubungan",
        "pertanahan",
        "pemilu",
        "penyakit",
        "pelabuhan",
        "perkara",
        "pajak",
    ]
)

#: Function words that carry no meaning for search. Kept short on purpose: legal language is
#: precise, and "tidak" or "tahun" can matter.
STOPWORDS = frozenset(
    [
        "yang",
        "dan",
        "di",
        "ke",
        "dari",
        "dalam",
        "untuk",
        "dengan",
        "pada",
        "atau",
        "ini",
        "itu",
        "adalah",
        "oleh",
        "sebagai",
        "akan",
        "tersebut",
        "bagi",
        "serta",
        "para",
        "telah",
        "secara",
        "agar",
        "dapat",
        "juga",
        "karena",
        "maka",
        "sudah",
        "jika",
        "bahwa",
        "tentang",
    ]
)

#: Conversational words citizens type that say nothing about what they are looking for. They are
#: dropped from a query (never from the index) unless nothing else would remain.
QUERY_FILLERS = frozenset(
    [
        "cara",
        "bagaimana",
        "gimana",
        "gmn",
        "bikin",
        "membuat",
        "mengurus",
        "urus",
        "ngurus",
        "mau",
        "ingin",
        "saya",
        "aku",
        "kami",
        "tolong",
        "apa",
        "apakah",
        "dimana",
        "mana",
        "gak",
        "nggak",
        "kok",
        "sih",
        "dong",
        "ya",
        "min",
        "kak",
        "pak",
        "bu",
        "mohon",
        "info",
        "informasinya",
        # Question words and conversational glue (issue #15): "berapa biaya pbg", "siapa yang bisa
        # bikin kia", "syarat kk apa aja". Not "syarat", "biaya" or "waktu": those name what is asked.
        "berapa",
        "kapan",
        "siapa",
        "bagaimanakah",
        "dimanakah",
        "kemana",
        "caranya",
        "bisa",
        "bisakah",
        "aja",
        "saja",
        "buat",
        "buka",
        "setelah",
        "sesudah",
        "nih",
        "deh",
    ]
)

#: Question phrases dropped as a whole: "berapa lama bikin akta" asks about the service itself
#: ("lama" alone may matter: "KTP-el lama").
QUESTION_PHRASES = (
    ("berapa", "lama"),
    ("berapa", "hari"),
    ("butuh", "waktu", "berapa"),
    ("apa", "saja"),
    ("apa", "aja"),
)

_WORD_RE = re.compile(r"[0-9a-z]+")
_local = threading.local()


def _stemmer() -> Stemmer.Stemmer:
    # PyStemmer objects are not thread-safe; each thread gets its own (with its own cache).
    stemmer = getattr(_local, "stemmer", None)
    if stemmer is None:
        stemmer = _local.stemmer = Stemmer.Stemmer("indonesian")
    return stemmer


def fold(text: str) -> str:
    """Lowercase and strip accents ("Kependudukan É" → "kependudukan e")."""
    text = text.lower()
    if text.isascii():
        return text
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def words(text: str) -> list[str]:
    """The folded words of ``text``, split on anything that is not a letter or a digit."""
    return _WORD_RE.findall(fold(text or ""))


def stem(word: str) -> str:
    """The Snowball Indonesian stem of one folded word; protected words and numbers are kept."""
    if word in PROTECTED_WORDS or not word.isalpha() or len(word) < 4:
        return word
    return _stemmer().stemWord(word)


def analyse(text: str) -> list[str]:
    """The index tokens of ``text``: folded, without stopwords, stemmed."""
    stemmer = _stemmer()
    out = []
    for word in words(text):
        if word in STOPWORDS:
            continue
        if word in PROTECTED_WORDS or not word.isalpha() or len(word) < 4:
            out.append(word)
        else:
            out.append(stemmer.stemWord(word))
    return out


def analysed_text(text: str) -> str:
    """:func:`analyse` joined by spaces, ready to store in a full-text column."""
    return " ".join(analyse(text))


# --- synonyms ---------------------------------------------------------------------------------

#: One query position: a tuple of alternatives, each alternative a phrase (tuple of stems).
Clause = tuple[tuple[str, ...], ...]


@dataclass(frozen=True)
class SynonymSet:
    """Equivalent terms ("ktp", "ktp el", "kartu tanda penduduk"), each a tuple of folded words."""

    terms: tuple[tuple[str, ...], ...]

    @classmethod
    def parse(cls, line: str) -> "SynonymSet | None":
        """Parse "KTP, KTP-el, e-KTP, kartu tanda penduduk"; None when fewer than two terms remain."""
        terms = []
        for raw in re.split(r"[,;\n]", line or ""):
            term = tuple(words(raw))
            if term and term not in terms:
                terms.append(term)
        return cls(tuple(terms)) if len(terms) > 1 else None

    def rule(self) -> str:
        """The set in Solr synonym format, for Elasticsearch's ``synonym_graph`` filter."""
        return ", ".join(" ".join(term) for term in self.terms)


class Thesaurus:
    """Synonym sets indexed for longest-match lookup in a list of query words."""

    def __init__(self, sets: Iterable[SynonymSet] = ()):
        self.sets = [s for s in sets if s is not None]
        self._by_first: dict[str, list[tuple[tuple[str, ...], SynonymSet]]] = {}
        for synonym_set in self.sets:
            for term in synonym_set.terms:
                self._by_first.setdefault(term[0], []).append((term, synonym_set))
        for candidates in self._by_first.values():
            candidates.sort(key=lambda item: -len(item[0]))
        #: Every word of every term: such a word is known to search even when no entry holds it.
        self.words = frozenset(word for s in self.sets for term in s.terms for word in term)

    @classmethod
    def from_lines(cls, lines: Iterable[str]) -> "Thesaurus":
        """Build from lines in the admin's comma-separated format."""
        return cls(SynonymSet.parse(line) for line in lines)

    def rules(self) -> list[str]:
        """All sets in Solr synonym format."""
        return [s.rule() for s in self.sets]

    def match(self, query_words: list[str], start: int) -> tuple[int, SynonymSet] | None:
        """The longest synonym term starting at ``start``: (its length, its set), or None."""
        for term, synonym_set in self._by_first.get(query_words[start], ()):
            if tuple(query_words[start : start + len(term)]) == term:
                return len(term), synonym_set
        return None


def _stem_phrase(phrase: Iterable[str]) -> tuple[str, ...]:
    return tuple(stem(w) for w in phrase if w not in STOPWORDS)


def expand(query_words: list[str], thesaurus: Thesaurus | None = None) -> list[Clause]:
    """Turn query words into clauses: each word (or synonym term) with its stemmed alternatives.

    "syarat ktp" with the KTP synonyms gives ``[(("syarat",),), (("ktp",), ("ktp", "el"), …)]``.
    """
    clauses: list[Clause] = []
    i = 0
    while i < len(query_words):
        found = thesaurus.match(query_words, i) if thesaurus else None
        if found:
            length, synonym_set = found
            alternatives = []
            for term in synonym_set.terms:
                stemmed = _stem_phrase(term)
                if stemmed and stemmed not in alternatives:
                    alternatives.append(stemmed)
            if alternatives:
                clauses.append(tuple(alternatives))
            i += length
            continue
        word = query_words[i]
        if word not in STOPWORDS:
            clauses.append(((stem(word),),))
        i += 1
    return clauses

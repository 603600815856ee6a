"""Regulation types in every spelling a feed uses, resolved to the codes of the reference records.

Pure: no Django import. The types themselves come from :mod:`registry.reference.regulations` (their
names, abbreviations, codes and slugs); this module only knows how feeds *spell* them: "PERATURAN
DAERAH KOTA", "Peraturan Walikota", "Perwali", "PERWAL", "Peraturan Wali Kota Balikpapan", "SK
Walikota" … The parser's :func:`classify_kind` reads long phrases the records' names do not cover.
"""

import re

from registry.reference import regulations as reference

from ..parser.patterns import classify_kind

#: Spellings of abbreviations seen in real feeds besides the records' own (domain §2.4), by type code.
SPELLINGS = {
    "PERWALI": "PERWAL",
    "PERWALKOT": "PERWAL",
    "PERKADA": "PERWAL",
    "PERWALIKOTA": "PERWAL",
    "KEPWALI": "KEPWAL",
    "KEPWALKOT": "KEPWAL",
    "KEPWALIKOTA": "KEPWAL",
    "SKWALIKOTA": "KEPWAL",
    "INSWAL": "INSTRUKSI_WALKOT",
    "INSTRUKSIWALIKOTA": "INSTRUKSI_WALKOT",
    "SEWALIKOTA": "SE_WALKOT",
    "SURATEDARANWALIKOTA": "SE_WALKOT",
    "PERDAKOTA": "PERDA",
    "PERDAPROVINSI": "PERDA_PROV",
    "PERDAPROV": "PERDA_PROV",
    "PERATURANBERSAMA": "PB_KDH",
    "PERBERSAMA": "PB_KDH",
    "KEPSEKDA": "KEP_SEKDA",
    "KEPKADIS": "KEP_KEPALA_PD",
    "UNDANGUNDANG": "UU",
}
#: Families written with a suffix naming the ministry or body ("Permendagri", "PermenPANRB").
_FAMILY_PREFIXES = (("PERMEN", "PERMEN"), ("PERBAN", "PERBAN"))
#: Codes of the parser's kind classifier that name a reference type under another code.
_CLASSIFIER_CODES = {"SE": "SE_WALKOT"}


def _phrase(text: str) -> str:
    """Upper case, single spaces, punctuation dropped, "WALI KOTA"/"WALKOT" → "WALIKOTA"."""
    text = re.sub(r"[^A-Z0-9 ]+", " ", text.upper().replace("-", " "))
    text = re.sub(r"\s+", " ", text).strip()
    text = re.sub(r"\bWALI KOTA\b|\bWALKOT\b|\bWALIKOT\b", "WALIKOTA", text)
    text = re.sub(r"^(?:SURAT KEPUTUSAN|SK)\b", "KEPUTUSAN", text)
    return text


def _compact(text: str) -> str:
    return _phrase(text).replace(" ", "")


class TypeResolver:
    """Resolve a type name, abbreviation or title prefix to a reference type code (or None)."""

    def __init__(self, records=reference.REGULATION_TYPES):
        self.records = {record.code: record for record in records}
        self.abbreviations: dict[str, str] = {}
        for record in records:
            for spelling in (record.abbreviation, record.code, record.slug, record.name):
                self.abbreviations.setdefault(_compact(spelling), record.code)
        for spelling, code in SPELLINGS.items():
            if code in self.records:
                self.abbreviations.setdefault(spelling, code)
        # Longest names first, so "Peraturan Daerah Provinsi" wins over "Peraturan Daerah".
        self.names = sorted(
            ((_phrase(record.name), record.code) for record in records), key=lambda item: -len(item[0])
        )

    def resolve(self, text: str) -> str | None:
        """The type code ``text`` names: an abbreviation, a long name, or a title prefix with a region."""
        phrase = _phrase(text or "")
        if not phrase:
            return None
        code = self.abbreviations.get(phrase.replace(" ", ""))
        if code:
            return code
        for name, code in self.names:
            if phrase == name or phrase.startswith(name + " "):
                rest = phrase[len(name) :].strip()
                if not rest or not self._continues_another_name(name, rest):
                    return code
        first = phrase.split(" ", 1)[0]
        code = self.abbreviations.get(first) or self._family(first)
        if code and (" " not in phrase or _is_region_tail(phrase.split(" ", 1)[1])):
            return code
        classified = classify_kind(phrase)
        classified = _CLASSIFIER_CODES.get(classified, classified) if classified else None
        if classified == "SE_WALKOT" and "WALIKOTA" not in phrase:
            return None
        return classified if classified in self.records else None

    def _continues_another_name(self, name: str, rest: str) -> bool:
        """Whether ``name`` + ``rest`` is a longer type name (checked already, so it did not match)."""
        return any(other.startswith(name + " ") and other != name for other, _ in self.names) and (
            not _is_region_tail(rest)
        )

    def _family(self, word: str) -> str | None:
        for prefix, code in _FAMILY_PREFIXES:
            if word.startswith(prefix) and code in self.records:
                return code
        return None

    def level(self, code: str) -> str:
        return self.records[code].level

    def name(self, code: str) -> str:
        return self.records[code].name


def _is_region_tail(rest: str) -> bool:
    """Whether the words after a type name only name a region ("KOTA BALIKPAPAN", "BALIKPAPAN")."""
    return bool(
        re.match(r"^(?:(?:KOTA|KABUPATEN|KAB|PROVINSI|PROV)\s+)?[A-Z][A-Z ]*$", rest)
    ) and not re.search(
        r"\b(?:NOMOR|NO|TAHUN|TENTANG|PERATURAN|KEPUTUSAN|DAERAH|BERSAMA|KEPALA|PIMPINAN|BADAN|DPRD)\b", rest
    )

"""Line normalisation: page furniture, hyphenation, OCR word fixes and glued keywords (domain §3.5).

Every rule that changes a line is recorded as an ``AppliedFix`` so a reviewer can audit it; the raw
line is kept next to the normalised one.
"""

from __future__ import annotations

import re

from .fuzzy import repair_anchors
from .lexicon import correct_line, default_lexicon
from .models import AppliedFix, Line, NormalisedDocument
from .patterns import (
    CATCHWORD_RE,
    FILE_PATH_RE,
    PAGE_NO_PREFIX_RE,
    PAGE_NO_RE,
    PAGE_OF_RE,
    RUNNING_HEADER_RE,
    WATERMARK_RE,
)

# Observed OCR confusions (domain §3.5 rule 2 and the Kendari/Agam scans). Whole words only.
OCR_WORD_FIXES = {
    "Nornor": "Nomor",
    "Nomer": "Nomor",
    "Lernbaran": "Lembaran",
    "Lcmbaran": "Lembaran",
    "Tabun": "Tahun",
    "Serita": "Berita",
    "Pernerintah": "Pemerintah",
    "Pemerintab": "Pemerintah",
    "Gubemur": "Gubernur",
    "Daerab": "Daerah",
    "tcntang": "tentang",
    "tenlaug": "tentang",
    "rnulai": "mulai",
    "rnelaksanakan": "melaksanakan",
    "clinyatakan": "dinyatakan",
    "Pernbentukan": "Pembentukan",
    "lndonesia": "Indonesia",
    "Undaog": "Undang",
    "Mcntcri": "Menteri",
    "oahwa": "bahwa",
}
# Multi-word or punctuation fixes, applied as plain substring replacements.
OCR_PHRASE_FIXES = {
    "TENT ANG": "TENTANG",
    "ten tang": "tentang",
    "Unda.ng": "Undang",
    "[ndonesia": "Indonesia",
    "ketent.uan": "ketentuan",
}
_WORD_FIX_RE = re.compile(r"\b(" + "|".join(map(re.escape, OCR_WORD_FIXES)) + r")\b")
_UPPER_TOKEN_RE = re.compile(r"\b(?=[A-Za-z]*[A-Z]{2})[A-Za-z]+\b")
#: A bracket, bar or "!" that ends or sits inside an upper-case word is OCR's "I" ("KENDAR[", "WAL!").
_UPPER_BRACKET_RE = re.compile(r"(?<=[A-Z]{2})[\[\]|!](?=[A-Z]|[\s,.;:]|$)")
_GLUED_NUMBER_RE = re.compile(r"\b(NOMOR|TAHUN|Nomor|Tahun|Pasal)(?=\d)")
_GLUED_JENIS_RE = re.compile(r"PERATURAN(?=(?:DAERAH|GUBERNUR|BUPATI|WALI|MENTERI|PEMERINTAH|PRESIDEN))")
_GLUED_KEYWORD_RE = re.compile(r"(?<=[A-Z]{3})(NOMOR|TAHUN|TENTANG)\b")
#: Six or more single characters separated by single spaces: text set with wide letter spacing
#: ("U n d a n g - U n d a n g N o m o r 1 4"), which a text layer gives one "word" per letter.
_LETTER_SPACED_RE = re.compile(r"(?<!\S)(?:[\w.,()/-] ){5,}[\w.,()/-](?!\S)")
_WORD_BOUNDARY_RE = re.compile(r"(?<=[a-z])(?=[A-Z])|(?<=[A-Za-z])(?=\d)|(?<=\d)(?=[A-Za-z])")
_DIGIT_FIX = str.maketrans({"O": "0", "o": "0", "I": "1", "l": "1", "i": "1"})


def fix_numeric_slot(token: str) -> str:
    """Fix OCR letter/digit confusions inside a captured number ("2OI9" -> "2019", "l3" -> "13").

    Only tokens that already contain a digit, or consist of a lone lower-case ``l``, are changed, so a
    Roman numeral such as ``I`` or an alphanumeric number such as ``KEP/082/VI/1996`` survives.
    """
    if re.fullmatch(r"[0-9OIli]+", token) and (any(c.isdigit() for c in token) or token == "l"):
        return token.translate(_DIGIT_FIX)
    return token


def _fix_upper_token(match: re.Match[str]) -> str:
    """In an otherwise upper-case token a lower-case ``l`` is an ``I`` ("KENDARl" -> "KENDARI")."""
    token = match.group(0)
    uppers = sum(c.isupper() for c in token)
    if "l" in token and uppers >= len(token) - 2 and len(token) >= 4:
        return token.replace("l", "I")
    return token


def _unspace_letters(match: re.Match[str]) -> str:
    """Close up letter-spaced text, putting word breaks back where case or digits change.

    The original word spaces are lost in such text, so this restores what it can: "Undang-Undang
    Nomor 14 Tahun 2008 tentang" comes back whole; two lower-case words in a row stay glued.
    """
    spaced = match.group(0)
    if sum(ch.isalpha() for ch in spaced) < 4:  # a row of figures ("1 2 3 4 5 6") is not a word
        return spaced
    return _WORD_BOUNDARY_RE.sub(" ", spaced.replace(" ", ""))


def normalise_line(text: str) -> tuple[str, list[str]]:
    """Apply OCR word fixes and glued-keyword splits to one line; return the text and rule names."""
    fired: list[str] = []

    def apply(rule: str, new: str) -> None:
        nonlocal text
        if new != text:
            fired.append(rule)
            text = new

    collapsed = re.sub(r"[ \t\u00a0]+", " ", text).strip()
    text = collapsed
    apply("page_number_prefix", PAGE_NO_PREFIX_RE.sub("", text))
    apply("letter_spaced", _LETTER_SPACED_RE.sub(_unspace_letters, text))
    new = text
    for bad, good in OCR_PHRASE_FIXES.items():
        new = new.replace(bad, good)
    apply("ocr_phrase", new)
    apply("ocr_word", _WORD_FIX_RE.sub(lambda m: OCR_WORD_FIXES[m.group(1)], text))
    apply("ocr_upper_l", _UPPER_TOKEN_RE.sub(_fix_upper_token, text))
    apply("ocr_upper_bracket", _UPPER_BRACKET_RE.sub("I", text))
    apply("ocr_anchor", repair_anchors(text, default_lexicon().__contains__))
    apply("ocr_lexicon", correct_line(text))
    apply("glued_number", _GLUED_NUMBER_RE.sub(r"\1 ", text))
    apply("glued_jenis", _GLUED_JENIS_RE.sub("PERATURAN ", text))
    apply("glued_keyword", _GLUED_KEYWORD_RE.sub(r" \1", text))
    return text, fired


def is_furniture(text: str) -> bool:
    """Whether a normalised line is page furniture (page number, watermark, file path)."""
    return bool(
        PAGE_NO_RE.match(text)
        or PAGE_OF_RE.match(text)
        or WATERMARK_RE.match(text)
        or FILE_PATH_RE.match(text)
        or RUNNING_HEADER_RE.match(text)
    )


def _page_lines(page_text: str) -> list[tuple[str, bool]]:
    """Split one page into (line, starts_paragraph) pairs, dropping blank lines."""
    out: list[tuple[str, bool]] = []
    blank_before = True
    for raw in page_text.replace("\r", "").split("\n"):
        if not raw.strip():
            blank_before = True
            continue
        out.append((raw, blank_before))
        blank_before = False
    return out


def _rejoin_hyphenation(lines: list[Line], fixes: list[AppliedFix]) -> list[Line]:
    """Join a word broken at a line end ("Undang-" + "Undang …"); keep the hyphen for reduplication."""
    result: list[Line] = []
    i = 0
    while i < len(lines):
        line = lines[i]
        nxt = lines[i + 1] if i + 1 < len(lines) else None
        match = re.search(r"([A-Za-z]+)-$", line.text)
        if nxt is not None and match and re.match(r"[A-Za-z]", nxt.text):
            first, _, rest = nxt.text.partition(" ")
            keep_hyphen = first[:1].isupper() or first.lower().startswith(match.group(1).lower())
            joined = line.text + first if keep_hyphen else line.text[:-1] + first
            fixes.append(AppliedFix(line.page, "hyphenation", line.text + " / " + first, joined))
            result.append(Line(line.page, joined, line.raw, line.para_start))
            if rest.strip():
                result.append(Line(nxt.page, rest.strip(), nxt.raw, False))
            i += 2
            continue
        result.append(line)
        i += 1
    return result


def normalise_pages(pages: list[str]) -> NormalisedDocument:
    """Turn per-page texts into normalised lines, dropping furniture and recording every fix."""
    lines: list[Line] = []
    fixes: list[AppliedFix] = []
    for page_no, page_text in enumerate(pages, start=1):
        page_lines = _page_lines(page_text.replace("\f", ""))
        last_index = len(page_lines) - 1
        for index, (raw, para_start) in enumerate(page_lines):
            text, fired = normalise_line(raw)
            for rule in fired:
                fixes.append(AppliedFix(page_no, rule, raw.strip(), text))
            if not text or is_furniture(text):
                if text:
                    fixes.append(AppliedFix(page_no, "furniture", raw.strip(), ""))
                continue
            if index >= last_index - 1 and CATCHWORD_RE.match(text) and not re.search(r"\d{4}", text):
                fixes.append(AppliedFix(page_no, "catchword", raw.strip(), ""))
                continue
            lines.append(Line(page_no, text, raw, para_start or index == 0))
    return NormalisedDocument(_rejoin_hyphenation(lines, fixes), fixes)

"""Plain values out of messy feed fields: empty markers, numbers, years, dates, regions, keys.

Pure: no Django import.
"""

import re
from datetime import date

from ..parser.patterns import MONTHS

#: What feeds write for "nothing".
_EMPTY_MARKERS = {"-", "--", "—", "–", ".", "null", "none", "n/a", "na", "tidak ada", "0", "0000-00-00"}
_WS_RE = re.compile(r"\s+")


def clean(value) -> str:
    """A field as a stripped, whitespace-collapsed string; "" for None and the empty markers."""
    if value is None or isinstance(value, (dict, list)):
        return ""
    text = _WS_RE.sub(" ", str(value)).strip()
    if text.casefold() in _EMPTY_MARKERS or text.startswith("0000-00-00"):
        return ""
    return text


def folded_key(key: str) -> str:
    """A feed key compared loosely: ``urlAbstrak``, ``urlabstrak`` and ``url_abstrak`` are one key."""
    return re.sub(r"[^a-z0-9]", "", str(key).casefold())


def lookup(record: dict, *names: str) -> str:
    """The first non-empty value among ``names`` (keys compared with :func:`folded_key`)."""
    folded = {folded_key(key): value for key, value in record.items()}
    for name in names:
        value = clean(folded.get(folded_key(name)))
        if value:
            return value
    return ""


_NUMBER_PREFIX_RE = re.compile(r"^(?:nomor|no)\b\.?\s*:?\s*", re.I)
_NUMBER_YEAR_SUFFIX_RE = re.compile(r"\s+tahun\s*:?\s*(?:19|20)\d{2}\s*$", re.I)


def clean_number(value: str) -> str:
    """A regulation number as written, without "Nomor"/"No." or a trailing "Tahun YYYY"."""
    number = _NUMBER_PREFIX_RE.sub("", clean(value))
    number = _NUMBER_YEAR_SUFFIX_RE.sub("", number)
    number = re.sub(r"\s*([./-])\s*", r"\1", number).strip(" .,;:")
    return number


def number_key(number: str) -> str:
    """The number compared loosely: case, spaces and leading zeros of a plain number do not count."""
    key = clean_number(number).casefold().replace(" ", "")
    return key.lstrip("0") or key if key.isdigit() else key


def parse_year(value: str) -> int | None:
    """A plausible year (1900–2100) from a field such as "2023" or "2023.0"; None otherwise."""
    match = re.search(r"\b(1[89]\d{2}|20\d{2}|2100)\b", clean(value))
    return int(match.group(1)) if match else None


_ISO_RE = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T].*)?$")
_DMY_RE = re.compile(r"^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$")
_WORDS_RE = re.compile(r"^(\d{1,2})\s+([A-Za-z]+)\s+(\d{4})$")


def parse_date(value: str) -> tuple[date | None, bool]:
    """``(date, readable)``: ISO, day-month-year or "12 Mei 2023"; ``readable`` is False for garbage."""
    text = clean(value)
    if not text:
        return None, True
    try:
        if match := _ISO_RE.match(text):
            year, month, day = map(int, match.groups())
        elif match := _DMY_RE.match(text):
            day, month, year = map(int, match.groups())
        elif (match := _WORDS_RE.match(text)) and match.group(2).casefold() in MONTHS:
            day, month, year = int(match.group(1)), MONTHS[match.group(2).casefold()], int(match.group(3))
        else:
            return None, False
        result = date(year, month, day)
    except ValueError:
        return None, False
    return (result, True) if 1900 <= result.year <= 2100 else (None, False)


def parse_page_count(value: str) -> int | None:
    """Pages from "10 hlm", "10 halaman" or "10"; None when there is no sensible number."""
    match = re.search(r"(\d{1,4})\s*(?:hlm|hal|halaman|lembar|pages?)?\b", clean(value), re.I)
    if not match:
        return None
    pages = int(match.group(1))
    return pages if 0 < pages < 10000 else None


def is_http_url(value: str) -> bool:
    """Whether ``value`` is an absolute http(s) URL."""
    return bool(re.match(r"^https?://[^\s/]+", value or "", re.I))


# --- regions ------------------------------------------------------------------------------------

NATIONAL_REGION = "Republik Indonesia"
_LEVELS = {"kota": "Kota", "kabupaten": "Kabupaten", "kab": "Kabupaten", "provinsi": "Provinsi"}
_LEVELS.update({"prov": "Provinsi", "propinsi": "Provinsi", "pemkot": "Kota", "pemkab": "Kabupaten"})
_OFFICIALS = {"walikota": "Kota", "bupati": "Kabupaten", "gubernur": "Provinsi"}
_STOP_WORDS = {"nomor", "no", "tahun", "tentang", "dan", "provinsi", "propinsi", "kota", "kabupaten"}
_STOP_WORDS |= {"setda", "sekretariat", "daerah", "pemerintah", "republik", "indonesia", "kab", "prov"}
_CATALOGUE_RE = re.compile(r"^(?P<name>[A-Za-z][A-Za-z .'-]*?)\s*\(\s*(?P<level>[A-Za-z.]+)\s*\)$")
_LEVEL_NAME_RE = re.compile(
    r"\b(?P<level>kota|kabupaten|kab|provinsi|propinsi|prov|pemkot|pemkab|wali\s?kota|bupati|gubernur)\b\.?\s+"
    r"(?P<name>[A-Za-z][A-Za-z'-]*(?:\s+[A-Za-z][A-Za-z'-]*){0,3})",
    re.I,
)


def title_case_name(name: str) -> str:
    """ "KALIMANTAN TIMUR" → "Kalimantan Timur"."""
    return " ".join(part[:1].upper() + part[1:].lower() for part in name.split())


def _name_words(raw: str) -> str:
    words = []
    for word in raw.split():
        if word.casefold().strip(".") in _STOP_WORDS:
            break
        words.append(word)
    return " ".join(words)


def region_from_text(text: str) -> str | None:
    """The region a phrase names: "Balikpapan (Kota)", "Pemerintah Kota Balikpapan" or
    "Peraturan Wali Kota Balikpapan" → "Kota Balikpapan"; "Indonesia. Kementerian …" → "Republik
    Indonesia"; None when the phrase names none."""
    text = clean(text)
    if not text:
        return None
    if re.match(r"^(?:republik\s+)?indonesia\b", text, re.I):
        return NATIONAL_REGION
    if match := _CATALOGUE_RE.match(text):
        level = _LEVELS.get(match.group("level").casefold().strip("."))
        if level:
            return f"{level} {title_case_name(match.group('name'))}"
    for match in _LEVEL_NAME_RE.finditer(text):
        word = re.sub(r"\s+", "", match.group("level")).casefold()
        level = _LEVELS.get(word) or _OFFICIALS.get(word)
        name = _name_words(match.group("name"))
        if level and name:
            return f"{level} {title_case_name(name)}"
    return None


def region_name(region: str) -> str:
    """ "Kota Balikpapan" → "Balikpapan"."""
    parts = region.split(" ", 1)
    return parts[1] if len(parts) == 2 and parts[0] in _LEVELS.values() else region


def region_from_place(place: str, default_region: str) -> str | None:
    """A bare place of enactment ("Balikpapan") as a region, when it is the default region's name."""
    place = clean(place)
    if place and place.casefold() == region_name(default_region).casefold():
        return default_region
    return None


def same_region(a: str, b: str) -> bool:
    """Whether two region names are the same, ignoring case and spacing."""
    return _WS_RE.sub(" ", a).strip().casefold() == _WS_RE.sub(" ", b).strip().casefold()

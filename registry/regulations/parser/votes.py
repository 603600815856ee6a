"""The regulation's number and year settled by a vote of the places that print them.

OCR misreads digits (O/0, l/1/I, S/5, B/8, Z/2, g/9), drops one digit of a two-digit number and
cannot read a handwritten number. The title block, the lampiran header, the gazette line under
"Diundangkan" and the file name each give a reading; the value most of them agree on wins. A reading
that lacks one digit of another ("1" against "12") counts for the longer one. When the title's
reading is unreadable or had to be read through a confusion, the file name (typed by whoever
archived it) breaks a tie; otherwise the title does. The file name alone never supplies a value.
The vote only chooses between readings that some source shows: it never makes a number up.
"""

from __future__ import annotations

import re
from pathlib import PurePath

from .context import type_prefix
from .models import Closing, Head, NormalisedDocument

#: Characters OCR returns for digits, and the digit each stands for.
DIGIT_LOOKALIKES = str.maketrans(
    {"O": "0", "o": "0", "D": "0", "Q": "0", "l": "1", "I": "1", "i": "1", "|": "1", "!": "1"}
    | {"S": "5", "s": "5", "$": "5", "B": "8", "Z": "2", "z": "2", "g": "9", "q": "9", "b": "6"}
)
_LAMPIRAN_NUMBER_RE = re.compile(
    r"^\s*(?i:LAMPIRAN)\b.{0,80}?\b(?i:NOMOR)\s*:?\s*(?P<nomor>[0-9OIlSBZg]{1,4})\s+(?i:TAHUN)\s*:?\s*"
    r"(?P<tahun>[12][0-9OIl]{3})\b"
)
_GAZETTE_TAIL_RE = re.compile(
    r"\b(?i:TAHUN)\s*:?\s*(?P<tahun>[12][0-9OIl]{3})\s*,?\s*(?i:NOMOR)\s*:?\s*(?P<nomor>[0-9OIlSBZg]{1,4})\s*$"
)
_PROMULGATED_RE = re.compile(r"^\s*(?:Diundangkan|Diumumkan)\b", re.I)


def read_digits(token: str | None) -> str | None:
    """A number read with the usual OCR confusions resolved ("l2" -> "12", "g" -> "9"); None if no number."""
    if not token:
        return None
    fixed = token.strip(" .,:;").translate(DIGIT_LOOKALIKES)
    if not re.fullmatch(r"\d{1,4}", fixed):
        return None
    return str(int(fixed))


#: The suffix Django's storage adds to a file name that is taken ("perwal_7_2024_a1B2c3D.pdf"):
#: seven random letters and digits, whose digits say nothing about the regulation.
_STORAGE_SUFFIX = re.compile(r"_(?=[A-Za-z0-9]*[A-Za-z])(?=[A-Za-z0-9]*\d)[A-Za-z0-9]{7}$")


def file_stem(file_name: str) -> str:
    """The file name without its folder, extension and the storage's random suffix."""
    return _STORAGE_SUFFIX.sub("", PurePath(file_name).stem)


def file_name_numbers(file_name: str | None) -> tuple[set[str], set[int]]:
    """Regulation numbers and years a file name may state: its digit groups, and a zero-padded tail.

    "perwal_13_2022.pdf" gives {"13", "2022"} and {2022}; "2024pw7416005" gives {"5", …} from
    the zero-padded "005" that ends a long group.
    """
    if not file_name:
        return set(), set()
    stem = file_stem(file_name)
    numbers: set[str] = set()
    years: set[int] = set()
    for group in re.findall(r"\d+", stem):
        if len(group) == 4 and group[:2] in {"19", "20"}:
            years.add(int(group))
        if len(group) <= 4:
            numbers.add(str(int(group)))
        padded = re.search(r"0+(\d{1,2})$", group[-3:]) if len(group) >= 5 else None
        if padded:
            numbers.add(str(int(padded.group(1))))
        if len(group) >= 6 and group[:2] in {"19", "20"}:
            years.add(int(group[:4]))
    return numbers, years


def _drops_one_digit(short: str, long: str) -> bool:
    """Whether ``short`` is ``long`` with one digit missing ("1" and "12", "21")."""
    return len(long) == len(short) + 1 and any(long[:i] + long[i + 1 :] == short for i in range(len(long)))


def vote(readings: list[tuple[str, str | None]], tie_break: str) -> str | None:
    """The value the readings agree on most; ``readings`` are (source, value) pairs.

    A value scores one point per source that reads it, and one per source that reads it with a
    digit dropped. Ties go to ``tie_break``'s reading when it is among the best, else to the first.
    """
    values = [(source, value) for source, value in readings if value]
    if not values:
        return None
    scores: dict[str, int] = {}
    for _, candidate in values:
        scores[candidate] = sum(v == candidate or _drops_one_digit(v, candidate) for _, v in values)
    best = max(scores.values())
    winners = [value for _, value in values if scores[value] == best]
    preferred = next((value for source, value in values if source == tie_break and value in winners), None)
    return preferred or winners[0]


def agreement(
    readings: list[tuple[str, str | None]], chosen: str | None
) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """(the sources that read ``chosen``, or it with a digit dropped; all sources that read a value)."""
    read = tuple(dict.fromkeys(source for source, value in readings if value))
    if not chosen:
        return (), read
    agreeing = (
        source for source, value in readings if value and (value == chosen or _drops_one_digit(value, chosen))
    )
    return tuple(dict.fromkeys(agreeing)), read


_ROMAN_RE = re.compile(r"M{0,3}(?:CM|CD|D?C{0,3})(?:XC|XL|L?X{0,3})(?:IX|IV|V?I{0,3})")


def _file_number_segments(file_name: str | None) -> list[str]:
    """The segments a file name spells between "Nomor" and "Tahun", then the year ("…_Nomor_082_VI_Tahun_1996")."""
    if not file_name:
        return []
    tokens = [t for t in re.split(r"[_\-\s.]+", file_stem(file_name)) if t]
    lower = [t.lower() for t in tokens]
    start = next((i for i, t in enumerate(lower) if t in {"nomor", "no"}), None)
    end = next(
        (i for i, t in enumerate(lower) if t in {"tahun", "th"} and start is not None and i > start), None
    )
    if start is None or end is None or end + 1 >= len(tokens) or not re.fullmatch(r"\d{4}", tokens[end + 1]):
        return []
    return tokens[start + 1 : end] + [tokens[end + 1]]


def _garbled_for(seen: str, meant: str) -> bool:
    """Whether segment ``seen`` of a printed number is an OCR misreading of the file name's ``meant``."""
    if re.search(r"[^A-Za-z0-9]", seen):
        return abs(len(seen) - len(meant)) <= 1
    if meant.isdigit():
        if len(meant) == 4 and meant in seen and len(seen) == 5:  # a slash read as "1": "12005"
            return True
        return read_digits(seen) == str(int(meant)) or (
            re.search(r"[A-Za-z]", seen) is not None and len(seen) == len(meant)
        )
    if _ROMAN_RE.fullmatch(meant):
        return not _ROMAN_RE.fullmatch(seen) and re.fullmatch(r"[IVXLivxl1T|]+", seen) is not None
    return False


def _structured_with_file(number: str, file_name: str | None) -> str:
    """A structured number whose misread segments are replaced by the file name's, aligned from the end.

    A segment is only replaced when it is unreadable or an OCR-shaped misreading of the file name's
    segment; a clean segment that differs is kept (the document wins over the file name).
    """
    spelled = _file_number_segments(file_name)
    if not spelled:
        return number
    parts = [p for p in re.split(r"\s*/\s*|\s+", number) if p]
    changed = False
    for k in range(1, min(len(parts), len(spelled)) + 1):
        seen, meant = parts[-k], spelled[-k]
        if seen != meant and seen.upper() != meant.upper() and _garbled_for(seen, meant):
            parts[-k] = meant
            changed = True
    return "/".join(parts) if changed else number


def _roman_month_slot(number: str) -> str:
    """In "KEP/082/l/1996" the slot before the year is a Roman month: OCR's 1, l and T there are I."""
    parts = number.split("/")
    if (
        len(parts) >= 3
        and re.fullmatch(r"(?:19|20)\d{2}", parts[-1])
        and re.fullmatch(r"[IVX1lT]{1,4}", parts[-2])
    ):
        parts[-2] = parts[-2].translate(str.maketrans({"1": "I", "l": "I", "T": "I"}))
        if re.fullmatch(r"X{0,1}(?:IX|IV|V?I{0,3})", parts[-2]):
            return "/".join(parts)
    return number


def _header_and_gazette(doc: NormalisedDocument) -> tuple[tuple | None, tuple | None]:
    """(number, year) of the first lampiran header and of the gazette line after "Diundangkan"."""
    header = None
    for line in doc.lines:
        match = _LAMPIRAN_NUMBER_RE.match(line.text)
        if match:
            header = (match.group("nomor"), match.group("tahun"))
            break
    gazette = None
    promulgated = [i for i, line in enumerate(doc.lines) if _PROMULGATED_RE.match(line.text)]
    if promulgated:
        for line in doc.lines[promulgated[-1] : promulgated[-1] + 12]:
            match = _GAZETTE_TAIL_RE.search(line.text)
            if match:
                gazette = (match.group("nomor"), match.group("tahun"))
    return header, gazette


def _year(token: str | None) -> str | None:
    """A four-digit year read through the digit confusions, or None."""
    digits = read_digits(token)
    return digits if digits and len(digits) == 4 and digits[:2] in {"19", "20"} else None


def settle_number_and_year(
    head: Head, closing: Closing, doc: NormalisedDocument, file_name: str | None = None
) -> None:
    """Replace the title's number and year by the value the sources vote for (in place).

    Only plain numbers take part: a structured number ("KEP/082/VI/1996") is left as printed.
    """
    if head.number and re.search(r"[/\s-]", head.number):
        head.number = type_prefix(_roman_month_slot(_structured_with_file(head.number, file_name)), head.kind)
        return
    header, gazette_line = _header_and_gazette(doc)
    gazette = closing.gazette
    file_numbers, file_years = file_name_numbers(file_name)
    # A title number that had to be read through a confusion, or could not be read, loses a tie.
    misread = head.number is None or not re.fullmatch(r"\d+", head.number)
    tie_break = "file" if misread else "title"

    title_number = read_digits(head.number)
    numbers = [("title", title_number)]
    numbers.append(("header", read_digits(header[0]) if header else None))
    if misread:
        # Gazettes number their own series: their number only stands in for an unreadable title.
        numbers.append(("gazette", read_digits(gazette_line[0]) if gazette_line else None))
        if gazette and gazette.number and gazette_line is None:
            numbers.append(("gazette", read_digits(gazette.number)))
    # The file name votes when it names exactly one number that is not a year.
    plain = file_numbers - {str(year) for year in file_years}
    numbers.append(("file", next(iter(plain)) if len(plain) == 1 else None))
    # The file name alone never supplies a number: the document must print one, if unreadably.
    chosen = vote(numbers, tie_break) if head.number else None
    if chosen and (misread or read_digits(head.number) != chosen):
        head.number = chosen
    head.agreement["number"] = agreement(numbers, read_digits(head.number))

    title_year = str(head.year) if head.year else None
    years = [("title", title_year)]
    years.append(("header", _year(header[1]) if header else None))
    years.append(("gazette", _year(gazette_line[1]) if gazette_line else None))
    if gazette and gazette.year and gazette_line is None:
        years.append(("gazette", str(gazette.year)))
    for when in (closing.date_enacted, closing.date_promulgated):
        years.append(("date", str(when.year) if when else None))
    file_year = str(next(iter(file_years))) if len(file_years) == 1 else None
    years.append(("file", file_year))
    if head.year:
        # A readable title year stands (signing dates may lawfully fall in the next year); the
        # other places only say how far they agree with it.
        head.agreement["year"] = agreement(years, title_year)
        return
    has_reading = any(value for _, value in years[:-1])
    chosen_year = vote(years, "file") if has_reading else None
    if chosen_year:
        head.year = int(chosen_year)
    head.agreement["year"] = agreement(years, chosen_year)

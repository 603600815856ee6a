"""Parsing one cell of a Standar Pelayanan sheet: lines, time, cost and legal-basis citations.

Pure: no Django import. Values use the stored codes of the service model (time units "menit",
"jam", "hari", "hari_kerja"; cost kinds from :mod:`registry.reference.services`).
"""

import re
from dataclasses import dataclass
from decimal import Decimal

from registry.reference import services as reference
from registry.regulations.anchors import provision_anchor

#: A list marker at the start of a line: "1.", "1)", "(1)", "a.", "-", "•", "*".
_MARKER_RE = re.compile(r"^\s*(?:\(?\d{1,3}[.)]|\(?[a-zA-Z][.)](?=\s)|[-–•*·▪●])\s*")


def clean_text(value) -> str:
    """A cell as text: spaces collapsed on each line, non-breaking spaces and CRs normalised."""
    if value is None:
        return ""
    text = str(value).replace("\r\n", "\n").replace("\r", "\n").replace("\xa0", " ")
    lines = [re.sub(r"[ \t]+", " ", line).strip() for line in text.split("\n")]
    return "\n".join(lines).strip()


def split_lines(value) -> list[str]:
    """One item per non-empty line, list markers removed ("1. KTP" → "KTP")."""
    items = []
    for line in clean_text(value).split("\n"):
        item = _MARKER_RE.sub("", line, count=1).strip() if len(line) > 2 else line.strip()
        item = item.strip(" ;")
        if item and item not in {"-", "–"}:
            items.append(item)
    return items


# --- time -----------------------------------------------------------------------------------------

_UNITS = (
    (r"hari\s+kerja|hk", "hari_kerja"),
    (r"hari(?:\s+kalender)?", "hari"),
    (r"jam", "jam"),
    (r"menit|mnt", "menit"),
)
_TIME_RE = re.compile(
    r"(?P<value>\d{1,5})\s*(?:\([a-z\s]+\)\s*)?(?P<unit>" + "|".join(u for u, _ in _UNITS) + r")\b",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Time:
    value: int | None = None
    unit: str = ""
    note: str = ""


def parse_time(value) -> Time | None:
    """ "14 hari kerja" → 14 hari_kerja; "Sesuai antrean" → a note; "" → empty; None when unreadable."""
    text = " ".join(split_lines(value))
    if not text:
        return Time()
    match = _TIME_RE.search(text)
    if not match:
        # A number without a unit cannot be stored as a duration; words alone are a note.
        return None if re.search(r"\d", text) else Time(note=text)
    unit = next(code for pattern, code in _UNITS if re.fullmatch(pattern, match["unit"], re.IGNORECASE))
    rest = (text[: match.start()] + " " + text[match.end() :]).strip(" ,.;")
    rest = re.sub(r"^(?:paling\s+lama|maksimal|maks\.?|selama|±)\s*$", "", rest, flags=re.IGNORECASE)
    rest = re.sub(r"^(?:paling\s+lama|maksimal|maks\.?|selama|±)\s+", "", rest, flags=re.IGNORECASE)
    return Time(value=int(match["value"]), unit=unit, note=re.sub(r"\s+", " ", rest).strip())


# --- cost -----------------------------------------------------------------------------------------

_FREE_RE = re.compile(
    r"^(?:gratis|nihil|tidak\s+(?:dipungut|dikenakan)\s+(?:biaya|retribusi)|tanpa\s+biaya|rp\.?\s*0(?:[.,]0+)?|0|-)\b",
    re.IGNORECASE,
)
_AMOUNT_RE = re.compile(r"rp\.?\s*(?P<amount>\d[\d.,\s]*)", re.IGNORECASE)


@dataclass(frozen=True)
class Cost:
    kind: str = ""
    amount: Decimal | None = None
    note: str = ""


def _amount(text: str) -> Decimal | None:
    """ "150.000" / "150.000,00" / "150,000" / "150000" → 150000."""
    text = re.sub(r"\s+", "", text).rstrip(".,")
    text = re.sub(r"[.,]\d{2}$", "", text) if re.search(r"[.,]\d{3}[.,]\d{2}$|^\d+[.,]\d{2}$", text) else text
    digits = text.replace(".", "").replace(",", "")
    return Decimal(digits) if digits.isdigit() else None


def parse_cost(value) -> Cost | None:
    """ "Gratis" → free; "Rp 150.000" → charged 150000; "Sesuai Perda …" → a note; None when unreadable."""
    text = " ".join(split_lines(value))
    if not text:
        return Cost()
    if _FREE_RE.match(text):
        rest = _FREE_RE.sub("", text, count=1).strip(" ,.;()")
        return Cost(kind=reference.COST_FREE, note=rest)
    match = _AMOUNT_RE.search(text)
    if match:
        amount = _amount(match["amount"])
        if amount is None:
            return None
        if amount == 0:
            return Cost(kind=reference.COST_FREE)
        rest = (text[: match.start()] + " " + text[match.end() :]).strip(" ,.;-")
        return Cost(kind=reference.COST_CHARGED, amount=amount, note=re.sub(r"\s+", " ", rest))
    if re.search(r"\brp\b", text, re.IGNORECASE):
        return None  # "Rp" without a readable amount
    if re.fullmatch(r"\d[\d.,]*", text):
        amount = _amount(text)
        if amount is None:
            return None
        return Cost(kind=reference.COST_CHARGED, amount=amount) if amount else Cost(kind=reference.COST_FREE)
    return Cost(note=text)


# --- legal basis ----------------------------------------------------------------------------------

_CITATION_RE = re.compile(
    r"(?P<jenis>[A-Za-z][A-Za-z0-9 .,/()-]*?)\s*(?:\bNomor|\bNo\b\.?|\bNo\.|\bNmr\.?)\s*:?\s*"
    r"(?P<nomor>[0-9][0-9A-Za-z./-]*?)\s*,?\s*\bTahun\s+(?P<tahun>\d{4})\b(?P<rest>.*)",
    re.IGNORECASE | re.DOTALL,
)
_SHORT_RE = re.compile(  # "UU 23/2014", "Perda 1/2024 Pasal 3"
    r"(?P<jenis>[A-Za-z][A-Za-z .-]*?)\s+(?P<nomor>\d[0-9A-Za-z.-]*)\s*/\s*(?P<tahun>\d{4})\b(?P<rest>.*)",
    re.DOTALL,
)
_PROVISION_RE = re.compile(
    r"\bPasal\s+(?P<pasal>\d+[A-Za-z]?|[IVXLC]+)\b(?:\s+ayat\s*\(?\s*(?P<ayat>\d+)\s*\)?)?", re.IGNORECASE
)


@dataclass(frozen=True)
class Citation:
    """A regulation named in a cell: its type as written, nomor, tahun and the provision if any."""

    text: str
    jenis: str
    nomor: str
    tahun: int
    provision: str = ""


def normal_provision(rest: str) -> str:
    """ "pasal 5 ayat 2 …" → "Pasal 5 ayat (2)"; "" when no pasal is named."""
    match = _PROVISION_RE.search(rest or "")
    if not match:
        return ""
    label = f"Pasal {match['pasal'].upper() if match['pasal'].isalpha() else match['pasal']}"
    if match["ayat"]:
        label += f" ayat ({match['ayat']})"
    return label if provision_anchor(label) else ""


def parse_citation(line: str) -> Citation | None:
    """ "Perda No. 1 Tahun 2024 Pasal 11" → Citation("Perda", "1", 2024, "Pasal 11"), or None."""
    text = clean_text(line).replace("\n", " ")
    match = _CITATION_RE.search(text) or _SHORT_RE.search(text)
    if not match:
        return None
    jenis = match["jenis"].strip(" .,-(")
    # "Pasal 11 Perda No 1 Tahun 2024": a provision written before the regulation.
    provision = normal_provision(match["rest"]) or normal_provision(jenis)
    jenis = _PROVISION_RE.sub("", jenis).strip(" .,-")
    if not jenis:
        return None
    return Citation(
        text=text,
        jenis=jenis,
        nomor=match["nomor"].rstrip("./-"),
        tahun=int(match["tahun"]),
        provision=provision,
    )


def split_citations(value) -> list[str]:
    """The citations of a legal-basis cell: one per line, or separated by semicolons."""
    return [part.strip() for line in split_lines(value) for part in line.split(";") if part.strip()]

"""What the parser read from one signed PDF, as the values of a draft regulation (``ingest_pdfs``).

Pure: no Django import. :func:`reading_of` turns a :class:`ParsedRegulation` into a
:class:`PdfReading`: the identity (jenis, wilayah, nomor, tahun), the subject in sentence case,
the derived JDIH title, the dates, the place and the gazette entry, and how much it cites. The
Mengingat citations and the relations (amends, revokes, implements) are only counted here: they
stay proposals, read again from the attached document on the admin's review page
(``proposals.build_proposals``), and the ingest never applies them.
"""

import re
from dataclasses import dataclass, field

from registry.reference import regulations as reference

from ..parser.models import ParsedRegulation
from .mapping import MAX_TITLE, MappedRecord
from .text import NATIONAL_REGION, clean, clean_number, region_from_text, region_name

#: Types whose title names the office-holder's region bare ("Peraturan Wali Kota Balikpapan"); the
#: others name the region with its level ("Peraturan Daerah Kota Balikpapan").
_OFFICIAL_TYPES = {"PERWAL", "KEPWAL", "PERGUB", "KEPGUB", "INSTRUKSI_WALKOT", "SE_WALKOT"}
#: Words kept in capitals when an ALL-CAPS subject is put in sentence case.
ACRONYMS = frozenset(
    [
        "AIDS",
        "APBD",
        "APBN",
        "ASN",
        "BLUD",
        "BPBD",
        "BPHTB",
        "BPJS",
        "BUMD",
        "COVID",
        "CSR",
        "DAK",
        "DAU",
        "DPMPTSP",
        "DPRD",
        "HIV",
        "IMB",
        "JDIH",
        "KIA",
        "KK",
        "KLA",
        "KTP",
        "LKPJ",
        "LPPD",
        "NIK",
        "NPWP",
        "NPWPD",
        "OPD",
        "PAD",
        "PBB",
        "PBG",
        "PDAM",
        "PKK",
        "PNS",
        "PPID",
        "PTSP",
        "RKPD",
        "RPJMD",
        "RPJPD",
        "RSUD",
        "RT",
        "RTRW",
        "RW",
        "SKPD",
        "SLF",
        "SOP",
        "SPM",
        "TPA",
        "TPP",
        "TPS",
        "UKM",
        "UMKM",
        "UPT",
        "UPTD",
    ]
)
_ROMAN_RE = re.compile(r"^(?=[IVXLC]+$)(?:XC|XL|L?X{0,3})(?:IX|IV|V?I{0,3})$")
_WORD_RE = re.compile(r"[A-Za-z0-9]+(?:[-'][A-Za-z0-9]+)*")
_TYPE_NAMES = sorted(
    {record.name for record in reference.REGULATION_TYPES}
    | {"Peraturan Walikota", "Keputusan Walikota", "Peraturan Bupati", "Keputusan Bupati"},
    key=len,
    reverse=True,
)
_CITED_TYPE_RE = re.compile(
    r"\b(?P<name>" + "|".join(re.escape(name) for name in _TYPE_NAMES) + r")\b"
    r"(?P<rest>(?:\s+[\w-]+){0,4}?\s+nomor\s+\S+(?:\s+tahun\s+\d{4})?)",
    re.I,
)
_NOMOR_TAHUN_RE = re.compile(r"\bnomor\s+(?P<n>\S+)(?:\s+tahun\s+(?P<y>\d{4}))?", re.I)


def sentence_case(text: str, proper_names=()) -> str:
    """An ALL-CAPS subject in sentence case: "STANDAR PELAYANAN PUBLIK DI KOTA BALIKPAPAN" →
    "Standar pelayanan publik di Kota Balikpapan".

    Acronyms (APBD, DPRD …), Roman numerals and words with digits keep their capitals; the
    ``proper_names`` (regions) and regulation titles cited with their number ("Peraturan Wali Kota
    Nomor 13 Tahun 2018") keep theirs. A subject already in mixed case is returned as it was.
    """
    text = clean(text)
    if not text or any(char.islower() for char in text):
        return text

    def word(match: re.Match) -> str:
        token = match.group(0)
        bare = token.split("-")[0]
        if bare in ACRONYMS or _ROMAN_RE.match(token) or any(char.isdigit() for char in token):
            return token
        return token.lower()

    result = _WORD_RE.sub(word, text)
    for name in sorted({clean(n) for n in proper_names if clean(n)}, key=len, reverse=True):
        result = re.sub(rf"\b{re.escape(name)}\b", name, result, flags=re.I)
    result = _CITED_TYPE_RE.sub(_cited_type, result)
    return result[:1].upper() + result[1:]


def _cited_type(match: re.Match) -> str:
    name = match.group("name")
    canonical = next((n for n in _TYPE_NAMES if n.casefold() == name.casefold()), name)
    rest = _NOMOR_TAHUN_RE.sub(
        lambda m: f"Nomor {m.group('n')}" + (f" Tahun {m.group('y')}" if m.group("y") else ""),
        match.group("rest"),
    )
    return canonical + rest


def jdih_title(type_code: str, wilayah: str, nomor: str, tahun: int, tentang: str) -> str:
    """The JDIH title (domain §1.3 #2): "Peraturan Wali Kota Balikpapan Nomor 12 Tahun 2023 tentang …",
    "Peraturan Daerah Kota Balikpapan Nomor 8 Tahun 2011 tentang …", "Keputusan … Nomor 188.45-54/2024"."""
    record = reference.TYPES_BY_CODE[type_code]
    if record.level == reference.NASIONAL:
        head = record.name
    elif type_code in _OFFICIAL_TYPES:
        head = f"{record.name} {region_name(wilayah)}"
    else:
        head = f"{record.name} {wilayah}"
    number = f"Nomor {nomor}" if nomor.endswith(f"/{tahun}") else f"Nomor {nomor} Tahun {tahun}"
    title = f"{head} {number}" + (f" tentang {tentang}" if tentang else "")
    return title if len(title) <= MAX_TITLE else title[: MAX_TITLE - 1].rstrip() + "…"


@dataclass
class PdfReading:
    """A parsed PDF as regulation values. ``missing`` names what the parser did not find."""

    type_code: str = ""
    kind_read: str = ""
    wilayah: str = ""
    nomor: str = ""
    tahun: int | None = None
    tentang: str = ""
    title: str = ""
    values: dict = field(default_factory=dict)
    citations: int = 0
    relations: int = 0
    missing: list[str] = field(default_factory=list)

    @property
    def complete(self) -> bool:
        return not self.missing

    def record(self, position: int, source_id: str) -> MappedRecord:
        """The reading as a mapped record, so the JDIHN import's planner can match and validate it."""
        return MappedRecord(
            position=position,
            source_id=source_id[:64],
            type_code=self.type_code,
            wilayah=self.wilayah,
            nomor=self.nomor,
            tahun=self.tahun,
            title=self.title,
            values=dict(self.values),
        )


def _wilayah(type_code: str, issuer_region: str | None, city: str, province: str) -> str:
    level = reference.TYPES_BY_CODE[type_code].level
    if level == reference.NASIONAL:
        return NATIONAL_REGION
    region = region_from_text(issuer_region or "") or clean(issuer_region)
    if region and region != NATIONAL_REGION:
        return region[:120]
    return province if level == reference.PROVINSI else city


def reading_of(
    parsed: ParsedRegulation,
    page_count: int,
    city: str,
    province: str,
    missing_subject: str = "(belum diisi)",
) -> PdfReading:
    """The draft values of a parsed regulation; ``city`` and ``province`` are the default regions and
    ``missing_subject`` stands for a subject the parser did not find."""
    head, closing = parsed.head, parsed.closing
    reading = PdfReading(kind_read=head.kind or "")
    reading.citations = sum(len(item.citations) for item in parsed.mengingat or [])
    reading.relations = (
        int(bool(head.is_amendment and head.amends))
        + len(parsed.revocations or [])
        + sum(1 for d in parsed.delegations if d.direction == "IMPLEMENTS" and d.target is not None)
    )
    if head.kind in reference.TYPES_BY_CODE:
        reading.type_code = head.kind
    else:
        reading.missing.append("jenis")
    reading.nomor = clean_number(head.number or "")[:60]
    if not reading.nomor:
        reading.missing.append("nomor")
    reading.tahun = head.year
    if not reading.tahun:
        reading.missing.append("tahun")
    if reading.missing:
        return reading
    reading.wilayah = _wilayah(reading.type_code, head.issuer_region, city, province)
    names = [reading.wilayah, region_name(reading.wilayah), province, city, region_name(city), "Indonesia"]
    tentang = sentence_case(head.tentang or "", names)
    reading.title = jdih_title(reading.type_code, reading.wilayah, reading.nomor, reading.tahun, tentang)
    reading.tentang = tentang or missing_subject
    gazette = closing.gazette
    values = {
        "tentang": reading.tentang,
        "tempat_penetapan": clean(closing.place_enacted)[:100],
        "tanggal_penetapan": closing.date_enacted,
        "tanggal_pengundangan": closing.date_promulgated,
        "tahun_lembaran": gazette.year if gazette else None,
        "nomor_lembaran": clean(gazette.number)[:30] if gazette else "",
        "nomor_tambahan": clean(gazette.supplement)[:30] if gazette else "",
        "jumlah_halaman": page_count or None,
    }
    reading.values = {name: value for name, value in values.items() if value not in (None, "")}
    return reading

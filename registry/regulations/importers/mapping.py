"""One JDIHN feed record (domain §1.5) → the values of one regulation, with notes on what was fixed.

Pure: no Django import. :func:`map_record` never raises on a messy record: it returns a
:class:`MappedRecord` (possibly with notes on corrected or dropped values) or an :class:`Unmapped`
record with the reason it cannot be imported. :mod:`.duplicates` then folds records naming the
same regulation (jenis, wilayah, nomor, tahun) into the first one.
"""

import re
from dataclasses import dataclass, field

from registry.reference import regulations as reference

from . import messages as m
from .gazette import parse_sumber
from .kinds import TypeResolver
from .messages import INFO, SKIP, Note
from .text import (
    NATIONAL_REGION,
    clean_number,
    is_http_url,
    lookup,
    number_key,
    parse_date,
    parse_page_count,
    parse_year,
    region_from_place,
    region_from_text,
    region_name,
    same_region,
)
from .titles import TitleParts, build_title, parse_title, title_relation

#: Longest title Wagtail stores.
MAX_TITLE = 255
_IN_FORCE = {"berlaku", "masih berlaku", "tetap", "diubah", "dicabut sebagian", "berlaku sebagian"}
_NOT_IN_FORCE = {
    "tidak berlaku",
    "tidak_berlaku",
    "tidakberlaku",
    "dicabut",
    "dibatalkan",
    "tidak berlaku lagi",
}
_RELATION_LABELS = {choice.code: choice.label for choice in reference.RELATION_KINDS}
_FILE_NAME_RE = re.compile(r"^[^\s/]+\.(?:pdf|docx?|rtf|odt)$", re.I)
#: Regulation fields a record may fill, in the order they are reported.
VALUE_FIELDS = (
    "tentang",
    "teu_badan",
    "tempat_penetapan",
    "tanggal_penetapan",
    "tanggal_pengundangan",
    "tanggal_berlaku",
    "tahun_lembaran",
    "nomor_lembaran",
    "nomor_tambahan",
    "jumlah_halaman",
    "subjek",
    "bahasa",
    "bidang_hukum",
    "abstrak",
    "external_url",
)

DEFAULT_RESOLVER = TypeResolver()


@dataclass(frozen=True)
class Defaults:
    """What a record does not say: the city's region, the province, and the empty-subject text."""

    wilayah: str
    province: str
    missing_subject: str = "(belum diisi)"


@dataclass
class RelationIdentity:
    """A regulation another one amends or revokes, by identity (resolved when reviewed)."""

    kind: str
    type_code: str
    wilayah: str
    nomor: str
    tahun: int | None
    tentang: str
    evidence: str


@dataclass
class MappedRecord:
    """A record that maps onto a regulation."""

    position: int
    source_id: str
    type_code: str
    wilayah: str
    nomor: str
    tahun: int
    title: str
    values: dict = field(default_factory=dict)
    file_url: str = ""
    abstrak_url: str = ""
    status_text: str = ""
    relation: RelationIdentity | None = None
    notes: list[Note] = field(default_factory=list)
    duplicates: list[int] = field(default_factory=list)

    @property
    def key(self) -> tuple:
        """The JDIH identity (jenis, wilayah, nomor, tahun), compared loosely."""
        return (self.type_code, self.wilayah.casefold(), number_key(self.nomor), self.tahun)

    @property
    def label(self) -> str:
        abbreviation = reference.TYPES_BY_CODE[self.type_code].abbreviation
        return f"{abbreviation} {self.nomor}/{self.tahun} ({self.wilayah})"

    @property
    def not_in_force(self) -> bool:
        return bool(self.status_text)


@dataclass
class Unmapped:
    """A record that is skipped (``merged_into`` is None) or merged into an earlier duplicate."""

    position: int
    source_id: str
    label: str
    notes: list[Note]
    merged_into: int | None = None


def _label_of(record: dict, position: int) -> str:
    judul = lookup(record, "judul")
    return judul[:120] if judul else f"#{position}"


def _numbers_agree(a: str, b: str) -> bool:
    ka, kb = number_key(a), number_key(b)
    return ka == kb or bool(
        re.fullmatch(re.escape(ka) + r"/\d{4}", kb) or re.fullmatch(re.escape(kb) + r"/\d{4}", ka)
    )


def _resolve_type(record, parts, resolver, notes):
    jenis, singkatan = lookup(record, "jenis", "jenisPeraturan"), lookup(record, "singkatanJenis")
    jenis_code, abbr_code = resolver.resolve(jenis), resolver.resolve(singkatan)
    feed_code = jenis_code or abbr_code
    title_code = resolver.resolve(parts.prefix) if parts.prefix else None
    if title_code:
        contradicting = [
            text
            for text, code in ((jenis, jenis_code), (singkatan, abbr_code))
            if code and code != title_code
        ]
        if contradicting:
            notes.append(Note(m.TYPE_CONFLICT, {"feed": contradicting[0], "title": parts.prefix}))
        elif not feed_code:
            notes.append(Note(m.TYPE_FROM_TITLE, {"feed": jenis or singkatan, "title": parts.prefix}, INFO))
        return title_code, jenis, singkatan
    if jenis_code and abbr_code and jenis_code != abbr_code:
        notes.append(Note(m.ABBREVIATION_CONFLICT, {"abbr": singkatan, "jenis": jenis}))
    return feed_code, jenis, singkatan


def _wilayah(record, parts, level, defaults, notes) -> str:
    if level == reference.NASIONAL:
        return NATIONAL_REGION
    candidates = [
        ("judul", region_from_text(parts.prefix)),
        ("teuBadan", region_from_text(lookup(record, "teuBadan"))),
        ("penerbit", region_from_text(lookup(record, "penerbit"))),
        ("tempatTerbit", region_from_place(lookup(record, "tempatTerbit"), defaults.wilayah)),
    ]
    found = [(source, region) for source, region in candidates if region and region != NATIONAL_REGION]
    if not found:
        wilayah = defaults.province if level == reference.PROVINSI else defaults.wilayah
        notes.append(Note(m.WILAYAH_DEFAULT, {"wilayah": wilayah}, INFO))
        return wilayah
    source, wilayah = found[0]
    if source == "judul":
        for other, region in found[1:3]:
            if other in ("teuBadan", "penerbit") and not same_region(region, wilayah):
                notes.append(
                    Note(m.WILAYAH_CONFLICT, {"title": wilayah, "field": other, "value": region}, INFO)
                )
                break
    return wilayah


def _dates(record, tahun, notes) -> dict:
    found = {}
    for name, keys in (
        ("tanggal_penetapan", ("tanggal_penetapan", "tanggalPenetapan", "tglPenetapan")),
        ("tanggal_pengundangan", ("tanggal_pengundangan", "tanggalPengundangan", "tglPengundangan")),
        ("tanggal_berlaku", ("tanggal_berlaku", "tanggalBerlaku")),
    ):
        raw = lookup(record, *keys)
        value, readable = parse_date(raw)
        if not readable:
            notes.append(Note(m.BAD_DATE, {"field": keys[0], "value": raw}))
        found[name] = value
    penetapan, pengundangan, berlaku = (
        found["tanggal_penetapan"],
        found["tanggal_pengundangan"],
        found["tanggal_berlaku"],
    )
    if penetapan and penetapan.year != tahun:
        notes.append(Note(m.DATE_OUTSIDE_YEAR, {"value": penetapan.isoformat(), "tahun": tahun}))
        penetapan = None
    if penetapan and pengundangan and pengundangan < penetapan:
        notes.append(
            Note(m.DATE_ORDER, {"pengundangan": pengundangan.isoformat(), "penetapan": penetapan.isoformat()})
        )
        pengundangan = None
    first = pengundangan or penetapan
    if berlaku and first and berlaku < first:
        notes.append(Note(m.BERLAKU_ORDER, {"berlaku": berlaku.isoformat()}))
        berlaku = None
    return {"tanggal_penetapan": penetapan, "tanggal_pengundangan": pengundangan, "tanggal_berlaku": berlaku}


def _gazette(record, notes) -> dict:
    values = {}
    sumber = lookup(record, "sumber")
    ref = parse_sumber(sumber)
    if ref.has_entry:
        values.update(
            tahun_lembaran=ref.year, nomor_lembaran=ref.number[:30], nomor_tambahan=ref.supplement[:30]
        )
    elif sumber and not ref.pages:
        notes.append(Note(m.SUMBER_UNREAD, {"value": sumber}, INFO))
    physical = lookup(record, "deskripsiFisik")
    pages = ref.pages or parse_page_count(physical)
    if physical and pages is None:
        notes.append(Note(m.PAGES_UNREAD, {"value": physical}, INFO))
    values["jumlah_halaman"] = pages
    return values


def _url(record, notes, *keys) -> str:
    value = lookup(record, *keys)
    if value and (not is_http_url(value) or len(value) > 200):
        notes.append(Note(m.BAD_URL, {"field": keys[0], "value": value[:120]}, INFO))
        return ""
    return value


def _status(record, notes) -> str:
    """The status text when the record says the regulation is no longer in force, else ""."""
    status = lookup(record, "status", "statusPeraturan")
    folded = re.sub(r"\s+", " ", status.casefold())
    if folded in _NOT_IN_FORCE:
        notes.append(Note(m.PROPOSE_STATUS, {"value": status}, INFO))
        return status
    if status and folded not in _IN_FORCE:
        notes.append(Note(m.UNKNOWN_STATUS, {"value": status}))
    return ""


def _relation(tentang, type_code, wilayah, defaults, resolver, notes) -> RelationIdentity | None:
    found = title_relation(tentang)
    if found is None:
        return None
    target_code = resolver.resolve(found.prefix) if found.prefix else type_code
    if target_code is None:
        return None
    level = resolver.level(target_code)
    if level == reference.NASIONAL:
        target_wilayah = NATIONAL_REGION
    else:
        region = region_from_text(found.prefix)
        same_level = level == resolver.level(type_code)
        fallback = (
            wilayah
            if same_level
            else (defaults.province if level == reference.PROVINSI else defaults.wilayah)
        )
        target_wilayah = region if region and region != NATIONAL_REGION else fallback
    target = f"{resolver.name(target_code)} Nomor {found.nomor} Tahun {found.tahun or '?'}"
    notes.append(Note(m.PROPOSE_RELATION, {"kind": _RELATION_LABELS[found.kind], "target": target}, INFO))
    return RelationIdentity(
        found.kind, target_code, target_wilayah, found.nomor, found.tahun, found.tentang, found.evidence
    )


def _bahasa(value: str) -> str:
    if value.casefold() in ("indonesia", "id", "ind", "bahasa indonesia", "indonesian"):
        return "Bahasa Indonesia"
    return value[:60]


def map_record(record, position: int, defaults: Defaults, resolver: TypeResolver = DEFAULT_RESOLVER):
    """Map one feed record; return a :class:`MappedRecord` or an :class:`Unmapped` with the reason."""
    if not isinstance(record, dict):
        what = type(record).__name__
        return Unmapped(position, "", f"#{position}", [Note(m.NOT_AN_OBJECT, {"what": what}, SKIP)])
    notes: list[Note] = []
    source_id = lookup(record, "idData", "id")[:64]
    judul = lookup(record, "judul", "judulPeraturan")
    parts = parse_title(judul)
    if re.match(r"^(?:perubahan|pencabutan)\b", judul, re.I):
        parts = TitleParts(tentang=judul)  # the title is only the subject; its number is the target's
    type_code, jenis, singkatan = _resolve_type(record, parts, resolver, notes)
    label = _label_of(record, position)
    if type_code is None:
        reason = Note(m.NO_TYPE, {"jenis": jenis, "singkatan": singkatan, "judul": judul[:120]}, SKIP)
        return Unmapped(position, source_id, label, [reason])

    field_nomor = clean_number(lookup(record, "noPeraturan", "nomorPeraturan", "nomor"))[:60]
    if field_nomor:
        nomor = field_nomor
        if parts.nomor and not _numbers_agree(parts.nomor, field_nomor):
            notes.append(Note(m.NUMBER_CONFLICT, {"title": parts.nomor, "field": field_nomor}))
    elif parts.nomor:
        nomor = parts.nomor[:60]
        notes.append(Note(m.NUMBER_FROM_TITLE, {"nomor": nomor}, INFO))
    else:
        return Unmapped(position, source_id, label, [Note(m.NO_NUMBER, {}, SKIP)])

    field_year = parse_year(lookup(record, "tahun_pengundangan", "tahun", "tahunPeraturan"))
    tahun = parts.tahun or field_year
    if parts.tahun and field_year and field_year != parts.tahun:
        notes.append(Note(m.YEAR_CONFLICT, {"title": parts.tahun, "field": field_year}, INFO))
    if tahun is None:
        for key in ("tanggal_penetapan", "tanggal_pengundangan"):
            value, _readable = parse_date(lookup(record, key))
            if value:
                tahun = value.year
                notes.append(Note(m.YEAR_FROM_ELSEWHERE, {"tahun": tahun, "where": key}, INFO))
                break
    if tahun is None:
        return Unmapped(position, source_id, label, [Note(m.NO_YEAR, {}, SKIP)])

    level = resolver.level(type_code)
    wilayah = _wilayah(record, parts, level, defaults, notes)
    tentang = parts.tentang
    if not judul:
        return Unmapped(position, source_id, label, [Note(m.NO_SUBJECT, {}, SKIP)])
    if parts.has_identity:
        title = judul
    else:
        region = "" if level == reference.NASIONAL else region_name(wilayah)
        title = build_title(resolver.name(type_code), region, nomor, tahun, tentang)
        notes.append(Note(m.TITLE_BUILT, {}, INFO))
    if not tentang:
        tentang = defaults.missing_subject
        notes.append(Note(m.NO_TENTANG, {}, INFO))
    if len(title) > MAX_TITLE:
        title = title[: MAX_TITLE - 1].rstrip() + "…"
        notes.append(Note(m.TITLE_TRUNCATED, {"max": MAX_TITLE}, INFO))

    values = {"tentang": tentang}
    values.update(_dates(record, tahun, notes))
    values.update(_gazette(record, notes))
    abstrak = lookup(record, "abstrak")
    values.update(
        teu_badan=lookup(record, "teuBadan")[:200],
        tempat_penetapan=lookup(record, "tempatTerbit", "tempat_penetapan")[:100],
        subjek=lookup(record, "subjek"),
        bahasa=_bahasa(lookup(record, "bahasa")),
        bidang_hukum=lookup(record, "bidangHukum", "bidang_hukum")[:120],
        abstrak="" if _FILE_NAME_RE.match(abstrak) or is_http_url(abstrak) else abstrak,
        external_url=_url(record, notes, "urlDetailPeraturan"),
    )
    mapped = MappedRecord(
        position=position,
        source_id=source_id,
        type_code=type_code,
        wilayah=wilayah,
        nomor=nomor,
        tahun=tahun,
        title=title,
        values={name: values[name] for name in VALUE_FIELDS if values.get(name) not in (None, "")},
        file_url=_url(record, notes, "urlDownload"),
        abstrak_url=_url(record, notes, "urlabstrak", "urlAbstrak"),
        status_text=_status(record, notes),
        notes=notes,
    )
    mapped.relation = _relation(tentang, type_code, wilayah, defaults, resolver, notes)
    return mapped

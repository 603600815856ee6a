"""The demo's regulations, read from ``data/national.toml``, ``perda.toml``, ``perwal.toml`` and
``keputusan.toml`` and turned into :class:`~registry.demo.records.Reg` records.

Each file's header comment explains its fields. The schemas below say what each record may hold;
the conventions of each kind (a Perda is promulgated in the Lembaran Daerah under its own number, a
Keputusan takes effect on signing …) are applied here, so the files state each fact once.
"""

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from registry.reference.regulations import RELATION_KINDS

from .records import Reg
from .schema import DataError, check_fields, check_tables, choices, data_file, parse, read_toml, rows, table

LEGAL_FIELD = "Hukum Administrasi Negara"
#: The national types whose citations the wording rules (``legal_text``) know how to write.
NATIONAL_TYPES = ("UU", "PP", "PERPRES", "PERMEN")
#: What the annex of a Keputusan Kepala Perangkat Daerah establishes: a Standar Pelayanan or SOPs.
ANNEXES = ("sp", "sop")


@dataclass(frozen=True, kw_only=True)
class Relation:
    """A RegulationRelation held by the newer regulation; ``target`` is the older one's key."""

    kind: str = field(metadata=choices(choice.code for choice in RELATION_KINDS))
    target: str
    provision: str = ""
    scope_text: str = ""

    def as_tuple(self) -> tuple:
        return (self.kind, self.target, self.provision, self.scope_text)


@dataclass(frozen=True, kw_only=True)
class ListedAyat:
    """An ayat that introduces a lettered list: "Jenis Pajak … terdiri atas:" a. … b. …"""

    teks: str
    butir: tuple[str, ...]


@dataclass(frozen=True, kw_only=True)
class Pasal:
    """An article: its ayat, numbered (1), (2) … when there is more than one."""

    ayat: tuple[str | ListedAyat, ...]


@dataclass(frozen=True, kw_only=True)
class Bab:
    """A chapter: its title and its articles."""

    judul: str
    pasal: tuple[Pasal, ...]


@dataclass(frozen=True, kw_only=True)
class Definisi:
    """An entry of Pasal 1 (Ketentuan Umum): "<istilah> adalah <arti>."."""

    istilah: str
    arti: str


@dataclass(frozen=True, kw_only=True)
class Perubahan:
    """One change made by an amending regulation: the instruction and the article's new wording."""

    perintah: str
    bunyi: str


@dataclass(frozen=True, kw_only=True)
class Ministry:
    """A ministry that issues Peraturan Menteri."""

    issuer: str
    url_prefix: str
    teu_badan: str


@dataclass(frozen=True, kw_only=True)
class NationalRegulation:
    """A ``[[regulation]]`` of national.toml."""

    regulation_type: str = field(metadata=choices(NATIONAL_TYPES))
    nomor: str
    tahun: int
    tentang: str
    ministry: str = ""
    tanggal_penetapan: date | None = None
    tanggal_pengundangan: date | None = None
    nomor_lembaran: str = ""
    nomor_tambahan: str = ""
    subjek: str
    citation: str = ""
    relations: tuple[Relation, ...] = ()


@dataclass(frozen=True, kw_only=True)
class LocalText:
    """What every local regulation says: its identity, konsiderans and summary."""

    nomor: str
    tahun: int
    tentang: str
    tanggal_penetapan: date
    subjek: str
    bidang_hukum: str = LEGAL_FIELD
    relations: tuple[Relation, ...] = ()
    ringkasan: str


@dataclass(frozen=True, kw_only=True)
class Perwal(LocalText):
    """A ``[[perwal]]`` of perwal.toml (promulgated in the Berita Daerah under its own number)."""

    tanggal_pengundangan: date
    tanggal_berlaku: date | None = None
    pemrakarsa: str
    menimbang: tuple[str, ...]
    mengingat: tuple[str, ...] = ()
    definisi: tuple[Definisi, ...] = ()
    bab: tuple[Bab, ...] = ()
    perubahan: tuple[Perubahan, ...] = ()


@dataclass(frozen=True, kw_only=True)
class Perda(Perwal):
    """A ``[[perda]]`` of perda.toml: also the Tambahan Lembaran Daerah number."""

    nomor_tambahan: str


@dataclass(frozen=True, kw_only=True)
class Kepwal(LocalText):
    """A ``[[kepwal]]`` of keputusan.toml."""

    pemrakarsa: str
    menimbang: tuple[str, ...]
    mengingat: tuple[str, ...] = ()
    diktum: tuple[str, ...]


@dataclass(frozen=True, kw_only=True)
class KepKepalaPD(LocalText):
    """A ``[[kep_kepala_pd]]`` of keputusan.toml; the preamble defaults to its annex's."""

    key: str
    unit: str
    lampiran: str = field(metadata=choices(ANNEXES))
    lampiran_first_services: int | None = None
    menimbang: tuple[str, ...] | None = None
    mengingat: tuple[str, ...] | None = None


@dataclass(frozen=True, kw_only=True)
class Preamble:
    """A ``[lampiran_defaults.<annex>]`` of keputusan.toml; "{unit}" stands for the unit's name."""

    menimbang: tuple[str, ...]
    mengingat: tuple[str, ...]


def _label(prefix):
    return lambda raw: f"{prefix} {raw.get('nomor', '?')}/{raw.get('tahun', '?')}"


def _national_label(raw) -> str:
    return f"{raw.get('regulation_type', '?')} {raw.get('nomor', '?')}/{raw.get('tahun', '?')}"


def _records(document, path, key, cls, label):
    """(location, record) for each ``[[key]]``, the location naming the record."""
    located = [(f"{where} ({label(raw)})", raw) for where, raw in rows(document, path, key)]
    return [(where, parse(cls, raw, where)) for where, raw in located]


def _chapters(bab: tuple[Bab, ...]) -> tuple:
    """The (title, pasal …) tuples the PDF generator typesets; a listed ayat is (intro, items)."""
    return tuple((chapter.judul, tuple(_pasal(pasal) for pasal in chapter.pasal)) for chapter in bab)


def _pasal(pasal: Pasal) -> tuple:
    return tuple(ayat if isinstance(ayat, str) else (ayat.teks, ayat.butir) for ayat in pasal.ayat)


def _common(record: LocalText) -> dict:
    return {
        "subjek": record.subjek,
        "bidang_hukum": record.bidang_hukum,
        "relations": tuple(relation.as_tuple() for relation in record.relations),
        "ringkasan": record.ringkasan,
    }


def _peraturan(where: str, record: Perwal, code: str, supplement: str = "") -> Reg:
    """A Perda or Perwal: promulgated under its own number, in force when promulgated unless stated."""
    berlaku = record.tanggal_berlaku or record.tanggal_pengundangan
    if not record.tanggal_penetapan <= record.tanggal_pengundangan <= berlaku:
        raise DataError(
            f"{where}: the dates must run tanggal_penetapan ≤ tanggal_pengundangan ≤ tanggal_berlaku"
        )
    if record.perubahan and not any(relation.kind == "mengubah" for relation in record.relations):
        raise DataError(
            f"{where}: 'perubahan' needs a relation of kind 'mengubah' naming the amended regulation"
        )
    if record.perubahan and record.bab:
        raise DataError(f"{where}: an amending regulation has 'perubahan' instead of 'bab'")
    return Reg(
        code,
        record.nomor,
        record.tahun,
        record.tentang,
        penetapan=record.tanggal_penetapan,
        pengundangan=record.tanggal_pengundangan,
        berlaku=berlaku,
        gazette=(record.tahun, record.nomor, supplement),
        pemrakarsa=record.pemrakarsa,
        menimbang=record.menimbang,
        mengingat=record.mengingat,
        definitions=tuple((d.istilah, d.arti) for d in record.definisi),
        chapters=_chapters(record.bab),
        amendments=tuple((p.perintah, p.bunyi) for p in record.perubahan),
        **_common(record),
    )


def national(path: Path | None = None) -> list[tuple[str, Reg]]:
    """The national regulations of national.toml (or of ``path``)."""
    path = path or data_file("national.toml")
    document = read_toml(path)
    check_tables(document, path, {"ministries", "regulation"})
    ministries = {
        key: parse(Ministry, raw, f"{path.name}, [ministries.{key}]")
        for key, raw in table(document, path, "ministries").items()
    }
    result = []
    for where, record in _records(document, path, "regulation", NationalRegulation, _national_label):
        if not record.nomor.isdigit():
            raise DataError(
                f"{where}: field 'nomor' of a national regulation must be digits, not '{record.nomor}'"
            )
        extra = {}
        if record.regulation_type == "PERMEN":
            if record.ministry not in ministries:
                raise DataError(f"{where}: field 'ministry' must be one of {', '.join(ministries)}")
            ministry = ministries[record.ministry]
            extra = {"issuer": ministry.issuer, "url_prefix": ministry.url_prefix, "teu": ministry.teu_badan}
        elif record.ministry:
            raise DataError(f"{where}: only a PERMEN names a 'ministry'")
        if record.nomor_tambahan and not record.nomor_lembaran:
            raise DataError(f"{where}: 'nomor_tambahan' needs 'nomor_lembaran'")
        gazette = (
            (record.tahun, record.nomor_lembaran, record.nomor_tambahan) if record.nomor_lembaran else ()
        )
        reg = Reg(
            record.regulation_type,
            record.nomor,
            record.tahun,
            record.tentang,
            gazette=gazette,
            penetapan=record.tanggal_penetapan,
            pengundangan=record.tanggal_pengundangan,
            relations=tuple(relation.as_tuple() for relation in record.relations),
            subjek=record.subjek,
            citation=record.citation,
            **extra,
        )
        result.append((where, reg))
    return result


def perda(path: Path | None = None) -> list[tuple[str, Reg]]:
    """The Perda of perda.toml (or of ``path``)."""
    path = path or data_file("perda.toml")
    document = read_toml(path)
    check_tables(document, path, {"perda"})
    return [
        (where, _peraturan(where, record, "PERDA", record.nomor_tambahan))
        for where, record in _records(document, path, "perda", Perda, _label("Perda"))
    ]


def perwal(path: Path | None = None) -> list[tuple[str, Reg]]:
    """The Perwal of perwal.toml (or of ``path``)."""
    path = path or data_file("perwal.toml")
    document = read_toml(path)
    check_tables(document, path, {"perwal"})
    return [
        (where, _peraturan(where, record, "PERWAL"))
        for where, record in _records(document, path, "perwal", Perwal, _label("Perwal"))
    ]


def keputusan(unit_names: dict[str, str], path: Path | None = None) -> list[tuple[str, Reg]]:
    """The Keputusan of keputusan.toml (or of ``path``); ``unit_names`` gives a unit's name by slug."""
    path = path or data_file("keputusan.toml")
    document = read_toml(path)
    check_tables(document, path, {"lampiran_defaults", "kepwal", "kep_kepala_pd"})
    preambles = {}
    for annex, raw in table(document, path, "lampiran_defaults").items():
        where = f"{path.name}, [lampiran_defaults.{annex}]"
        if annex not in ANNEXES:
            raise DataError(f"{where}: must be one of {', '.join(ANNEXES)}")
        check_fields(raw, Preamble, where)
        preambles[annex] = parse(Preamble, raw, where)
    result = []
    for where, record in _records(
        document, path, "kepwal", Kepwal, lambda raw: f"Kepwal {raw.get('nomor', '?')}"
    ):
        reg = Reg(
            "KEPWAL",
            record.nomor,
            record.tahun,
            record.tentang,
            penetapan=record.tanggal_penetapan,
            berlaku=record.tanggal_penetapan,
            diktum=record.diktum,
            pemrakarsa=record.pemrakarsa,
            menimbang=record.menimbang,
            mengingat=record.mengingat,
            **_common(record),
        )
        result.append((where, reg))
    for where, record in _records(
        document, path, "kep_kepala_pd", KepKepalaPD, lambda raw: raw.get("key", "?")
    ):
        if record.unit not in unit_names:
            raise DataError(f"{where}: field 'unit' names no unit of opd.csv/opd.toml: '{record.unit}'")
        preamble = preambles.get(record.lampiran)
        if preamble is None and (record.menimbang is None or record.mengingat is None):
            raise DataError(
                f"{where}: needs 'menimbang' and 'mengingat', or [lampiran_defaults.{record.lampiran}]"
            )
        name = unit_names[record.unit]
        menimbang = record.menimbang
        if menimbang is None:
            menimbang = tuple(item.replace("{unit}", name) for item in preamble.menimbang)
        annex = f"{record.lampiran}:{record.unit}"
        if record.lampiran_first_services is not None:
            annex += f":{record.lampiran_first_services}"
        reg = Reg(
            "KEP_KEPALA_PD",
            record.nomor,
            record.tahun,
            record.tentang,
            alias=record.key,
            penetapan=record.tanggal_penetapan,
            berlaku=record.tanggal_penetapan,
            signer=record.unit,
            pemrakarsa=record.unit,
            lampiran=annex,
            menimbang=menimbang,
            mengingat=record.mengingat if record.mengingat is not None else preamble.mengingat,
            **_common(record),
        )
        result.append((where, reg))
    return result

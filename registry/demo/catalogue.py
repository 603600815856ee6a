"""All demo regulation records in one place, with the lookups the builder and the PDFs need."""

from dataclasses import dataclass
from functools import cache

from . import regulation_data
from .opd import units_by_slug
from .schema import DataError, check_tables, data_file, parse, read_toml, rows, table

#: A Mengingat item that is not a record: Pasal 18 ayat (6) of the constitution.
CONSTITUTION = "UUD"


@dataclass(frozen=True, kw_only=True)
class Term:
    """Who held an office from the year ``since`` (officials.toml)."""

    since: int
    name: str


@dataclass(frozen=True, kw_only=True)
class Head:
    """The head of a unit, who signs its Keputusan and SOPs (officials.toml)."""

    name: str
    nip: str


@dataclass(frozen=True)
class Officials:
    wali_kota: tuple
    sekretaris_daerah: tuple
    unit_heads: dict


@cache
def officials() -> Officials:
    """The generated officials of officials.toml (invented names)."""
    path = data_file("officials.toml")
    document = read_toml(path)
    check_tables(document, path, {"wali_kota", "sekretaris_daerah", "unit_heads"})
    terms = {}
    for office in ("wali_kota", "sekretaris_daerah"):
        terms[office] = tuple(parse(Term, raw, where) for where, raw in rows(document, path, office))
        if not terms[office]:
            raise DataError(f"{path.name}: needs at least one [[{office}]]")
    heads = {}
    for slug, raw in table(document, path, "unit_heads").items():
        where = f"{path.name}, [unit_heads] {slug}"
        if slug not in units_by_slug():
            raise DataError(f"{where}: names no unit of opd.csv/opd.toml")
        heads[slug] = parse(Head, raw, where)
    return Officials(terms["wali_kota"], terms["sekretaris_daerah"], heads)


def heads() -> dict[str, tuple[str, str]]:
    """(name, NIP) of each unit head, by unit slug."""
    return {slug: (head.name, head.nip) for slug, head in officials().unit_heads.items()}


def _located() -> list[tuple[str, object]]:
    """Every record with the place in the data files it comes from."""
    names = {slug: unit.title for slug, unit in units_by_slug().items()}
    return [
        *regulation_data.national(),
        *regulation_data.perda(),
        *regulation_data.perwal(),
        *regulation_data.keputusan(names),
    ]


@cache
def _checked() -> tuple:
    """The records, after checking that every key is unique and every reference resolves."""
    located = _located()
    where = {}
    for place, record in located:
        if record.key in where:
            raise DataError(f"{place}: key '{record.key}' is already used by {where[record.key]}")
        where[record.key] = place
    units = units_by_slug()
    for place, record in located:
        for kind, target, *_ in record.relations:
            if target not in where:
                raise DataError(f"{place}: relation '{kind}' targets '{target}', which is no demo regulation")
        for key in record.mengingat:
            if key != CONSTITUTION and key not in where:
                raise DataError(f"{place}: mengingat '{key}' is no demo regulation")
        if record.pemrakarsa and record.pemrakarsa not in units:
            raise DataError(f"{place}: pemrakarsa '{record.pemrakarsa}' names no unit of opd.csv/opd.toml")
        if record.code == "KEP_KEPALA_PD" and record.signer not in officials().unit_heads:
            raise DataError(f"{place}: unit '{record.signer}' has no head in officials.toml [unit_heads]")
    return tuple(record for _place, record in located)


def all_records() -> list:
    """National records first, then local ones oldest first, so targets exist before their sources."""
    records = _checked()
    local = sorted((r for r in records if r.is_local), key=lambda r: (r.penetapan, r.code, r.nomor))
    national = sorted((r for r in records if not r.is_local), key=lambda r: (r.tahun, r.code, int(r.nomor)))
    return [*national, *local]


@cache
def records_by_key() -> dict:
    """Every record by its natural key."""
    return {record.key: record for record in all_records()}


@cache
def amendments_of() -> dict:
    """For each amended record, the records that amend it, oldest first."""
    result = {}
    for record in all_records():
        for kind, target, *_ in record.relations:
            if kind in ("mengubah", "mengubah_sebagian"):
                result.setdefault(target, []).append(record)
    for amenders in result.values():
        amenders.sort(key=lambda r: (r.tahun, r.penetapan or r.tahun))
    return result


def _in_office(terms, year):
    return [term.name for term in terms if term.since <= year][-1]


def signer(record) -> dict:
    """The signing official of a local record: the Wali Kota, or the head of the issuing unit."""
    people = officials()
    sekda = _in_office(people.sekretaris_daerah, record.tahun)
    if record.code == "KEP_KEPALA_PD":
        name, nip = heads()[record.signer]
        title = f"KEPALA {units_by_slug()[record.signer].title.upper()} KOTA BALIKPAPAN"
        return {"title": title, "name": name, "nip": nip, "sekda": sekda}
    return {
        "title": "WALI KOTA BALIKPAPAN",
        "name": _in_office(people.wali_kota, record.tahun),
        "sekda": sekda,
    }

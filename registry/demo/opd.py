"""The Perangkat Daerah of Kota Balikpapan, read from ``data/opd.csv`` and ``data/opd.toml``.

Names follow the city's working list (``docs/domain.md``); streets are real Balikpapan street names,
while house numbers, telephone numbers and e-mail addresses are generated here.
"""

import zlib
from dataclasses import dataclass, field
from functools import cache

from registry.services.models import OPDKind

from .schema import DataError, check_tables, choices, data_file, parse, read_csv, read_toml, rows, table


@dataclass(frozen=True)
class Unit:
    """One Perangkat Daerah; ``parent`` is the slug of its parent unit."""

    slug: str
    title: str
    abbreviation: str
    kind: str
    address: str
    description: str = ""
    parent: str = ""
    hours: str = ""
    website: str = ""

    @property
    def phone(self) -> str:
        """A stable, generated Balikpapan telephone number."""
        digits = zlib.crc32(self.slug.encode()) % 90000 + 10000
        return f"0542-7{digits:05d}"[:11] if self.kind == "kelurahan" else f"0542-4{digits:05d}"[:11]

    @property
    def email(self) -> str:
        """A generated official address under balikpapan.go.id."""
        return f"{self.slug.replace('kelurahan-', 'kel.').replace('kecamatan-', 'kec.')}@balikpapan.go.id"


@dataclass(frozen=True, kw_only=True)
class UnitRow:
    """A row of ``opd.csv``; ``opening_hours`` names an entry of ``[opening_hours]`` in opd.toml."""

    slug: str
    title: str
    abbreviation: str
    kind: str = field(metadata=choices(OPDKind.values))
    parent_unit: str = ""
    address: str
    opening_hours: str
    description: str


@dataclass(frozen=True, kw_only=True)
class Kecamatan:
    """A ``[[kecamatan]]`` of opd.toml: its office address and its kelurahan."""

    name: str
    address: str
    kelurahan: tuple[str, ...]


@dataclass(frozen=True, kw_only=True)
class Place:
    """Where a shared service point is (the ``[mpp]`` of opd.toml)."""

    name: str
    address: str
    opening_hours: str


@dataclass(frozen=True)
class Geography:
    """Everything in opd.toml."""

    opening_hours: dict
    mpp: Place
    kecamatan: tuple
    kelurahan_streets: tuple


#: The [opening_hours] entries of the kecamatan and the kelurahan offices.
REGIONAL_HOURS = ("kantor", "kelurahan")


@cache
def geography() -> Geography:
    """opd.toml, validated."""
    path = data_file("opd.toml")
    document = read_toml(path)
    check_tables(document, path, {"kelurahan_streets", "opening_hours", "mpp", "kecamatan"})
    hours = table(document, path, "opening_hours")
    for key, value in hours.items():
        if not isinstance(value, str):
            raise DataError(f"{path.name}, [opening_hours]: '{key}' must be a string")
    for key in REGIONAL_HOURS:
        if key not in hours:
            raise DataError(f"{path.name}, [opening_hours]: missing '{key}' (kecamatan and kelurahan use it)")
    streets = document.get("kelurahan_streets")
    if not isinstance(streets, list) or not streets or not all(isinstance(s, str) for s in streets):
        raise DataError(f"{path.name}: 'kelurahan_streets' must be a non-empty array of strings")
    return Geography(
        opening_hours=hours,
        mpp=parse(Place, table(document, path, "mpp"), f"{path.name}, [mpp]"),
        kecamatan=tuple(
            parse(Kecamatan, raw, f"{where} ({raw.get('name', '?')})")
            for where, raw in rows(document, path, "kecamatan")
        ),
        kelurahan_streets=tuple(streets),
    )


def _slug(text: str) -> str:
    return text.lower().replace(" ", "-")


def _units() -> list[Unit]:
    """The units of opd.csv; each has a generated web site under balikpapan.go.id."""
    hours = geography().opening_hours
    path = data_file("opd.csv")
    units = []
    for where, row in read_csv(path, UnitRow, label=lambda r: r.get("slug") or "?"):
        if row.opening_hours not in hours:
            known = ", ".join(hours)
            raise DataError(f"{where}: opening_hours '{row.opening_hours}' is not one of {known}")
        if row.parent_unit and row.parent_unit not in {u.slug for u in units}:
            raise DataError(f"{where}: parent_unit '{row.parent_unit}' is not a unit listed above it")
        site = f"https://{row.slug}.balikpapan.go.id"
        units.append(
            Unit(
                row.slug,
                row.title,
                row.abbreviation,
                row.kind,
                row.address,
                row.description,
                row.parent_unit,
                hours[row.opening_hours],
                site,
            )
        )
    return units


def _regional_units() -> list[Unit]:
    """A Kecamatan unit per [[kecamatan]], each followed by its Kelurahan units."""
    data = geography()
    streets = data.kelurahan_streets
    units = []
    for index, kecamatan in enumerate(data.kecamatan):
        name = kecamatan.name
        kec_slug = f"kecamatan-{_slug(name)}"
        units.append(
            Unit(
                kec_slug,
                f"Kecamatan {name}",
                f"Kec. {name.replace('Balikpapan', 'Bpp.')}",
                "kecamatan",
                f"{kecamatan.address}, Kecamatan {name}",
                "Penyelenggaraan PATEN dan koordinasi kewilayahan.",
                hours=data.opening_hours["kantor"],
            )
        )
        for offset, kel in enumerate(kecamatan.kelurahan):
            street = streets[(index + offset) % len(streets)]
            units.append(
                Unit(
                    f"kelurahan-{_slug(kel)}",
                    f"Kelurahan {kel}",
                    f"Kel. {kel}",
                    "kelurahan",
                    f"{street} No. {(index * 7 + offset * 3) % 60 + 1}, {kel}, {name}",
                    "Pelayanan administrasi kemasyarakatan di tingkat kelurahan.",
                    kec_slug,
                    data.opening_hours["kelurahan"],
                )
            )
    return units


@cache
def all_units() -> tuple[Unit, ...]:
    """Every demo unit: those of opd.csv, then each kecamatan followed by its kelurahan."""
    units = (*_units(), *_regional_units())
    seen = set()
    for unit in units:
        if unit.slug in seen:
            raise DataError(f"opd.csv/opd.toml: two units have the slug '{unit.slug}'")
        seen.add(unit.slug)
    return units


@cache
def units_by_slug() -> dict[str, Unit]:
    """Every demo unit by slug."""
    return {unit.slug: unit for unit in all_units()}


def mpp() -> Place:
    """The Mal Pelayanan Publik, where several units have a counter."""
    return geography().mpp

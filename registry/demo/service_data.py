"""The demo's public services, read from ``data/services_*.toml`` into :class:`~registry.demo.records.Svc`.

A file holds ``[[service]]`` records, optionally ``[defaults.<name>]`` tables a service takes its
missing values from (``defaults = "<name>"``) and ``[base_groups]``, lists of legal bases a service
includes with ``{ group = "<name>" }``. Groups and defaults belong to their file. The header of
``services_core.toml`` describes the fields.
"""

from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from registry.reference.components import COMPONENTS
from registry.reference.services import COST_QUALIFIERS
from registry.services.models import TimeUnit

from . import catalogue, taxonomy
from .form_documents import forms_by_code
from .opd import units_by_slug
from .records import Svc
from .schema import (
    DataError,
    check_fields,
    check_tables,
    choices,
    data_file,
    parse,
    read_csv,
    read_toml,
    rows,
    table,
)

#: The service files, in the order their services are created.
FILES = ("services_core.toml", "services_ptsp.toml", "services_sector.toml", "services_other.toml")
#: How much of the Standar Pelayanan a demo service fills (see ``service_fields``).
LEVELS = ("full", "partial", "minimal")
#: Delivery channels that are not online systems.
PLACES = ("kantor", "mpp")


@dataclass(frozen=True, kw_only=True)
class Time:
    """Jangka waktu: the time value, its unit and a note ("sejak berkas dinyatakan lengkap")."""

    value: int
    unit: str = field(metadata=choices(TimeUnit.values))
    note: str = ""


@dataclass(frozen=True, kw_only=True)
class Basis:
    """A LegalBasis: a regulation key, optionally the provision and the component it founds."""

    regulation: str
    provision: str = ""
    component: str = field(default="", metadata=choices(["", *(c.code for c in COMPONENTS)]))


@dataclass(frozen=True, kw_only=True)
class Requirement:
    """A requirement that applies only in one situation: its text and that situation ("KTP-el hilang")."""

    text: str
    condition: str


@dataclass(frozen=True, kw_only=True)
class Tariff:
    """A row of the tariff table: what is charged for, the amount (absent for a rate) and its unit."""

    label: str
    amount: int | None = None
    unit: str = ""


@dataclass(frozen=True, kw_only=True)
class SOP:
    """The ServiceSOP identity: its number and title, and the key of the decree that establishes it."""

    nomor: str
    judul: str
    regulation: str


@dataclass(frozen=True, kw_only=True)
class Service:
    """A ``[[service]]``; ``no`` is its number in the catalogue."""

    no: int
    slug: str
    title: str
    opd: str
    category: str
    life_events: tuple[str, ...] = ()
    summary: str
    product: str
    eligibility: str = ""
    requirements: tuple[str | Requirement, ...] = ()
    steps: tuple[str, ...] = ()
    time: Time | None = None
    cost: int | None = None
    cost_note: str = ""
    cost_qualifier: str = field(default="", metadata=choices(["", *(q.code for q in COST_QUALIFIERS)]))
    cost_condition: str = ""
    tariffs: tuple[Tariff, ...] = ()
    forms: tuple[str, ...] = ()
    channels: tuple[str, ...] = ("kantor",)
    legal_bases: tuple[Basis, ...] = ()
    sk_sp: str = ""
    sop: SOP | None = None
    level: str = field(default="partial", metadata=choices(LEVELS))
    staff_count: int = 3


@dataclass(frozen=True, kw_only=True)
class OnlineChannel:
    """A row of online_channels.csv: an online system a service is delivered through."""

    key: str
    name: str
    url: str


@cache
def online_channels() -> dict[str, tuple[str, str]]:
    """(name, URL) of each online channel, by key."""
    return {
        channel.key: (channel.name, channel.url)
        for _where, channel in read_csv(
            data_file("online_channels.csv"), OnlineChannel, lambda row: row.get("key")
        )
    }


def _expand(bases, groups: dict, where: str) -> list:
    """``legal_bases`` with each ``{ group = "<name>" }`` replaced by the group's bases."""
    if not isinstance(bases, list):
        return bases  # the schema reports it
    expanded = []
    for index, item in enumerate(bases, start=1):
        if isinstance(item, dict) and "group" in item:
            if set(item) != {"group"} or item["group"] not in groups:
                known = ", ".join(groups) or "none in this file"
                raise DataError(
                    f"{where}: legal_bases item #{index} must name one group of [base_groups] ({known})"
                )
            expanded.extend(groups[item["group"]])
        else:
            expanded.append(item)
    return expanded


def read_services(path: Path) -> list[tuple[str, Service]]:
    """The services of one file, defaults applied and groups expanded, as (location, record) pairs.

    Only the file itself is checked here; :func:`all_services` also resolves the names it uses.
    """
    document = read_toml(path)
    check_tables(document, path, {"defaults", "base_groups", "service"})
    defaults = table(document, path, "defaults")
    for profile, values in defaults.items():
        if not isinstance(values, dict):
            raise DataError(f"{path.name}: [defaults.{profile}] must be a table")
        check_fields(values, Service, f"{path.name}, [defaults.{profile}]")
    groups = table(document, path, "base_groups")
    for group, items in groups.items():
        if not isinstance(items, list):
            raise DataError(f"{path.name}, [base_groups]: '{group}' must be an array of bases")
        for index, item in enumerate(items, start=1):
            parse(Basis, item, f"{path.name}, [base_groups] {group} #{index}")
    services = []
    for where, raw in rows(document, path, "service"):
        where = f"{where} ({raw.get('slug', '?')})"
        raw = dict(raw)
        profile = raw.pop("defaults", None)
        if profile is not None:
            if profile not in defaults:
                raise DataError(f"{where}: defaults '{profile}' is not a [defaults.<name>] of this file")
            raw = {**defaults[profile], **raw}
        if "legal_bases" in raw:
            raw["legal_bases"] = _expand(raw["legal_bases"], groups, where)
        services.append((where, parse(Service, raw, where)))
    return services


def _check(where: str, service: Service) -> None:
    """Every name a service uses resolves: unit, category, life events, channels, regulations."""
    records = catalogue.records_by_key()
    problems = []
    if service.opd not in units_by_slug():
        problems.append(f"opd '{service.opd}' names no unit of opd.csv/opd.toml")
    if service.category not in {term.slug for term in taxonomy.categories()}:
        problems.append(f"category '{service.category}' is not in categories.csv")
    problems += [
        f"life event '{slug}' is not in life_events.csv"
        for slug in service.life_events
        if slug not in {term.slug for term in taxonomy.life_events()}
    ]
    problems += [
        f"channel '{channel}' is neither {' nor '.join(PLACES)} nor a key of online_channels.csv"
        for channel in service.channels
        if channel not in PLACES and channel not in online_channels()
    ]
    keys = [basis.regulation for basis in service.legal_bases]
    keys += [key for key in (service.sk_sp, service.sop.regulation if service.sop else "") if key]
    problems += [f"regulation '{key}' is no demo regulation" for key in keys if key not in records]
    problems += [
        f"form '{code}' is not in forms.toml" for code in service.forms if code not in forms_by_code()
    ]
    if problems:
        raise DataError(f"{where}: {problems[0]}")


def _as_svc(service: Service) -> Svc:
    return Svc(
        service.no,
        service.slug,
        service.title,
        service.opd,
        service.category,
        service.life_events,
        service.summary,
        service.product,
        requirements=tuple(
            (item, "") if isinstance(item, str) else (item.text, item.condition)
            for item in service.requirements
        ),
        steps=service.steps,
        time=(service.time.value, service.time.unit, service.time.note) if service.time else (),
        cost=service.cost,
        cost_note=service.cost_note,
        channels=service.channels,
        bases=tuple((b.regulation, b.provision, b.component) for b in service.legal_bases),
        sk_sp=service.sk_sp,
        sop=(service.sop.nomor, service.sop.judul, service.sop.regulation) if service.sop else (),
        level=service.level,
        staff=service.staff_count,
        eligibility=service.eligibility,
        cost_qualifier=service.cost_qualifier,
        cost_condition=service.cost_condition,
        tariffs=tuple((row.label, row.amount, row.unit) for row in service.tariffs),
        forms=service.forms,
    )


@cache
def all_services() -> tuple[Svc, ...]:
    """Every demo service, file by file in :data:`FILES` order; slugs are unique per unit."""
    services, seen = [], {}
    for name in FILES:
        for where, service in read_services(data_file(name)):
            _check(where, service)
            if (service.opd, service.slug) in seen:
                raise DataError(
                    f"{where}: slug '{service.slug}' is already used by {seen[service.opd, service.slug]}"
                )
            seen[service.opd, service.slug] = where
            services.append(_as_svc(service))
    return tuple(services)

"""Read the demo's data files (``data/*.toml``, ``data/*.csv``) into typed, validated records.

A schema is a frozen dataclass: its fields are the names a record may use, a field without a default
is required, and the annotation says what the value must be (``str``, ``int``, ``bool``, ``date``,
``tuple[X, ...]`` for an array, another dataclass for a table, ``str | Dataclass`` for either). Field
metadata from :func:`choices` restricts a string to a vocabulary. Anything else, an unknown field
included, raises :class:`DataError` with the file, the record and the field, e.g.
``perda.toml, [[perda]] #5 (Perda 3/2018): field 'tanggal_pengundangan' must be a date YYYY-MM-DD``.
"""

import csv
import dataclasses
import tomllib
import types
import typing
from datetime import date, datetime
from functools import cache
from pathlib import Path

DATA_DIR = Path(__file__).resolve().parent / "data"


class DataError(ValueError):
    """A data file that does not match its schema; the message says where and what."""


def choices(values) -> dict:
    """Field metadata: the value must be one of ``values``."""
    return {"choices": tuple(values)}


def data_file(name: str) -> Path:
    """The path of a file in the demo's data folder."""
    return DATA_DIR / name


def read_toml(path: Path) -> dict:
    """The document in ``path``; a syntax error names the file with tomllib's line and column."""
    try:
        with path.open("rb") as handle:
            return tomllib.load(handle)
    except tomllib.TOMLDecodeError as error:
        raise DataError(f"{path.name}: not valid TOML: {error}") from error


def check_tables(document: dict, path: Path, allowed) -> None:
    """Reject a top-level key the file's schema does not know."""
    for key in document:
        if key not in allowed:
            known = ", ".join(sorted(allowed))
            raise DataError(f"{path.name}: unknown table '{key}' (known: {known})")


def table(document: dict, path: Path, key: str) -> dict:
    """A top-level table such as ``[ministries]`` (empty when absent)."""
    value = document.get(key, {})
    if not isinstance(value, dict):
        raise DataError(f"{path.name}: '{key}' must be a table [{key}]")
    return value


def rows(document: dict, path: Path, key: str) -> list[tuple[str, dict]]:
    """The entries of an array of tables ``[[key]]`` with their location, "file, [[key]] #n"."""
    value = document.get(key, [])
    if not isinstance(value, list) or not all(isinstance(item, dict) for item in value):
        raise DataError(f"{path.name}: '{key}' must be an array of tables [[{key}]]")
    return [(f"{path.name}, [[{key}]] #{index}", raw) for index, raw in enumerate(value, start=1)]


@cache
def _fields(cls) -> tuple:
    """(name, type, metadata, required) of each field of ``cls``, read once per class."""
    hints = typing.get_type_hints(cls)
    return tuple(
        (
            f.name,
            hints[f.name],
            f.metadata,
            f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING,
        )
        for f in dataclasses.fields(cls)
        if f.init
    )


@cache
def field_names(cls) -> frozenset[str]:
    """The names a record of ``cls`` may use."""
    return frozenset(name for name, *_ in _fields(cls))


def check_fields(raw: dict, cls, where: str) -> None:
    """Reject a field ``cls`` does not have (used for partial records such as shared defaults)."""
    names = field_names(cls)
    for name in raw:
        if name not in names:
            raise DataError(f"{where}: unknown field '{name}' (known: {', '.join(sorted(names))})")


def parse(cls, raw, where: str):
    """``raw`` (a TOML table, or a CSV row as a dict) as an instance of the dataclass ``cls``."""
    if not isinstance(raw, dict):
        raise DataError(f"{where}: must be a table, not {_kind(raw)}")
    check_fields(raw, cls, where)
    values = {}
    for name, hint, metadata, required in _fields(cls):
        if name in raw:
            values[name] = _value(hint, raw[name], where, f"field '{name}'", metadata)
        elif required:
            raise DataError(f"{where}: missing field '{name}'")
    return cls(**values)


def _value(hint, value, where: str, what: str, metadata=None):
    origin, args = typing.get_origin(hint), typing.get_args(hint)
    if origin in (typing.Union, types.UnionType):
        return _union(args, value, where, what, metadata)
    if origin is tuple:
        if not isinstance(value, list):
            raise DataError(f"{where}: {what} must be an array, not {_kind(value)}")
        return tuple(
            _item(args[0], item, where, what, index, metadata) for index, item in enumerate(value, start=1)
        )
    if dataclasses.is_dataclass(hint):
        return parse(hint, value, f"{where}, {what}")
    return _scalar(hint, value, where, what, metadata)


def _item(hint, value, where, what, index, metadata):
    if dataclasses.is_dataclass(hint):
        name = what.removeprefix("field ").strip("'")
        return parse(hint, value, f"{where}, {name} #{index}")
    return _value(hint, value, where, f"{what} item #{index}", metadata)


def _union(args, value, where, what, metadata):
    options = [arg for arg in args if arg is not type(None)]
    if len(options) == 1:
        return _value(options[0], value, where, what, metadata)
    # ``str | Dataclass``: a plain string, or a table with the dataclass's fields.
    record = next(arg for arg in options if dataclasses.is_dataclass(arg))
    if isinstance(value, str):
        return value
    if isinstance(value, dict):
        return parse(record, value, f"{where}, {what}")
    fields = ", ".join(sorted(field_names(record)))
    raise DataError(f"{where}: {what} must be a string or a table ({fields}), not {_kind(value)}")


def _scalar(hint, value, where, what, metadata):
    if hint is date:
        if type(value) is not date:
            raise DataError(f"{where}: {what} must be a date YYYY-MM-DD, not {_kind(value)}")
        return value
    if hint is int:
        if not isinstance(value, int) or isinstance(value, bool):
            raise DataError(f"{where}: {what} must be an integer, not {_kind(value)}")
        return value
    if hint is bool:
        if not isinstance(value, bool):
            raise DataError(f"{where}: {what} must be true or false, not {_kind(value)}")
        return value
    if hint is str:
        if not isinstance(value, str):
            raise DataError(f"{where}: {what} must be a string, not {_kind(value)}")
        allowed = (metadata or {}).get("choices")
        if allowed is not None and value not in allowed:
            listed = ", ".join(f"'{choice}'" for choice in allowed)
            raise DataError(f"{where}: {what} must be one of {listed}, not '{value}'")
        return value
    raise TypeError(f"Unsupported schema annotation {hint!r}")  # a programming error, not a data error


def _kind(value) -> str:
    """How a wrong value reads in an error: its TOML kind and, when short, the value itself."""
    kinds = {
        bool: "a boolean",
        int: "an integer",
        float: "a float",
        str: "a string",
        list: "an array",
        dict: "a table",
        datetime: "a date-time",
        date: "a date",
    }
    kind = kinds.get(type(value), type(value).__name__)
    shown = repr(value)
    return f"{kind} {shown}" if len(shown) <= 40 and not isinstance(value, list | dict) else kind


def read_csv(path: Path, cls, label=None) -> list[tuple[str, object]]:
    """The rows of a CSV file with a header row as (location, ``cls`` record) pairs.

    The header must name exactly the fields of ``cls``; an empty cell means "absent" (the field's
    default, or an error when the field is required). ``label(row)`` adds a readable name to the
    location ("opd.csv, line 4 (setda)").
    """
    hints = {name: hint for name, hint, *_ in _fields(cls)}
    with path.open(newline="", encoding="utf-8") as handle:
        reader = csv.DictReader(handle)
        header = reader.fieldnames or []
        unknown = [name for name in header if name not in hints]
        missing = [name for name in field_names(cls) if name not in header]
        if unknown or missing:
            raise DataError(
                f"{path.name}: header must name the columns {', '.join(field_names_in_order(cls))}"
                f" (unknown: {', '.join(unknown) or '-'}; missing: {', '.join(missing) or '-'})"
            )
        records = []
        for row in reader:
            where = f"{path.name}, line {reader.line_num}"
            if label is not None:
                where += f" ({label(row)})"
            if None in row or any(value is None for value in row.values()):
                raise DataError(f"{where}: must have exactly {len(header)} cells")
            values = {}
            for name, text in row.items():
                if text == "":
                    continue
                if hints[name] is int:
                    try:
                        text = int(text)
                    except ValueError:
                        raise DataError(
                            f"{where}: column '{name}' must be an integer, not '{text}'"
                        ) from None
                values[name] = text
            records.append((where, parse(cls, values, where)))
    return records


def field_names_in_order(cls) -> list[str]:
    """The field names of ``cls`` in declaration order (the expected CSV header)."""
    return [name for name, *_ in _fields(cls)]

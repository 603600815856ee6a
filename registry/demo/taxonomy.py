"""Service categories and life events of the demo catalogue (``data/categories.csv``, ``data/life_events.csv``)."""

from dataclasses import dataclass
from functools import cache

from .schema import DataError, data_file, read_csv


@dataclass(frozen=True, kw_only=True)
class Term:
    """One category or life event; life events are shown in file order."""

    slug: str
    name: str
    description: str


def _terms(name: str) -> tuple[Term, ...]:
    path = data_file(name)
    terms, seen = [], set()
    for where, term in read_csv(path, Term, label=lambda row: row.get("slug") or "?"):
        if term.slug in seen:
            raise DataError(f"{where}: slug '{term.slug}' appears twice")
        seen.add(term.slug)
        terms.append(term)
    return tuple(terms)


@cache
def categories() -> tuple[Term, ...]:
    """The service categories."""
    return _terms("categories.csv")


@cache
def life_events() -> tuple[Term, ...]:
    """The life events, in the order the public site lists them."""
    return _terms("life_events.csv")

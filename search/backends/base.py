"""The interface every search engine implements, and the values that cross it."""

from abc import ABC, abstractmethod
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from ..documents import SearchDocument
from ..query import ParsedQuery

#: Facets, in display order. Each is a keyword field of every document.
FACET_FIELDS = ("kind", "jenis", "tahun", "status", "opd")
#: The label column that goes with each facet value (None: the value is its own label).
FACET_LABEL_FIELDS = {
    "kind": None,
    "jenis": "jenis_label",
    "tahun": None,
    "status": "status_label",
    "opd": "opd_label",
}

MODE_ALL = "all"
MODE_ANY = "any"


class SearchUnavailable(Exception):
    """The engine cannot be reached or refused the request; callers fall back or queue the work."""


@dataclass
class SearchRequest:
    """What to ask an engine: the plan, how strictly to match, filters and the page wanted."""

    query: ParsedQuery
    mode: str = MODE_ALL
    filters: dict[str, list[str]] = field(default_factory=dict)
    page: int = 1
    per_page: int = 10
    group_size: int = 3
    group: str = ""


@dataclass
class BackendHit:
    """One matching document as an engine returns it."""

    doc_id: str
    kind: str
    title: str
    subtitle: str
    url: str
    body: str
    score: float
    group: str
    jenis_label: str = ""
    tahun: int | None = None
    status: str = ""
    status_label: str = ""
    opd_label: str = ""


@dataclass
class BackendResult:
    """A page of grouped hits, the number of groups, and facet counts (value, label, count)."""

    groups: list[list[BackendHit]]
    total: int
    facets: dict[str, list[tuple[str, str, int]]]


@dataclass
class Health:
    """Whether an engine works, with what it holds and what waits for it."""

    engine: str
    ok: bool
    detail: str = ""
    documents: int | None = None
    pending: int = 0


class SearchBackend(ABC):
    """A search engine. Implementations must return the same hits for the same plan."""

    name = "abstract"
    #: Whether this engine keeps its index in the site's own database (and never goes away).
    is_database = False

    @abstractmethod
    def replace(self, owner: str, documents: list[SearchDocument]) -> None:
        """Replace every document of ``owner`` with ``documents`` (an empty list deletes)."""

    def delete(self, owner: str) -> None:
        """Remove every document of ``owner``."""
        self.replace(owner, [])

    @abstractmethod
    def rebuild(
        self, documents: Iterable[SearchDocument], progress: Callable[[int], None] | None = None
    ) -> int:
        """Replace the whole index with ``documents``; return how many were indexed."""

    @abstractmethod
    def search(self, request: SearchRequest) -> BackendResult:
        """Run a full-text search with filters, facets and grouping."""

    @abstractmethod
    def lookup_citations(self, keys: list[str]) -> list[BackendHit]:
        """The documents carrying any of the citation ``keys``."""

    @abstractmethod
    def suggest(self, words: list[str], prefix: str, limit: int = 8) -> list[BackendHit]:
        """Services and regulations whose titles contain ``words`` and a word starting with ``prefix``."""

    @abstractmethod
    def health(self) -> Health:
        """Check the engine and report."""

    @abstractmethod
    def count(self) -> int:
        """How many documents the index holds."""


def clean_filters(filters: dict[str, list[str]]) -> dict[str, list[str]]:
    """Keep only known facets with non-empty values."""
    return {name: values for name, values in filters.items() if name in FACET_FIELDS and values}

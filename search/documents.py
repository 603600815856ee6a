"""The unit of search: a :class:`SearchDocument`, engine-neutral and built by content apps.

Pure Python. A content object (a service, a regulation) produces one or more documents that share
an ``owner`` key; the backends replace all documents of an owner at once, so a regulation whose
document lost pages loses those passages too.
"""

from dataclasses import dataclass, field

from .analysis import analysed_text, words

#: Content types, also a facet.
KIND_SERVICE = "layanan"
KIND_REGULATION = "peraturan"
KIND_PASSAGE = "pasal"
KINDS = (KIND_SERVICE, KIND_REGULATION, KIND_PASSAGE)


@dataclass
class SearchDocument:
    """One searchable thing: a service, a regulation, or a passage (a pasal or a page) of one.

    ``title`` is matched most strongly, then ``keywords`` (numbers, types, units, tags, and for a
    passage its regulation's identity), then ``body``. ``group`` keeps a regulation's passages
    together on the results page. ``citations`` are keys from :mod:`search.citations`.
    """

    doc_id: str
    owner: str
    kind: str
    title: str
    url: str
    subtitle: str = ""
    body: str = ""
    keywords: str = ""
    group: str = ""
    jenis: str = ""
    jenis_label: str = ""
    tahun: int | None = None
    status: str = ""
    status_label: str = ""
    opd: str = ""
    opd_label: str = ""
    citations: list[str] = field(default_factory=list)
    boost: float = 1.0

    def __post_init__(self):
        if self.kind not in KINDS:
            raise ValueError(f"Unknown document kind {self.kind!r}; use one of {KINDS}.")
        if not self.group:
            self.group = self.owner

    def analysed(self) -> dict[str, str]:
        """The analysed columns the database engines store (see :mod:`search.analysis`)."""
        return {
            "a_title": analysed_text(self.title if self.kind != KIND_PASSAGE else self.subtitle),
            "a_keywords": analysed_text(self.keywords),
            "a_body": analysed_text(self.body),
            # Autocomplete matches prefixes of the words people see, so this one is not stemmed.
            "suggest": " ".join(words(self.title)) if self.kind != KIND_PASSAGE else "",
        }

    def facet_fields(self) -> dict:
        """The keyword fields used for filters and facets."""
        return {
            "kind": self.kind,
            "jenis": self.jenis,
            "jenis_label": self.jenis_label,
            "tahun": self.tahun,
            "status": self.status,
            "status_label": self.status_label,
            "opd": self.opd,
            "opd_label": self.opd_label,
        }

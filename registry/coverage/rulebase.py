"""The vocabulary of the coverage rules: severities, statuses, hits, settings and context.

Pure: no database access. The rules themselves live in :mod:`registry.coverage.rules`.
"""

import re
from collections.abc import Callable, Iterable, Mapping
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field
from datetime import date

from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from . import facts as f


class Severity:
    """How much a finding weighs on a service's status."""

    CRITICAL = "kritis"  # the service has no valid regulation for something essential → "belum"
    WARNING = "peringatan"  # the regulation is there but incomplete or dated → "sebagian"
    INFO = "info"  # worth knowing; does not lower the status

    choices = [(CRITICAL, _("Kritis")), (WARNING, _("Peringatan")), (INFO, _("Informasi"))]
    values = (CRITICAL, WARNING, INFO)


class CoverageStatus:
    """A service's overall coverage."""

    LENGKAP = "lengkap"
    SEBAGIAN = "sebagian"
    BELUM = "belum"

    choices = [(LENGKAP, _("Lengkap")), (SEBAGIAN, _("Sebagian")), (BELUM, _("Belum lengkap"))]
    values = (LENGKAP, SEBAGIAN, BELUM)


COMPONENT_LABELS = {
    "persyaratan": _("Persyaratan"),
    "prosedur": _("Sistem, mekanisme, dan prosedur"),
    "waktu": _("Jangka waktu pelayanan"),
    "biaya": _("Biaya/tarif"),
    "produk": _("Produk pelayanan"),
    "pengaduan": _("Penanganan pengaduan, saran, dan masukan"),
    "dasar_hukum": _("Dasar hukum"),
    "sarana": _("Sarana, prasarana, dan/atau fasilitas"),
    "kompetensi": _("Kompetensi pelaksana"),
    "pengawasan": _("Pengawasan internal"),
    "jumlah_pelaksana": _("Jumlah pelaksana"),
    "jaminan": _("Jaminan pelayanan"),
    "keamanan": _("Jaminan keamanan dan keselamatan pelayanan"),
    "evaluasi": _("Evaluasi kinerja pelaksana"),
}

#: Words in a regulation's "tentang" that suggest it regulates electronic delivery (a heuristic).
ELECTRONIC_KEYWORDS = ("elektronik", "daring", "online", "spbe")

# Words that say nothing about a regulation's matter, ignored when comparing two "tentang".
_STOPWORDS = frozenset(
    [
        "atas",
        "dan",
        "atau",
        "dalam",
        "dari",
        "di",
        "ke",
        "kota",
        "nomor",
        "pada",
        "peraturan",
        "perubahan",
        "tahun",
        "tentang",
        "untuk",
        "yang",
        "daerah",
        "wali",
        "pencabutan",
        "kedua",
        "ketiga",
        "pertama",
    ]
)


@dataclass(frozen=True)
class Hit:
    """One problem a rule found; ``fix`` overrides the rule's generic fix when given."""

    message: str
    fix: str = ""
    regulation_id: int | None = None
    suggested_regulation_id: int | None = None


@dataclass(frozen=True)
class RuleSetting:
    """The admin's settings for one rule; empty values fall back to the rule's defaults."""

    enabled: bool = True
    threshold: int | None = None
    severity: str = ""


@dataclass(frozen=True)
class Context:
    """Everything a rule may read besides the service itself."""

    regulations: Mapping[int, f.RegulationFacts]
    today: date
    settings: Mapping[str, RuleSetting] = field(default_factory=dict)

    def regulation(self, regulation_id: int | None) -> f.RegulationFacts | None:
        """The facts of a regulation, or None when it is unknown (e.g. deleted)."""
        return self.regulations.get(regulation_id) if regulation_id else None

    def labels(self, ids: Iterable[int]) -> str:
        """Readable labels of several regulations, comma-separated."""
        return ", ".join(str(self.regulations[i].label) for i in ids if i in self.regulations)


@dataclass(frozen=True)
class Rule:
    """A coverage rule and its documentation."""

    code: str
    title: str
    explanation: str
    severity: str
    fix: str
    check: Callable[[f.ServiceFacts, Context, int | None], Iterable[Hit]]
    default_threshold: int | None = None
    threshold_help: str = ""


@dataclass(frozen=True)
class FindingData:
    """A rule's hit on one service, ready to store."""

    code: str
    severity: str
    message: str
    fix: str
    regulation_id: int | None = None
    suggested_regulation_id: int | None = None


_translations: ContextVar[dict | None] = ContextVar("coverage_translations", default=None)


def tr(message) -> str:
    """Translate a message (a string or a lazy string), memoised inside :func:`cached_translations`.

    A full recompute formats thousands of messages from a few dozen strings; looking each one up
    once keeps gettext off the hot path.
    """
    cache = _translations.get()
    if cache is None:
        return str(message) if not isinstance(message, str) else gettext(message)
    key = id(message) if not isinstance(message, str) else message
    try:
        return cache[key]
    except KeyError:
        cache[key] = value = gettext(message) if isinstance(message, str) else str(message)
        return value


@contextmanager
def cached_translations():
    """Memoise :func:`tr` for the duration of a block (one recompute, in one language)."""
    token = _translations.set({})
    try:
        yield
    finally:
        _translations.reset(token)


def content_words(text: str) -> set[str]:
    """The meaningful lower-case words of a "tentang", for comparing matters."""
    return {w for w in re.findall(r"[a-z0-9]+", text.lower()) if len(w) > 2 and w not in _STOPWORDS}


def covers_same_matter(old: f.RegulationFacts, new: f.RegulationFacts) -> bool:
    """Whether ``new`` can stand in for ``old``: the same jenis, or "tentang" that largely overlap."""
    if old.type_code == new.type_code:
        return True
    a, b = content_words(old.tentang), content_words(new.tentang)
    return bool(a and b) and len(a & b) / min(len(a), len(b)) >= 0.5


def derive_status(findings: Iterable[FindingData]) -> str:
    """A critical finding makes a service "belum"; a warning makes it "sebagian"; else "lengkap"."""
    severities = {finding.severity for finding in findings}
    if Severity.CRITICAL in severities:
        return CoverageStatus.BELUM
    if Severity.WARNING in severities:
        return CoverageStatus.SEBAGIAN
    return CoverageStatus.LENGKAP


def format_components(codes: Iterable[str]) -> str:
    """Component names, numbered as in PermenPANRB 15/2014 ("3. Jangka waktu pelayanan, …")."""
    return ", ".join(f"{f.COMPONENTS.index(c) + 1}. {tr(COMPONENT_LABELS[c])}" for c in codes)

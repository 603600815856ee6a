"""The vocabulary of the coverage rules: severities, statuses, hits, settings and context.

Pure: no Django import and no database access, so the rules run in a bare interpreter. Texts here
are Indonesian msgids (see :mod:`registry.coverage.messages`); the Django side translates them where
they are shown (:mod:`registry.coverage.display`). The rules themselves live in
:mod:`registry.coverage.rules`.
"""

import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date

from . import facts as f
from .messages import gettext_noop as _


class Severity:
    """How much a finding weighs on a service's status."""

    CRITICAL = "kritis"  # the service has no valid regulation for something essential → "belum"
    WARNING = "peringatan"  # the regulation is there but incomplete or dated → "sebagian"
    INFO = "info"  # worth knowing; does not lower the status

    #: Label msgids by value; ``display.SEVERITY_CHOICES`` are the translated Django choices.
    labels = {CRITICAL: _("Kritis"), WARNING: _("Peringatan"), INFO: _("Informasi")}
    values = (CRITICAL, WARNING, INFO)


class CoverageStatus:
    """A service's overall coverage."""

    LENGKAP = "lengkap"
    SEBAGIAN = "sebagian"
    BELUM = "belum"

    #: Label msgids by value; ``display.STATUS_CHOICES`` are the translated Django choices.
    labels = {LENGKAP: _("Lengkap"), SEBAGIAN: _("Sebagian"), BELUM: _("Belum lengkap")}
    values = (LENGKAP, SEBAGIAN, BELUM)


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
    """One problem a rule found, as a message id and its parameters (:mod:`.messages`).

    ``fix_id`` (with ``fix_params``) overrides the rule's generic fix when given.
    """

    message_id: str
    message_params: Mapping = field(default_factory=dict)
    fix_id: str = ""
    fix_params: Mapping = field(default_factory=dict)
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

    def refs(self, ids: Iterable[int]) -> list[dict]:
        """Message refs (:mod:`.messages`) of the known regulations among ``ids``."""
        return [self.regulations[i].ref for i in ids if i in self.regulations]


@dataclass(frozen=True)
class Rule:
    """A coverage rule and its documentation (``title``, ``explanation``, ``fix`` are msgids)."""

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
    """A rule's hit on one service, ready to store: message and fix as ids with JSON parameters."""

    code: str
    severity: str
    message_id: str
    message_params: Mapping = field(default_factory=dict)
    fix_id: str = ""
    fix_params: Mapping = field(default_factory=dict)
    regulation_id: int | None = None
    suggested_regulation_id: int | None = None


_PASAL_RE = re.compile(r"pasal\s+(\d+[a-z]?)", re.I)


def pasal_number(provision: str) -> str:
    """The Pasal a provision names, lower case ("Pasal 5A ayat (2)" → "5a"), or "" when none."""
    match = _PASAL_RE.search(provision or "")
    return match.group(1).lower() if match else ""


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

"""What an import did (or, in a dry run, would do) to each record, as the command prints it and the
admin shows it."""

from collections import Counter
from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from ..models import ImportRecord

Outcome = ImportRecord.Outcome
#: Order in which outcomes are summed up.
OUTCOME_ORDER = (
    Outcome.CREATED,
    Outcome.UPDATED,
    Outcome.UNCHANGED,
    Outcome.MERGED,
    Outcome.SKIPPED,
    Outcome.FAILED,
    Outcome.ROLLED_BACK,
)


@dataclass
class RecordResult:
    """One feed record's outcome with its reasons (already rendered, in Indonesian)."""

    position: int
    source_id: str
    label: str
    outcome: str
    reasons: list[str] = field(default_factory=list)
    page_id: int | None = None
    file_status: str = ""
    file_reason: str = ""

    @property
    def outcome_label(self) -> str:
        return str(Outcome(self.outcome).label)

    @property
    def file_status_label(self) -> str:
        return str(ImportRecord.FileStatus(self.file_status).label) if self.file_status else ""

    @property
    def reason_text(self) -> str:
        return " ".join(self.reasons)

    def line(self, dry_run: bool) -> str:
        outcome = self.outcome_label
        if dry_run and self.outcome in (Outcome.CREATED, Outcome.UPDATED):
            outcome = _("akan %(outcome)s") % {"outcome": outcome}
        text = f"[{self.position}] {self.label}: {outcome}"
        if self.reasons:
            text += f" — {self.reason_text}"
        if self.file_status:
            text += " " + _("[berkas %(status)s%(reason)s]") % {
                "status": self.file_status_label,
                "reason": f": {self.file_reason}" if self.file_reason else "",
            }
        return text


@dataclass
class ImportReport:
    """Every record's outcome, the counts, and the proposals left for review."""

    dry_run: bool
    total: int = 0
    results: list[RecordResult] = field(default_factory=list)
    proposals: int = 0
    files_attached: int = 0
    files_failed: int = 0
    batches: int = 0
    batches_rolled_back: int = 0

    def add(self, result: RecordResult) -> RecordResult:
        self.results.append(result)
        return result

    def sorted_results(self) -> list[RecordResult]:
        return sorted(self.results, key=lambda result: result.position)

    def counts(self) -> dict[str, int]:
        found = Counter(result.outcome for result in self.results)
        return {str(outcome): found.get(outcome, 0) for outcome in OUTCOME_ORDER}

    def summary(self) -> str:
        counts = self.counts()
        parts = ", ".join(f"{Outcome(outcome).label} {counts[outcome]}" for outcome in OUTCOME_ORDER)
        text = _("%(total)s catatan: %(parts)s.") % {"total": self.total, "parts": parts}
        text += " " + _("Usulan hubungan/status untuk ditinjau: %(n)s.") % {"n": self.proposals}
        if self.files_attached or self.files_failed:
            text += " " + _("Berkas terlampir %(ok)s, gagal %(failed)s.") % {
                "ok": self.files_attached,
                "failed": self.files_failed,
            }
        if self.batches_rolled_back:
            text += " " + _("%(n)s dari %(total)s kelompok dibatalkan seluruhnya.") % {
                "n": self.batches_rolled_back,
                "total": self.batches,
            }
        if self.dry_run:
            text += " " + _("Uji coba (--dry-run): tidak ada yang ditulis.")
        return text

    def as_json(self) -> dict:
        """The counts as stored on the ImportRun."""
        return {
            **self.counts(),
            "total": self.total,
            "proposals": self.proposals,
            "files_attached": self.files_attached,
            "files_failed": self.files_failed,
            "batches": self.batches,
            "batches_rolled_back": self.batches_rolled_back,
        }

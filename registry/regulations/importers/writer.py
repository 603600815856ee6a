"""Run an import: map the records, merge duplicates, then plan and write batch by batch.

Each batch is all-or-nothing: if one of its records fails validation (while planning, or when the
page is written) the whole batch is rolled back and reported, and the other batches are kept. A
dry run plans exactly as the real run and writes nothing. Created regulations are children of the
regulation index, published (or drafts with ``draft``); publishing sends Wagtail's signals, so the
derived statuses, the search index and coverage follow as they do for an editor's publish (with
the immediate task backend those tasks run once per page at the end of its batch).
"""

from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from registry.deferred_tasks import deferred_tasks

from ..models import ImportProposal, ImportRecord, ImportRun, RegulationIndexPage
from . import messages as m
from .duplicates import merge_duplicates
from .files import attach_files
from .mapping import Defaults, MappedRecord, Unmapped, map_record
from .messages import Note
from .planner import CREATE, UNCHANGED, UPDATE, Planned, Planner, field_label, validation_text
from .report import ImportReport, Outcome, RecordResult
from .text import region_from_text


class ImportFailure(Exception):
    """The import cannot start (no regulation index, no records); the message is for the user."""


@dataclass
class ImportOptions:
    dry_run: bool = False
    draft: bool = False
    batch_size: int = 100
    with_files: bool = False
    overwrite: bool = False
    wilayah: str = ""
    user: Any = None
    timeout: float | None = None


class _RecordWriteError(Exception):
    def __init__(self, position: int, message: str):
        super().__init__(message)
        self.position, self.message = position, message


def defaults_for(options: ImportOptions) -> Defaults:
    """The region a record falls back on (``--wilayah``, else ``REGISTRY_CITY_NAME``) and the province."""
    wilayah = region_from_text(options.wilayah) or options.wilayah.strip() or settings.REGISTRY_CITY_NAME
    return Defaults(
        wilayah=wilayah,
        province=f"Provinsi {settings.REGISTRY_PROVINCE}",
        missing_subject=_("(belum diisi)"),
    )


def _render(notes) -> list[str]:
    return [note.render(_) for note in notes]


def _fields_text(names: list[str]) -> str:
    return ", ".join(field_label(name) or name for name in names)


def _result_of(item: Planned, planner: Planner) -> RecordResult:
    record = item.record
    reasons = _render(record.notes)
    outcome = {CREATE: Outcome.CREATED, UPDATE: Outcome.UPDATED, UNCHANGED: Outcome.UNCHANGED}.get(
        item.action, Outcome.SKIPPED
    )
    if item.skip_reason:
        reasons.insert(0, item.skip_reason)
    if item.changes and item.action == UPDATE:
        reasons.insert(0, _("Diisi: %(fields)s.") % {"fields": _fields_text(item.changes)})
        if not item.publish:
            reasons.append(_("Disimpan sebagai draf (tidak diterbitkan)."))
    if item.kept:
        reasons.append(
            _("Berbeda dengan registri, tidak ditimpa (pakai --overwrite untuk menimpa): %(fields)s.")
            % {"fields": _fields_text(item.kept)}
        )
    if planner.already_proposed(item):
        reasons.append(Note(m.ALREADY_PROPOSED).render(_))
    if record.duplicates:
        reasons.append(
            _("Digabung dengan duplikat: %(list)s.") % {"list": ", ".join(f"#{n}" for n in record.duplicates)}
        )
    page_id = item.page.pk if item.page is not None and item.page.pk else item.existing_id
    return RecordResult(record.position, record.source_id, record.label, outcome, reasons, page_id)


def _rolled_back(report: ImportReport, planned: list[Planned], failures: dict[int, str]) -> None:
    report.batches_rolled_back += 1
    first = min(failures)
    for item in planned:
        record = item.record
        reasons = _render(record.notes)
        if record.position in failures:
            outcome = Outcome.FAILED
            reasons.insert(0, _("Tidak lolos validasi: %(errors)s") % {"errors": failures[record.position]})
        else:
            outcome = Outcome.ROLLED_BACK
            reasons.insert(
                0, _("Dibatalkan bersama kelompoknya karena catatan #%(n)s gagal validasi.") % {"n": first}
            )
        report.add(RecordResult(record.position, record.source_id, record.label, outcome, reasons))


def _write(planned: list[Planned], planner: Planner, options: ImportOptions, run) -> int:
    """Write one planned batch (inside the caller's transaction); return the proposals created."""
    proposals = []
    for item in planned:
        if item.action not in (CREATE, UPDATE) and not item.proposals:
            continue
        try:
            if item.action == CREATE:
                # Inserted as a draft (only its slug is checked: the plan validated it in full) and
                # published below, as the admin does; publishing validates it once more.
                item.page.live = False
                planner.index.add_child(instance=item.page)
            if item.action in (CREATE, UPDATE):
                revision = item.page.save_revision(user=options.user, log_action=True, clean=False)
                if item.publish:
                    revision.publish(user=options.user)
        except ValidationError as exc:
            raise _RecordWriteError(item.record.position, validation_text(exc)) from exc
        except IntegrityError as exc:
            raise _RecordWriteError(item.record.position, str(exc)) from exc
        page_id = item.page.pk or item.existing_id
        for spec in item.proposals:
            proposals.append(ImportProposal(regulation_id=page_id, run=run, **vars(spec)))
    ImportProposal.objects.bulk_create(proposals)
    return len(proposals)


def _log(run, results: list[RecordResult]) -> None:
    ImportRecord.objects.bulk_create(
        ImportRecord(
            run=run,
            position=result.position,
            source_id=result.source_id,
            label=result.label[:255],
            outcome=result.outcome,
            reason=result.reason_text,
            regulation_id=result.page_id,
            file_status=result.file_status,
            file_reason=result.file_reason,
        )
        for result in results
    )


def map_records(raw_records: list, defaults: Defaults) -> tuple[list[MappedRecord], list[Unmapped]]:
    """Map every record and merge duplicates: (unique mapped records, skipped and merged ones)."""
    mapped, unmapped = [], []
    for position, raw in enumerate(raw_records, start=1):
        result = map_record(raw, position, defaults)
        (mapped if isinstance(result, MappedRecord) else unmapped).append(result)
    unique, merged = merge_duplicates(mapped)
    return unique, unmapped + merged


def run_import(raw_records: list, options: ImportOptions, run: ImportRun | None = None, progress=None):
    """Import ``raw_records`` (the feed's array) and return an :class:`ImportReport`."""
    index = RegulationIndexPage.objects.first()
    if index is None:
        raise ImportFailure(
            _("Indeks peraturan belum ada di situs; jalankan penyiapan registri sebelum mengimpor.")
        )
    report = ImportReport(dry_run=options.dry_run, total=len(raw_records))
    unique, unmapped = map_records(raw_records, defaults_for(options))
    for item in unmapped:
        outcome = Outcome.MERGED if item.merged_into else Outcome.SKIPPED
        report.add(RecordResult(item.position, item.source_id, item.label, outcome, _render(item.notes)))
    writing = not options.dry_run and run is not None
    if writing:
        _log(run, report.results)
    planner = Planner(index, draft=options.draft, overwrite=options.overwrite, user=options.user)
    size = max(1, options.batch_size)
    batches = [unique[start : start + size] for start in range(0, len(unique), size)]
    for number, batch in enumerate(batches, start=1):
        report.batches += 1
        planned = planner.plan(batch)
        failures = {item.record.position: item.error for item in planned if item.error}
        if not failures and not options.dry_run:
            try:
                # The search, reference-index and coverage tasks run once per page when the batch
                # is written, not after each of its three saves (insert, revision, publish).
                with transaction.atomic(), deferred_tasks():
                    report.proposals += _write(planned, planner, options, run)
            except _RecordWriteError as exc:
                failures[exc.position] = exc.message
                planner.reload_index()
        if failures:
            before = len(report.results)
            _rolled_back(report, planned, failures)
            if writing:
                _log(run, report.results[before:])
            continue
        if options.dry_run:
            report.proposals += sum(len(item.proposals) for item in planned)
        planner.commit(planned)
        results = [_result_of(item, planner) for item in planned]
        if options.with_files and not options.dry_run:
            attach_files(planned, results, report, options)
        for result in results:
            report.add(result)
        if writing:
            _log(run, results)
        if progress:
            progress(number, len(batches))
    if run is not None and not options.dry_run:
        run.counts = report.as_json()
        run.state = ImportRun.State.DONE
        run.payload = ""
        run.finished_at = timezone.now()
        run.message = report.summary()
        run.save()
    return report

"""The full history of one regulation as rows, and those rows as CSV or XLSX.

A regulation's history is its own page log (edits, publishing, workflow steps and comments, relations
it holds or receives, services citing it, extractions applied and run, notifications sent) plus the
model log of the documents it carries (uploads, replaced files). Spreadsheet programs run a cell
that starts with "=" (or "+", "-", "@") as a formula: the CSV prefixes such a cell with an
apostrophe, and the XLSX stores every text cell as text, so an edited title cannot become a formula.
"""

import csv
import io
from dataclasses import dataclass
from datetime import datetime

from django.contrib.contenttypes.models import ContentType
from django.utils import timezone
from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from wagtail.models import ModelLogEntry, PageLogEntry

from registry.regulations.models import RegulationDocument

#: The first characters that make a spreadsheet program read a cell as a formula.
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


@dataclass(frozen=True)
class HistoryRow:
    """One log entry as the export shows it."""

    timestamp: datetime
    user: str
    action: str
    label: str
    message: str
    comment: str
    subject: str
    revision: int | None


def columns() -> list[str]:
    """The export's header row."""
    return [
        _("Waktu"),
        _("Pengguna"),
        _("Kode tindakan"),
        _("Tindakan"),
        _("Keterangan"),
        _("Komentar"),
        _("Objek"),
        _("Revisi"),
    ]


def _user_name(entry) -> str:
    if entry.user_id is None:
        return _("Sistem")
    user = entry.user
    if user is None:  # the user was deleted; Wagtail keeps the id
        return _("Pengguna terhapus (#%(id)s)") % {"id": entry.user_id}
    full_name = user.get_full_name()
    return f"{full_name} ({user.get_username()})" if full_name else user.get_username()


def _row(entry) -> HistoryRow:
    formatter = entry.formatter
    return HistoryRow(
        timestamp=timezone.localtime(entry.timestamp),
        user=_user_name(entry),
        action=entry.action,
        label=str(formatter.label) if formatter else entry.action,
        message=str(entry.message),
        comment=str(entry.comment or ""),
        subject=entry.label,
        revision=entry.revision_id,
    )


def regulation_history(page) -> list[HistoryRow]:
    """Every log entry about ``page`` and its documents, oldest first."""
    entries = list(PageLogEntry.objects.filter(page=page).select_related("user", "revision"))
    document_ids = [
        str(pk) for pk in (page.document_id, page.attachment_document_id, page.abstract_document_id) if pk
    ]
    if document_ids:
        entries += list(
            ModelLogEntry.objects.filter(
                content_type=ContentType.objects.get_for_model(RegulationDocument),
                object_id__in=document_ids,
            ).select_related("user")
        )
    entries.sort(key=lambda entry: (entry.timestamp, entry.pk))
    return [_row(entry) for entry in entries]


def _values(row: HistoryRow) -> list:
    return [
        row.timestamp.isoformat(timespec="seconds"),
        row.user,
        row.action,
        row.label,
        row.message,
        row.comment,
        row.subject,
        row.revision,
    ]


def neutralise(value):
    """A CSV cell value that no spreadsheet program runs as a formula."""
    if isinstance(value, str) and value.startswith(FORMULA_PREFIXES):
        return "'" + value
    return "" if value is None else value


def to_csv(rows: list[HistoryRow]) -> str:
    """The rows as CSV text with a byte-order mark (spreadsheet programs then read UTF-8 right)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(columns())
    for row in rows:
        writer.writerow([neutralise(value) for value in _values(row)])
    return "\ufeff" + buffer.getvalue()


def to_xlsx(rows: list[HistoryRow], title: str) -> bytes:
    """The rows as a workbook with one sheet "Riwayat"; every text cell is stored as text."""
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(_("Riwayat"))

    def cell(value):
        result = WriteOnlyCell(sheet, value=value)
        if isinstance(value, str):
            result.data_type = "s"
        return result

    sheet.append([cell(title)])
    sheet.append([cell(name) for name in columns()])
    for row in rows:
        sheet.append([cell(value) for value in _values(row)])
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()

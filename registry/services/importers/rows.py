"""Rows of a services sheet → service records and row-level issues.

Pure: no Django import. A record holds what the sheet says, parsed; the OPD and the regulations are
resolved against the registry by :mod:`.writer`.
"""

from dataclasses import dataclass, field
from decimal import Decimal

from . import messages as msg
from .cells import Citation, clean_text, parse_citation, parse_cost, parse_time, split_citations, split_lines
from .sheet import HEADERS, Table

#: Field limits of the service model (``ServicePage``, ``ServiceRequirement``, ``ServiceStep``).
TITLE_MAX = 255
REQUIREMENT_MAX = 500
STEP_MAX = 255
PRODUCT_MAX = 255
NOTE_MAX = 255


@dataclass
class ServiceRecord:
    """One service as the sheet describes it."""

    row: int
    opd: str
    title: str
    requirements: list[str] = field(default_factory=list)
    steps: list[str] = field(default_factory=list)
    time_value: int | None = None
    time_unit: str = ""
    time_note: str = ""
    cost_kind: str = ""
    cost_amount: Decimal | None = None
    cost_note: str = ""
    product: str = ""
    complaint_procedure: str = ""
    #: (citation or None when unreadable, the text as written, component code or "").
    bases: list[tuple[Citation | None, str, str]] = field(default_factory=list)
    #: The components this record sets (None: all of them, the whole sheet row is the service).
    components: tuple[str, ...] | None = None
    #: Per requirement, the heading it stands under in the source ("Izin operasional"), or "".
    requirement_notes: list[str] = field(default_factory=list)


@dataclass
class ParsedSheet:
    records: list[ServiceRecord]
    issues: list[msg.Issue]

    @property
    def errors(self):
        return [issue for issue in self.issues if issue.level == msg.ERROR]


def _limit(issues, row, column, text, limit) -> None:
    if len(text) > limit:
        issues.append(msg.Issue(row, HEADERS[column], msg.TOO_LONG, {"length": len(text), "limit": limit}))


def _lines(issues, row, column, value, limit) -> list[str]:
    items = split_lines(value)
    for number, item in enumerate(items, start=1):
        if len(item) > limit:
            issues.append(
                msg.Issue(
                    row,
                    HEADERS[column],
                    msg.LINE_TOO_LONG,
                    {"line": number, "length": len(item), "limit": limit},
                )
            )
    return items


def parse_row(row: int, cells: dict) -> tuple[ServiceRecord, list[msg.Issue]]:
    """One row → its record and what is wrong with it."""
    issues: list[msg.Issue] = []
    opd = " ".join(split_lines(cells.get("opd")))
    title = " ".join(clean_text(cells.get("layanan")).split())
    for column, value in (("opd", opd), ("layanan", title)):
        if not value:
            issues.append(msg.Issue(row, HEADERS[column], msg.REQUIRED, {"column": HEADERS[column]}))
    _limit(issues, row, "layanan", title, TITLE_MAX)
    record = ServiceRecord(row=row, opd=opd, title=title)
    record.requirements = _lines(issues, row, "persyaratan", cells.get("persyaratan"), REQUIREMENT_MAX)
    record.steps = _lines(issues, row, "prosedur", cells.get("prosedur"), STEP_MAX)

    time_text = clean_text(cells.get("waktu"))
    time = parse_time(time_text)
    if time is None:
        issues.append(msg.Issue(row, HEADERS["waktu"], msg.BAD_TIME, {"text": time_text}))
    else:
        record.time_value, record.time_unit, record.time_note = time.value, time.unit, time.note
        if time.value is None and time.note:
            issues.append(
                msg.Issue(row, HEADERS["waktu"], msg.TIME_AS_NOTE, {"text": time.note}, msg.WARNING)
            )
        _limit(issues, row, "waktu", time.note, NOTE_MAX)

    cost_text = clean_text(cells.get("biaya"))
    cost = parse_cost(cost_text)
    if cost is None:
        issues.append(msg.Issue(row, HEADERS["biaya"], msg.BAD_AMOUNT, {"text": cost_text}))
    else:
        record.cost_kind, record.cost_amount, record.cost_note = cost.kind, cost.amount, cost.note
        if not cost.kind and cost.note:
            issues.append(
                msg.Issue(row, HEADERS["biaya"], msg.COST_WITHOUT_AMOUNT, {"text": cost.note}, msg.WARNING)
            )
            # "Sesuai Perda No. 5 Tahun 2023": the regulation founds the tariff (component biaya).
            citation = parse_citation(cost.note)
            if citation:
                record.bases.append((citation, citation.text, "biaya"))
        _limit(issues, row, "biaya", cost.note, NOTE_MAX)

    record.product = " ".join(split_lines(cells.get("produk")))
    _limit(issues, row, "produk", record.product, PRODUCT_MAX)
    record.complaint_procedure = clean_text(cells.get("pengaduan"))

    for text in split_citations(cells.get("dasar_hukum")):
        citation = parse_citation(text)
        if citation is None:
            issues.append(
                msg.Issue(row, HEADERS["dasar_hukum"], msg.BASIS_UNREADABLE, {"text": text}, msg.WARNING)
            )
        record.bases.append((citation, text, ""))
    return record, issues


def parse_table(table: Table) -> ParsedSheet:
    """Every row of the sheet; a service listed twice for one OPD is an error on the second row."""
    records, issues = [], []
    seen: dict[tuple[str, str], int] = {}
    for row, cells in table.rows:
        record, row_issues = parse_row(row, cells)
        key = (record.opd.casefold(), record.title.casefold())
        if record.opd and record.title:
            if key in seen:
                row_issues.append(
                    msg.Issue(
                        row,
                        HEADERS["layanan"],
                        msg.DUPLICATE_ROW,
                        {"title": record.title, "opd": record.opd, "first": seen[key]},
                    )
                )
            else:
                seen[key] = row
        records.append(record)
        issues.extend(row_issues)
    return ParsedSheet(records=records, issues=issues)

"""Reading a services sheet (XLSX or CSV) into rows of text, and building the downloadable template.

Pure: no Django import (openpyxl and the standard library only).
"""

import csv
import io
import re
from dataclasses import dataclass
from datetime import date, datetime

from . import messages as msg

#: The columns of a SIPP-style Standar Pelayanan sheet: key, header in the template, accepted spellings.
COLUMNS = (
    ("opd", "OPD", ("opd", "perangkatdaerah", "namaopd", "unitkerja", "instansi")),
    ("layanan", "Layanan", ("layanan", "namalayanan", "jenislayanan", "namapelayanan")),
    ("persyaratan", "Persyaratan", ("persyaratan", "persyaratanpelayanan", "syarat")),
    (
        "prosedur",
        "Prosedur",
        ("prosedur", "sistemmekanismedanprosedur", "mekanismedanprosedur", "alur", "alurpelayanan"),
    ),
    (
        "waktu",
        "Waktu",
        ("waktu", "jangkawaktu", "jangkawaktupelayanan", "waktupelayanan", "waktupenyelesaian"),
    ),
    ("biaya", "Biaya", ("biaya", "biayatarif", "tarif", "biayapelayanan")),
    ("produk", "Produk", ("produk", "produkpelayanan", "produklayanan")),
    (
        "pengaduan",
        "Pengaduan",
        ("pengaduan", "penangananpengaduan", "penangananpengaduansarandanmasukan", "saluranpengaduan"),
    ),
    ("dasar_hukum", "Dasar hukum", ("dasarhukum", "landasanhukum")),
)
REQUIRED_COLUMNS = ("opd", "layanan")
HEADERS = {key: header for key, header, _ in COLUMNS}
#: How many rows above the header a sheet may carry (a title, the OPD's name, a blank line …).
HEADER_SEARCH_ROWS = 10
MAX_ROWS = 2000


class SheetError(Exception):
    """The file as a whole cannot be read; carries an :class:`~.messages.Issue` at row 0."""

    def __init__(self, issue: msg.Issue):
        super().__init__(issue.render())
        self.issue = issue


@dataclass(frozen=True)
class Table:
    """The rows under the header: (sheet row number, {column key: text}), and the header's row."""

    header_row: int
    rows: list[tuple[int, dict[str, object]]]


def _key(header) -> str:
    return re.sub(r"[^a-z]", "", str(header or "").lower())


_ALIASES = {alias: key for key, _, aliases in COLUMNS for alias in aliases}


def _cell(value) -> object:
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    return value


def _raw_rows(name: str, data: bytes) -> list[list]:
    lowered = name.lower()
    if lowered.endswith((".xlsx", ".xlsm")):
        from openpyxl import load_workbook

        try:
            book = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
        except Exception as exc:  # openpyxl raises many kinds for a broken file
            raise SheetError(
                msg.Issue(0, "", msg.UNREADABLE, {"kind": "XLSX", "reason": type(exc).__name__})
            ) from exc
        sheet = book.worksheets[0]
        rows = []
        for row in sheet.iter_rows(values_only=True):
            rows.append([_cell(v) for v in row])
            if len(rows) > MAX_ROWS + HEADER_SEARCH_ROWS:
                break
        book.close()
        return rows
    if lowered.endswith((".csv", ".txt")):
        for encoding in ("utf-8-sig", "cp1252", "latin-1"):
            try:
                text = data.decode(encoding)
                break
            except UnicodeDecodeError:
                continue
        try:
            dialect = csv.Sniffer().sniff(text[:4096], delimiters=",;\t")
        except csv.Error:
            dialect = csv.excel
        return [list(row) for row in csv.reader(io.StringIO(text, newline=""), dialect)]
    raise SheetError(msg.Issue(0, "", msg.UNSUPPORTED, {"name": name}))


def _find_header(raw: list[list]) -> tuple[int, list[str | None]]:
    """The index of the header row and the column key of each of its cells."""
    for index, row in enumerate(raw[:HEADER_SEARCH_ROWS]):
        keys = [_ALIASES.get(_key(value)) for value in row]
        if all(required in keys for required in REQUIRED_COLUMNS):
            return index, keys
    columns = ", ".join(HEADERS[key] for key in REQUIRED_COLUMNS)
    raise SheetError(msg.Issue(0, "", msg.NO_HEADER, {"columns": columns}))


def read_table(name: str, data: bytes) -> Table:
    """The service rows of an uploaded file, keyed by column; raises :class:`SheetError`."""
    raw = _raw_rows(name, data)
    index, keys = _find_header(raw)
    rows = []
    for offset, values in enumerate(raw[index + 1 :], start=index + 2):
        record = {key: value for key, value in zip(keys, values, strict=False) if key}
        if any(str(value).strip() for value in record.values() if value is not None):
            rows.append((offset, record))
    if len(rows) > MAX_ROWS:
        raise SheetError(msg.Issue(0, "", msg.TOO_MANY_ROWS, {"limit": MAX_ROWS}))
    if not rows:
        raise SheetError(msg.Issue(0, "", msg.NO_ROWS))
    return Table(header_row=index + 1, rows=rows)


EXAMPLE_ROW = {
    "opd": "Disdukcapil",
    "layanan": "Penerbitan Akta Kelahiran",
    "persyaratan": "1. Surat keterangan lahir\n2. Kartu Keluarga\n3. KTP orang tua",
    "prosedur": "1. Pemohon mengisi formulir\n2. Petugas memverifikasi berkas\n3. Akta dicetak dan diserahkan",
    "waktu": "1 hari kerja",
    "biaya": "Gratis",
    "produk": "Kutipan Akta Kelahiran",
    "pengaduan": "SP4N-LAPOR! dan kotak saran di kantor",
    "dasar_hukum": "Perda No. 1 Tahun 2024 Pasal 11\nPeraturan Wali Kota Nomor 12 Tahun 2023 Pasal 5 ayat (2)",
}


def build_template() -> bytes:
    """The XLSX template: the header row, one example row, wrapped multi-line cells."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font

    book = Workbook()
    sheet = book.active
    sheet.title = "Layanan"
    sheet.append([HEADERS[key] for key, _, _ in COLUMNS])
    sheet.append([EXAMPLE_ROW[key] for key, _, _ in COLUMNS])
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for cell in sheet[2]:
        cell.alignment = Alignment(wrap_text=True, vertical="top")
    for letter in "ABCDEFGHI":
        sheet.column_dimensions[letter].width = 32
    sheet.freeze_panes = "A2"
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()

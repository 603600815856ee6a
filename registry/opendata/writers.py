"""Write a dataset as CSV (streamed), XLSX or JSON, each carrying its data dictionary.

- **CSV**: UTF-8 with a byte-order mark (so spreadsheet programs read the Indonesian text right),
  one header row of column names, then the data; streamed row by row. The dictionary, licence and
  generation date are a sidecar file, ``<dataset>-kamus.csv``, named in the response's ``Link``
  header (``rel="describedby"``) and on the page. A CSV keeps to plain rows so every reader parses it.
- **XLSX**: sheet "Data" and sheet "Kamus data" (dataset, licence, generation date, then one row per
  column: kolom, arti, tipe). Text is always stored as text, never as a formula.
- **JSON**: one object: ``dataset``, ``judul``, ``deskripsi``, ``lisensi``, ``dibuat_pada``,
  ``sumber``, ``dictionary`` (the data dictionary) and ``data`` (one object per row).
"""

import csv
import io
import json

from django.http import HttpResponse, StreamingHttpResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell

from .meta import absolute

LICENCE = {
    "nama": "Creative Commons Atribusi 4.0 Internasional (CC BY 4.0)",
    "kode": "CC-BY-4.0",
    "url": "https://creativecommons.org/licenses/by/4.0/deed.id",
}

CONTENT_TYPES = {
    "csv": "text/csv; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "json": "application/json",
}


def file_name(dataset, fmt: str, generated) -> str:
    return f"{dataset.slug}-{generated:%Y-%m-%d}.{fmt}"


def _attachment(response, name: str):
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


class _Echo:
    """A file-like object whose write returns the line, for csv.writer in a streaming response."""

    def write(self, value):
        return value


def _csv_value(value):
    return "" if value is None else value


def csv_response(request, dataset, generated):
    """The dataset as a streamed CSV, its dictionary linked in the Link header."""
    writer = csv.writer(_Echo())

    def lines():
        yield "\ufeff" + writer.writerow([column.name for column in dataset.columns])
        for record in dataset.records(request):
            yield writer.writerow([_csv_value(value) for value in record])

    response = StreamingHttpResponse(lines(), content_type=CONTENT_TYPES["csv"])
    dictionary_url = absolute(request, reverse("open_data_dictionary", args=[dataset.slug]))
    response["Link"] = f'<{dictionary_url}>; rel="describedby"; type="text/csv"'
    return _attachment(response, file_name(dataset, "csv", generated))


def _about_rows(request, dataset, generated) -> list[list[str]]:
    return [
        [_("Dataset"), str(dataset.title)],
        [_("Keterangan"), str(dataset.description)],
        [_("Lisensi"), f"{LICENCE['nama']} {LICENCE['url']}"],
        [_("Dibuat pada"), generated.isoformat(timespec="seconds")],
        [_("Sumber"), absolute(request, reverse("open_data"))],
    ]


def dictionary_csv_response(request, dataset, generated):
    """The sidecar of a CSV download: about the dataset, then its data dictionary."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    for row in _about_rows(request, dataset, generated):
        writer.writerow(row)
    writer.writerow([])
    writer.writerow(["kolom", "arti", "tipe"])
    for entry in dataset.dictionary():
        writer.writerow([entry["kolom"], entry["arti"], entry["tipe"]])
    response = HttpResponse("\ufeff" + buffer.getvalue(), content_type=CONTENT_TYPES["csv"])
    return _attachment(response, f"{dataset.slug}-kamus.csv")


def _text_cell(sheet, value):
    """A cell that stores ``value`` as it is: a string starting with "=" stays text, not a formula."""
    cell = WriteOnlyCell(sheet, value=value)
    if isinstance(value, str):
        cell.data_type = "s"
    return cell


def xlsx_response(request, dataset, generated):
    """The dataset as a workbook: sheet "Data" and sheet "Kamus data"."""
    workbook = Workbook(write_only=True)
    data = workbook.create_sheet(_("Data"))
    data.append([_text_cell(data, column.name) for column in dataset.columns])
    for record in dataset.records(request):
        data.append([_text_cell(data, value) for value in record])
    about = workbook.create_sheet(_("Kamus data"))
    for row in _about_rows(request, dataset, generated):
        about.append([_text_cell(about, value) for value in row])
    about.append([])
    about.append([_text_cell(about, value) for value in ("kolom", "arti", "tipe")])
    for entry in dataset.dictionary():
        about.append([_text_cell(about, entry[key]) for key in ("kolom", "arti", "tipe")])
    buffer = io.BytesIO()
    workbook.save(buffer)
    response = HttpResponse(buffer.getvalue(), content_type=CONTENT_TYPES["xlsx"])
    return _attachment(response, file_name(dataset, "xlsx", generated))


def json_document(request, dataset, generated) -> dict:
    """The dataset as one JSON-ready object with its dictionary, licence and generation date."""
    names = [column.name for column in dataset.columns]
    return {
        "dataset": dataset.slug,
        "judul": str(dataset.title),
        "deskripsi": str(dataset.description),
        "lisensi": LICENCE,
        "dibuat_pada": generated.isoformat(timespec="seconds"),
        "sumber": absolute(request, reverse("open_data")),
        "dictionary": dataset.dictionary(),
        "data": [dict(zip(names, record, strict=True)) for record in dataset.records(request)],
    }


def json_response(request, dataset, generated):
    body = json.dumps(json_document(request, dataset, generated), ensure_ascii=False, indent=1)
    response = HttpResponse(body, content_type=CONTENT_TYPES["json"])
    return _attachment(response, file_name(dataset, "json", generated))


WRITERS = {"csv": csv_response, "xlsx": xlsx_response, "json": json_response}

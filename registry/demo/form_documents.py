"""The demo's downloadable forms (``data/forms.toml``), typeset as small fill-in PDFs.

A service names its forms by code (``forms = ["F-2.01"]``); the loader stores each form's PDF once
as a document (same bytes, same SHA-1: ``invariant=1`` fixes the timestamps) and attaches it to the
service as a ServiceForm row.
"""

from dataclasses import dataclass
from functools import cache
from io import BytesIO
from xml.sax.saxutils import escape

from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import cm
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from .opd import units_by_slug
from .schema import DataError, check_tables, data_file, parse, read_toml, rows

TITLE = ParagraphStyle("form-title", fontName="Helvetica-Bold", fontSize=13, leading=16, alignment=1)
BODY = ParagraphStyle("form-body", fontName="Helvetica", fontSize=10, leading=13)
SMALL = ParagraphStyle("form-small", parent=BODY, fontSize=8.5, leading=11)
#: The data file the forms are read from.
FILE = "forms.toml"

FIELD_TABLE = TableStyle(
    [
        ("VALIGN", (0, 0), (-1, -1), "BOTTOM"),
        ("LINEBELOW", (1, 0), (1, -1), 0.5, "#000000"),
        ("TOPPADDING", (0, 0), (-1, -1), 9),
        ("LEFTPADDING", (0, 0), (-1, -1), 0),
    ]
)


@dataclass(frozen=True, kw_only=True)
class Form:
    """A ``[[form]]``: its code, title, the unit that issues it and the fields the applicant fills in."""

    code: str
    title: str
    opd: str
    fields: tuple[str, ...]


@cache
def forms_by_code() -> dict[str, Form]:
    """Every demo form by code; the issuing unit must be a demo unit."""
    path = data_file(FILE)
    document = read_toml(path)
    check_tables(document, path, {"form"})
    forms = {}
    for where, raw in rows(document, path, "form"):
        form = parse(Form, raw, f"{where} ({raw.get('code', '?')})")
        if form.opd not in units_by_slug():
            raise DataError(f"{where}: opd '{form.opd}' names no unit of opd.csv/opd.toml")
        if form.code in forms:
            raise DataError(f"{where}: form code '{form.code}' is used twice")
        forms[form.code] = form
    return forms


def filename(form: Form) -> str:
    """The stored file name, e.g. ``formulir-f-2-01.pdf``."""
    slug = "".join(ch if ch.isalnum() else "-" for ch in form.code.lower())
    return f"formulir-{slug}.pdf"


def render(form: Form) -> bytes:
    """The form as a one-page A4 PDF: issuer, code and title, then a labelled line per field."""
    unit = units_by_slug()[form.opd]
    buffer = BytesIO()
    doc = SimpleDocTemplate(
        buffer,
        pagesize=A4,
        leftMargin=2 * cm,
        rightMargin=2 * cm,
        topMargin=2 * cm,
        bottomMargin=2 * cm,
        title=f"{form.code} {form.title}",
        author=unit.title,
        invariant=1,
    )
    width = A4[0] - 4 * cm
    table = Table(
        [[Paragraph(escape(label), BODY), ""] for label in form.fields],
        colWidths=[6 * cm, width - 6 * cm],
        style=FIELD_TABLE,
    )
    story = [
        Paragraph(escape(f"PEMERINTAH KOTA BALIKPAPAN — {unit.title.upper()}"), SMALL),
        Spacer(1, 0.4 * cm),
        Paragraph(escape(f"FORMULIR {form.code}"), TITLE),
        Paragraph(escape(form.title), TITLE),
        Spacer(1, 0.6 * cm),
        table,
        Spacer(1, 1.2 * cm),
        Paragraph("Balikpapan, ____________________", BODY),
        Spacer(1, 1.5 * cm),
        Paragraph("(tanda tangan dan nama jelas pemohon)", SMALL),
    ]
    doc.build(story)
    return buffer.getvalue()

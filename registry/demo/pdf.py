"""Typeset a demo regulation as a deterministic A4 PDF that follows domain §3.1.

Standard Type 1 fonts only (Times), so pdfminer extracts the text; ``invariant=1`` fixes the PDF's
timestamps and document id, so the same content always gives the same bytes (and the same SHA-1).
"""

from io import BytesIO
from xml.sax.saxutils import escape

from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import cm
from reportlab.platypus import (
    KeepTogether,
    PageBreak,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    Table,
    TableStyle,
)

from . import legal_text as lt
from .opd import units_by_slug

BODY = ParagraphStyle("body", fontName="Times-Roman", fontSize=11, leading=14, alignment=TA_JUSTIFY)
LEFT = ParagraphStyle("left", parent=BODY, alignment=0)
CENTER = ParagraphStyle("center", parent=BODY, alignment=TA_CENTER)
BOLD_CENTER = ParagraphStyle("bold-center", parent=CENTER, fontName="Times-Bold")
SMALL = ParagraphStyle("small", parent=BODY, fontSize=8.5, leading=10, alignment=0)
SMALL_BOLD = ParagraphStyle("small-bold", parent=SMALL, fontName="Times-Bold")
PLAIN_TABLE = TableStyle(
    [
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 0),
        ("RIGHTPADDING", (0, 0), (-1, -1), 3),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
    ]
)
WIDTH = A4[0] - 5 * cm


def _p(text, style=BODY):
    return Paragraph(escape(text), style)


def _lines(lines, style=BOLD_CENTER):
    return [_p(line, style) for line in lines]


def _hanging(marker, text, indent=0):
    """A numbered item whose continuation lines hang under the text, not the marker."""
    style = ParagraphStyle(f"hang-{indent}", parent=BODY, leftIndent=indent + 20, firstLineIndent=-20)
    return Paragraph(f"{escape(marker)}&nbsp;{escape(text)}", style)


def _labelled(label, items, numbered="letter", align_left=False):
    """The Menimbang / Mengingat block: label, colon, then hanging items (a. b. … or 1. 2. …)."""
    rows = []
    for index, text in enumerate(items):
        marker = (
            "" if len(items) == 1 else (f"{chr(97 + index)}." if numbered == "letter" else f"{index + 1}.")
        )
        suffix = "." if index == len(items) - 1 else ";"
        cell = _hanging(marker, text + suffix) if marker else _p(text + suffix, LEFT if align_left else BODY)
        rows.append([label if index == 0 else "", ":" if index == 0 else "", cell])
    table = Table(rows, colWidths=[2.6 * cm, 0.4 * cm, WIDTH - 3 * cm], style=PLAIN_TABLE)
    table.setStyle(
        TableStyle([("FONTNAME", (0, 0), (-1, -1), "Times-Roman"), ("FONTSIZE", (0, 0), (-1, -1), 11)])
    )
    return [table, Spacer(1, 6)]


def _pasal(number, pasal, definitions, intro="Peraturan Wali Kota"):
    """One article: its heading, then ayat (1) (2) … with huruf a. b. where given."""
    flow = [Spacer(1, 4), _p(f"Pasal {number}", BOLD_CENTER), Spacer(1, 2)]
    if pasal == ("__definitions__",):
        flow.append(_p(f"Dalam {intro} ini yang dimaksud dengan:"))
        flow += [_hanging(f"{i}.", text) for i, text in enumerate(definitions, start=1)]
        return flow
    for index, ayat in enumerate(pasal, start=1):
        marker = f"({index})" if len(pasal) > 1 else ""
        intro, items = (ayat, ()) if isinstance(ayat, str) else ayat
        flow.append(_hanging(marker, intro) if marker else _p(intro))
        for letter, item in enumerate(items):
            end = "." if letter == len(items) - 1 else ("; dan" if letter == len(items) - 2 else ";")
            flow.append(_hanging(f"{chr(97 + letter)}.", item + end, indent=20 if marker else 0))
    return flow


def _amended_article(text):
    """The new wording of an amended article: "Pasal 4: (1) …" becomes a heading and its text."""
    label, _, wording = text.partition(": ")
    return [_p(label, BOLD_CENTER), _p(wording, ParagraphStyle("quoted", parent=BODY, leftIndent=20))]


def _body(reg, records):
    if reg.amendments:
        target = next(records[r[1]] for r in reg.relations if r[0] == "mengubah")
        flow = [
            _p("Pasal I", BOLD_CENTER),
            _p(f"Beberapa ketentuan dalam {lt.citation(target)} diubah sebagai berikut:"),
        ]
        for index, (instruction, text) in enumerate(reg.amendments, start=1):
            flow += [
                _hanging(f"{index}.", instruction),
                *_amended_article(text),
            ]
        closing = lt.closing_articles(reg, {})[-1][0]
        return [*flow, Spacer(1, 6), _p("Pasal II", BOLD_CENTER), _p(closing)]
    flow, number = [], 0
    for bab, (title, pasals) in enumerate(lt.articles(reg, records)):
        flow += [Spacer(1, 8), _p(f"BAB {lt.ROMAN[bab]}", BOLD_CENTER), _p(title, BOLD_CENTER)]
        for pasal in pasals:
            number += 1
            flow += _pasal(number, pasal, lt.definitions(reg), lt.enacting_name(reg))
    return flow


def _signature(reg, signer):
    """Ditetapkan block (right) and, for promulgated instruments, Diundangkan block (left)."""
    jabatan, name = signer["title"], signer["name"]
    right = [
        "Ditetapkan di Balikpapan",
        f"pada tanggal {lt.tanggal(reg.penetapan)}",
        "",
        f"{jabatan},",
        "",
        "ttd",
        "",
        name,
    ]
    if signer.get("nip"):
        right.append(f"NIP. {signer['nip']}")
    flow = [
        Spacer(1, 12),
        Table([["", _stack(right)]], colWidths=[WIDTH * 0.45, WIDTH * 0.55], style=PLAIN_TABLE),
    ]
    if not reg.is_decree:
        left = [
            "Diundangkan di Balikpapan",
            f"pada tanggal {lt.tanggal(reg.pengundangan)}",
            "",
            "SEKRETARIS DAERAH KOTA BALIKPAPAN,",
            "",
            "ttd",
            "",
            signer["sekda"],
        ]
        year, number, supplement = reg.gazette
        gazette = "LEMBARAN" if reg.code == "PERDA" else "BERITA"
        flow += [
            Spacer(1, 8),
            _stack(left, width=WIDTH * 0.55),
            Spacer(1, 14),
            _p(
                f"{gazette} DAERAH KOTA BALIKPAPAN TAHUN {year} NOMOR {number}",
                ParagraphStyle("bd", parent=BODY, fontName="Times-Bold"),
            ),
        ]
        if reg.code == "PERDA":
            flow.append(
                _p(
                    f"NOREG PERATURAN DAERAH KOTA BALIKPAPAN, PROVINSI KALIMANTAN TIMUR: ({number}/{year})",
                    ParagraphStyle("noreg", parent=BODY, fontName="Times-Bold"),
                )
            )
    return [KeepTogether(flow)]


def _stack(lines, width=None):
    style = ParagraphStyle("sig", parent=BODY, alignment=0)
    return Table(
        [[_p(line, style)] for line in lines], colWidths=[width] if width else None, style=PLAIN_TABLE
    )


def _penjelasan(reg, records):
    flow = [
        PageBreak(),
        *_lines(["PENJELASAN", "ATAS", *lt.heading(reg)]),
        Spacer(1, 8),
        _p("I. UMUM", ParagraphStyle("h", parent=BODY, fontName="Times-Bold")),
        _p(reg.ringkasan),
        _p("II. PASAL DEMI PASAL", ParagraphStyle("h2", parent=BODY, fontName="Times-Bold")),
    ]
    for number in range(1, lt.pasal_count(reg, records) + 1):
        flow += [_p(f"Pasal {number}"), _p("Cukup jelas.", ParagraphStyle("cj", parent=BODY, leftIndent=20))]
    flow.append(
        _p(
            f"TAMBAHAN LEMBARAN DAERAH KOTA BALIKPAPAN NOMOR {reg.gazette[2]}",
            ParagraphStyle("tld", parent=BODY, fontName="Times-Bold"),
        )
    )
    return flow


def _lampiran(reg, rows, heading_cells):
    head = f"LAMPIRAN {lt.jenis(reg).upper()} KOTA BALIKPAPAN NOMOR {reg.nomor} TANGGAL {lt.tanggal(reg.penetapan).upper()}"
    table = Table(
        [[_p(c, SMALL_BOLD) for c in heading_cells]] + [[_p(str(c), SMALL) for c in row] for row in rows],
        repeatRows=1,
        colWidths=_lampiran_widths(len(heading_cells)),
    )
    table.setStyle(
        TableStyle([("GRID", (0, 0), (-1, -1), 0.5, "black"), ("VALIGN", (0, 0), (-1, -1), "TOP")])
    )
    return [
        PageBreak(),
        _p(head, SMALL_BOLD),
        _p(f"TENTANG {reg.tentang.upper()}", SMALL_BOLD),
        Spacer(1, 8),
        table,
    ]


def _lampiran_widths(columns):
    if columns == 6:
        return [0.8 * cm, 3.6 * cm, 5.6 * cm, 2.2 * cm, 2.2 * cm, WIDTH - 14.4 * cm]
    return [0.8 * cm, 3.8 * cm, WIDTH - 7.4 * cm, 2.8 * cm]


def _kop(reg):
    if reg.code == "KEP_KEPALA_PD":
        unit = units_by_slug()[reg.signer]
        return [
            *_lines(["PEMERINTAH KOTA BALIKPAPAN", unit.title.upper()]),
            _p(
                f"{unit.address}, Telp. {unit.phone}, Surel {unit.email}",
                ParagraphStyle("addr", parent=CENTER, fontSize=9, leading=11),
            ),
            Spacer(1, 10),
        ]
    return [*_lines(["WALI KOTA BALIKPAPAN", "PROVINSI KALIMANTAN TIMUR"]), Spacer(1, 14)]


def render(reg, records, amendments_of, signer, lampiran=None) -> tuple[bytes, int]:
    """Typeset ``reg``; return the PDF bytes and the page count.

    ``signer`` holds the signing official's ``title`` and ``name`` (and ``nip``, ``sekda``);
    ``lampiran`` is an optional (heading cells, rows) pair for a Keputusan's annex table.
    """
    jenis_upper = lt.enacting_name(reg).upper()
    flow = [
        _p("SALINAN", ParagraphStyle("salinan", parent=BODY, alignment=2, fontSize=9)),
        *_kop(reg),
        *_lines(lt.heading(reg)),
        Spacer(1, 10),
        *_lines(["DENGAN RAHMAT TUHAN YANG MAHA ESA"]),
        Spacer(1, 6),
        *_lines([f"{signer['title']},"]),
        Spacer(1, 10),
    ]
    flow += _labelled("Menimbang", lt.menimbang(reg))
    flow += _labelled("Mengingat", lt.mengingat(reg, records, amendments_of), numbered="number")
    if reg.code == "PERDA":
        flow += _lines(
            [
                "Dengan Persetujuan Bersama",
                "DEWAN PERWAKILAN RAKYAT DAERAH KOTA BALIKPAPAN",
                "dan",
                "WALI KOTA BALIKPAPAN",
            ]
        ) + [Spacer(1, 8)]
    flow += [*_lines(["MEMUTUSKAN:"]), Spacer(1, 4)]
    if reg.is_decree:
        flow += _labelled("Menetapkan", [f"{jenis_upper} TENTANG {reg.tentang.upper()}"], align_left=True)
        diktum = lt.decree_diktum(reg, records, lampiran[2] if lampiran else ())
        rows = [[lt.ORDINALS[i], ":", _p(text)] for i, text in enumerate(diktum)]
        flow.append(Table(rows, colWidths=[2.6 * cm, 0.4 * cm, WIDTH - 3 * cm], style=PLAIN_TABLE))
    else:
        flow += _labelled("Menetapkan", [f"{jenis_upper} TENTANG {reg.tentang.upper()}"], align_left=True)
        flow += _body(reg, records)
    flow += _signature(reg, signer)
    if reg.code == "PERDA" and not reg.amendments:
        flow += _penjelasan(reg, records)
    if lampiran:
        flow += _lampiran(reg, lampiran[1], lampiran[0])

    buffer = BytesIO()
    doc = SimpleDocTemplate(
        buffer,
        pagesize=A4,
        leftMargin=3 * cm,
        rightMargin=2 * cm,
        topMargin=2 * cm,
        bottomMargin=2 * cm,
        title=lt.full_title(reg),
        author="Pemerintah Kota Balikpapan",
        subject="Dokumen contoh yang dibangkitkan untuk demo Registri",
        creator="Registri load_demo",
        invariant=1,
    )
    doc.build(flow, onLaterPages=_page_number)
    return buffer.getvalue(), doc.page


def _page_number(canvas, doc):
    canvas.saveState()
    canvas.setFont("Times-Roman", 10)
    canvas.drawCentredString(A4[0] / 2, A4[1] - 1.2 * cm, f"- {doc.page} -")
    canvas.restoreState()

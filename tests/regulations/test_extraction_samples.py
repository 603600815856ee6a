"""Builders for the small PDFs (good and hostile) that the extraction tests need, and their checks.

Everything is generated on the fly into a temporary folder: a born-digital regulation (reportlab),
an image-only scan of one (Pillow), an encrypted one, and hand-written hostile files (thousands of
empty pages, deep nesting). The other extraction test modules import these builders.
"""

import io
import zipfile
import zlib
from pathlib import Path

from reportlab.lib.pagesizes import A4
from reportlab.lib.pdfencrypt import StandardEncryption
from reportlab.pdfgen import canvas

from registry.regulations.extraction.sniff import has_pdf_objects, sniff_bytes

REGULATION_PAGES = [
    [
        "WALI KOTA BALIKPAPAN",
        "PROVINSI KALIMANTAN TIMUR",
        "PERATURAN WALI KOTA BALIKPAPAN",
        "NOMOR 12 TAHUN 2023",
        "TENTANG",
        "STANDAR PELAYANAN PUBLIK",
        "BAB I",
        "KETENTUAN UMUM",
        "Pasal 1",
        "Dalam Peraturan Wali Kota ini yang dimaksud dengan:",
        "1. Daerah adalah Kota Balikpapan.",
    ],
    [
        "Pasal 2",
        "(1) Standar pelayanan wajib ditetapkan oleh setiap perangkat daerah.",
        "(2) Standar pelayanan sebagaimana dimaksud pada ayat (1) diumumkan.",
        "Pasal 5",
        "Peraturan Wali Kota ini mulai berlaku pada tanggal diundangkan.",
    ],
]


def regulation_pdf(path: Path, pages=REGULATION_PAGES, encrypt_password: str | None = None) -> Path:
    """A born-digital PDF with one text line per entry, one page per list; optionally encrypted."""
    encrypt = StandardEncryption(encrypt_password, canPrint=1) if encrypt_password else None
    pdf = canvas.Canvas(str(path), pagesize=A4, encrypt=encrypt)
    for lines in pages:
        y = A4[1] - 72
        for line in lines:
            pdf.setFont("Helvetica", 12)
            pdf.drawString(72, y, line)
            y -= 22
        pdf.showPage()
    pdf.save()
    return path


def scanned_pdf(path: Path, lines=REGULATION_PAGES[0][2:6]) -> Path:
    """An image-only page: the lines rendered with Pillow at 300 dpi and placed as a full-page image."""
    from PIL import Image, ImageDraw, ImageFont
    from reportlab.lib.utils import ImageReader

    width, height = int(A4[0] / 72 * 300), int(A4[1] / 72 * 300)
    image = Image.new("L", (width, height), 255)
    draw = ImageDraw.Draw(image)
    font = ImageFont.load_default(size=56)
    y = 300
    for line in lines:
        draw.text((250, y), line, fill=0, font=font)
        y += 110
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    buffer.seek(0)
    pdf = canvas.Canvas(str(path), pagesize=A4)
    pdf.drawImage(ImageReader(buffer), 0, 0, width=A4[0], height=A4[1])
    pdf.showPage()
    pdf.save()
    return path


def _write_pdf(path: Path, objects: list[bytes]) -> Path:
    """Write numbered objects (1..n, object 1 the catalog) with a correct xref table."""
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n" % number + body + b"\nendobj\n")
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1))
    for offset in offsets:
        out.write(b"%010d 00000 n \n" % offset)
    out.write(b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref))
    path.write_bytes(out.getvalue())
    return path


def many_empty_pages_pdf(path: Path, count: int = 5000) -> Path:
    """``count`` empty pages that all share one empty content stream (a few hundred KB)."""
    first_page = 4
    kids = b" ".join(b"%d 0 R" % (first_page + index) for index in range(count))
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [" + kids + b"] /Count %d >>" % count,
        b"<< /Length 0 >>\nstream\n\nendstream",
    ]
    page = b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 3 0 R >>"
    objects.extend([page] * count)
    return _write_pdf(path, objects)


def deeply_nested_pdf(path: Path, depth: int = 50000) -> Path:
    """One page whose content stream and resources hold arrays nested ``depth`` deep."""
    nested = b"[" * depth + b"]" * depth
    content = b"BT /F1 12 Tf 72 720 Td " + nested + b" TJ ET"
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Extra " + nested + b" >>",
        b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream",
    ]
    return _write_pdf(path, objects)


def deep_page_tree_pdf(path: Path, depth: int = 20000) -> Path:
    """A page tree nested ``depth`` levels deep before its only page."""
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>"]
    for level in range(depth):
        number = 2 + level
        objects.append(b"<< /Type /Pages /Kids [%d 0 R] /Count 1 >>" % (number + 1))
    objects.append(b"<< /Type /Page /MediaBox [0 0 595 842] >>")
    return _write_pdf(path, objects)


def decompression_bomb_pdf(path: Path, megabytes: int = 400) -> Path:
    """One page whose content stream is small on disk but inflates to ``megabytes`` of spaces."""
    compressor = zlib.compressobj(9)
    chunk = b" " * (1024 * 1024)
    packed = b"".join(compressor.compress(chunk) for _ in range(megabytes)) + compressor.flush()
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>",
        b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(packed) + packed + b"\nendstream",
    ]
    return _write_pdf(path, objects)


def zip_bytes() -> bytes:
    """A small ZIP archive (what a .docx or a zipped upload looks like)."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("perwal.txt", "PERATURAN WALI KOTA")
    return buffer.getvalue()


HTML_BYTES = b"<!DOCTYPE html><html><head><title>404</title></head><body>Not found</body></html>"


def test_generated_regulation_is_a_pdf_with_objects(tmp_path):
    """The born-digital sample passes the byte-level PDF checks."""
    path = regulation_pdf(tmp_path / "perwal.pdf")
    assert sniff_bytes(path.read_bytes()).is_pdf
    with path.open("rb") as fileobj:
        assert has_pdf_objects(fileobj)


def test_generated_hostile_files_are_cheap(tmp_path):
    """The hostile samples stay small enough to build in every test run."""
    assert many_empty_pages_pdf(tmp_path / "many.pdf").stat().st_size < 1_000_000
    assert deeply_nested_pdf(tmp_path / "nested.pdf").stat().st_size < 1_000_000
    assert deep_page_tree_pdf(tmp_path / "tree.pdf").stat().st_size < 2_000_000

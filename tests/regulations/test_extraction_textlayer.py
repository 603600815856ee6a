"""The pure extraction modules: byte sniffing, the light line path, and the child-process runner."""

import io

from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas

from registry.regulations.extraction import ExtractionOptions, extract_pdf, result
from registry.regulations.extraction.sniff import has_pdf_objects, sniff_bytes
from registry.regulations.extraction.textlayer import extract_pages
from tests.regulations.test_extraction_samples import (
    HTML_BYTES,
    regulation_pdf,
    scanned_pdf,
    zip_bytes,
)


def page_texts(path) -> list[str]:
    """Texts of every page through the light path, in this process."""
    pages = []
    with open(path, "rb") as fileobj:
        extract_pages(fileobj, lambda number: True, pages.append)
    return [page.text for page in pages]


def test_sniff_tells_pdf_from_renamed_files():
    """The header decides, not the name: HTML, ZIP and empty files are told apart."""
    assert sniff_bytes(b"%PDF-1.7\n").is_pdf
    assert sniff_bytes(HTML_BYTES).kind == "html"
    assert sniff_bytes(zip_bytes()).kind == "zip"
    assert sniff_bytes(b"   ").kind == "empty"
    assert sniff_bytes(b"hello world").kind == "unknown"


def test_object_marker_split_across_chunks_is_found():
    """An ``N G obj`` marker straddling the 1 MB read boundary still counts."""
    content = b"%PDF-1.4\n" + b"x" * (1024 * 1024 - 12) + b" 12 0 obj\n<< >>"
    assert has_pdf_objects(io.BytesIO(content))
    assert not has_pdf_objects(io.BytesIO(b"%PDF-1.4\n" + b"x" * 5000))


def test_headings_stay_on_their_own_lines(tmp_path):
    """ "NOMOR 12 TAHUN 2023" and "Pasal 5" come out as lines of their own, in reading order."""
    first, second = page_texts(regulation_pdf(tmp_path / "perwal.pdf"))
    assert first.splitlines()[:4] == [
        "WALI KOTA BALIKPAPAN",
        "PROVINSI KALIMANTAN TIMUR",
        "PERATURAN WALI KOTA BALIKPAPAN",
        "NOMOR 12 TAHUN 2023",
    ]
    assert "Pasal 5" in second.splitlines()
    assert "Pasal 1" in first.splitlines()


def test_pieces_on_one_baseline_join_left_to_right(tmp_path):
    """A label and its text drawn separately, right part first, read as one line."""
    path = tmp_path / "menimbang.pdf"
    pdf = canvas.Canvas(str(path), pagesize=A4)
    pdf.setFont("Helvetica", 12)
    pdf.drawString(200, 700, ": a. bahwa pelayanan publik perlu diatur;")
    pdf.drawString(72, 700, "Menimbang")
    pdf.drawString(72, 640, "Mengingat")
    pdf.save()
    assert page_texts(path)[0].splitlines() == [
        "Menimbang : a. bahwa pelayanan publik perlu diatur;",
        "",
        "Mengingat",
    ]


def test_image_only_page_is_flagged_as_scan(tmp_path):
    """A page that is one big image with no text is a scan, a text page is not."""
    pages = []
    with open(scanned_pdf(tmp_path / "scan.pdf"), "rb") as fileobj:
        extract_pages(fileobj, lambda number: True, pages.append)
    assert pages[0].is_scan and pages[0].image_coverage > 0.9 and not pages[0].text
    with open(regulation_pdf(tmp_path / "perwal.pdf"), "rb") as fileobj:
        extract_pages(fileobj, lambda number: True, pages.append)
    assert not any(page.is_scan for page in pages[1:])


def test_runner_deals_pages_over_workers_and_keeps_order(tmp_path):
    """With several workers every page arrives once, in page order, with the page count."""
    pages = [[f"Pasal {number}", f"Isi pasal {number}."] for number in range(1, 8)]
    path = regulation_pdf(tmp_path / "tujuh.pdf", pages=pages)
    outcome = extract_pdf(str(path), ExtractionOptions(workers=3, ocr=False))
    assert outcome.status == result.DONE and outcome.page_count == 7
    assert [page.number for page in outcome.pages] == list(range(1, 8))
    assert [text.splitlines()[0] for text in outcome.texts()] == [f"Pasal {n}" for n in range(1, 8)]
    assert outcome.peak_rss_kb > 0 and outcome.workers == 3


def test_runner_refuses_non_pdf_without_starting_children(tmp_path):
    """A renamed HTML page fails at once with the not-PDF reason."""
    path = tmp_path / "halaman.pdf"
    path.write_bytes(HTML_BYTES)
    outcome = extract_pdf(str(path))
    assert outcome.status == result.FAILED
    assert outcome.reason_code == result.NOT_PDF and outcome.page_count is None


def test_bad_page_fails_alone(tmp_path):
    """A page pdfminer cannot read (an odd dictionary, an octal escape above 255) fails alone."""
    from tests.regulations.test_extraction_samples import _write_pdf

    font = b"<< /Font << /F1 << /Type /Font /Subtype /Type1 /BaseFont /Helvetica >> >> >>"
    contents = [
        b"BT /F1 12 Tf 72 720 Td (Pasal 1) Tj ET",
        b"BT /F1 12 Tf 72 720 Td << /A 1 /B >> BDC (rusak) Tj EMC ET",
        b"BT /F1 12 Tf 72 720 Td (\\400) Tj ET",
        b"BT /F1 12 Tf 72 720 Td [(Pasal) -250 (4)] TJ ET",
    ]
    kids = b" ".join(b"%d 0 R" % (3 + 2 * index) for index in range(len(contents)))
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [%s] /Count 4 >>" % kids]
    for index, content in enumerate(contents):
        objects.append(
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources %s /Contents %d 0 R >>"
            % (font, 4 + 2 * index)
        )
        objects.append(b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream")
    path = _write_pdf(tmp_path / "rusak.pdf", objects)
    outcome = extract_pdf(str(path), ExtractionOptions(workers=2, ocr=False))
    assert outcome.status == result.DONE and outcome.reason_code == result.PAGES_UNREADABLE
    assert [page.error.split(":")[0] for page in outcome.pages] == ["", "PSSyntaxError", "AssertionError", ""]
    assert outcome.texts()[0] == "Pasal 1" and outcome.texts()[3] == "Pasal 4"

"""The guards around the fast PDF path (``fastparse``, ``lines``; see ``upstream.py``).

The pdfminer code both mirror is the code they were checked against, or the fast path turns itself
off; the fast path can be switched off and then reads the same texts with pdfminer's own code; every
fallback to pdfminer's parser is counted on its page.
"""

import logging

from pdfminer.pdfinterp import PDFPageInterpreter, PDFResourceManager
from pdfminer.pdfpage import PDFPage
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas

from registry.regulations.extraction import fastparse, lines, upstream
from registry.regulations.extraction.fastparse import FastInterpreter
from registry.regulations.extraction.lines import LineDevice, PdfminerLineDevice
from registry.regulations.extraction.textlayer import extract_pages, open_document
from tests.regulations.test_extraction_fastparse import (
    ReferenceLineDevice,
    inline_image_pdf,
    page_results,
    same_as_reference,
)
from tests.regulations.test_extraction_samples import regulation_pdf


def test_pdfminer_code_the_fast_path_mirrors_is_unchanged():
    """The pdfminer code fastparse.py and lines.py copy or rely on is the code they were checked against.

    When this fails, production has already switched the fast path off (pdfminer's own code reads
    the pages, about five times slower); the message says how to bring it back.
    """
    installed = {name: upstream.source_sha256(name) for name in upstream.UPSTREAM_SOURCE_SHA256}
    changed = [name for name, digest in upstream.UPSTREAM_SOURCE_SHA256.items() if installed[name] != digest]
    assert not changed, (
        f"pdfminer.six {upstream.pdfminer_version()} changed code that the fast PDF path mirrors "
        f"(checked against {upstream.CHECKED_PDFMINER_VERSION}): {', '.join(changed)}.\n"
        "Production now reads PDFs with pdfminer's own code (fast path off, one warning logged). "
        "To bring the fast path back:\n"
        "1. read the upstream change of each name above (diff the installed pdfminer against "
        f"pdfminer.six {upstream.CHECKED_PDFMINER_VERSION}); the comment above its entry in "
        "registry/regulations/extraction/upstream.py says what fastparse.py / lines.py copy from it;\n"
        "2. carry every change of behaviour over into fastparse.py / lines.py (security fixes first, "
        "e.g. the circular-reference guard of PDFPageInterpreter.execute);\n"
        "3. run tests/regulations/test_extraction_fastparse.py (with the corpus) and "
        "`bench/extract --check` (0 pages differing);\n"
        "4. paste these lines into UPSTREAM_SOURCE_SHA256, set CHECKED_PDFMINER_VERSION and the "
        "pdfminer.six pin in pyproject.toml to the new version:\n"
        + "\n".join(f'    "{name}": "{installed[name]}",' for name in changed)
    )
    assert upstream.fast_path_available()


def _forget_upstream_check(monkeypatch):
    monkeypatch.setattr(upstream, "_changed", None)
    monkeypatch.setattr(upstream, "_warned", False)


def _count_fast_calls(monkeypatch) -> dict:
    """Count the calls into the fast path's own code (stream reading and glyph arithmetic)."""
    calls = {"parse_streams": 0, "render_string_horizontal": 0}

    def counting(module, name):
        original = getattr(module, name)

        def wrapper(*args, **kwargs):
            calls[name] += 1
            return original(*args, **kwargs)

        return wrapper

    monkeypatch.setattr(fastparse, "parse_streams", counting(fastparse, "parse_streams"))
    monkeypatch.setattr(
        lines.LineDevice, "render_string_horizontal", counting(lines.LineDevice, "render_string_horizontal")
    )
    return calls


def read_pages(path, **kwargs) -> list:
    pages: list = []
    with open(path, "rb") as fileobj:
        extract_pages(fileobj, lambda number: True, pages.append, **kwargs)
    return pages


def test_a_source_that_cannot_be_read_counts_as_changed():
    assert upstream.source_sha256("pdfminer.pdfinterp.PDFPageInterpreter.no_such_method") is None
    assert upstream.source_sha256("pdfminer.no_such_module") is None


def test_changed_pdfminer_switches_the_fast_path_off(tmp_path, monkeypatch, caplog):
    """A pdfminer whose execute() differs: one warning, pdfminer's own code, the same texts."""
    path = regulation_pdf(tmp_path / "perwal.pdf")
    fast = read_pages(path)
    _forget_upstream_check(monkeypatch)
    monkeypatch.setitem(
        upstream.UPSTREAM_SOURCE_SHA256, "pdfminer.pdfinterp.PDFPageInterpreter.execute", "0" * 64
    )
    calls = _count_fast_calls(monkeypatch)
    with caplog.at_level(logging.WARNING, logger=upstream.__name__):
        slow = read_pages(path)
        read_pages(path)
    assert calls == {"parse_streams": 0, "render_string_horizontal": 0}
    assert slow == fast and all(page.text and not page.fallbacks for page in slow)
    warnings = [record for record in caplog.records if record.name == upstream.__name__]
    assert len(warnings) == 1
    assert "PDFPageInterpreter.execute" in warnings[0].getMessage()
    # Used directly, FastInterpreter hands every stream to pdfminer too, and says why.
    with open(path, "rb") as fileobj:
        device = LineDevice(PDFResourceManager())
        interpreter = FastInterpreter(device.rsrcmgr, device)
        page = next(PDFPage.create_pages(open_document(fileobj)))
        interpreter.process_page(page)
    assert interpreter.fallbacks == [fastparse.UPSTREAM_CHANGED]
    assert device.last[0] == fast[0].text


def test_fast_path_off_reads_with_pdfminer_and_gives_the_same_texts(tmp_path, monkeypatch):
    """``fast_path=False`` (REGISTRY_EXTRACTION_FAST_PATH off): pdfminer's interpreter and glyphs."""
    paths = [regulation_pdf(tmp_path / "perwal.pdf"), inline_image_pdf(tmp_path / "inline.pdf")]
    fast = [read_pages(path) for path in paths]
    calls = _count_fast_calls(monkeypatch)
    slow = [read_pages(path, fast_path=False) for path in paths]
    assert calls == {"parse_streams": 0, "render_string_horizontal": 0}
    strip = [
        [(page.number, page.text, page.is_scan, page.image_coverage) for page in pages] for pages in fast
    ]
    assert strip == [[(p.number, p.text, p.is_scan, p.image_coverage) for p in pages] for pages in slow]
    assert not any(page.fallbacks for pages in slow for page in pages)


def test_pdfminer_line_device_is_the_reference_light_path(tmp_path):
    """The device used with the fast path off groups pdfminer's own LTChars, as the reference does."""
    for path in (regulation_pdf(tmp_path / "perwal.pdf"), inline_image_pdf(tmp_path / "inline.pdf")):
        with open(path, "rb") as fileobj:
            ours = page_results(fileobj, PDFPageInterpreter, PdfminerLineDevice)
        with open(path, "rb") as fileobj:
            assert ours == page_results(fileobj, PDFPageInterpreter, ReferenceLineDevice)
        assert ours[0][0]


def form_with_inline_image_pdf(path):
    """A page whose text is plain but whose form XObject draws an inline image."""
    from PIL import Image

    pdf = canvas.Canvas(str(path), pagesize=A4)
    pdf.setFont("Helvetica", 12)
    pdf.drawString(72, 800, "Pasal 2")
    pdf.beginForm("logo")
    pdf.drawInlineImage(Image.new("L", (8, 8), 128), 0, 0, width=100, height=100)
    pdf.endForm()
    pdf.doForm("logo")
    pdf.showPage()
    pdf.setFont("Helvetica", 12)
    pdf.drawString(72, 800, "Pasal 3")
    pdf.save()
    return path


def test_fallbacks_are_counted_per_page_with_their_reason(tmp_path):
    """An inline image sends its stream to pdfminer's parser: counted on its page, forms included."""
    pages = read_pages(inline_image_pdf(tmp_path / "inline.pdf"))
    assert [page.fallbacks for page in pages] == [("inline image",)]
    pages = read_pages(form_with_inline_image_pdf(tmp_path / "form.pdf"))
    assert [page.fallbacks for page in pages] == [("inline image",), ()]
    assert [page.text for page in pages] == ["Pasal 2", "Pasal 3"]
    same_as_reference(tmp_path / "form.pdf")

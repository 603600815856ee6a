"""Read the text layer of PDF pages with pdfminer.six, one page at a time.

Every page goes through pdfminer's document, page, resource and font objects and its interpreter;
``fastparse.FastInterpreter`` only reads the content streams faster (the same objects as pdfminer's
parser, or pdfminer's parser itself for the rare constructs it leaves alone). Two ways to turn a
page's characters into text:

* ``LineDevice`` (the default, the "light path", in ``lines.py``): glyph boxes computed with
  ``LTChar``'s arithmetic but without building layout objects, grouped into lines ourselves —
  consecutive glyphs on one baseline make a run (pdfminer's own ``line_overlap=0.5`` /
  ``char_margin=2.0`` / ``word_margin=0.1`` tests), runs that share a baseline are joined left to
  right, lines come out top to bottom. It skips pdfminer's text-box grouping and ordering, and
  never keeps vector graphics.
* ``LayoutDevice``: pdfminer's own layout analysis with any ``LAParams`` (setting
  ``REGISTRY_EXTRACTION_LAPARAMS``), also used by ``bench/extract --laparams`` to compare settings.

``fast_path=False`` (setting ``REGISTRY_EXTRACTION_FAST_PATH``), or an installed pdfminer whose code
differs from what the fast path mirrors (``upstream.fast_path_available``), swaps in pdfminer's own
``PDFPageInterpreter`` and, on the light path, ``PdfminerLineDevice`` (pdfminer's glyph code): the
same texts, about five times slower.

Why the light path — ``bench/extract --laparams`` on the 36 born-digital corpus files (1,213 pages,
one core, CPU time; every setting reads streams through ``FastInterpreter``; load average 1.7–1.8
from other work on the 2-core machine), counting standalone "Pasal N" / "BAB …" / "NOMOR n TAHUN
yyyy" lines and the parser's agreement with LABELS.jsonl on number, year, pasal_count and
mengingat_count (the parser as it was at the time of measuring):

=================================  =======  =========  ========  ======
setting                            pages/s  key lines  lines     parser
=================================  =======  =========  ========  ======
LAParams() (pdfminer default)      21.38    1545       70,416    0.979
boxes_flow=None                    26.73    1545       70,416    0.986
boxes_flow=None, char_margin=1.0   26.55    1544       100,482   0.965
boxes_flow=None, line_margin=0.3   30.14    1545       70,416    0.986
light path (chosen)                58.63    1545       50,221    1.000
=================================  =======  =========  ========  ======

The light path is 2.7x the default and loses no heading line; it has fewer lines because pieces on
one baseline ("Menimbang" … ": a. bahwa") are joined. A smaller char_margin splits lines apart and
line_margin changes nothing for text (it only groups boxes). Before ``fastparse`` and ``lines`` the
same settings ran at 8.56 (default) to 13.03 (light path) pages/s with the same key lines and line
counts. ``bench/extract --check`` compares the light path page by page with the same line grouping
fed by pdfminer's unmodified interpreter and ``LTChar`` objects: 0 of 1,213 pages differ, at 76.5
against 16.0 pages/s on one core (load average 1.4–1.7).
"""

from __future__ import annotations

import io
from collections.abc import Callable, Iterator
from typing import BinaryIO

from pdfminer.converter import PDFLayoutAnalyzer, TextConverter
from pdfminer.layout import LAParams, LTPage
from pdfminer.pdfdocument import PDFDocument
from pdfminer.pdfinterp import PDFPageInterpreter, PDFResourceManager
from pdfminer.pdfpage import PDFPage
from pdfminer.pdfparser import PDFParser

from .fastparse import FastInterpreter
from .lines import LineDevice, PdfminerLineDevice, image_coverage, walk_images
from .result import PageText
from .upstream import fast_path_available

#: A page with fewer visible characters than this, mostly covered by images, is a scan.
SCAN_MAX_CHARS = 20
SCAN_MIN_IMAGE_COVERAGE = 0.3


def open_document(fileobj: BinaryIO, password: str = "") -> PDFDocument:
    """Open a PDF for reading; raises pdfminer's errors for damaged or encrypted files."""
    return PDFDocument(PDFParser(fileobj), password=password, caching=True)


def iter_pages(document: PDFDocument) -> Iterator[tuple[int, PDFPage]]:
    """The pages of a document numbered from 1, in page-tree order."""
    for index, page in enumerate(PDFPage.create_pages(document)):
        yield index + 1, page


def _page_text(number: int, text: str, coverage: float, fallbacks: tuple[str, ...]) -> PageText:
    visible = sum(1 for ch in text if not ch.isspace())
    is_scan = visible < SCAN_MAX_CHARS and coverage >= SCAN_MIN_IMAGE_COVERAGE
    return PageText(
        number=number, text=text, is_scan=is_scan, image_coverage=round(coverage, 3), fallbacks=fallbacks
    )


class LayoutDevice(TextConverter):
    """pdfminer's own layout analysis with the given LAParams, noting image coverage as well."""

    def __init__(self, rsrcmgr: PDFResourceManager, laparams: LAParams):
        self.buffer = io.StringIO()
        super().__init__(rsrcmgr, self.buffer, laparams=laparams)
        self.last: tuple[str, float] = ("", 0.0)

    def render_image(self, name, stream) -> None:
        PDFLayoutAnalyzer.render_image(self, name, stream)

    def receive_layout(self, ltpage: LTPage) -> None:
        self.buffer.seek(0)
        self.buffer.truncate()
        super().receive_layout(ltpage)
        images: list = []
        walk_images(ltpage, images)
        text = "\n".join(line.rstrip() for line in self.buffer.getvalue().rstrip("\f").splitlines())
        self.last = (text.strip("\n"), image_coverage(ltpage, images))


def use_fast_path(requested: bool = True) -> bool:
    """Whether pages are read on the fast path: asked for, and pdfminer is the version checked."""
    return requested and fast_path_available()


def make_device(rsrcmgr: PDFResourceManager, laparams: dict | None, fast_path: bool = True):
    """The light line device when ``laparams`` is None, else a ``LayoutDevice`` with those LAParams."""
    if laparams is None:
        return LineDevice(rsrcmgr) if fast_path else PdfminerLineDevice(rsrcmgr)
    return LayoutDevice(rsrcmgr, LAParams(**laparams))


def make_interpreter(rsrcmgr: PDFResourceManager, device, fast_path: bool = True) -> PDFPageInterpreter:
    """``FastInterpreter`` on the fast path, else pdfminer's own ``PDFPageInterpreter``."""
    return FastInterpreter(rsrcmgr, device) if fast_path else PDFPageInterpreter(rsrcmgr, device)


def extract_pages(
    fileobj: BinaryIO,
    wanted: Callable[[int], bool],
    emit: Callable[[PageText], None],
    laparams: dict | None = None,
    password: str = "",
    fast_path: bool = True,
) -> int:
    """Extract the text of every page for which ``wanted(number)`` is true; returns the page count.

    A page that fails to interpret is emitted with ``error`` set and no text, and the others go on.
    Each page carries the reasons its content streams went to pdfminer's own parser (``fallbacks``).
    """
    fast_path = use_fast_path(fast_path)
    document = open_document(fileobj, password)
    rsrcmgr = PDFResourceManager(caching=True)
    device = make_device(rsrcmgr, laparams, fast_path)
    interpreter = make_interpreter(rsrcmgr, device, fast_path)
    fallbacks: list[str] = getattr(interpreter, "fallbacks", [])
    count = 0
    for number, page in iter_pages(document):
        count = number
        if not wanted(number):
            continue
        fallbacks.clear()
        try:
            interpreter.process_page(page)
        except MemoryError:
            raise
        except Exception as exc:  # one bad page (even a RecursionError) must not lose the others
            error = f"{type(exc).__name__}: {exc}"[:300]
            emit(PageText(number=number, error=error, fallbacks=tuple(fallbacks)))
            continue
        text, coverage = device.last
        emit(_page_text(number, text, coverage, tuple(fallbacks)))
    return count

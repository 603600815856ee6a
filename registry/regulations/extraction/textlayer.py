"""Read the text layer of PDF pages with pdfminer.six, one page at a time.

Two ways to turn a page's characters into text:

* ``LineDevice`` (the default, the "light path"): pdfminer interprets the page and builds its
  characters, then we group them into lines ourselves — consecutive characters on one baseline make
  a run (pdfminer's own ``line_overlap=0.5``/``char_margin=2.0``/``word_margin=0.1`` tests), and runs
  that share a baseline are joined left to right. Lines come out top to bottom, one per visual line.
  It skips pdfminer's text-box grouping and ordering, and never keeps vector graphics.
* ``LayoutDevice``: pdfminer's own layout analysis with any ``LAParams`` (setting
  ``REGISTRY_EXTRACTION_LAPARAMS``), also used by ``bench/extract --laparams`` to compare settings.

Why the light path — ``bench/extract --laparams`` on the 36 born-digital corpus files (1,213 pages,
one core, CPU time), counting standalone "Pasal N" / "BAB …" / "NOMOR n TAHUN yyyy" lines and the
parser's agreement with LABELS.jsonl on number, year, pasal_count and mengingat_count:

=================================  =======  =========  ========  ======
setting                            pages/s  key lines  lines     parser
=================================  =======  =========  ========  ======
LAParams() (pdfminer default)      8.56     1545       70,416    0.979
boxes_flow=None                    10.28    1545       70,416    0.986
boxes_flow=None, char_margin=1.0   9.51     1544       100,482   0.965
boxes_flow=None, line_margin=0.3   9.46     1545       70,416    0.986
light path (chosen)                13.03    1545       50,221    0.965
=================================  =======  =========  ========  ======

The light path is 1.5x the default and loses no heading line; it has fewer lines because pieces on
one baseline ("Menimbang" … ": a. bahwa") are joined. A smaller char_margin splits lines apart and
line_margin changes nothing for text (it only groups boxes). boxes_flow=None is the choice when the
parser's agreement matters more than speed.
"""

from __future__ import annotations

import io
from collections.abc import Callable, Iterator
from typing import BinaryIO

from pdfminer.converter import PDFLayoutAnalyzer, TextConverter
from pdfminer.layout import LAParams, LTChar, LTContainer, LTImage, LTPage
from pdfminer.pdfdocument import PDFDocument
from pdfminer.pdfinterp import PDFPageInterpreter, PDFResourceManager
from pdfminer.pdfpage import PDFPage
from pdfminer.pdfparser import PDFParser

from .result import PageText

#: pdfminer's defaults, used by the light path too.
LINE_OVERLAP = 0.5
CHAR_MARGIN = 2.0
WORD_MARGIN = 0.1
#: A vertical gap larger than this many line heights becomes a blank line (a paragraph break).
PARAGRAPH_GAP = 1.0
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


def _walk(item, chars: list[LTChar], images: list) -> None:
    """Collect the characters and images of a layout tree (figures included) in drawing order."""
    for child in item:
        if isinstance(child, LTChar):
            chars.append(child)
        elif isinstance(child, LTImage):
            images.append(child)
        elif isinstance(child, LTContainer):
            _walk(child, chars, images)


def _runs(chars: list[LTChar]) -> list[list]:
    """Split characters, in drawing order, into runs on one baseline (pdfminer's own line test).

    A run is ``[x0, y0, x1, y1, size, parts]``; a space goes between characters further apart
    than ``WORD_MARGIN`` of a character's size.
    """
    runs: list[list] = []
    run = None
    px0 = py0 = px1 = py1 = pw = ph = 0.0
    for char in chars:
        x0, y0, x1, y1 = char.x0, char.y0, char.x1, char.y1
        w, h = x1 - x0, y1 - y0
        if run is not None:
            overlap = (py1 if py1 < y1 else y1) - (py0 if py0 > y0 else y0)
            gap = max(x0 - px1, px0 - x1, 0.0)
            if overlap > (ph if ph < h else h) * LINE_OVERLAP and gap < (pw if pw > w else w) * CHAR_MARGIN:
                if px1 < x0 - WORD_MARGIN * (w if w > h else h):
                    run[5].append(" ")
                run[5].append(char._text)
                if x0 < run[0]:
                    run[0] = x0
                if x1 > run[2]:
                    run[2] = x1
                if y0 < run[1]:
                    run[1] = y0
                if y1 > run[3]:
                    run[3] = y1
                px0, py0, px1, py1, pw, ph = x0, y0, x1, y1, w, h
                continue
        run = [x0, y0, x1, y1, w if w > h else h, [char._text]]
        runs.append(run)
        px0, py0, px1, py1, pw, ph = x0, y0, x1, y1, w, h
    return runs


def _rows(runs: list[list]) -> list[list[list]]:
    """Group runs that share a baseline into rows, top to bottom."""
    runs.sort(key=lambda run: -(run[1] + run[3]))
    rows: list[list[list]] = []
    for run in runs:
        if rows:
            first = rows[-1][0]
            height = min(first[3] - first[1], run[3] - run[1])
            if min(first[3], run[3]) - max(first[1], run[1]) > height * LINE_OVERLAP:
                rows[-1].append(run)
                continue
        rows.append([run])
    return rows


def chars_to_lines(chars: list[LTChar]) -> list[str]:
    """Group characters into visual lines, top to bottom; blank strings mark paragraph gaps.

    Runs on one baseline are joined left to right, so a label and its text drawn apart
    ("Menimbang" … ": a. bahwa …") come out as one line, and a heading drawn on its own baseline
    ("Pasal 5") stays its own line.
    """
    lines: list[str] = []
    last_bottom = None
    for row in _rows(_runs(chars)):
        row.sort(key=lambda run: run[0])
        pieces = ["".join(row[0][5])]
        for previous, run in zip(row, row[1:], strict=False):
            if run[0] - previous[2] > WORD_MARGIN * run[4]:
                pieces.append(" ")
            pieces.append("".join(run[5]))
        text = " ".join("".join(pieces).split())
        if not text:
            continue
        top = max(run[3] for run in row)
        height = max(run[3] - run[1] for run in row)
        if last_bottom is not None and last_bottom - top > height * PARAGRAPH_GAP:
            lines.append("")
        lines.append(text)
        last_bottom = min(run[1] for run in row)
    return lines


def image_coverage(page: LTPage, images: list) -> float:
    """The share of the page's area covered by images (summed, clipped to the page, at most 1)."""
    area = page.width * page.height
    if area <= 0 or not images:
        return 0.0
    covered = 0.0
    for image in images:
        width = min(image.x1, page.x1) - max(image.x0, page.x0)
        height = min(image.y1, page.y1) - max(image.y0, page.y0)
        if width > 0 and height > 0:
            covered += width * height
    return min(covered / area, 1.0)


def _page_text(number: int, text: str, coverage: float) -> PageText:
    visible = sum(1 for ch in text if not ch.isspace())
    is_scan = visible < SCAN_MAX_CHARS and coverage >= SCAN_MIN_IMAGE_COVERAGE
    return PageText(number=number, text=text, is_scan=is_scan, image_coverage=round(coverage, 3))


class LineDevice(PDFLayoutAnalyzer):
    """The light path: characters straight to lines, no text boxes, no vector graphics kept."""

    def __init__(self, rsrcmgr: PDFResourceManager):
        super().__init__(rsrcmgr, pageno=1, laparams=None)
        self.last: tuple[str, float] = ("", 0.0)

    def paint_path(self, gstate, stroke, fill, evenodd, path) -> None:
        """Ignore lines and shapes: text extraction never needs them."""

    def receive_layout(self, ltpage: LTPage) -> None:
        chars: list[LTChar] = []
        images: list = []
        _walk(ltpage, chars, images)
        self.last = ("\n".join(chars_to_lines(chars)), image_coverage(ltpage, images))


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
        _walk(ltpage, [], images)
        text = "\n".join(line.rstrip() for line in self.buffer.getvalue().rstrip("\f").splitlines())
        self.last = (text.strip("\n"), image_coverage(ltpage, images))


def make_device(rsrcmgr: PDFResourceManager, laparams: dict | None):
    """The light ``LineDevice`` when ``laparams`` is None, else a ``LayoutDevice`` with those LAParams."""
    if laparams is None:
        return LineDevice(rsrcmgr)
    return LayoutDevice(rsrcmgr, LAParams(**laparams))


def extract_pages(
    fileobj: BinaryIO,
    wanted: Callable[[int], bool],
    emit: Callable[[PageText], None],
    laparams: dict | None = None,
    password: str = "",
) -> int:
    """Extract the text of every page for which ``wanted(number)`` is true; returns the page count.

    A page that fails to interpret is emitted with ``error`` set and no text, and the others go on.
    """
    document = open_document(fileobj, password)
    rsrcmgr = PDFResourceManager(caching=True)
    device = make_device(rsrcmgr, laparams)
    interpreter = PDFPageInterpreter(rsrcmgr, device)
    count = 0
    for number, page in iter_pages(document):
        count = number
        if not wanted(number):
            continue
        try:
            interpreter.process_page(page)
        except MemoryError:
            raise
        except Exception as exc:  # one bad page (even a RecursionError) must not lose the others
            emit(PageText(number=number, error=f"{type(exc).__name__}: {exc}"[:300]))
            continue
        text, coverage = device.last
        emit(_page_text(number, text, coverage))
    return count

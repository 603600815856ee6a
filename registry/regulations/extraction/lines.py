"""The light path: a pdfminer device that turns a page's characters straight into visual lines.

``LineDevice`` receives the text that pdfminer's interpreter shows and computes each glyph's box
with the same arithmetic as ``LTChar`` (``PDFTextDevice.render_string_horizontal`` and
``LTChar.__init__``), but keeps only ``(x0, y0, x1, y1, text)`` instead of building layout objects;
a glyph's text and width are looked up once per font and string. Vertical fonts go through
pdfminer's own ``render_char``. Images and figures still go into pdfminer's ``LTPage`` (for the
scan test), lines and shapes are dropped.

``chars_to_lines`` then groups the glyphs: consecutive glyphs on one baseline make a run
(pdfminer's own ``line_overlap=0.5``/``char_margin=2.0``/``word_margin=0.1`` tests), runs that
share a baseline are joined left to right, lines come out top to bottom.

``PdfminerLineDevice`` is the same light path on pdfminer's own glyph code (its
``render_string_horizontal``, ``render_char`` and ``LTChar`` objects): what runs when the fast path
is off (``REGISTRY_EXTRACTION_FAST_PATH``, or a pdfminer whose code differs from what
``LineDevice`` mirrors, see ``upstream.py``). Both give the same page texts.
"""

from __future__ import annotations

from math import isfinite

from pdfminer.converter import PDFLayoutAnalyzer
from pdfminer.layout import LTChar, LTContainer, LTImage, LTPage
from pdfminer.pdffont import PDFUnicodeNotDefined
from pdfminer.pdfinterp import PDFResourceManager

#: pdfminer's defaults, used by the light path too.
LINE_OVERLAP = 0.5
CHAR_MARGIN = 2.0
WORD_MARGIN = 0.1
#: A vertical gap larger than this many line heights becomes a blank line (a paragraph break).
PARAGRAPH_GAP = 1.0
#: Strings remembered per font before the memo starts afresh (it only saves decoding work).
MEMO_LIMIT = 50_000


def _runs(chars: list[tuple]) -> list[list]:
    """Split glyphs ``(x0, y0, x1, y1, text)``, in drawing order, into runs on one baseline.

    A run is ``[x0, y0, x1, y1, size, parts]``; a space goes between glyphs further apart
    than ``WORD_MARGIN`` of a glyph's size.
    """
    runs: list[list] = []
    run = None
    px0 = py0 = px1 = py1 = pw = ph = 0.0
    for x0, y0, x1, y1, text in chars:
        w, h = x1 - x0, y1 - y0
        if run is not None:
            overlap = (py1 if py1 < y1 else y1) - (py0 if py0 > y0 else y0)
            gap = max(x0 - px1, px0 - x1, 0.0)
            if overlap > (ph if ph < h else h) * LINE_OVERLAP and gap < (pw if pw > w else w) * CHAR_MARGIN:
                if px1 < x0 - WORD_MARGIN * (w if w > h else h):
                    run[5].append(" ")
                run[5].append(text)
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
        run = [x0, y0, x1, y1, w if w > h else h, [text]]
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


def chars_to_lines(chars: list[tuple]) -> list[str]:
    """Group glyphs into visual lines, top to bottom; blank strings mark paragraph gaps.

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


def walk_images(item, images: list) -> None:
    """Collect the images of a layout tree, figures included."""
    for child in item:
        if isinstance(child, LTImage):
            images.append(child)
        elif isinstance(child, LTContainer):
            walk_images(child, images)


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


def walk_layout(item, chars: list, images: list) -> None:
    """Collect the glyphs ``(x0, y0, x1, y1, text)`` and the images of a layout tree, in order."""
    for child in item:
        if isinstance(child, LTChar):
            chars.append((child.x0, child.y0, child.x1, child.y1, child.get_text()))
        elif isinstance(child, LTImage):
            images.append(child)
        elif isinstance(child, LTContainer):
            walk_layout(child, chars, images)


class PdfminerLineDevice(PDFLayoutAnalyzer):
    """The light path on pdfminer's own glyph code: its ``LTChar`` objects, grouped into lines."""

    def __init__(self, rsrcmgr: PDFResourceManager):
        super().__init__(rsrcmgr, pageno=1, laparams=None)
        self.last: tuple[str, float] = ("", 0.0)

    def paint_path(self, gstate, stroke, fill, evenodd, path) -> None:
        """Ignore lines and shapes: text extraction never needs them."""

    def receive_layout(self, ltpage: LTPage) -> None:
        chars: list[tuple] = []
        images: list = []
        walk_layout(ltpage, chars, images)
        self.last = ("\n".join(chars_to_lines(chars)), image_coverage(ltpage, images))


class LineDevice(PdfminerLineDevice):
    """The light path: glyph boxes straight to lines, no layout objects for text or graphics."""

    def __init__(self, rsrcmgr: PDFResourceManager):
        super().__init__(rsrcmgr)
        self.chars: list[tuple] = []
        self._memo: dict = {}

    def begin_page(self, page, ctm) -> None:
        super().begin_page(page, ctm)
        self.chars = []

    def receive_layout(self, ltpage: LTPage) -> None:
        images: list = []
        walk_images(ltpage, images)
        self.last = ("\n".join(chars_to_lines(self.chars)), image_coverage(ltpage, images))
        self.chars = []

    def render_char(self, matrix, font, fontsize, scaling, rise, cid, ncs, graphicstate) -> float:
        """pdfminer's glyph (vertical fonts only come here), kept as a box and its text."""
        # pdfminer's render_char asserts that to_unichr gave a str: every font's to_unichr returns
        # one (ToUnicode entries become str in CMap.add_cid2unichr), so the check is left out here.
        try:
            text = font.to_unichr(cid)
        except PDFUnicodeNotDefined:
            text = self.handle_undefined_char(font, cid)
        item = LTChar(
            matrix,
            font,
            fontsize,
            scaling,
            rise,
            text,
            font.char_width(cid),
            font.char_disp(cid),
            ncs,
            graphicstate,
        )
        self.chars.append((item.x0, item.y0, item.x1, item.y1, text))
        return item.adv

    def _glyphs(self, font, string: bytes) -> tuple:
        """``(cid, text, width)`` of each glyph of ``string`` in ``font``, remembered per font."""
        memo = self._memo.get(font)
        if memo is None or len(memo) > MEMO_LIMIT:
            if len(self._memo) > MEMO_LIMIT:
                self._memo.clear()
            memo = self._memo[font] = {}
        glyphs = memo.get(string)
        if glyphs is None:
            found = []
            for cid in font.decode(string):
                try:
                    text = font.to_unichr(cid)  # always a str (see render_char)
                except PDFUnicodeNotDefined:
                    text = self.handle_undefined_char(font, cid)
                found.append((cid, text, font.char_width(cid)))
            glyphs = memo[string] = tuple(found)
        return glyphs

    def render_string_horizontal(
        self,
        seq,
        matrix,
        pos,
        font,
        fontsize,
        scaling,
        charspace,
        wordspace,
        rise,
        dxscale,
        ncs,
        graphicstate,
    ):
        """``PDFTextDevice.render_string_horizontal`` + ``LTChar``'s box, with the same arithmetic."""
        (x, y) = pos
        (a, b, c, d, e, f) = matrix
        descent = font.get_descent() * fontsize
        bottom = descent + rise
        top = descent + rise + fontsize
        # Unrotated text: the box corners reduce to two x and two y values (exactly, since the
        # dropped terms are zeros); anything else takes LTChar's general corner arithmetic.
        upright = b == 0 and c == 0 and isfinite(a) and isfinite(d) and isfinite(bottom) and isfinite(top)
        append = self.chars.append
        needcharspace = False
        for obj in seq:
            if isinstance(obj, (int, float)):
                x -= obj * dxscale
                needcharspace = True
            elif isinstance(obj, bytes):
                for cid, text, textwidth in self._glyphs(font, obj):
                    if needcharspace:
                        x += charspace
                    # translate_matrix(matrix, (x, y)) ...
                    e1 = x * a + y * c + e
                    f1 = x * b + y * d + f
                    adv = textwidth * fontsize * scaling
                    # ... then apply_matrix_rect(that, (0, bottom, adv, top)) as in LTChar
                    if upright and adv - adv == 0:
                        right = a * adv + e1
                        low = d * bottom + f1
                        high = d * top + f1
                        append(
                            (
                                right if right < e1 else e1,
                                high if high < low else low,
                                right if right > e1 else e1,
                                high if high > low else low,
                                text,
                            )
                        )
                    else:
                        append((*_box(a, b, c, d, e1, f1, adv, bottom, top), text))
                    x += adv
                    if cid == 32 and wordspace:
                        x += wordspace
                    needcharspace = True
            # anything else in a TJ array is skipped, as pdfminer does (it logs a warning)
        return (x, y)


def _box(a, b, c, d, e, f, adv, bottom, top) -> tuple:
    """``apply_matrix_rect((a, b, c, d, e, f), (0, bottom, adv, top))``, term for term."""
    left1 = a * 0 + c * bottom + e
    bottom1 = b * 0 + d * bottom + f
    right1 = a * adv + c * bottom + e
    bottom2 = b * adv + d * bottom + f
    right2 = a * adv + c * top + e
    top1 = b * adv + d * top + f
    left2 = a * 0 + c * top + e
    top2 = b * 0 + d * top + f
    return (
        min(left1, left2, right1, right2),
        min(bottom1, bottom2, top1, top2),
        max(left1, left2, right1, right2),
        max(bottom1, bottom2, top1, top2),
    )

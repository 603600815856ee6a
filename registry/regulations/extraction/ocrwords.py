"""The words Tesseract recognised on a page, with their confidence and box, from its ``tsv`` output.

A page's words are kept as a small JSON-friendly dict (stored on ``DocumentPage.ocr_words``)::

    {"dpi": 300, "size": [2480, 3508], "words": [[text, conf, left, top, width, height, line], ...]}

``conf`` is Tesseract's word confidence (0–100); the box is in pixels of the image rendered at
``dpi``; ``line`` numbers the page's text lines in reading order (0, 1, …). No Django imports.
"""

from __future__ import annotations

import csv
import io

#: The columns of Tesseract's TSV output that are read here.
TSV_COLUMNS = ("level", "block_num", "par_num", "line_num", "left", "top", "width", "height", "conf", "text")
#: TSV levels: 1 the page, 5 a word.
PAGE_LEVEL = 1
WORD_LEVEL = 5
#: Indexes into one stored word.
TEXT, CONF, LEFT, TOP, WIDTH, HEIGHT, LINE = range(7)


def parse_tsv(tsv: str, dpi: int) -> dict:
    """Tesseract's ``tsv`` output as the stored word list (empty words and unreadable rows dropped)."""
    reader = csv.reader(io.StringIO(tsv), delimiter="\t", quoting=csv.QUOTE_NONE)
    header = next(reader, None)
    if not header:
        return {"dpi": dpi, "size": None, "words": []}
    index = {name: header.index(name) for name in TSV_COLUMNS if name in header}
    if set(index) != set(TSV_COLUMNS):
        return {"dpi": dpi, "size": None, "words": []}
    size = None
    words: list[list] = []
    lines: dict[tuple[str, str, str], int] = {}
    for row in reader:
        if len(row) < len(header) - 1:
            continue
        try:
            level = int(row[index["level"]])
            box = [int(row[index[name]]) for name in ("left", "top", "width", "height")]
            conf = float(row[index["conf"]])
        except (ValueError, IndexError):
            continue
        if level == PAGE_LEVEL and size is None:
            size = [box[2], box[3]]
            continue
        text = row[index["text"]].strip() if len(row) > index["text"] else ""
        if level != WORD_LEVEL or not text or conf < 0:
            continue
        key = (row[index["block_num"]], row[index["par_num"]], row[index["line_num"]])
        line = lines.setdefault(key, len(lines))
        words.append([text, round(min(conf, 100.0), 1), *box, line])
    return {"dpi": dpi, "size": size, "words": words}

"""Regulation text made readable: paragraphs reflowed from the PDF's lines, and a table of contents.

Pure functions (no Django import): :func:`reflow` joins the hard line breaks a PDF puts inside a
paragraph while keeping list items (ayat "(1)", huruf "a.", angka "1.") and headings apart;
:func:`table_of_contents` groups the Pasal of an article tree under their BAB.
"""

import re
from dataclasses import dataclass, field

# A list item opens with its marker: "(1)", "a.", "1.", "1)", "a)".
_ITEM_RE = re.compile(r"^(?P<marker>\(\d+[a-z]?\)|[a-z]\.|\d+[a-z]?\.|\d+\)|[a-z]\))\s+(?P<rest>\S.*)$")
# A heading of the article tree standing on a line of its own.
_HEADING_RE = re.compile(r"^(BAB\s+[IVXLC]+|Bagian\s+\S+|Paragraf\s+\d+|Pasal\s+\d+[A-Za-z]?)\s*$")


@dataclass(frozen=True)
class Block:
    """One block of reflowed text: a ``paragraph``, a list ``item`` (with its ``marker``) or a ``heading``."""

    kind: str
    text: str
    marker: str = ""


def _join(left: str, right: str) -> str:
    """Join two line fragments; a word hyphenated across the break keeps its hyphen and no space."""
    if left.endswith("-") and not left.endswith(" -"):
        return left + right
    return f"{left} {right}"


def reflow(text: str) -> list[Block]:
    """Split ``text`` into blocks, joining the lines of each paragraph or list item into one line.

    A new block starts at a blank line, at a list marker, at a heading line, and after a line that
    ends a sentence with ":" (what follows is a list). Whitespace inside a line is collapsed.
    """
    blocks: list[Block] = []
    open_block: Block | None = None

    def close():
        nonlocal open_block
        if open_block is not None:
            blocks.append(open_block)
            open_block = None

    for raw in (text or "").splitlines():
        line = " ".join(raw.split())
        if not line:
            close()
            continue
        if _HEADING_RE.match(line):
            close()
            blocks.append(Block("heading", line))
            continue
        item = _ITEM_RE.match(line)
        if item:
            close()
            open_block = Block("item", item["rest"], item["marker"])
        elif open_block is None:
            open_block = Block("paragraph", line)
        else:
            open_block = Block(open_block.kind, _join(open_block.text, line), open_block.marker)
        if line.endswith(":"):
            close()
    close()
    return blocks


@dataclass
class TocEntry:
    """One line of the table of contents: a BAB (with its Pasal as ``children``) or a Pasal."""

    label: str
    anchor: str
    heading: str = ""
    children: list["TocEntry"] = field(default_factory=list)


def table_of_contents(nodes) -> list[TocEntry]:
    """BAB and Pasal of an article tree, in document order, each Pasal under the BAB before it.

    ``nodes`` are objects with ``kind``, ``label``, ``heading`` and ``anchor`` (``ArticleNode`` rows or
    parser nodes), read in order. Pasal before the first BAB (a regulation without chapters) are
    entries of their own; Bagian, Paragraf and ayat are left out to keep the list short.
    """
    entries: list[TocEntry] = []
    chapter: TocEntry | None = None
    for node in nodes:
        if node.kind == "bab":
            chapter = TocEntry(node.label, node.anchor, node.heading or "")
            entries.append(chapter)
        elif node.kind in ("pasal", "diktum"):
            entry = TocEntry(node.label, node.anchor, node.heading or "")
            (chapter.children if chapter is not None else entries).append(entry)
    return entries

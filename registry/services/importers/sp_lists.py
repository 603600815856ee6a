"""Reading the marked lists of a Standar Pelayanan's cells ("a.", "1.", "1)", "(a)", "-"), nested.

Pure: no Django import. Used by :mod:`.sp_decree`.
"""

import re
from dataclasses import dataclass, field

_MARKERS = [
    ("upper", re.compile(r"^([A-Z])\.\s+(?=\S)")),
    ("lower", re.compile(r"^([a-z])[.)]\s+(?=\S)")),
    ("num.", re.compile(r"^(\d{1,2})\.\s*(?=\S)(?!\d)")),
    ("num)", re.compile(r"^(\d{1,2})\)\s*(?=\S)")),
    ("paren", re.compile(r"^\((\w{1,2})\)\s+(?=\S)")),
    ("dash", re.compile(r"^[-–•*·▪●]\s*(?=\S)")),
]
_CONNECTORS = {
    "dan",
    "atau",
    "yang",
    "dengan",
    "di",
    "dari",
    "untuk",
    "ke",
    "serta",
    "oleh",
    "bagi",
    "pada",
    "dalam",
    "tentang",
    "sebagai",
    "atas",
    "bila",
    "apabila",
    "jika",
    "sesuai",
}
#: A wrapped line of a table cell is long; a short unmarked line after an item starts something else.
WRAPPED_LINE = 70


@dataclass
class Item:
    text: str
    group: str = ""
    children: list["Item"] = field(default_factory=list)

    def render(self, depth: int = 0) -> str:
        if not self.children:
            return self.text
        inner = [child.render(depth + 1) for child in self.children]
        if depth:
            return f"{self.text.rstrip(' :')} ({', '.join(inner)})"
        return f"{self.text.rstrip(' :')}: {'; '.join(inner)}"


def marker(line: str) -> tuple[str, str]:
    for style, regex in _MARKERS:
        match = regex.match(line)
        if match:
            return style, line[match.end() :].strip()
    return "", line


def _continues(previous: str, line: str) -> bool:
    words = previous.split()
    last = words[-1].casefold() if words else ""
    return (
        len(previous) >= WRAPPED_LINE
        or previous.endswith((",", "(", "/", "&", "-"))
        or last in _CONNECTORS
        or line[:1].islower()
    )


def read_list(lines: list[str]) -> tuple[list[Item], list[str]]:
    """Marked items ("a.", "1.", "1)", "(a)", "-") with nesting, their wrapped lines, and the rest."""
    items: list[Item] = []
    skipped: list[str] = []
    top_style = ""
    group = ""
    stack: list[tuple[str, Item]] = []
    last: Item | None = None
    previous = ""
    blank = False
    for line in lines:
        if not line:
            blank = True
            continue
        style, text = marker(line)
        if style == "upper" and not stack:
            group, last = text.rstrip(" :"), None
        elif style == "upper" and top_style != "upper":
            group, last, stack = text.rstrip(" :"), None, []
        elif style:
            node = Item(text, group)
            if not top_style or style == top_style or not stack:
                top_style = top_style or style
                items.append(node)
                stack = [(style, node)]
            else:
                styles = [s for s, _ in stack]
                if style in styles:
                    del stack[styles.index(style) :]
                stack[-1][1].children.append(node)
                stack.append((style, node))
            last = node
        elif last is not None and not blank and _continues(previous, line):
            last.text = f"{last.text} {line}"
        elif line.endswith(":") and len(line) < WRAPPED_LINE:
            group, last, stack = line.rstrip(" :"), None, []
        else:
            skipped.append(line)
            last = None
        previous, blank = line, False
    return items, skipped

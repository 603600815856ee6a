"""Store a parsed article tree (BAB / Bagian / Paragraf / Pasal / ayat) for a document."""

from django.db import transaction

from .models import ArticleNode

_KINDS = {choice.upper(): choice for choice in ArticleNode.Kind.values}
_LABEL_FORMATS = {
    ArticleNode.Kind.BAB: "BAB {}",
    ArticleNode.Kind.BAGIAN: "Bagian {}",
    ArticleNode.Kind.PARAGRAF: "Paragraf {}",
    ArticleNode.Kind.PASAL: "Pasal {}",
    ArticleNode.Kind.AYAT: "Ayat ({})",
    ArticleNode.Kind.DIKTUM: "{}",
}


def display_label(kind: str, label: str) -> str:
    """The label readers see: the parser gives "4" for Pasal 4 and "II" for BAB II."""
    label = label.strip()
    prefix = _LABEL_FORMATS[kind].split("{}")[0].strip().lower()
    if prefix and label.lower().startswith(prefix):
        return label
    return _LABEL_FORMATS[kind].format(label)


def _unique(anchor: str, seen: set[str]) -> str:
    """Anchors are unique per document; a repeated one (e.g. a second 'Pasal 1') gets a suffix."""
    candidate, n = anchor, 2
    while candidate in seen:
        candidate = f"{anchor}-{n}"
        n += 1
    seen.add(candidate)
    return candidate


@transaction.atomic
def store_structure(document, nodes) -> int:
    """Replace the document's article tree with ``nodes`` (parser ``Node`` objects); return the count.

    ``position`` is the depth-first document order, so reading the rows by position reproduces the
    text. Rows are written with one bulk insert per depth level, parents before children.
    """
    ArticleNode.objects.filter(document=document).delete()
    position = {id(node): index for index, node in enumerate((n for root in nodes for n in root.walk()), 1)}
    seen: set[str] = set()
    level = [(None, node) for node in nodes]
    total = 0
    while level:
        rows, next_level = [], []
        for parent, node in level:
            kind = _KINDS.get(node.kind.upper())
            if kind is None:
                continue
            row = ArticleNode(
                document=document,
                parent=parent,
                kind=kind,
                label=display_label(kind, node.label)[:60],
                heading=(node.heading or "")[:500],
                anchor=_unique(node.anchor[:70], seen),
                text=node.text,
                position=position[id(node)],
                page_number=node.page,
            )
            rows.append(row)
            next_level.extend((row, child) for child in node.children)
        ArticleNode.objects.bulk_create(rows)
        total += len(rows)
        level = next_level
    return total

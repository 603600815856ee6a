"""Where a link to a provision ("Pasal 5 ayat (2)" of a regulation) can land.

A link lands on the provision's anchor only when the regulation's text has it. A regulation with no
text (most national regulations: no extracted document) gets a link to its official source, saying
so, instead of a page that opens at the top with no message. :func:`load_article_anchors` reads the
anchors of many regulations in one query, so a page listing twenty legal bases costs one query.

The page models import the page context, which imports this module: it reaches the article rows
through the page's fields rather than importing models.
"""

from dataclasses import dataclass

from .anchors import provision_anchor

#: What a provision link does (``ProvisionTarget.kind``).
ANCHOR = "anchor"  # the provision's own anchor in the regulation's text
PAGE = "page"  # the regulation page (no provision named)
NOT_FOUND = "not_found"  # the text exists but lacks the provision: the start of the text
EXTERNAL = "external"  # no text: the official source
UNAVAILABLE = "unavailable"  # no text and no official source

#: The id of the text section on the regulation page (``regulations/regulation_page.html``).
TEXT_SECTION = "judul-isi"


@dataclass(frozen=True)
class ProvisionTarget:
    """Where one provision link goes: its kind, the page anchor (if any) and the external URL (if any)."""

    kind: str
    anchor: str = ""
    external_url: str = ""


def load_article_anchors(regulations) -> None:
    """Set ``article_anchors`` (a frozenset) on each regulation page, in one query for all of them."""
    pending = [reg for reg in regulations if not hasattr(reg, "article_anchors")]
    documents = {reg.document_id for reg in pending if reg.document_id}
    by_document: dict[int, set[str]] = {}
    if documents:
        document_model = pending[0]._meta.get_field("document").related_model
        article_model = document_model._meta.get_field("articles").related_model
        rows = article_model.objects.filter(document_id__in=documents).values_list("document_id", "anchor")
        for document_id, anchor in rows:
            by_document.setdefault(document_id, set()).add(anchor)
    for reg in pending:
        reg.article_anchors = frozenset(by_document.get(reg.document_id, ()))


def article_anchors(regulation) -> frozenset:
    """The anchors of the regulation's text (loaded with one query when not loaded before)."""
    if not hasattr(regulation, "article_anchors"):
        load_article_anchors([regulation])
    return regulation.article_anchors


def resolve(regulation, provision: str = "", anchor: str = "") -> ProvisionTarget:
    """Where a link to ``provision`` of ``regulation`` lands (``anchor`` overrides the one derived)."""
    anchor = anchor or provision_anchor(provision)
    if not anchor:
        return ProvisionTarget(PAGE)
    anchors = article_anchors(regulation)
    if anchor in anchors:
        return ProvisionTarget(ANCHOR, anchor)
    pasal = anchor.split("-ayat-")[0]
    if pasal in anchors:
        # The ayat was not split out of its Pasal: land on the Pasal.
        return ProvisionTarget(ANCHOR, pasal)
    if anchors:
        return ProvisionTarget(NOT_FOUND, TEXT_SECTION)
    if regulation.external_url:
        return ProvisionTarget(EXTERNAL, external_url=regulation.external_url)
    return ProvisionTarget(UNAVAILABLE)

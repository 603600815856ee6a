"""Give a test regulation an article tree, so links to its Pasal have an anchor to land on."""

from registry.regulations.models import ArticleNode, RegulationDocument, RegulationPage


def give_text(regulation, *anchors):
    """Attach a document whose article tree holds ``anchors`` ("pasal-5", "pasal-5-ayat-2") to ``regulation``."""
    document = RegulationDocument.objects.create(
        title=str(regulation.short_title()), file="dokumen/naskah.pdf"
    )
    for position, anchor in enumerate(anchors, start=1):
        kind = "ayat" if "-ayat-" in anchor else "pasal"
        ArticleNode.objects.create(
            document=document, kind=kind, label=anchor, anchor=anchor, position=position
        )
    RegulationPage.objects.filter(pk=regulation.pk).update(document=document)
    regulation.document_id = document.pk
    return regulation

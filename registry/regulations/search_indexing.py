"""What the regulations app puts in the search index, and when.

A published regulation gives one document for itself and one per passage. Passages are its pasal
when the regulation has an article tree (a ``search_passages()`` method on the page yielding
``(anchor, label, text)``, e.g. ``("pasal-5", "Pasal 5", "…")``), and otherwise the pages of its
signed PDF (``DocumentPage``), linked to the page of the PDF. Each passage carries the regulation's
metadata (jenis, tahun, status, pemrakarsa) so that filters and facets apply to it.
"""

from django.utils.translation import gettext as _

from registry.visibility import connect_page_source, public_pages
from search.citations import pasal_headings, regulation_keys
from search.documents import KIND_PASSAGE, KIND_REGULATION, SearchDocument
from search.registry import DocumentSource

from .signals import document_extracted, document_pages_stored, statuses_changed

#: Regulations are ranked above their own passages when both match equally.
REGULATION_BOOST = 1.5


def _url(page) -> str:
    try:
        return page.get_url() or ""
    except Exception:  # noqa: BLE001 - a page outside any site still gets indexed, without a link
        return ""


def _page_passages(page):
    """(anchor, label, text, pasal numbers, url) for each page of the signed PDF."""
    document = page.document
    if document is None:
        return
    seen = set()
    for doc_page in document.pages.order_by("number").defer("ocr_words"):
        if not doc_page.text.strip():
            continue
        # A pasal heading cites only its first page: later ones are usually the Penjelasan.
        pasals = [n for n in pasal_headings(doc_page.text) if n not in seen]
        seen.update(pasals)
        url = f"{document.url}#page={doc_page.number}"
        yield (
            f"halaman-{doc_page.number}",
            _("Halaman %(n)s") % {"n": doc_page.number},
            doc_page.text,
            pasals,
            url,
        )


def _structured_passages(structured, base_url):
    for anchor, label, text in structured:
        parts = anchor.split("-")
        pasal = [parts[1]] if len(parts) > 1 and parts[0] == "pasal" and "ayat" not in parts else []
        yield anchor, label, text, pasal, f"{base_url}#{anchor}"


def regulation_documents(page) -> list[SearchDocument]:
    """The regulation's own document and one per passage."""
    kind = page.regulation_type
    short_title = page.short_title()
    names = [kind.slug, kind.code, kind.abbreviation, kind.name]
    url = _url(page)
    pemrakarsa = page.pemrakarsa
    common = {
        "owner": f"regulation:{page.pk}",
        "jenis": kind.slug,
        "jenis_label": kind.name,
        "tahun": page.tahun,
        "status": page.status,
        "status_label": str(page.get_status_display()),
        "opd": pemrakarsa.slug if pemrakarsa else "",
        "opd_label": pemrakarsa.title if pemrakarsa else "",
    }
    identity = " ".join(
        [short_title, kind.abbreviation, kind.code, page.nomor, str(page.tahun), page.tentang]
    )
    documents = [
        SearchDocument(
            doc_id=f"regulation:{page.pk}",
            kind=KIND_REGULATION,
            title=page.title,
            subtitle=short_title,
            url=url or page.external_url,
            body=page.abstrak or page.tentang,
            keywords=" ".join(
                [identity, page.subjek, page.bidang_hukum, page.teu_badan, str(page.get_status_display())]
            ),
            citations=regulation_keys(names, page.nomor, page.tahun),
            boost=REGULATION_BOOST,
            **common,
        )
    ]
    structured = page.search_passages() if callable(getattr(page, "search_passages", None)) else []
    passages = _structured_passages(structured, url) if structured else _page_passages(page)
    for number, (anchor, label, text, pasals, passage_url) in enumerate(passages, start=1):
        keys = [k for pasal in pasals for k in regulation_keys(names, page.nomor, page.tahun, pasal)]
        documents.append(
            SearchDocument(
                doc_id=f"regulation:{page.pk}:{number:05d}:{anchor}",
                kind=KIND_PASSAGE,
                title=f"{short_title} · {label}",
                subtitle=label,
                url=passage_url,
                body=text,
                keywords=identity,
                citations=keys,
                **common,
            )
        )
    return documents


def _regulations_using(instance=None, **kwargs):
    """Regulations whose signed PDF was (re-)extracted: their passages follow the new text, or go."""
    from .models import RegulationPage

    if instance is None:
        return []
    return list(RegulationPage.objects.filter(document=instance).values_list("pk", flat=True))


def register(registry):
    """Register regulations with the search app (called by ``search.registry.autodiscover``)."""
    from .models import RegulationDocument, RegulationPage

    source = registry.register(
        DocumentSource(
            name="regulations",
            owner_prefix="regulation",
            queryset=lambda: public_pages(RegulationPage.objects.all()).select_related(
                "regulation_type", "document", "pemrakarsa"
            ),
            build=regulation_documents,
        )
    )
    connect_page_source(source, RegulationPage)
    source.connect(statuses_changed, sender=RegulationPage, pks=lambda page_ids=(), **kw: page_ids)
    source.connect(document_extracted, sender=RegulationDocument, pks=_regulations_using)
    source.connect(document_pages_stored, sender=RegulationDocument, pks=_regulations_using)

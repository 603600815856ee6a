"""Registration and index maintenance: autodiscovery, signals, re-extraction, status, rebuild."""

import pytest
from django.core.management import call_command

from registry.regulations.choices import ExtractionStatus, RelationKind
from registry.regulations.models import DocumentPage, RegulationDocument
from registry.regulations.signals import document_extracted
from search.models import CitationKey, IndexEntry
from search.registry import registry
from tests import factories

pytestmark = pytest.mark.django_db


def test_content_apps_register_their_sources():
    """autodiscover found both content apps' search_indexing modules."""
    assert {s.name for s in registry.all()} >= {"services", "regulations"}


def test_publish_indexes_and_delete_removes(django_capture_on_commit_callbacks):
    """A published service is indexed; deleting the page removes it."""
    page = factories.service(title="Izin Reklame")
    assert IndexEntry.objects.filter(owner=f"service:{page.pk}").count() == 1
    page.delete()
    assert not IndexEntry.objects.filter(owner=f"service:{page.pk}").exists()


def test_draft_is_not_indexed():
    """A draft never reaches the index."""
    page = factories.service(title="Draf", live=False)
    assert not IndexEntry.objects.filter(owner=f"service:{page.pk}").exists()


def _document_with_pages(texts):
    document = RegulationDocument.objects.create(
        title="doc", file="x.pdf", extraction_status=ExtractionStatus.PENDING
    )
    DocumentPage.objects.bulk_create(
        DocumentPage(document=document, number=n, text=t) for n, t in enumerate(texts, start=1)
    )
    return document


def test_regulation_pages_become_passages_with_pasal_keys():
    """Each page with text is a passage; a pasal heading gives the page its citation key."""
    document = _document_with_pages(["Pasal 1\nKetentuan umum.", "", "Pasal 5\nRetribusi."])
    page = factories.regulation("PERWAL", nomor="12", tahun=2023, document=document)
    owner = f"regulation:{page.pk}"
    assert IndexEntry.objects.filter(owner=owner).count() == 3
    passage = IndexEntry.objects.get(citation_keys__key="perwal:12:2023:pasal-5")
    assert passage.kind == "pasal" and passage.url.endswith("#page=3")
    assert passage.jenis == "perwal" and passage.tahun == 2023
    assert CitationKey.objects.filter(entry__doc_id=owner, key="perwal:12:2023").exists()


def test_re_extraction_refreshes_passages():
    """When a document's extraction finishes again, its regulation's passages follow."""
    document = _document_with_pages(["Pasal 1\nLama."])
    page = factories.regulation("PERWAL", nomor="3", tahun=2024, document=document)
    document.pages.all().delete()
    DocumentPage.objects.create(document=document, number=1, text="Pasal 1\nBaru.")
    DocumentPage.objects.create(document=document, number=2, text="Pasal 2\nTambahan.")
    document.extraction_status = ExtractionStatus.DONE
    document.save()
    # The extraction pipeline announces a finished run with this signal.
    document_extracted.send(sender=RegulationDocument, instance=document, run=None)
    bodies = set(
        IndexEntry.objects.filter(owner=f"regulation:{page.pk}", kind="pasal").values_list("body", flat=True)
    )
    assert bodies == {"Pasal 1\nBaru.", "Pasal 2\nTambahan."}


def test_status_change_reaches_the_index():
    """Revoking a regulation updates its status in the index."""
    old = factories.regulation("PERDA", nomor="1", tahun=2010)
    new = factories.regulation("PERDA", nomor="2", tahun=2020)
    factories.relate(new, old, RelationKind.MENCABUT)
    assert IndexEntry.objects.get(doc_id=f"regulation:{old.pk}").status == "dicabut"


def test_rebuild_command_reports_progress(capsys):
    """rebuild_search_index re-creates the index and prints counts."""
    factories.service(title="Izin Apotek")
    IndexEntry.objects.all().delete()
    call_command("rebuild_search_index")
    out = capsys.readouterr().out
    assert "documents in" in out and IndexEntry.objects.filter(title="Izin Apotek").exists()


def test_search_health_command(capsys):
    """search_health prints one line per engine."""
    call_command("search_health")
    assert "ok; documents=" in capsys.readouterr().out

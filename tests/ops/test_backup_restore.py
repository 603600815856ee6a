"""Backups that restore (#12 item 5): back up a populated install, empty it, restore, compare."""

import io
import json
import shutil
import tarfile
from io import StringIO
from pathlib import Path

import pytest
from django.apps import apps
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection
from wagtail.models import Page

from registry.coverage.history import take_snapshot
from registry.coverage.models import CoverageSnapshot, Finding, ServiceCoverage
from registry.regulations.extraction.pipeline import extract_document
from registry.regulations.models import DocumentPage, ExtractionRun, RegulationDocument
from search.service import search
from tests import factories
from tests.regulations.test_extraction_recovery import make_document

# serialized_rollback: the flush after each test would otherwise leave later tests without the
# root page and collection that migrations create.
pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


@pytest.fixture(autouse=True)
def _warm_content_type_cache():
    """After a restore the content type cache is empty (restore clears it: the ids may differ). Fill it
    from the restored rows before the test's flush, or the next serialized-rollback test would create
    content types while loading its data and clash with the rows it loads."""
    yield
    ContentType.objects.get_for_models(*apps.get_models())


QUERIES = ("akta kelahiran", "pasal 5", "standar pelayanan", "perwal 12/2023")


def _requires_client_tools():
    if connection.vendor == "postgresql" and not (shutil.which("pg_dump") and shutil.which("pg_restore")):
        pytest.skip("pg_dump/pg_restore not installed (Debian: postgresql-client)")


def _populate(tmp_path):
    """Pages, a document with its extraction, coverage results and a snapshot, all in the index."""
    document = make_document(tmp_path)
    assert extract_document(document).status == "done"
    regulation = factories.regulation(nomor="12", tentang="Pelayanan Akta Kelahiran", document=document)
    unit = factories.opd()
    factories.service(unit=unit, title="Layanan Akta Kelahiran", bases=[(regulation, "Pasal 5")])
    factories.service(unit=unit, title="Layanan Kartu Keluarga")
    take_snapshot()
    call_command("rebuild_search_index", stdout=StringIO())


def _state():
    """Everything the comparison covers, as plain data."""
    media = Path(settings.MEDIA_ROOT)
    return {
        "pages": list(
            Page.objects.order_by("path").values_list(
                "id", "path", "title", "url_path", "live", "content_type__model"
            )
        ),
        "documents": [
            (
                d.pk,
                d.title,
                d.file.name,
                (media / d.file.name).read_bytes(),
                d.extraction_status,
                d.extracted_sha256,
            )
            for d in RegulationDocument.objects.order_by("pk")
        ],
        "document_pages": list(
            DocumentPage.objects.order_by("pk").values_list("document_id", "number", "text")
        ),
        "runs": list(
            ExtractionRun.objects.order_by("pk").values_list("pk", "document_id", "status", "sha256")
        ),
        "coverage": list(
            ServiceCoverage.objects.order_by("pk").values_list("service_id", "status", "warning_count")
        ),
        "findings": list(
            Finding.objects.order_by("pk").values_list("coverage_id", "code", "message_id", "message_params")
        ),
        "snapshots": list(
            CoverageSnapshot.objects.order_by("pk").values_list("date", "opd_id", "total", "lengkap")
        ),
        "search": {q: [(h.doc_id, h.title, h.url) for h in search(q).hits] for q in QUERIES},
    }


def _empty_install():
    """A fresh, migrated database without content, and an empty MEDIA_ROOT."""
    call_command("flush", interactive=False, verbosity=0)
    shutil.rmtree(settings.MEDIA_ROOT, ignore_errors=True)
    Path(settings.MEDIA_ROOT).mkdir(parents=True)


def test_backup_restores_every_page_document_result_and_search_hit(tmp_path):
    _requires_client_tools()
    _populate(tmp_path)
    before = _state()
    assert before["document_pages"] and before["findings"] and before["snapshots"]
    assert any(before["search"].values()), "the comparison needs search hits"

    archive = tmp_path / "cadangan.tar.gz"
    call_command("backup_registry", str(archive), stdout=StringIO())
    with tarfile.open(archive) as opened:
        manifest = json.load(opened.extractfile("manifest.json"))
    assert manifest["counts"]["documents"] == 1 and manifest["media_files"] >= 1
    assert all(len(digest) == 64 for digest in manifest["files"].values())

    _empty_install()
    assert not Page.objects.exists() and not RegulationDocument.objects.exists()

    out = StringIO()
    call_command("restore_registry", str(archive), stdout=out)
    assert "indeks pencarian dibangun ulang" in out.getvalue()
    assert _state() == before


def test_restore_refuses_a_non_empty_install_and_a_damaged_archive(tmp_path):
    _requires_client_tools()
    _populate(tmp_path)
    archive = tmp_path / "cadangan.tar.gz"
    call_command("backup_registry", str(archive), stdout=StringIO())
    before = _state()

    with pytest.raises(CommandError, match="tidak kosong.*--force"):
        call_command("restore_registry", str(archive), stdout=StringIO())

    damaged = tmp_path / "rusak.tar.gz"
    with tarfile.open(archive) as source, tarfile.open(damaged, "w:gz") as target:
        for member in source.getmembers():
            data = source.extractfile(member).read()
            if member.name.startswith("media/"):
                data = data[:-1] + b"!"
            target.addfile(member, io.BytesIO(data))
    _empty_install()
    with pytest.raises(CommandError, match="Checksum tidak cocok"):
        call_command("restore_registry", str(damaged), stdout=StringIO())
    assert not Page.objects.exists(), "a damaged archive changes nothing"

    call_command("restore_registry", str(archive), stdout=StringIO())
    assert _state() == before

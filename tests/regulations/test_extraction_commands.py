"""``manage.py ingest_pdfs`` and ``manage.py inspect_pdf``."""

import json
import shutil
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from registry.regulations.choices import ExtractionStatus
from registry.regulations.models import DocumentPage, ExtractionRun, RegulationDocument
from registry.regulations.reference_data import ensure_regulation_types
from tests import factories
from tests.regulations.test_extraction_samples import HTML_BYTES, regulation_pdf

pytestmark = pytest.mark.django_db


@pytest.fixture
def folder(tmp_path):
    """A folder with a Perwal, a byte-identical copy of it, an encrypted PDF and a renamed HTML page."""
    root = tmp_path / "masuk"
    root.mkdir()
    regulation_pdf(root / "a_perwal.pdf")
    shutil.copy(root / "a_perwal.pdf", root / "b_salinan.pdf")
    regulation_pdf(root / "c_terkunci.pdf", encrypt_password="rahasia")
    (root / "d_halaman.pdf").write_bytes(HTML_BYTES)
    (root / "catatan.txt").write_text("bukan PDF")
    return root


def run(*args) -> str:
    out = StringIO()
    call_command(*args, stdout=out)
    return out.getvalue()


def test_ingest_dedupes_extracts_and_summarises(folder):
    """Each distinct PDF becomes one extracted document; a copy is skipped; a summary ends the output.

    The drafts made from the documents are tested in ``test_ingest_drafts.py``."""
    factories.site_tree()
    ensure_regulation_types(codes={"PERWAL"})
    output = run("ingest_pdfs", str(folder))
    lines = output.splitlines()
    assert lines[0] == "[1/4] a_perwal.pdf … dibuat (selesai)"
    assert lines[1] == "[2/4] b_salinan.pdf … sudah diunggah"
    assert lines[2] == "[3/4] c_terkunci.pdf … gagal dibaca (perlu kata sandi)"
    assert lines[3] == "[4/4] d_halaman.pdf … gagal dibaca (gagal)"
    assert lines[-1] == (
        "Ringkasan (4 berkas): dibuat 1, sudah ada 0, sudah diunggah 1, gagal dibaca 2, perlu ditinjau manual 0."
    )
    assert RegulationDocument.objects.count() == 3
    perwal = RegulationDocument.objects.get(
        title__startswith="Peraturan Wali Kota Balikpapan Nomor 12 Tahun 2023"
    )
    assert perwal.extraction_status == ExtractionStatus.DONE and perwal.pages.count() == 2
    assert (folder / "a_perwal.pdf").exists(), "the source folder is left as it was"


def test_ingest_again_adds_nothing(folder):
    """A second ingest neither stores nor extracts anything again."""
    factories.site_tree()
    run("ingest_pdfs", str(folder))
    runs_before = ExtractionRun.objects.count()
    again = run("ingest_pdfs", str(folder))
    assert again.splitlines()[-1].startswith("Ringkasan (4 berkas): dibuat 0, sudah ada 0, sudah diunggah 4,")
    assert RegulationDocument.objects.count() == 3
    assert ExtractionRun.objects.count() == runs_before


def test_ingest_needs_the_regulation_index(folder):
    with pytest.raises(CommandError, match="Indeks peraturan belum ada"):
        run("ingest_pdfs", str(folder))
    assert not RegulationDocument.objects.exists()


def test_inspect_prints_one_json_object_and_saves_nothing(tmp_path):
    """inspect_pdf reports status, counts and the parser's labels, and stores no document."""
    path = regulation_pdf(tmp_path / "perwal.pdf")
    report = json.loads(run("inspect_pdf", str(path)))
    assert report["status"] == "done" and report["reason"] == ""
    assert (report["page_count"], report["pages_with_text"], report["pages_scanned"]) == (2, 2, 0)
    assert len(report["sha256"]) == 64
    labels = report["labels"]
    assert labels is None or (labels["number"], labels["year"]) == ("12", 2023)
    assert not RegulationDocument.objects.exists() and not DocumentPage.objects.exists()


def test_inspect_explains_an_encrypted_file(tmp_path):
    """An encrypted file is reported as needing a password, in Indonesian."""
    path = regulation_pdf(tmp_path / "enc.pdf", encrypt_password="rahasia")
    report = json.loads(run("inspect_pdf", str(path), "--no-ocr"))
    assert report["status"] == "needs_password"
    assert report["reason"] == "Berkas PDF dilindungi kata sandi."

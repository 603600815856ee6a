"""``manage.py ingest_pdfs`` and ``manage.py inspect_pdf``."""

import json
import shutil
from io import StringIO

import pytest
from django.core.management import call_command

from registry.regulations.choices import ExtractionStatus
from registry.regulations.models import DocumentPage, ExtractionRun, RegulationDocument
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
    """Each distinct PDF becomes one extracted document; a copy is skipped; a summary ends the output."""
    output = run("ingest_pdfs", str(folder))
    lines = output.splitlines()
    assert lines[0].startswith("[1/4] a_perwal.pdf … selesai (2 hlm, ")
    assert lines[1].startswith("[2/4] b_salinan.pdf … sudah ada")
    assert lines[2].startswith("[3/4] c_terkunci.pdf … perlu kata sandi (0 hlm")
    assert lines[3].startswith("[4/4] d_halaman.pdf … gagal (0 hlm")
    assert lines[-1] == "Ringkasan (4 berkas): selesai 1, sudah ada 1, perlu kata sandi 1, gagal 1"
    assert RegulationDocument.objects.count() == 3
    perwal = RegulationDocument.objects.get(title="a perwal")
    assert perwal.extraction_status == ExtractionStatus.DONE and perwal.pages.count() == 2
    assert (folder / "a_perwal.pdf").exists(), "the source folder is left as it was"


def test_ingest_again_skips_unless_forced(folder):
    """A second ingest adds nothing; ``--force`` extracts the known files again."""
    run("ingest_pdfs", str(folder))
    again = run("ingest_pdfs", str(folder))
    assert again.splitlines()[-1] == "Ringkasan (4 berkas): sudah ada 4"
    assert RegulationDocument.objects.count() == 3
    runs_before = ExtractionRun.objects.count()
    forced = run("ingest_pdfs", str(folder), "--force")
    assert "selesai" in forced.splitlines()[0]
    assert RegulationDocument.objects.count() == 3
    assert ExtractionRun.objects.count() > runs_before


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

"""Bad inputs: every one ends within the time limit with a recorded status and reason, the original
file kept byte for byte, and the worker (this test process) alive.

Inputs: every file of pdfminer's own sample suite (``../shared/corpus/robustness``: corrupted,
encrypted, circular, odd filters and CMaps, JBIG2) plus generated ones (zero bytes, truncated, HTML
and ZIP renamed .pdf, thousands of empty pages, deep nesting, an unknown password).
"""

import time
from pathlib import Path

import pytest
from django.core.files.base import ContentFile
from django.test import override_settings

from registry.regulations.choices import ExtractionStatus
from registry.regulations.extraction.pipeline import extract_document
from registry.regulations.models import RegulationDocument
from tests.conftest import CORPUS_DIR
from tests.regulations.test_extraction_samples import (
    HTML_BYTES,
    decompression_bomb_pdf,
    deep_page_tree_pdf,
    deeply_nested_pdf,
    many_empty_pages_pdf,
    regulation_pdf,
    zip_bytes,
)

pytestmark = pytest.mark.django_db

TIMEOUT_SECONDS = 30
ROBUSTNESS_DIR = CORPUS_DIR / "robustness"
ROBUSTNESS_FILES = sorted(p.relative_to(ROBUSTNESS_DIR) for p in ROBUSTNESS_DIR.rglob("*.pdf"))
#: What these corpus files must come out as (the others must simply end in a recorded status).
EXPECTED = {
    "encryption/rc4-40.pdf": ExtractionStatus.NEEDS_PASSWORD,
    "encryption/rc4-128.pdf": ExtractionStatus.NEEDS_PASSWORD,
    "encryption/aes-128.pdf": ExtractionStatus.NEEDS_PASSWORD,
    "encryption/aes-256.pdf": ExtractionStatus.NEEDS_PASSWORD,
    "encryption/aes-256-r6.pdf": ExtractionStatus.NEEDS_PASSWORD,
    "encryption/base.pdf": ExtractionStatus.DONE,
    "simple1.pdf": ExtractionStatus.DONE,
    "zen_of_python_corrupted.pdf": ExtractionStatus.DONE,
}


def _generated(tmp_path: Path, name: str) -> bytes:
    """Bytes of one generated bad input."""
    if name == "zero-bytes":
        return b""
    if name == "html-renamed":
        return HTML_BYTES
    if name == "zip-renamed":
        return zip_bytes()
    if name == "truncated":
        content = regulation_pdf(tmp_path / "full.pdf").read_bytes()
        return content[: len(content) // 3]
    if name == "unknown-password":
        return regulation_pdf(tmp_path / "enc.pdf", encrypt_password="tidak-diketahui").read_bytes()
    if name == "5000-empty-pages":
        return many_empty_pages_pdf(tmp_path / "many.pdf", 5000).read_bytes()
    if name == "nested-arrays":
        return deeply_nested_pdf(tmp_path / "nested.pdf").read_bytes()
    if name == "nested-page-tree":
        return deep_page_tree_pdf(tmp_path / "tree.pdf").read_bytes()
    raise ValueError(name)


GENERATED = {
    "zero-bytes": ExtractionStatus.FAILED,
    "html-renamed": ExtractionStatus.FAILED,
    "zip-renamed": ExtractionStatus.FAILED,
    "truncated": ExtractionStatus.FAILED,
    "unknown-password": ExtractionStatus.NEEDS_PASSWORD,
    "5000-empty-pages": ExtractionStatus.DONE,
    "nested-arrays": None,
    "nested-page-tree": ExtractionStatus.FAILED,
}


@pytest.fixture(autouse=True)
def short_limits():
    """A short wall-clock limit and a low-resolution OCR, so the whole suite stays quick."""
    with override_settings(
        REGISTRY_EXTRACTION_TIMEOUT_SECONDS=TIMEOUT_SECONDS,
        REGISTRY_OCR_TIMEOUT_SECONDS=TIMEOUT_SECONDS,
        REGISTRY_OCR_PAGE_TIMEOUT_SECONDS=TIMEOUT_SECONDS,
        REGISTRY_OCR_DPI=100,
        REGISTRY_EXTRACTION_MEMORY_MB=1024,
    ):
        yield


def extract_bytes(content: bytes, name: str):
    """Store ``content`` as a document, extract it, and check the common promises."""
    document = RegulationDocument(title=name)
    document.file.save(name, ContentFile(content), save=False)
    document._skip_auto_extraction = True
    document.save()
    started = time.monotonic()
    run = extract_document(document)
    elapsed = time.monotonic() - started
    document.refresh_from_db()
    assert elapsed < TIMEOUT_SECONDS * 2 + 15, f"{name} took {elapsed:.1f} s"
    assert document.extraction_status == run.status
    assert run.status in set(ExtractionStatus) - {ExtractionStatus.PENDING, ExtractionStatus.RUNNING}
    if run.status != ExtractionStatus.DONE:
        assert document.extraction_reason, f"{name}: status {run.status} without a reason"
    with document.file.open("rb") as stored:
        assert stored.read() == content, "the original file must be kept unchanged"
    return document, run


@pytest.mark.corpus
@pytest.mark.parametrize("relative", ROBUSTNESS_FILES, ids=str)
def test_pdfminer_sample_ends_in_a_recorded_status(relative):
    """Each of pdfminer's sample files ends in a recorded status, with its file kept."""
    if not ROBUSTNESS_DIR.is_dir():
        pytest.skip(f"Korpus robustness tidak ditemukan di {ROBUSTNESS_DIR}")
    content = (ROBUSTNESS_DIR / relative).read_bytes()
    _document, run = extract_bytes(content, Path(relative).name)
    expected = EXPECTED.get(str(relative))
    if expected is not None:
        assert run.status == expected, run.reason


@pytest.mark.parametrize("name", list(GENERATED))
def test_generated_bad_input_ends_in_a_recorded_status(tmp_path, name):
    """Each generated bad input ends in its expected status, with a reason and its file kept."""
    document, run = extract_bytes(_generated(tmp_path, name), f"{name}.pdf")
    if GENERATED[name] is not None:
        assert run.status == GENERATED[name], run.reason
    if name == "5000-empty-pages":
        assert document.page_count == 5000 and document.pages_with_text == 0
    if name.endswith("renamed") or name == "zero-bytes":
        assert document.extraction_reason.startswith("Berkas rusak atau bukan PDF")


def test_timeout_is_recorded_in_indonesian(tmp_path):
    """A file that takes longer than the limit is stopped at the limit and recorded as failed."""
    content = many_empty_pages_pdf(tmp_path / "many.pdf", 20000).read_bytes()
    with override_settings(REGISTRY_EXTRACTION_TIMEOUT_SECONDS=1):
        started = time.monotonic()
        document, run = extract_bytes(content, "lambat.pdf")
    assert time.monotonic() - started < 15
    assert run.status == ExtractionStatus.FAILED
    assert document.extraction_reason == "Melebihi batas waktu 1 detik."


def test_memory_limit_is_recorded(tmp_path):
    """A child that runs out of its address-space cap fails the run with a reason, not the worker."""
    content = decompression_bomb_pdf(tmp_path / "bom.pdf", megabytes=400).read_bytes()
    with override_settings(REGISTRY_EXTRACTION_MEMORY_MB=160):
        document, run = extract_bytes(content, "memori.pdf")
    assert run.status == ExtractionStatus.FAILED
    reason = document.extraction_reason
    assert reason == "Melebihi batas memori 160 MB." or reason.startswith("Proses ekstraksi berhenti"), reason

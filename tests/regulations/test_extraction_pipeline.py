"""The Django side of extraction: queued on upload, stored as pages and runs, skipped when unchanged."""

import logging

import pytest
from django.core.files.base import ContentFile
from django.test import override_settings

from registry.cache.invalidation import _bump_on_commit
from registry.regulations.choices import ExtractionStatus
from registry.regulations.extraction import runner
from registry.regulations.extraction.pipeline import extract_document
from registry.regulations.models import DocumentPage, ExtractionRun, RegulationDocument
from registry.regulations.tasks import extract_document_task
from tests.regulations.test_extraction_fast_path import form_with_inline_image_pdf
from tests.regulations.test_extraction_samples import regulation_pdf, scanned_pdf

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.usefixtures("extraction_limits"),
]


@pytest.fixture
def extraction_limits():
    """Short limits so that a mistake fails fast instead of hanging the suite."""
    with override_settings(REGISTRY_EXTRACTION_TIMEOUT_SECONDS=60, REGISTRY_OCR_TIMEOUT_SECONDS=120):
        yield


@pytest.fixture
def perwal_bytes(tmp_path):
    """The bytes of a two-page born-digital Perwal."""
    return regulation_pdf(tmp_path / "perwal.pdf").read_bytes()


def make_document(content: bytes, name="perwal.pdf", **fields) -> RegulationDocument:
    """Save a document with ``content`` as its file (this queues an extraction on commit)."""
    document = RegulationDocument(title=fields.pop("title", name), **fields)
    document.file.save(name, ContentFile(content), save=False)
    document.save()
    return document


def test_upload_extracts_on_commit_and_stores_pages(perwal_bytes, django_capture_on_commit_callbacks):
    """A new document is extracted once its transaction commits: status, counts, pages and a run."""
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        document = make_document(perwal_bytes)
        assert document.extraction_status == ExtractionStatus.PENDING
    # One extraction queued (the page cache's own commit hook, registry/cache, is not an extraction).
    assert len([callback for callback in callbacks if callback is not _bump_on_commit]) == 1
    document.refresh_from_db()
    assert document.extraction_status == ExtractionStatus.DONE
    assert document.extraction_reason == ""
    assert (document.page_count, document.pages_with_text, document.pages_scanned) == (2, 2, 0)
    assert len(document.extracted_sha256) == 64
    assert document.extraction_seconds > 0 and document.extracted_at is not None
    texts = list(DocumentPage.objects.filter(document=document).values_list("text", flat=True))
    assert "NOMOR 12 TAHUN 2023" in texts[0].splitlines()
    assert "Pasal 5" in texts[1].splitlines()
    run = ExtractionRun.objects.get(document=document)
    assert run.status == ExtractionStatus.DONE and run.sha256 == document.extracted_sha256
    assert run.finished_at is not None and run.seconds > 0
    assert run.fast_path is True and run.fast_path_fallbacks == 0


def test_fast_path_fallbacks_are_logged_and_stored_on_the_run(tmp_path, caplog):
    """A content stream left to pdfminer's parser (an inline image in a form) is counted and logged."""
    content = form_with_inline_image_pdf(tmp_path / "form.pdf").read_bytes()
    document = make_document(content, name="form.pdf")
    with caplog.at_level(logging.INFO, logger=runner.__name__):
        run = extract_document(document)
    assert run.status == ExtractionStatus.DONE, run.reason
    assert run.fast_path is True and run.fast_path_fallbacks == 1
    [record] = [record for record in caplog.records if record.name == runner.__name__]
    assert record.levelno == logging.INFO
    assert "1 content stream(s)" in record.getMessage() and "inline image ×1" in record.getMessage()


def test_fast_path_setting_off_reads_the_same_text_with_pdfminer(perwal_bytes):
    """REGISTRY_EXTRACTION_FAST_PATH off: the run says so, and the stored pages are unchanged."""
    document = make_document(perwal_bytes)
    fast = extract_document(document)
    texts = list(DocumentPage.objects.filter(document=document).values_list("text", flat=True))
    with override_settings(REGISTRY_EXTRACTION_FAST_PATH=False):
        slow = extract_document(document, force=True)
    assert (fast.fast_path, slow.fast_path) == (True, False)
    fast.refresh_from_db()
    assert fast.ocr_settings == {} and fast.ocr_settings_display() == ""  # a text layer: no OCR settings
    assert slow.status == ExtractionStatus.DONE and slow.fast_path_fallbacks == 0
    assert list(DocumentPage.objects.filter(document=document).values_list("text", flat=True)) == texts


def test_same_file_is_not_extracted_again_unless_forced(perwal_bytes):
    """A second extraction of an unchanged file is skipped; ``force`` makes a new run."""
    document = make_document(perwal_bytes)
    first = extract_document(document)
    assert first is not None
    assert extract_document(document) is None
    assert extract_document_task.call(document.pk) == "unchanged"
    forced = extract_document(document, force=True)
    assert forced is not None and forced.pk != first.pk
    assert ExtractionRun.objects.filter(document=document).count() == 2
    assert DocumentPage.objects.filter(document=document).count() == 2


def test_replacing_the_file_queues_a_new_extraction(
    perwal_bytes, tmp_path, django_capture_on_commit_callbacks
):
    """Saving a document with a new file resets its status and extracts the new file."""
    document = make_document(perwal_bytes)
    extract_document(document)
    old_sha = document.extracted_sha256
    other = regulation_pdf(tmp_path / "lain.pdf", pages=[["PERATURAN DAERAH", "NOMOR 3 TAHUN 2024"]])
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        document.file.save("lain.pdf", ContentFile(other.read_bytes()), save=False)
        document.save()
    assert len(callbacks) == 1
    document.refresh_from_db()
    assert document.extracted_sha256 != old_sha
    assert document.page_count == 1
    assert ExtractionRun.objects.filter(document=document).count() == 2


def test_editing_the_title_queues_nothing(perwal_bytes, django_capture_on_commit_callbacks):
    """A metadata edit keeps the file, so no extraction is queued."""
    document = make_document(perwal_bytes)
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        document.title = "Perwal 12/2023"
        document.save()
    assert callbacks == []


def test_encrypted_document_needs_password_and_is_kept(tmp_path):
    """A PDF with an unknown user password is recorded as needing one; its file stays untouched."""
    content = regulation_pdf(tmp_path / "enc.pdf", encrypt_password="rahasia").read_bytes()
    document = make_document(content, name="enc.pdf")
    run = extract_document(document, requested_by=None)
    document.refresh_from_db()
    assert run.status == document.extraction_status == ExtractionStatus.NEEDS_PASSWORD
    assert document.extraction_reason == "Berkas PDF dilindungi kata sandi."
    with document.file.open("rb") as stored:
        assert stored.read() == content


def test_missing_file_is_recorded_as_failed(perwal_bytes):
    """When the stored file has disappeared, the run fails with a reason instead of raising."""
    document = make_document(perwal_bytes)
    document.file.storage.delete(document.file.name)
    run = extract_document(document)
    assert run.status == ExtractionStatus.FAILED
    assert run.reason.startswith("Berkas asli tidak dapat dibuka")
    assert run.fast_path is None and run.fast_path_fallbacks == 0


def test_task_records_who_asked_and_reports_missing_documents(perwal_bytes, django_user_model):
    """The task passes the requesting user to the run, and shrugs at a deleted document."""
    user = django_user_model.objects.create_user("editor", password="x")
    document = make_document(perwal_bytes)
    assert extract_document_task.call(document.pk, force=True, requested_by_id=user.pk) == "done"
    assert ExtractionRun.objects.get(document=document).requested_by == user
    assert extract_document_task.call(document.pk + 1000) == "missing"


def test_scan_without_tesseract_needs_ocr(tmp_path, monkeypatch):
    """A scanned page with no OCR tool installed gives needs_ocr and names what is missing."""
    monkeypatch.setattr(runner, "missing_ocr_tool", lambda language: "tesseract")
    document = make_document(scanned_pdf(tmp_path / "scan.pdf").read_bytes(), name="scan.pdf")
    run = extract_document(document)
    document.refresh_from_db()
    assert run.status == document.extraction_status == ExtractionStatus.NEEDS_OCR
    assert "Tesseract" in document.extraction_reason
    assert (document.page_count, document.pages_scanned, document.pages_with_text) == (1, 1, 0)
    page = DocumentPage.objects.get(document=document)
    assert page.is_scan and not page.is_ocr


def _ocr_missing_reason() -> str:
    from registry.regulations.extraction.ocr import missing_ocr_tool

    missing = missing_ocr_tool("ind")
    if not missing:
        return ""
    return {
        "tesseract": "tesseract tidak terpasang (apt-get install tesseract-ocr)",
        "pdftoppm": "pdftoppm tidak terpasang (apt-get install poppler-utils)",
        "lang": "data bahasa Indonesia Tesseract tidak terpasang (apt-get install tesseract-ocr-ind)",
    }[missing]


def test_scanned_page_is_read_by_tesseract(tmp_path):
    """A scanned page goes through pdftoppm + Tesseract (ind) and is marked as OCR text."""
    missing = _ocr_missing_reason()
    if missing:
        pytest.skip(missing)
    document = make_document(scanned_pdf(tmp_path / "scan.pdf").read_bytes(), name="scan.pdf")
    with override_settings(REGISTRY_OCR_DPI=200):
        run = extract_document(document)
    assert run.status == ExtractionStatus.DONE, run.reason
    assert run.pages_ocr == 1 and run.pages_scanned == 1 and run.pages_with_text == 1
    page = DocumentPage.objects.get(document=document)
    assert page.is_ocr and page.is_scan
    assert "NOMOR 12 TAHUN 2023" in page.text

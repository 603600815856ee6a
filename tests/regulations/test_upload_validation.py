"""Uploads through Wagtail's document views: only real PDFs within the size cap are kept."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import override_settings
from django.urls import reverse
from wagtail.models import Collection

from registry.regulations.choices import ExtractionStatus
from registry.regulations.forms import validate_pdf_upload
from registry.regulations.models import RegulationDocument
from tests.regulations.test_extraction_samples import HTML_BYTES, regulation_pdf, zip_bytes

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client(client, django_user_model):
    """A client logged in as a superuser."""
    user = django_user_model.objects.create_superuser("admin", "admin@example.com", "sandi")
    client.force_login(user)
    return client


def post_upload(client, content: bytes, name="perwal.pdf"):
    """Post one file to Wagtail's single document upload view."""
    return client.post(
        reverse("wagtaildocs:add"),
        {
            "title": "Perwal 12/2023",
            "file": SimpleUploadedFile(name, content, content_type="application/pdf"),
            "collection": Collection.get_first_root_node().pk,
        },
    )


def form_errors(response) -> str:
    """The file field's errors as one string."""
    return " ".join(response.context["form"].errors.get("file", []))


@pytest.mark.parametrize(
    "content,expected",
    [
        (b"", "kosong"),
        (HTML_BYTES, "HTML"),
        (zip_bytes(), "ZIP"),
        (b"Just some text pretending to be a regulation", "%PDF-"),
        (b"%PDF-1.7\n<html>no objects here</html>\n", "objek PDF"),
    ],
    ids=["empty", "html", "zip", "text", "header-only"],
)
def test_non_pdf_upload_is_rejected_and_nothing_is_created(admin_client, content, expected):
    """A renamed non-PDF gets an Indonesian error on the form and leaves no document behind."""
    response = post_upload(admin_client, content)
    assert response.status_code == 200
    assert expected in form_errors(response)
    assert not RegulationDocument.objects.exists()


def test_valid_pdf_upload_is_kept_and_extracted(admin_client, tmp_path, django_capture_on_commit_callbacks):
    """A real PDF is stored byte for byte and extracted once the upload commits."""
    content = regulation_pdf(tmp_path / "perwal.pdf").read_bytes()
    with django_capture_on_commit_callbacks(execute=True):
        response = post_upload(admin_client, content)
    assert response.status_code == 302
    document = RegulationDocument.objects.get()
    with document.file.open("rb") as stored:
        assert stored.read() == content
    assert document.extraction_status == ExtractionStatus.DONE
    assert document.page_count == 2


def test_encrypted_pdf_is_accepted_and_gets_its_status_later(
    admin_client, tmp_path, django_capture_on_commit_callbacks
):
    """An encrypted PDF is still a PDF: the upload is kept, the extraction says it needs a password."""
    content = regulation_pdf(tmp_path / "enc.pdf", encrypt_password="rahasia").read_bytes()
    with django_capture_on_commit_callbacks(execute=True):
        response = post_upload(admin_client, content, name="enc.pdf")
    assert response.status_code == 302
    document = RegulationDocument.objects.get()
    assert document.extraction_status == ExtractionStatus.NEEDS_PASSWORD
    assert document.extraction_reason == "Berkas PDF dilindungi kata sandi."


def test_truncated_pdf_is_accepted(admin_client, tmp_path):
    """A damaged (truncated) PDF still has a header and objects, so it is kept for its status."""
    content = regulation_pdf(tmp_path / "perwal.pdf").read_bytes()
    response = post_upload(admin_client, content[: len(content) // 2])
    assert response.status_code == 302
    assert RegulationDocument.objects.count() == 1


@override_settings(REGISTRY_MAX_UPLOAD_BYTES=1024)
def test_upload_over_the_size_cap_is_rejected(admin_client, tmp_path):
    """A file over REGISTRY_MAX_UPLOAD_BYTES is refused with its size and the cap in the message."""
    content = regulation_pdf(tmp_path / "perwal.pdf").read_bytes()
    assert len(content) > 1024
    response = post_upload(admin_client, content)
    assert response.status_code == 200
    assert "melebihi batas" in form_errors(response)
    assert not RegulationDocument.objects.exists()


def test_header_may_sit_after_leading_bytes():
    """A PDF header within the first 1024 bytes (after junk some scanners write) is accepted."""
    content = b"\x00" * 100 + b"%PDF-1.4\n1 0 obj\n<< >>\nendobj\n"
    validate_pdf_upload(SimpleUploadedFile("scan.pdf", content))


# --- A rejected upload shows only its own error (issue #9) ------------------------------------------
# Wagtail's model-level extension check used to run on the emptied file field after the form had
# rejected the upload, adding a bogus "Ekstensi berkas “” tidak diizinkan" to every rejection.

OVERSIZED_CAP = 1024


def post_multiple_upload(client, content: bytes, name="perwal.pdf"):
    """Post one file to Wagtail's multiple upload view (the view behind drag-and-drop uploads)."""
    return client.post(
        reverse("wagtaildocs:add_multiple"),
        {
            "files[]": SimpleUploadedFile(name, content, content_type="application/pdf"),
            "collection": Collection.get_first_root_node().pk,
        },
    )


def _rejections(tmp_path):
    """(id, content, expected fragment) of a renamed non-PDF and of a PDF over the 1 KB cap."""
    big_pdf = regulation_pdf(tmp_path / "besar.pdf").read_bytes()
    assert len(big_pdf) > OVERSIZED_CAP
    return [("non-pdf", HTML_BYTES, "bukan PDF"), ("oversized", big_pdf, "melebihi batas")]


@override_settings(REGISTRY_MAX_UPLOAD_BYTES=OVERSIZED_CAP)
def test_single_upload_rejection_shows_only_the_real_error(admin_client, tmp_path):
    """The add view lists exactly one file error, the Indonesian one, and no extension error."""
    for label, content, expected in _rejections(tmp_path):
        response = post_upload(admin_client, content)
        assert response.status_code == 200, label
        errors = list(response.context["form"].errors.get("file", []))
        assert len(errors) == 1, (label, errors)
        assert expected in errors[0], (label, errors)
        assert "Ekstensi" not in " ".join(response.context["form"].errors.as_text()), label
    assert not RegulationDocument.objects.exists()


@override_settings(REGISTRY_MAX_UPLOAD_BYTES=OVERSIZED_CAP)
def test_multiple_upload_rejection_shows_only_the_real_error(admin_client, tmp_path):
    """The multiple upload view answers with the one Indonesian error, without an extension error."""
    for label, content, expected in _rejections(tmp_path):
        response = post_multiple_upload(admin_client, content)
        assert response.status_code == 200, label
        data = response.json()
        assert data["success"] is False, label
        assert expected in data["error_message"], (label, data)
        assert "Ekstensi" not in data["error_message"], (label, data)
        assert "\n" not in data["error_message"], (label, data)
    assert not RegulationDocument.objects.exists()


def test_a_wrong_extension_on_a_real_pdf_is_still_reported(admin_client, tmp_path):
    """The model's extension check still speaks when the content passed: a PDF named .txt is refused."""
    content = regulation_pdf(tmp_path / "perwal.pdf").read_bytes()
    response = post_upload(admin_client, content, name="perwal.txt")
    assert response.status_code == 200
    assert "txt" in form_errors(response)
    assert not RegulationDocument.objects.exists()

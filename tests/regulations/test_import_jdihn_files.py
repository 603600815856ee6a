"""``import_jdihn --with-files``: each record's PDF is fetched with the upload's size and type checks,
attached and extracted; whatever goes wrong with one file is recorded on its record and the rest of
the import goes on. A later run fetches only the files still missing."""

import pytest
from django.test import override_settings

from registry.regulations.choices import ExtractionStatus
from registry.regulations.importers import files
from registry.regulations.models import DocumentPage, ImportRecord, RegulationPage
from tests.regulations.test_extraction_samples import regulation_pdf
from tests.regulations.test_import_jdihn import (  # noqa: F401 - fixtures
    http_server,
    perwal,
    registry_ready,
    run,
    write_feed,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def served(http_server, tmp_path):  # noqa: F811 - the imported fixture
    """The loopback server with a good PDF and one padded past the upload limit set below."""
    base, routes = http_server
    good = regulation_pdf(tmp_path / "p.pdf").read_bytes()
    big = good + b"\n%" + b"0" * 5000 + b"\n"  # still a PDF, only larger
    routes["/files/baik.pdf"] = (good, "application/pdf", 200)
    routes["/files/besar.pdf"] = (big, "application/pdf", 200)
    return base, routes, len(good)


def test_each_file_fails_on_its_own_and_a_second_run_fetches_only_what_is_missing(
    tmp_path, served, monkeypatch, django_capture_on_commit_callbacks
):
    base, routes, good_size = served
    records = [
        perwal(1, urlDownload=f"{base}/files/baik.pdf"),
        perwal(2, urlDownload=f"{base}/files/besar.pdf"),
        perwal(3, urlDownload=f"{base}/files/baik.pdf?salinan=3"),
        perwal(4, urlDownload="http://127.0.0.1:1/tertutup.pdf"),  # nothing listens on port 1
    ]
    routes["/files/baik.pdf?salinan=3"] = routes["/files/baik.pdf"]
    feed = write_feed(tmp_path, records)
    attach = files._attach

    def attach_failing_for_three(page, document, user):
        if page.nomor == "3":
            raise RuntimeError("disk penuh")
        attach(page, document, user)

    monkeypatch.setattr(files, "_attach", attach_failing_for_three)
    with (
        override_settings(REGISTRY_MAX_UPLOAD_BYTES=good_size + 1000, REGISTRY_EXTRACTION_TIMEOUT_SECONDS=60),
        django_capture_on_commit_callbacks(execute=True),
    ):
        out = run(feed, "--with-files")
    assert "4 catatan: dibuat 4" in out and "Berkas terlampir 1, gagal 3." in out
    pages = {page.nomor: page for page in RegulationPage.objects.all()}
    assert all(page.live for page in pages.values())  # no file failure touched its regulation
    assert [nomor for nomor, page in sorted(pages.items()) if page.document_id] == ["1"]
    document = pages["1"].document
    assert document.extraction_status == ExtractionStatus.DONE
    assert DocumentPage.objects.filter(document=document).exists()
    assert not pages["1"].has_unpublished_changes  # the published page carries the file
    records_by_nomor = {
        record.regulation.nomor: record for record in ImportRecord.objects.select_related("regulation")
    }
    assert records_by_nomor["1"].file_status == "attached"
    assert {nomor: records_by_nomor[nomor].file_status for nomor in "234"} == dict.fromkeys("234", "failed")
    assert "melebihi batas" in records_by_nomor["2"].file_reason
    assert "Kesalahan tak terduga: disk penuh" in records_by_nomor["3"].file_reason
    assert records_by_nomor["4"].file_reason  # the connection error, said in the record

    monkeypatch.setattr(files, "_attach", attach)
    fetch = files.fetch_document
    fetched = []

    def recording_fetch(url, title, timeout=None):
        fetched.append(url.removeprefix(base))
        return fetch(url, title, timeout)

    monkeypatch.setattr(files, "fetch_document", recording_fetch)
    with (
        override_settings(REGISTRY_MAX_UPLOAD_BYTES=good_size + 1000, REGISTRY_EXTRACTION_TIMEOUT_SECONDS=60),
        django_capture_on_commit_callbacks(execute=True),
    ):
        again = run(feed, "--with-files")
    assert sorted(fetched) == [
        "/files/baik.pdf?salinan=3",
        "/files/besar.pdf",
        "http://127.0.0.1:1/tertutup.pdf",
    ]
    assert "dibuat 0, diperbarui 0, tidak berubah 4" in again and "Berkas terlampir 1, gagal 2." in again
    pages = {page.nomor: page for page in RegulationPage.objects.all()}
    assert sorted(nomor for nomor, page in pages.items() if page.document_id) == ["1", "3"]
    assert pages["3"].document.extraction_status == ExtractionStatus.DONE
    assert pages["1"].document == document  # kept, not fetched again

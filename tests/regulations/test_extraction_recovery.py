"""An extraction whose process died is failed with a reason; uploads extract in the background."""

import threading
import time
from datetime import timedelta
from io import StringIO
from pathlib import Path

import pytest
from django.contrib.messages import get_messages
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.test import override_settings
from django.urls import reverse
from django.utils import timezone
from wagtail.models import Collection

from registry.regulations import tasks
from registry.regulations.choices import ExtractionStatus
from registry.regulations.extraction import pipeline, recovery
from registry.regulations.extraction.runner import ExtractionOptions, extract_pdf
from registry.regulations.models import DocumentPage, ExtractionRun, RegulationDocument
from registry.regulations.signal_handlers import SKIP_EXTRACTION_ATTR
from tests import factories
from tests.regulations.test_extraction_samples import regulation_pdf

REPO_ROOT = Path(__file__).resolve().parents[2]
STALE_SECONDS = 60
RUNNING, FAILED, DONE = ExtractionStatus.RUNNING, ExtractionStatus.FAILED, ExtractionStatus.DONE
#: Threads and other processes need committed data; serialized_rollback restores Wagtail's root
#: collection and page after the flush.
TRANSACTIONAL = pytest.mark.django_db(transaction=True, serialized_rollback=True)


@pytest.fixture(autouse=True)
def recovery_settings():
    """Known recovery limits, and short extraction limits so that a mistake fails fast."""
    with override_settings(
        REGISTRY_EXTRACTION_HEARTBEAT_SECONDS=5,
        REGISTRY_EXTRACTION_STALE_SECONDS=STALE_SECONDS,
        REGISTRY_EXTRACTION_TIMEOUT_SECONDS=60,
        REGISTRY_OCR_TIMEOUT_SECONDS=120,
    ):
        yield


@pytest.fixture
def admin_user(django_user_model):
    return django_user_model.objects.create_superuser("hukum", "hukum@example.com", "sandi")


def make_document(tmp_path, name="perwal.pdf", pages=None) -> RegulationDocument:
    """A stored two-page Perwal (or ``pages``), saved without queueing an extraction."""
    path = regulation_pdf(tmp_path / name, **({"pages": pages} if pages else {}))
    document = RegulationDocument(title=name)
    setattr(document, SKIP_EXTRACTION_ATTR, True)
    document.file.save(name, ContentFile(path.read_bytes()), save=False)
    document.save()
    return document


def stuck(document, silent_seconds: float, lease_seconds: float = 3600, **fields) -> ExtractionRun:
    """Leave ``document`` running, as a process that last beat ``silent_seconds`` ago would."""
    now = timezone.now()
    RegulationDocument.objects.filter(pk=document.pk).update(extraction_status=RUNNING)
    document.extraction_status = RUNNING
    return ExtractionRun.objects.create(
        document=document,
        status=RUNNING,
        heartbeat_at=now - timedelta(seconds=silent_seconds),
        lease_expires_at=now + timedelta(seconds=lease_seconds),
        worker="web-1:4242",
        **fields,
    )


# --- detection -------------------------------------------------------------------------------------


@pytest.mark.django_db
def test_stale_run_is_failed_with_an_indonesian_reason(tmp_path):
    """A run silent for longer than the limit fails, and so does its document, with the same reason."""
    document = make_document(tmp_path)
    run = stuck(document, silent_seconds=STALE_SECONDS + 5)
    assert [swept.pk for swept in recovery.sweep_stale_runs()] == [run.pk]
    run.refresh_from_db()
    document.refresh_from_db()
    assert run.status == FAILED and run.finished_at is not None
    assert "berhenti tanpa kabar" in run.reason
    assert "web-1:4242" in run.reason and "batas 60 detik" in run.reason
    assert "Jalankan ekstraksi ulang" in run.reason
    assert document.extraction_status == FAILED and document.extraction_reason == run.reason
    assert recovery.sweep_stale_runs() == [], "a failed run is not swept twice"


@pytest.mark.django_db
def test_live_run_with_a_fresh_heartbeat_is_left_alone(tmp_path):
    document = make_document(tmp_path)
    run = stuck(document, silent_seconds=2)
    assert recovery.sweep_stale_runs() == []
    assert recovery.recover_document(document) is False
    assert recovery.live_run(document).pk == run.pk
    run.refresh_from_db()
    document.refresh_from_db()
    assert run.status == document.extraction_status == RUNNING


@pytest.mark.django_db
def test_run_past_its_lease_fails_even_while_beating(tmp_path):
    """A run that beats but has outlived every configured limit is failed as well."""
    document = make_document(tmp_path)
    run = stuck(document, silent_seconds=1, lease_seconds=-1)
    assert [swept.pk for swept in recovery.sweep_stale_runs()] == [run.pk]
    run.refresh_from_db()
    assert run.status == FAILED and "tidak selesai dalam" in run.reason


@pytest.mark.django_db
def test_document_left_running_without_any_run_is_failed(tmp_path):
    document = make_document(tmp_path)
    RegulationDocument.objects.filter(pk=document.pk).update(extraction_status=RUNNING)
    document.refresh_from_db()
    assert recovery.recover_document(document) is True
    assert document.extraction_status == FAILED
    assert document.extraction_reason.startswith("Status 'sedang diproses' tertinggal")


@pytest.mark.django_db
def test_outcome_of_a_run_declared_dead_meanwhile_is_dropped(tmp_path, monkeypatch):
    """A slow process that was swept as dead does not overwrite the failure when it finally ends."""
    document = make_document(tmp_path)

    def slow_extract(path, options):
        run = ExtractionRun.objects.get(document=document, status=RUNNING)
        ExtractionRun.objects.filter(pk=run.pk).update(heartbeat_at=timezone.now() - timedelta(hours=1))
        assert len(recovery.sweep_stale_runs()) == 1
        return extract_pdf(path, options)

    monkeypatch.setattr(pipeline, "extract_pdf", slow_extract)
    run = pipeline.extract_document(document)
    document.refresh_from_db()
    assert run.status == FAILED and "berhenti tanpa kabar" in run.reason
    assert document.extraction_status == FAILED
    assert not DocumentPage.objects.filter(document=document).exists()


@pytest.mark.django_db
def test_extraction_beats_and_records_progress(tmp_path, monkeypatch):
    """The runner's progress callback writes the beat and the pages done on the running run."""
    document = make_document(tmp_path)
    seen = {}

    def reporting_extract(path, options):
        started = timezone.now()
        time.sleep(0.06)
        options.progress("ocr", 3, 12)
        seen["run"] = ExtractionRun.objects.get(document=document, status=RUNNING)
        seen["started"] = started
        return extract_pdf(path, options)

    monkeypatch.setattr(pipeline, "extract_pdf", reporting_extract)
    with override_settings(REGISTRY_EXTRACTION_HEARTBEAT_SECONDS=0.05):
        run = pipeline.extract_document(document)
    beating = seen["run"]
    assert (beating.phase, beating.pages_done, beating.pages_total) == ("ocr", 3, 12)
    assert beating.heartbeat_at >= seen["started"]
    assert beating.lease_expires_at > beating.started_at + timedelta(seconds=60 + 120)
    assert run.status == DONE


def test_runner_reports_progress_through_the_callback(tmp_path):
    """``runner`` (no Django) calls the callback as pages arrive, ending with every page done."""
    calls = []
    options = ExtractionOptions(workers=1, progress=lambda *args: calls.append(args), progress_seconds=0.1)
    outcome = extract_pdf(str(regulation_pdf(tmp_path / "p.pdf")), options)
    assert outcome.status == DONE
    assert calls[0] == ("text", 0, 0)
    assert calls[-1] == ("text", 2, 2)


# --- the admin and the command -------------------------------------------------------------------


@pytest.mark.django_db
def test_admin_shows_progress_then_the_failure(tmp_path, client, admin_user):
    """The regulation form and the review page show a live run's progress, and a dead one as failed."""
    document = make_document(tmp_path)
    page = factories.regulation("PERWAL", nomor="7", tahun=2024, document=document)
    run = stuck(document, silent_seconds=2, phase="ocr", pages_done=3, pages_total=12)
    client.force_login(admin_user)
    edit = reverse("wagtailadmin_pages:edit", args=[page.pk])
    body = client.get(edit).content.decode()
    assert "Sedang berjalan" in body and "3 dari 12 halaman" in body
    assert "detak terakhir 2 detik yang lalu" in body
    ExtractionRun.objects.filter(pk=run.pk).update(heartbeat_at=timezone.now() - timedelta(minutes=5))
    body = client.get(edit).content.decode()
    assert "Sedang berjalan" not in body
    assert "Gagal" in body and "berhenti tanpa kabar" in body
    review = client.get(reverse("regulations_review", args=[page.pk])).content.decode()
    assert "Gagal" in review and "berhenti tanpa kabar" in review


@pytest.mark.django_db
def test_reextract_of_a_stuck_document_fails_the_dead_run_and_extracts_again(tmp_path, client, admin_user):
    document = make_document(tmp_path)
    dead = stuck(document, silent_seconds=STALE_SECONDS + 5)
    client.force_login(admin_user)
    response = client.post(reverse("regulations_reextract", args=[document.pk]))
    assert response.status_code == 302
    document.refresh_from_db()
    dead.refresh_from_db()
    assert dead.status == FAILED and "berhenti tanpa kabar" in dead.reason
    assert document.extraction_status == DONE and document.extraction_reason == ""
    fresh = document.extraction_runs.exclude(pk=dead.pk).get()
    assert fresh.status == DONE and fresh.requested_by == admin_user
    assert DocumentPage.objects.filter(document=document).count() == 2


@pytest.mark.django_db
def test_reextract_leaves_a_live_run_to_finish(tmp_path, client, admin_user):
    document = make_document(tmp_path)
    stuck(document, silent_seconds=1)
    client.force_login(admin_user)
    response = client.post(reverse("regulations_reextract", args=[document.pk]))
    assert response.status_code == 302
    assert document.extraction_runs.count() == 1
    [message] = [str(m) for m in get_messages(response.wsgi_request)]
    assert "masih berjalan" in message


@pytest.mark.django_db
def test_sweep_command_fails_only_the_stale_runs(tmp_path):
    dead_document = make_document(tmp_path, "mati.pdf")
    live_document = make_document(tmp_path, "hidup.pdf")
    dead = stuck(dead_document, silent_seconds=STALE_SECONDS * 2)
    live = stuck(live_document, silent_seconds=1)
    out = StringIO()
    call_command("sweep_extractions", stdout=out)
    lines = out.getvalue().splitlines()
    assert lines[0].startswith(f"Dokumen #{dead_document.pk}, ekstraksi #{dead.pk}: gagal — Proses ekstraksi")
    assert lines[-1] == "1 ekstraksi macet ditandai gagal (batas tanpa detak 60 detik)."
    live.refresh_from_db()
    assert live.status == RUNNING
    quiet = StringIO()
    call_command("sweep_extractions", stdout=quiet)
    assert quiet.getvalue() == ""


# --- background extraction -----------------------------------------------------------------------


def test_background_only_for_web_requests_when_enabled():
    """Commands (load_demo, ingest_pdfs) extract in the foreground; web requests in a thread."""
    with override_settings(REGISTRY_EXTRACTION_IN_BACKGROUND=True):
        assert not tasks.extracts_in_background()
        tasks.note_request_started()
        try:
            assert tasks.extracts_in_background()
            with override_settings(REGISTRY_EXTRACTION_IN_BACKGROUND=False):
                assert not tasks.extracts_in_background()
        finally:
            tasks.note_request_finished()
        assert not tasks.extracts_in_background()


@TRANSACTIONAL
def test_background_thread_extracts_and_closes_its_connection(tmp_path, monkeypatch):
    document = make_document(tmp_path)
    closed_by = []
    close_all = tasks.connections.close_all

    def spy():
        closed_by.append(threading.current_thread().name)
        close_all()

    monkeypatch.setattr(tasks.connections, "close_all", spy)
    assert tasks.request_extraction(document.pk, background=True) is True
    assert tasks.wait_for_background_extractions(timeout=60)
    document.refresh_from_db()
    assert document.extraction_status == DONE
    assert DocumentPage.objects.filter(document=document).count() == 2
    assert closed_by == [f"registri-extraction-{document.pk}"]


@TRANSACTIONAL
def test_upload_request_returns_before_the_extraction(tmp_path, client, admin_user, monkeypatch):
    """With the setting on, the upload responds while its extraction has not even begun."""
    entered, release = threading.Event(), threading.Event()
    extract_in_thread = tasks._extract_in_thread

    def gated(*args, **kwargs):
        entered.set()
        release.wait(timeout=20)
        extract_in_thread(*args, **kwargs)

    monkeypatch.setattr(tasks, "_extract_in_thread", gated)
    client.force_login(admin_user)
    content = regulation_pdf(tmp_path / "perwal.pdf").read_bytes()
    try:
        with override_settings(REGISTRY_EXTRACTION_IN_BACKGROUND=True):
            response = client.post(
                reverse("wagtaildocs:add"),
                {
                    "title": "Perwal 12/2023",
                    "file": SimpleUploadedFile("perwal.pdf", content, content_type="application/pdf"),
                    "collection": Collection.get_first_root_node().pk,
                },
            )
        assert response.status_code == 302
        assert entered.wait(timeout=10), "the extraction thread was started"
        assert not release.is_set()
        document = RegulationDocument.objects.get()
        assert document.extraction_status == ExtractionStatus.PENDING
        assert not document.extraction_runs.exists()
    finally:
        release.set()
        assert tasks.wait_for_background_extractions(timeout=60)
    document.refresh_from_db()
    assert document.extraction_status == DONE

"""The drill as a test: a real extraction process killed mid-way is failed by the sweep command."""

import os
import signal
import sqlite3
import subprocess
import sys
import time

from django.conf import settings
from django.db import connection

from tests.regulations.test_extraction_recovery import REPO_ROOT, TRANSACTIONAL, make_document

PAGES = 300
CHILD = (
    "import sys, django; django.setup(); "
    "from registry.regulations.tasks import extract_document_task; "
    "extract_document_task.call(int(sys.argv[1]))"
)


@TRANSACTIONAL
def test_killed_extraction_process_is_failed_by_the_sweep_command(tmp_path):
    """SIGKILL a separate process mid-extraction; ``manage.py sweep_extractions`` fails its run.

    Both processes use a file copy of the test database (with a long PDF and one extraction worker,
    so the extraction is still going when it is killed).
    """
    lines = [
        f"({n}) Setiap penyelenggara pelayanan publik wajib menyusun standar pelayanan." for n in range(12)
    ]
    document = make_document(tmp_path, pages=[lines] * PAGES)
    database = tmp_path / "copy.sqlite3"
    connection.ensure_connection()
    with sqlite3.connect(database) as copy:
        connection.connection.backup(copy)
    copy.close()
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "registry.settings.dev",
        "DATABASE_URL": f"sqlite:///{database}",
        "MEDIA_ROOT": str(settings.MEDIA_ROOT),
        "TASKS_BACKEND": "immediate",
        "EXTRACTION_WORKERS": "1",
        "EXTRACTION_HEARTBEAT_SECONDS": "0.2",
        "EXTRACTION_STALE_SECONDS": "1",
        "LOG_LEVEL": "CRITICAL",
    }
    query = "SELECT status, pages_done FROM regulations_extractionrun WHERE document_id = ?"
    child = subprocess.Popen(
        [sys.executable, "-c", CHILD, str(document.pk)], cwd=REPO_ROOT, env=env, stderr=subprocess.DEVNULL
    )
    try:
        row, deadline = None, time.monotonic() + 15
        while time.monotonic() < deadline and child.poll() is None:
            with sqlite3.connect(database, timeout=5) as db:
                row = db.execute(query, (document.pk,)).fetchone()
            if row and (row[1] or 0) >= 5:
                break
            time.sleep(0.05)
    finally:
        child.send_signal(signal.SIGKILL)
        child.wait(timeout=10)
    assert row is not None and row[0] == "running" and 5 <= row[1] < PAGES, row
    # The sweep's own start-up outlasts the copy's 1 s stale limit; try again if it did not.
    for _attempt in range(3):
        sweep = subprocess.run(
            [sys.executable, "manage.py", "sweep_extractions"],
            cwd=REPO_ROOT,
            env=env,
            capture_output=True,
            text=True,
            timeout=60,
        )
        assert sweep.returncode == 0, sweep.stderr
        if sweep.stdout:
            break
        time.sleep(1)
    assert "1 ekstraksi macet ditandai gagal" in sweep.stdout
    with sqlite3.connect(database) as db:
        status, reason = db.execute(
            "SELECT extraction_status, extraction_reason FROM regulations_regulationdocument WHERE id = ?",
            (document.pk,),
        ).fetchone()
    assert status == "failed" and "berhenti tanpa kabar" in reason, reason

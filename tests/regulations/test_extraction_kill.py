"""The drill as a test: a real extraction process killed mid-way is failed by the sweep command."""

import os
import signal
import sqlite3
import subprocess
import sys
import time
from urllib.parse import quote

from django.conf import settings
from django.db import connection

from tests.regulations.test_extraction_recovery import REPO_ROOT, TRANSACTIONAL, make_document

PAGES = 300
CHILD = (
    "import sys, django; django.setup(); "
    "from registry.regulations.tasks import extract_document_task; "
    "extract_document_task.call(int(sys.argv[1]))"
)


def _shared_database(tmp_path):
    """A DATABASE_URL other processes can open, and a function reading one row from it."""
    connection.ensure_connection()
    if connection.vendor == "sqlite":
        database = tmp_path / "copy.sqlite3"
        with sqlite3.connect(database) as copy:
            connection.connection.backup(copy)
        copy.close()

        def read(query, pk):
            with sqlite3.connect(database, timeout=5) as db:
                return db.execute(query, (pk,)).fetchone()

        return f"sqlite:///{database}", read
    config = connection.settings_dict
    url = (
        f"postgres://{quote(config['USER'])}:{quote(config['PASSWORD'] or '')}@{config['HOST'] or '127.0.0.1'}"
        f":{config['PORT'] or 5432}/{quote(config['NAME'])}"
    )

    def read(query, pk):
        # Autocommit (a transactional test): each query sees what the other processes committed.
        with connection.cursor() as cursor:
            cursor.execute(query.replace("?", "%s"), [pk])
            return cursor.fetchone()

    return url, read


@TRANSACTIONAL
def test_killed_extraction_process_is_failed_by_the_sweep_command(tmp_path):
    """SIGKILL a separate process mid-extraction; ``manage.py sweep_extractions`` fails its run.

    The other processes use the test database itself on PostgreSQL (this test commits its data),
    or a file copy of it on SQLite, whose test database lives in memory. A long PDF and one
    extraction worker keep the extraction going when it is killed.
    """
    lines = [
        f"({n}) Setiap penyelenggara pelayanan publik wajib menyusun standar pelayanan." for n in range(12)
    ]
    document = make_document(tmp_path, pages=[lines] * PAGES)
    database_url, read = _shared_database(tmp_path)
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "registry.settings.dev",
        "DATABASE_URL": database_url,
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
            row = read(query, document.pk)
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
    status, reason = read(
        "SELECT extraction_status, extraction_reason FROM regulations_regulationdocument WHERE id = ?",
        document.pk,
    )
    assert status == "failed" and "berhenti tanpa kabar" in reason, reason

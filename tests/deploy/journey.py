"""The end-to-end journey on a running loopback installation (``deploy/loopback up``), from outside.

Used by ``tests/deploy/test_loopback.py`` and ``bench/deployment``. Everything goes through nginx,
gunicorn and the three ``db_worker`` processes: a legal-bureau administrator logs in to the admin in
Chromium, uploads the signed Perda Kota Surabaya 4/2025 through the upload-first flow, waits on the
status page while the *extraction worker* reads it, accepts the revocation the PDF states, publishes
the draft, then an anonymous visitor finds it through ``/cari/`` (indexed by the *search worker*) and
sees the coverage of a service that relied on the revoked Perda 13/2003 turn critical (recomputed by
the *default worker*). The processes' task rows in the database say which worker ran what.

Each step raises :class:`JourneyError` with what it saw; :func:`run_journey` returns the timings.
"""

import json
import os
import re
import subprocess
import time
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from html import unescape
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent.parent
CORPUS_DIR = ROOT.parent / "shared" / "corpus"
PERDA_PDF = CORPUS_DIR / "real" / "pdf" / "sby__perda_sby_4_2025_pemakaman__68a7d9c6c371c.pdf"
#: The city the loopback installation is set up for: the uploaded Perda is this city's.
CITY_ENV = {"CITY_NAME": "Kota Surabaya", "CITY_SHORT": "Surabaya", "PROVINCE_NAME": "Jawa Timur"}
NEW_TITLE = (
    "Peraturan Daerah Kota Surabaya Nomor 4 Tahun 2025 tentang Pengelolaan pemakaman dan pengabuan jenazah"
)
NEW_URL = "/peraturan/perda/2025/4/"
SEARCH_QUERY = "pengabuan jenazah"
SERVICE_TITLE = "Izin Penggunaan Tanah Makam"
REVOKED_FINDING = "Dasar hukum dicabut"
REVOKED_BY = "sudah dicabut oleh Peraturan Daerah Nomor 4 Tahun 2025"

#: Run with the loopback's environment: the older Perda the upload revokes, and a service relying on it.
SEED = """
import json
from tests import factories
SERVICE_TITLE = "__SERVICE__"
old = factories.regulation(
    "PERDA", nomor="13", tahun=2003, wilayah="Kota Surabaya",
    tentang="Pengelolaan Tempat Pemakaman dan Penyelenggaraan Pemakaman Jenazah",
)
unit = factories.opd(title="Dinas Lingkungan Hidup", abbreviation="DLH")
service = factories.service(
    unit, title=SERVICE_TITLE, requirements=["KTP-el ahli waris", "Surat keterangan kematian"],
    steps=["Pengajuan permohonan", "Verifikasi berkas"], bases=[(old, "Pasal 5")],
)
print("SEED " + json.dumps({"service_url": service.url, "old_url": old.url, "old_title": old.title}))
""".replace("__SERVICE__", SERVICE_TITLE)

TASKS_SQL = """
SELECT queue_name, task_path, status, worker_ids FROM django_tasks_database_dbtaskresult
ORDER BY enqueued_at
"""


class JourneyError(AssertionError):
    """A step of the journey did not see what it should have."""


@dataclass
class Installation:
    """What ``deploy/loopback up`` recorded in its state.json."""

    url: str
    admin_username: str
    admin_password: str
    database_url: str
    env: dict[str, str]
    state_dir: Path
    start_s: float = 0.0

    @classmethod
    def from_state(cls, state_dir: Path) -> "Installation":
        """Read ``<state_dir>/state.json`` and ``<state_dir>/env``."""
        record = json.loads((state_dir / "state.json").read_text())
        env = {}
        for line in (state_dir / "env").read_text().splitlines():
            key, _, value = line.partition("=")
            env[key] = value.strip("'")
        return cls(
            url=record["url"],
            admin_username=record["admin"]["username"],
            admin_password=record["admin"]["password"],
            database_url=record["database"]["url"],
            env=env,
            state_dir=state_dir,
            start_s=record.get("start_s", 0.0),
        )


@dataclass
class Timings:
    """Seconds measured along the journey."""

    seed_s: float = 0.0
    extraction_s: float = 0.0
    publish_s: float = 0.0
    search_visible_s: float = 0.0
    coverage_visible_s: float = 0.0
    journey_s: float = 0.0
    tasks: dict = field(default_factory=dict)


def fetch(url: str, timeout: float = 30) -> tuple[int, str, dict]:
    """GET ``url`` anonymously: (status, body, headers)."""
    try:
        with urllib.request.urlopen(url, timeout=timeout) as response:
            return response.status, response.read().decode("utf-8", "replace"), dict(response.headers)
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode("utf-8", "replace"), dict(error.headers)


def text_of(html: str) -> str:
    """The visible text of a page, tags dropped and whitespace collapsed."""
    html = re.sub(r"(?is)<(script|style)\b.*?</\1>", " ", html)
    return re.sub(r"\s+", " ", unescape(re.sub(r"<[^>]+>", " ", html))).strip()


def poll(what: str, check, timeout: float, interval: float = 0.5):
    """Call ``check`` until it returns something truthy; JourneyError with its last answer on timeout."""
    deadline = time.monotonic() + timeout
    last = None
    while time.monotonic() < deadline:
        result, last = check()
        if result:
            return result
        time.sleep(interval)
    raise JourneyError(f"{what}: not seen within {timeout:.0f} s; last: {str(last)[:600]}")


def manage_shell(installation: Installation, code: str) -> str:
    """``manage.py shell -c CODE`` with the installation's environment (as an operator would)."""
    env = {key: os.environ[key] for key in ("PATH", "HOME", "LANG", "TMPDIR") if key in os.environ}
    result = subprocess.run(
        [str(ROOT / ".venv" / "bin" / "python"), "manage.py", "shell", "-c", code],
        cwd=ROOT,
        env={**env, **installation.env},
        capture_output=True,
        text=True,
        timeout=300,
    )
    if result.returncode:
        raise JourneyError(f"manage.py shell failed: {result.stderr[-2000:]}")
    return result.stdout


def task_rows(installation: Installation) -> list[tuple]:
    """(queue, task path, status, worker ids) of every task the installation queued."""
    import psycopg

    with psycopg.connect(installation.database_url, connect_timeout=10) as conn:
        return conn.execute(TASKS_SQL).fetchall()


def seed(installation: Installation) -> dict:
    """The older Perda, an OPD and a service relying on it; waits until the workers assessed it."""
    output = manage_shell(installation, SEED)
    seeded = json.loads(next(line for line in output.splitlines() if line.startswith("SEED "))[5:])
    service_url = installation.url + seeded["service_url"]

    def assessed():
        status, body, _ = fetch(service_url)
        text = text_of(body)
        done = status == 200 and "Kelengkapan regulasi" in text and "Belum dinilai" not in text
        return done, f"{status} {text[:400]}"

    poll("the seeded service's coverage (default worker)", assessed, timeout=120)
    return seeded


def check_before(installation: Installation, seeded: dict) -> None:
    """Before the upload: the service's coverage names no revoked basis; search does not know the Perda."""
    status, body, _ = fetch(installation.url + seeded["service_url"])
    if status != 200 or REVOKED_FINDING in text_of(body):
        raise JourneyError(f"service page before the upload: {status}, {text_of(body)[:400]}")
    status, body, _ = fetch(f"{installation.url}/cari/?q={SEARCH_QUERY.replace(' ', '+')}")
    if status != 200 or NEW_URL in body:
        raise JourneyError(f"/cari/ before the upload: {status}, the new Perda already listed?")
    if fetch(installation.url + NEW_URL)[0] != 404:
        raise JourneyError(f"{NEW_URL} exists before the upload")


def admin_upload_and_publish(installation: Installation, page, timings: Timings) -> None:
    """In Chromium: log in, upload the PDF, wait for the worker's extraction, accept, publish."""
    from playwright.sync_api import expect

    base = installation.url
    page.goto(f"{base}/admin/login/")
    page.locator("input[name=username]").fill(installation.admin_username)
    page.locator("input[name=password]").fill(installation.admin_password)
    page.get_by_role("button", name="Masuk").click()
    page.wait_for_url(f"{base}/admin/")

    page.get_by_role("link", name="Unggah peraturan (PDF)").first.click()
    page.wait_for_url(re.compile(r"/admin/regulations/unggah/$"))
    page.get_by_label("Berkas PDF peraturan (salinan bertanda tangan)").set_input_files(str(PERDA_PDF))
    started = time.monotonic()
    page.get_by_role("button", name="Unggah dan baca").click()
    # The request only stores the file and queues the extraction: the status page answers at once.
    page.wait_for_url(re.compile(r"/admin/regulations/unggah/\d+/\?"), timeout=60_000)
    expect(page.locator("[data-upload-waiting]")).to_be_visible()
    # It reloads itself every 3 s; once the worker has finished, it makes the draft and moves on.
    page.wait_for_url(re.compile(r"/admin/regulations/\d+/tinjau/$"), timeout=300_000)
    timings.extraction_s = time.monotonic() - started
    expect(page.get_by_text(f"Draf '{NEW_TITLE}' dibuat dari PDF")).to_be_visible()

    # Accept the revocation the PDF states (Pasal 35 revokes Perda 13/2003).
    page.get_by_role("checkbox", name="Terapkan Mencabut").check()
    page.get_by_role("button", name="Terapkan usulan yang dipilih").click()
    page.wait_for_url(re.compile(r"/admin/pages/\d+/edit/$"))
    expect(page.get_by_text("1 hubungan diterapkan", exact=False)).to_be_visible()

    started = time.monotonic()
    page.locator("footer [data-w-dropdown-target='toggle']").first.click()
    page.locator("button[name='action-publish']").click()
    page.wait_for_url(re.compile(r"/admin/pages/\d+/$"), timeout=60_000)
    expect(page.get_by_text(f"Halaman '{NEW_TITLE}' telah dipublikasi")).to_be_visible()
    timings.publish_s = time.monotonic() - started


def check_after(installation: Installation, seeded: dict, timings: Timings, published_at: float) -> None:
    """After publishing: the regulation page, search (search worker) and coverage (default worker)."""
    status, body, _ = fetch(installation.url + NEW_URL)
    if status != 200 or NEW_TITLE not in text_of(body):
        raise JourneyError(f"{NEW_URL} after publishing: {status} {text_of(body)[:400]}")
    search_url = f"{installation.url}/cari/?q={SEARCH_QUERY.replace(' ', '+')}"

    def found():
        status, body, _ = fetch(search_url)
        return status == 200 and f'href="{NEW_URL}' in body, f"{status} {text_of(body)[:400]}"

    poll("the new Perda in /cari/ (search worker)", found, timeout=120)
    timings.search_visible_s = time.monotonic() - published_at

    service_url = installation.url + seeded["service_url"]

    def revoked():
        status, body, _ = fetch(service_url)
        text = text_of(body)
        return status == 200 and REVOKED_FINDING in text and REVOKED_BY in text, text[:600]

    poll("the service's coverage naming the revoked basis (default worker)", revoked, timeout=120)
    timings.coverage_visible_s = time.monotonic() - published_at
    status, body, _ = fetch(installation.url + seeded["old_url"])
    if status != 200 or "Dicabut" not in text_of(body):
        raise JourneyError(f"the old Perda's page does not say it is revoked: {text_of(body)[:400]}")


def check_workers(installation: Installation) -> dict:
    """Every task ran successfully in the db_worker of its own queue; returns counts per queue."""
    counts: dict[str, int] = {}
    problems = []
    rows = task_rows(installation)
    for queue, path, status, worker_ids in rows:
        counts[queue] = counts.get(queue, 0) + 1
        if status != "SUCCESSFUL":
            problems.append(f"{path} on {queue}: {status}")
        elif not worker_ids or not all(w.startswith(f"loopback-{queue}-") for w in worker_ids):
            problems.append(f"{path} on {queue} ran in {worker_ids}")
    extraction = [row for row in rows if row[1].endswith("extract_document_task")]
    if not extraction:
        problems.append("no extract_document_task row: the extraction did not go through the queue")
    for queue in ("default", "extraction", "search"):
        if not counts.get(queue):
            problems.append(f"no task ran on the {queue} queue")
    if problems:
        raise JourneyError("; ".join(problems))
    return counts


def run_journey(installation: Installation, page) -> Timings:
    """The whole journey on ``installation`` with a Playwright ``page``; returns its timings."""
    if not PERDA_PDF.is_file():
        raise JourneyError(f"corpus PDF missing: {PERDA_PDF}")
    timings = Timings()
    started = time.monotonic()
    seeded = seed(installation)
    timings.seed_s = time.monotonic() - started
    check_before(installation, seeded)
    admin_upload_and_publish(installation, page, timings)
    check_after(installation, seeded, timings, published_at=time.monotonic() - timings.publish_s)
    timings.tasks = check_workers(installation)
    timings.journey_s = time.monotonic() - started
    return timings

"""The reference production topology on loopback, brought up by ``deploy/loopback`` and driven from outside.

The module starts one installation (PostgreSQL database of its own, nginx → gunicorn, a db_worker per
queue) with ``deploy/loopback up`` and stops it with ``deploy/loopback down``, as an operator would;
the journey (tests/deploy/journey.py) runs in Chromium and over plain HTTP against nginx's port. It
needs a PostgreSQL server where the role may create databases (LOOPBACK_PG_URL, or a postgres://
DATABASE_URL as in CI's PostgreSQL pass), nginx, Chromium and the corpus; each missing one is a skip
with its reason (a failure under CI's strict skips). It takes two to four minutes.
"""

import json
import os
import shutil
import subprocess
import sys
import tempfile
import urllib.request
from pathlib import Path

import pytest

from tests.deploy.journey import CITY_ENV, PERDA_PDF, Installation, fetch, run_journey

ROOT = Path(__file__).resolve().parents[2]
LOOPBACK = ROOT / "deploy" / "loopback"

pytestmark = [pytest.mark.deployment]


def postgres_server() -> str:
    """The PostgreSQL server URL the test may create a database on; skips when there is none."""
    url = ""
    for name in ("LOOPBACK_PG_URL", "DATABASE_URL"):
        value = os.environ.get(name, "").strip()
        if value.startswith(("postgres://", "postgresql://")):
            url = value
            break
    if not url:
        pytest.skip(
            "PostgreSQL tidak tersedia: setel LOOPBACK_PG_URL (atau DATABASE_URL) ke postgres://… dengan "
            "peran yang boleh CREATE DATABASE untuk menguji topologi produksi loopback."
        )
    import psycopg

    try:
        psycopg.connect(url, connect_timeout=5).close()
    except psycopg.OperationalError as error:
        pytest.skip(f"PostgreSQL tidak terjangkau di {url.split('@')[-1]}: {str(error).strip()[:200]}")
    return url


def database_exists(server: str, name: str) -> bool:
    """Whether ``name`` is a database on ``server``."""
    import psycopg

    with psycopg.connect(server, connect_timeout=5) as conn:
        return conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone() is not None


def loopback(*args: str, env: dict | None = None, timeout: float = 600) -> subprocess.CompletedProcess:
    """Run ``deploy/loopback`` as an operator would (its stdout ends with one JSON line)."""
    return subprocess.run(
        [sys.executable, str(LOOPBACK), *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
    )


@pytest.fixture(scope="module")
def installation():
    """One loopback installation for the module; stopped at the end if a test has not stopped it."""
    server = postgres_server()
    if not (shutil.which("nginx") or Path("/usr/sbin/nginx").exists()):
        pytest.skip("nginx tidak terpasang: pasang paket Debian 'nginx' (reverse proxy topologi loopback).")
    if not PERDA_PDF.is_file():
        pytest.skip(f"Korpus tidak ditemukan: {PERDA_PDF} (../shared/corpus dari akar proyek).")
    # Under the system's temporary folder, not pytest's (closed to nginx's unprivileged workers);
    # `up` opens it to them.
    state = Path(tempfile.mkdtemp(prefix="registri-loopback-test-"))
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in {"OPENSEARCH_URL", "ELASTICSEARCH_URL", "DATABASE_URL", "LOOPBACK_PG_URL"}
    }
    env.update(CITY_ENV)
    up = loopback("up", "--state-dir", str(state), "--pg-url", server, env=env)
    assert up.returncode == 0, f"deploy/loopback up failed:\n{up.stdout[-3000:]}\n{up.stderr[-5000:]}"
    record = json.loads((state / "state.json").read_text())
    yield {"server": server, "state": state, "record": record, "stdout": up.stdout}
    if (state / "state.json").exists():
        loopback("down", "--state-dir", str(state))
    shutil.rmtree(state, ignore_errors=True)


def test_topology_is_up(installation):
    """nginx serves static files and proxies to gunicorn; /healthz sees PostgreSQL and the database queue."""
    record = installation["record"]
    url = record["url"]
    assert url in installation["stdout"] and record["admin"]["password"] in installation["stdout"]
    names = {process["name"] for process in record["processes"]}
    assert names == {"nginx", "gunicorn", "worker-default", "worker-extraction", "worker-search"}
    for process in record["processes"]:
        os.killpg(process["pid"], 0)  # raises if the process group is gone
        assert str(process["pid"]) in installation["stdout"] and process["log"] in installation["stdout"]

    request = urllib.request.Request(f"{url}/healthz", headers={"X-Healthz-Token": record["healthz_token"]})
    with urllib.request.urlopen(request, timeout=10) as response:
        health = json.loads(response.read())
    assert health["status"] == "ok"
    assert health["checks"]["database"]["vendor"] == "postgresql"
    assert health["checks"]["tasks"]["backend"] == "database"

    status, body, headers = fetch(f"{url}/admin/login/")
    assert status == 200
    assert headers.get("Strict-Transport-Security") is None  # no HSTS on plain-HTTP loopback
    static = next(part for part in body.split('"') if part.startswith("/static/") and part.endswith(".css"))
    status, _, headers = fetch(url + static)
    assert status == 200 and headers["Server"].startswith("nginx")  # from STATIC_ROOT, not Django
    assert "immutable" in headers["Cache-Control"]
    assert fetch(f"{url}/media/documents/anything.pdf")[0] == 404  # documents only through /dokumen/


@pytest.mark.browser
def test_upload_extract_publish_search_coverage(installation, browser_page):
    """Upload a Perda in the admin; the workers extract, index and recompute coverage; visitors see all three."""
    timings = run_journey(Installation.from_state(installation["state"]), browser_page)
    assert timings.extraction_s > 0 and timings.search_visible_s > 0 and timings.coverage_visible_s > 0
    assert timings.tasks["extraction"] >= 1


def test_stop_leaves_nothing_behind(installation):
    """``deploy/loopback down`` stops every process group on SIGTERM and drops the database."""
    record, state = installation["record"], installation["state"]
    down = loopback("down", "--state-dir", str(state))
    assert down.returncode == 0, down.stderr[-3000:]
    result = json.loads(down.stdout.strip().splitlines()[-1])
    assert sorted(result["stopped"]) == sorted(p["name"] for p in record["processes"])
    assert result["killed"] == [], "every process stopped on SIGTERM"
    for process in record["processes"]:
        with pytest.raises(ProcessLookupError):
            os.killpg(process["pid"], 0)
    assert not database_exists(installation["server"], record["database"]["name"])
    assert not state.exists()

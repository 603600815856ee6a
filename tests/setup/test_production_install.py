"""A production install from an empty database, following the README's steps, without the demo.

Every step runs in a child process with the production settings (a real SECRET_KEY, secure cookies,
SSL redirect, hashed static files) on a fresh SQLite file: ``migrate``, ``setup_registry`` twice,
``collectstatic``, then ``journey.py``, where the admin creates a first Perda, OPD and service through
the Wagtail add-page forms and an anonymous visitor finds them on the public site and in search.
"""

import json
import os
import secrets
import subprocess
import sys
from pathlib import Path

import pytest

from tests.setup import journey

ROOT = Path(__file__).resolve().parents[2]
#: Settings a shell may carry that would change what the child processes do.
INHERITED_OUT = {"DJANGO_SETTINGS_MODULE", "SECRET_KEY", "DEBUG", "OPENSEARCH_URL", "ELASTICSEARCH_URL"}


@pytest.fixture(scope="module")
def production_env(tmp_path_factory):
    """The environment of a production install on an empty SQLite database."""
    tmp = tmp_path_factory.mktemp("production")
    env = {k: v for k, v in os.environ.items() if k not in INHERITED_OUT and not k.startswith("CITY")}
    env.update(
        DJANGO_SETTINGS_MODULE="registry.settings.production",
        SECRET_KEY=secrets.token_urlsafe(50),
        ALLOWED_HOSTS="testserver,localhost",
        DATABASE_URL=f"sqlite:///{tmp / 'db.sqlite3'}",
        MEDIA_ROOT=str(tmp / "media"),
        STATIC_ROOT=str(tmp / "static"),
        CITY_NAME="Kota Samarinda",
        CITY_SHORT="Samarinda",
        PROVINCE_NAME="Kalimantan Timur",
        TASKS_BACKEND="immediate",
        LOG_LEVEL="ERROR",
    )
    return env


def _run(env, *args) -> str:
    proc = subprocess.run(
        [sys.executable, *args], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120
    )
    assert proc.returncode == 0, f"{' '.join(args)} failed:\n{proc.stdout[-3000:]}\n{proc.stderr[-3000:]}"
    return proc.stdout


@pytest.fixture(scope="module")
def installed(production_env):
    """The README's production steps; returns the output of both setup_registry runs."""
    _run(production_env, "manage.py", "migrate", "--noinput")
    first = _run(production_env, "manage.py", "setup_registry")
    second = _run(production_env, "manage.py", "setup_registry")
    # ManifestStaticFilesStorage: no page renders before collectstatic has written the manifest.
    _run(production_env, "manage.py", "collectstatic", "--noinput")
    return first, second


def test_setup_registry_completes_an_empty_install_once(installed):
    """The first run creates the types, the tree and the groups; the second changes nothing."""
    first, second = installed
    assert "Menyiapkan Registri untuk Kota Samarinda, Kalimantan Timur" in first
    for created in (
        "jenis peraturan: dibuat",
        "Beranda 'Registri Kota Samarinda': diperbarui",
        "Indeks peraturan 'Peraturan' (/peraturan/): dibuat",
        "Indeks perangkat daerah 'Perangkat Daerah' (/opd/): dibuat",
        "Grup 'Bagian Hukum': dibuat",
        "Grup 'Evaluator': dibuat",
    ):
        assert created in first
    assert "Selesai: tidak ada yang berubah, Registri sudah lengkap." in second
    assert ": dibuat" not in second and ": diperbarui" not in second


def test_admin_creates_a_perda_an_opd_and_a_service_the_public_sees(installed, production_env):
    """Through the admin's add forms, then on the public site and in /cari/?format=json."""
    seen = json.loads(_run(production_env, str(Path(journey.__file__))).strip().splitlines()[-1])
    for form in ("perda_post", "opd_post", "service_post"):
        assert seen[form] == [302, ""], f"{form}: the admin form was not accepted: {seen[form]}"
    assert seen["live"] == {"perda": True, "opd": True, "service": True}
    assert seen["service_opd"] and seen["opd_group"]
    assert seen["service_bases"] and seen["service_bases"][0][1] == "Pasal 5"
    assert seen["urls"]["perda"] == "/peraturan/perda/2025/1/"
    for name, (status, missing) in seen["public"].items():
        assert status == 200, f"{name} ({seen['urls'][name]}) answered {status}"
        assert missing == [], f"{name} ({seen['urls'][name]}) does not show {missing}"
    status, urls = seen["search"]
    assert status == 200 and seen["urls"]["service"] in urls
    assert seen["plain_http"] == 301  # SSL redirect stays on: the proxy header is what makes it https

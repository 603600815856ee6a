"""A production install from an empty database, following the README's steps, without the demo.

Every step runs in a child process with the production settings (a real SECRET_KEY, secure cookies,
SSL redirect, hashed static files) on a fresh SQLite file: ``migrate``, ``setup_registry`` twice,
``collectstatic``, then ``journey.py``, where the admin creates a first Perda, OPD and service through
the Wagtail add-page forms and an anonymous visitor finds them on the public site and in search.
Then the city's JDIHN feed comes in with ``import_jdihn`` (dry run, real run, second run) and
``visit.py`` finds its regulations on the public site and in search; each of those processes lists
the demo modules it loaded (``traced.py``), which shows that no demo code took part.
"""

import json
import os
import secrets
import subprocess
import sys
from pathlib import Path

import pytest

from tests.regulations.test_import_jdihn_mapping import feed_record
from tests.setup import journey, traced, visit

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


def _process(env, *args):
    proc = subprocess.run(
        [sys.executable, *args], cwd=ROOT, env=env, capture_output=True, text=True, timeout=300
    )
    assert proc.returncode == 0, f"{' '.join(args)} failed:\n{proc.stdout[-3000:]}\n{proc.stderr[-3000:]}"
    return proc


def _run(env, *args) -> str:
    return _process(env, *args).stdout


#: What Django loads of the demo app because it is installed: its package and its AppConfig, and
#: for ``migrate`` its (empty) ``management`` package, which migrate imports in every app.
DEMO_APP_SHELL = {"registry.demo", "registry.demo.apps"}
EMPTY_PACKAGES = {"registry.demo.management"}


def _run_without_demo(env, script, *args) -> str:
    """Run ``script`` (``traced.py`` for a command, or ``visit.py``); fail if it loaded demo code."""
    proc = _process(env, str(Path(script.__file__)), *args)
    marker = [line for line in proc.stderr.splitlines() if line.startswith(traced.MARKER)]
    assert marker, f"{script.__name__} did not list its modules:\n{proc.stderr[-2000:]}"
    demo = set(json.loads(marker[-1].removeprefix(traced.MARKER))) - EMPTY_PACKAGES
    assert demo == DEMO_APP_SHELL, f"{' '.join(args)} loaded demo code: {sorted(demo - DEMO_APP_SHELL)}"
    return proc.stdout


@pytest.fixture(scope="module")
def installed(production_env):
    """The README's production steps, none loading demo code; returns both setup_registry outputs."""
    _run_without_demo(production_env, traced, "migrate", "--noinput")
    first = _run_without_demo(production_env, traced, "setup_registry")
    second = _run_without_demo(production_env, traced, "setup_registry")
    # ManifestStaticFilesStorage: no page renders before collectstatic has written the manifest.
    _run_without_demo(production_env, traced, "collectstatic", "--noinput")
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


def samarinda(nomor, tahun, judul, **overrides):
    """A record of Kota Samarinda's JDIH feed (domain §1.5)."""
    values = {
        "idData": f"smd-{nomor}-{tahun}",
        "noPeraturan": str(nomor),
        "tahun_pengundangan": str(tahun),
        "tanggal_penetapan": f"{tahun}-03-02",
        "tanggal_pengundangan": f"{tahun}-03-04",
        "judul": judul,
        "tempatTerbit": "Samarinda",
        "penerbit": "Pemerintah Kota Samarinda",
        "teuBadan": "Samarinda (Kota)",
        "sumber": "-",
        "fileDownload": "",
        "urlDownload": "",
        "abstrak": "-",
        "urlabstrak": "",
        "urlDetailPeraturan": "",
    }
    return feed_record(**{**values, **overrides})


def test_import_jdihn_gives_a_public_searchable_site_without_demo_code(installed, production_env, tmp_path):
    """The README's steps, then import_jdihn on a messy feed file: the public site and search show it."""
    feed = tmp_path / "jdih-samarinda.json"
    perda_title = "Peraturan Daerah Kota Samarinda Nomor 2 Tahun 2024 tentang Pengelolaan Air Limbah Domestik"
    records = [
        samarinda(
            2,
            2024,
            perda_title,
            jenis="PERATURAN DAERAH KOTA",
            singkatanJenis="PERDA",
            sumber="LD Kota Samarinda 2024 (2), TLD (31)",
            subjek="LINGKUNGAN HIDUP",
        ),
        samarinda(
            15,
            2023,
            "PERATURAN WALIKOTA SAMARINDA NO 15 TAHUN 2023 TENTANG TARIF LAYANAN PARKIR TEPI JALAN",
            jenis="Perwali",
            singkatanJenis="-",
            noPeraturan="-",
            teuBadan="-",
        ),
        samarinda(2, 2024, perda_title.upper(), jenis="Peraturan Daerah", singkatanJenis="Perda", subjek="-"),
        samarinda(
            3,
            2010,
            "Peraturan Walikota Samarinda Nomor 3 Tahun 2010 tentang Retribusi Pasar",
            jenis="Peraturan Walikota",
            singkatanJenis="PERWAL",
            status="Tidak Berlaku",
        ),
        "bukan objek",
    ]
    feed.write_text(json.dumps(records), encoding="utf-8")
    command = (traced, "import_jdihn", str(feed))

    dry = _run_without_demo(production_env, *command, "--dry-run")
    real = _run_without_demo(production_env, *command)
    again = _run_without_demo(production_env, *command)
    counts = "5 catatan: dibuat 3, diperbarui 0, tidak berubah 0, digabung 1, dilewati 1"
    assert counts in dry.splitlines()[-1] and counts in real.splitlines()[-1]
    assert "Uji coba (--dry-run): tidak ada yang ditulis." in dry
    assert "Usulan hubungan/status untuk ditinjau: 1." in real
    assert "5 catatan: dibuat 0, diperbarui 0, tidak berubah 3, digabung 1, dilewati 1" in again

    urls = {
        "perda": "/peraturan/perda/2024/2/",
        "perwal": "/peraturan/perwal/2023/15/",
        "old_perwal": "/peraturan/perwal/2010/3/",
    }
    spec = {
        "pages": {
            "perda": [urls["perda"], ["Pengelolaan Air Limbah Domestik", "LINGKUNGAN HIDUP"]],
            "perwal": [urls["perwal"], ["TARIF LAYANAN PARKIR TEPI JALAN"]],
            "old_perwal": [urls["old_perwal"], ["Retribusi Pasar"]],
            "index": ["/peraturan/", ["Pengelolaan Air Limbah Domestik", "Retribusi Pasar"]],
        },
        "searches": {"perda": "air limbah domestik", "perwal": "parkir tepi jalan"},
    }
    seen = json.loads(_run_without_demo(production_env, visit, json.dumps(spec)).strip().splitlines()[-1])
    imported = [row for row in seen["regulations"] if row[3] == "Kota Samarinda" and row[2] != 2025]
    assert imported == [
        ["PERDA", "2", 2024, "Kota Samarinda", True, urls["perda"]],
        ["PERWAL", "15", 2023, "Kota Samarinda", True, urls["perwal"]],
        ["PERWAL", "3", 2010, "Kota Samarinda", True, urls["old_perwal"]],
    ]
    for name, (status, missing) in seen["pages"].items():
        assert status == 200, f"{name} answered {status}"
        assert missing == [], f"{name} does not show {missing}"
    for name in ("perda", "perwal"):
        status, hits = seen["searches"][name]
        assert status == 200 and urls[name] in hits, f"search for {name}: {status} {hits}"

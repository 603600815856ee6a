"""The coverage rules run in a bare interpreter: no Django, no settings, no database."""

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

SCRIPT = """
import json, sys
from datetime import date

from registry.coverage import facts as f
from registry.coverage import rules
from registry.coverage.messages import render
from registry.coverage.rulebase import Context, derive_status

perda = f.RegulationFacts(
    id=1, type_name="Peraturan Daerah", nomor="3", tentang="Retribusi Jasa Umum", type_code="PERDA",
    is_local=True, tahun=2018, status="dicabut", revoked_by=(2,),
)
perwal = f.RegulationFacts(
    id=2, type_name="Peraturan Wali Kota", nomor="7", tentang="Retribusi Jasa Umum", type_code="PERWAL",
    is_local=True, tahun=2024,
)
service = f.ServiceFacts(
    id=10, title="Izin", cost_kind=f.COST_CHARGED, links=(f.LinkFacts(1, f.ROLE_BASIS, "biaya"),),
    filled={**dict.fromkeys(f.COMPONENTS, True), "waktu": False},
)
found = rules.evaluate(service, Context({1: perda, 2: perwal}, date(2025, 6, 1)))
stored = json.loads(json.dumps([[x.code, x.message_id, x.message_params, x.fix_id, x.fix_params] for x in found]))
print(json.dumps({
    "codes": [x.code for x in found],
    "status": derive_status(found),
    "messages": [render(message_id, params) for _, message_id, params, _, _ in stored],
    "django": sorted(name for name in sys.modules if name.split(".")[0] == "django"),
}))
"""


def test_rules_evaluate_without_django():
    """``evaluate`` works with no DJANGO_SETTINGS_MODULE, and Django is never imported."""
    env = {k: v for k, v in os.environ.items() if k != "DJANGO_SETTINGS_MODULE"}
    done = subprocess.run(
        # -I: no PYTHONPATH, no site-packages of the user; the repository root is put on sys.path by hand.
        [sys.executable, "-I", "-c", f"import sys; sys.path.insert(0, {str(ROOT)!r})\n{SCRIPT}"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    result = json.loads(done.stdout.strip().splitlines()[-1])
    assert result["django"] == []
    assert "BASIS_REVOKED" in result["codes"] and "SP_INCOMPLETE" in result["codes"]
    assert result["status"] == "belum"
    assert (
        "Peraturan Daerah Nomor 3 Tahun 2018 tentang Retribusi Jasa Umum sudah dicabut oleh "
        "Peraturan Wali Kota Nomor 7 Tahun 2024." in result["messages"]
    )
    assert "1 dari 14 komponen kosong: 3. Jangka waktu pelayanan." in result["messages"]

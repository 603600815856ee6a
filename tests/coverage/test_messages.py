"""Coverage messages are ids and JSON parameters, rendered (and translated) only where shown."""

import json
from dataclasses import replace

import pytest

from registry.coverage import display, messages
from registry.coverage.messages import (
    components_param,
    message_param,
    regulations_param,
    render,
    titles_param,
)
from registry.coverage.rules import evaluate

from .test_rules import BROKEN, COMPLETE, ctx

REF = {"jenis": "Peraturan Wali Kota", "nomor": "7", "tahun": 2024, "tentang": "Pajak Hotel"}


def mark(text):
    """A stand-in translation: every translated msgid comes out in brackets."""
    return f"[{text}]"


@pytest.mark.parametrize("code", sorted(BROKEN))
def test_every_finding_survives_a_json_round_trip(code):
    """What the engine stores (ids and parameters) renders the same after JSON, as in the database."""
    service, changed = BROKEN[code]
    for finding in evaluate(service, ctx(*changed)):
        stored = json.loads(json.dumps([finding.message_params, finding.fix_params]))
        assert render(finding.message_id, stored[0]) == render(finding.message_id, finding.message_params)
        assert render(finding.fix_id, stored[1]) == render(finding.fix_id, finding.fix_params)
        assert "%(" not in render(finding.message_id, stored[0]) + render(finding.fix_id, stored[1])


def test_typed_parameters_are_translated_and_data_is_not():
    """Msgids, component labels and regulation patterns are translated; data is inserted as written."""
    text = render(
        "%(n)s: %(list)s | %(regs)s | %(titles)s | %(inner)s | %(where)s",
        {
            "n": 2,
            "list": components_param(["waktu", "evaluasi"]),
            "regs": regulations_param([REF]),
            "titles": titles_param([REF]),
            "inner": message_param("lebih lanjut %(x)s", {"x": "tarif"}),
            "where": "Pasal 9",
        },
        mark,
    )
    assert text == (
        "[2: 3. [Jangka waktu pelayanan], 14. [Evaluasi kinerja pelaksana] | [Peraturan Wali Kota Nomor 7 "
        "Tahun 2024] | [[Peraturan Wali Kota Nomor 7 Tahun 2024] tentang Pajak Hotel] | [lebih lanjut tarif] "
        "| Pasal 9]"
    )


def test_message_without_parameters_is_verbatim():
    """Legacy rows (rendered text migrated as the id, no parameters) show as they were, even with '%'."""
    assert render("Tarif naik 10% tahun ini.") == "Tarif naik 10% tahun ini."
    assert render("Tarif naik 10% tahun ini.", {}, mark) == "[Tarif naik 10% tahun ini.]"


def test_unknown_kinds_and_codes_render_raw():
    """A stored finding from older code still renders instead of failing."""
    assert messages.component_list(["hilang"]) == "hilang"
    assert render("%(x)s", {"x": {"unknown": 1}}) == "{'unknown': 1}"


def test_display_translates_with_the_active_gettext(monkeypatch):
    """The Django side renders through gettext, at display time."""
    monkeypatch.setattr(display, "gettext", mark)
    service = replace(COMPLETE, filled={**COMPLETE.filled, "keamanan": False})
    (finding,) = [x for x in evaluate(service, ctx()) if x.code == "SP_INCOMPLETE"]
    component = "13. [Jaminan keamanan dan keselamatan pelayanan]"
    assert display.finding_message(finding) == f"[1 dari 14 komponen kosong: {component}.]"
    assert display.finding_fix(finding) == f"[Lengkapi komponen: {component}.]"
    assert display.severity_label("kritis") == "[Kritis]"
    assert display.status_label("belum") == "[Belum lengkap]"

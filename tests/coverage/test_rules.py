"""Coverage rules on hand-built facts: every rule passes a complete service and fails a broken one."""

from dataclasses import replace
from datetime import date

import pytest

from registry.coverage import facts as f
from registry.coverage.messages import render
from registry.coverage.rulebase import (
    Context,
    CoverageStatus,
    FindingData,
    RuleSetting,
    Severity,
    covers_same_matter,
    derive_status,
)
from registry.coverage.rules import RULES, RULES_BY_CODE, evaluate

TODAY = date(2025, 6, 1)


def reg(id, type_code="PERWAL", tentang="Pelayanan Administrasi Kependudukan", **fields):
    """A regulation in force, local unless said otherwise."""
    fields.setdefault("is_local", type_code in {"PERDA", "PERWAL", "KEP_KEPALA_PD"})
    fields.setdefault("tahun", 2024)
    return f.RegulationFacts(
        id=id, type_name=type_code, nomor=str(id), tentang=tentang, type_code=type_code, **fields
    )


def message(finding):
    """A finding's message, rendered in Indonesian (no translation)."""
    return render(finding.message_id, finding.message_params)


def fix(finding):
    return render(finding.fix_id, finding.fix_params)


# A fully regulated service: local Perda (tariff) implemented by a Perwal on electronic delivery,
# a recent SK Standar Pelayanan, and an SOP established by it.
PERDA = reg(
    1,
    "PERDA",
    "Retribusi Pelayanan Administrasi Kependudukan",
    delegations=(f.DelegationFacts("x", implemented_by=(2,)),),
    changed_provisions=(f.ProvisionChangeFacts("7", f.PASAL_DIUBAH, by=6),),
)
PERWAL = reg(2, "PERWAL", "Penyelenggaraan Pelayanan secara Elektronik")
SK_SP = reg(3, "KEP_KEPALA_PD", "Standar Pelayanan", tanggal_penetapan=date(2024, 2, 1))
UU = reg(4, "UU", "Administrasi Kependudukan")
AMENDING = reg(6, "PERDA", "Perubahan atas Retribusi Pelayanan Administrasi Kependudukan")
REGULATIONS = {r.id: r for r in (PERDA, PERWAL, SK_SP, UU, AMENDING)}

COMPLETE = f.ServiceFacts(
    id=10,
    title="Akta kelahiran",
    cost_kind=f.COST_CHARGED,
    channel_kinds=frozenset({"kantor", f.CHANNEL_ONLINE}),
    links=(
        f.LinkFacts(1, f.ROLE_BASIS, "biaya"),
        f.LinkFacts(2, f.ROLE_BASIS),
        f.LinkFacts(4, f.ROLE_BASIS),
        f.LinkFacts(3, f.ROLE_SK_SP),
    ),
    sops=(f.SOPFacts("SOP-1", "Penerbitan akta", regulation_id=3),),
)


def ctx(*changed, settings=None, today=TODAY):
    """The regulations above with some replaced."""
    regulations = dict(REGULATIONS)
    regulations.update({r.id: r for r in changed})
    return Context(regulations, today, settings or {})


def codes(service, context=None):
    return [finding.code for finding in evaluate(service, context or ctx())]


def test_complete_service_passes_every_rule():
    """The reference service has no findings at all, so it is 'lengkap'."""
    assert evaluate(COMPLETE, ctx()) == []
    assert derive_status([]) == CoverageStatus.LENGKAP


BROKEN = {
    "NO_LEGAL_BASIS": (replace(COMPLETE, links=(f.LinkFacts(3, f.ROLE_SK_SP),)), ()),
    "NO_LOCAL_BASIS": (replace(COMPLETE, links=(f.LinkFacts(4), f.LinkFacts(3, f.ROLE_SK_SP))), ()),
    "BASIS_REVOKED": (COMPLETE, (replace(UU, status="dicabut", revoked_by=(2,)),)),
    "BASIS_AMENDED": (COMPLETE, (replace(UU, status="diubah", amended_by=(5,)), reg(5, "UU", "Perubahan"))),
    "BASIS_PROVISION_CHANGED": (
        replace(
            COMPLETE, links=(f.LinkFacts(1, f.ROLE_BASIS, "biaya", "Pasal 7 ayat (1)"), *COMPLETE.links[1:])
        ),
        (),
    ),
    "BASIS_TEXT_MISSING": (
        replace(
            COMPLETE,
            links=(*COMPLETE.links[:2], f.LinkFacts(4, f.ROLE_BASIS, "", "Pasal 63"), COMPLETE.links[3]),
        ),
        (replace(UU, has_text=False),),
    ),
    "NO_SK_SP": (replace(COMPLETE, links=COMPLETE.links[:3]), ()),
    "SK_SP_OUTDATED": (COMPLETE, (replace(SK_SP, tanggal_penetapan=date(2021, 1, 5)),)),
    "SP_INCOMPLETE": (replace(COMPLETE, filled={**COMPLETE.filled, "sarana": False}), ()),
    "SP_NOT_PUBLISHED": (replace(COMPLETE, delivery_published=False), ()),
    "COST_UNSOURCED": (replace(COMPLETE, links=(f.LinkFacts(1), *COMPLETE.links[1:])), ()),
    "TIME_UNSOURCED": (replace(COMPLETE, links=COMPLETE.links[:3], sops=()), ()),
    "NO_SOP": (replace(COMPLETE, sops=()), ()),
    "SOP_REVOKED": (COMPLETE, (replace(SK_SP, status="dicabut"),)),
    "ELECTRONIC_UNREGULATED": (COMPLETE, (replace(PERWAL, tentang="Tata Cara Pelayanan"),)),
    "DELEGATION_OPEN": (COMPLETE, (replace(PERWAL, status="dicabut"),)),
}


def test_every_rule_has_a_failing_case():
    """The table below covers every rule."""
    assert set(BROKEN) == {rule.code for rule in RULES}


@pytest.mark.parametrize("code", sorted(BROKEN))
def test_rule_fails_the_broken_service(code):
    """Each broken variant of the reference service trips its rule."""
    service, changed = BROKEN[code]
    assert code in codes(service, ctx(*changed))


@pytest.mark.parametrize("rule", RULES, ids=lambda rule: rule.code)
def test_rule_is_documented_in_indonesian(rule):
    """Each rule carries a title, an explanation, a fix and a known severity."""
    assert rule.title and rule.explanation and rule.fix
    assert rule.severity in Severity.values


def test_no_local_basis_is_not_reported_when_there_is_no_basis_at_all():
    """A service without any basis gets NO_LEGAL_BASIS only, not also NO_LOCAL_BASIS."""
    service = replace(COMPLETE, links=(f.LinkFacts(3, f.ROLE_SK_SP),))
    assert "NO_LOCAL_BASIS" not in codes(service)


def test_revoked_basis_names_the_revoker_and_suggests_it_when_same_matter():
    """A Perwal revoked by a Perwal: the finding names the revoker and suggests it as replacement."""
    old = reg(6, "PERWAL", "Tata Cara Penerbitan Akta", status="dicabut", revoked_by=(7,))
    new = reg(7, "PERWAL", "Tata Cara Penerbitan Akta Kelahiran")
    service = replace(COMPLETE, links=(*COMPLETE.links, f.LinkFacts(6)))
    (finding,) = [x for x in evaluate(service, ctx(old, new)) if x.code == "BASIS_REVOKED"]
    assert "PERWAL Nomor 7 Tahun 2024" in message(finding)
    assert finding.suggested_regulation_id == 7
    assert "Ganti tautan" in fix(finding)
    assert finding.severity == Severity.CRITICAL


def test_revoked_basis_without_same_matter_asks_for_a_replacement():
    """A revoker about a different matter, of another type, is named but not suggested."""
    old = reg(6, "PERWAL", "Retribusi Parkir", status="dicabut", revoked_by=(8,))
    other = reg(8, "PERDA", "Pajak Hotel")
    service = replace(COMPLETE, links=(*COMPLETE.links, f.LinkFacts(6)))
    (finding,) = [x for x in evaluate(service, ctx(old, other)) if x.code == "BASIS_REVOKED"]
    assert finding.suggested_regulation_id is None
    assert "PERDA Nomor 8 Tahun 2024" in message(finding)


def test_declared_not_in_force_basis_is_reported_without_revoker():
    """A basis declared 'tidak berlaku' is flagged even though nothing revokes it."""
    service = replace(COMPLETE, links=(*COMPLETE.links, f.LinkFacts(6)))
    gone = reg(6, status="tidak_berlaku")
    (finding,) = [x for x in evaluate(service, ctx(gone)) if x.code == "BASIS_REVOKED"]
    assert "tidak berlaku" in message(finding)


def test_amendment_linked_by_the_service_is_not_reported():
    """When the service also links the amending regulation, BASIS_AMENDED stays quiet."""
    base = replace(UU, status="diubah", amended_by=(5,))
    service = replace(COMPLETE, links=(*COMPLETE.links, f.LinkFacts(5)))
    assert "BASIS_AMENDED" not in codes(service, ctx(base, reg(5, "UU", "Perubahan")))


def test_amended_basis_is_informational():
    """An unmentioned amendment is reported but leaves the service 'lengkap'."""
    found = evaluate(COMPLETE, ctx(replace(UU, status="diubah", amended_by=(5,)), reg(5, "UU", "Perubahan")))
    assert [x.severity for x in found] == [Severity.INFO]
    assert derive_status(found) == CoverageStatus.LENGKAP


def test_sk_sp_age_threshold_is_configurable():
    """A 2-year-old SK passes the default 3 years but fails a threshold of 1 year."""
    sk = replace(SK_SP, tanggal_penetapan=date(2023, 5, 1))
    assert "SK_SP_OUTDATED" not in codes(COMPLETE, ctx(sk))
    strict = {"SK_SP_OUTDATED": RuleSetting(threshold=1)}
    assert "SK_SP_OUTDATED" in codes(COMPLETE, ctx(sk, settings=strict))


def test_sk_sp_without_date_uses_its_year():
    """An SK with no tanggal penetapan is dated 1 January of its year."""
    sk = replace(SK_SP, tanggal_penetapan=None, tahun=2020)
    assert "SK_SP_OUTDATED" in codes(COMPLETE, ctx(sk))


def test_incomplete_sp_names_the_empty_components():
    """The finding lists the empty components by number and name."""
    service = replace(COMPLETE, filled={**COMPLETE.filled, "waktu": False, "evaluasi": False})
    (finding,) = [x for x in evaluate(service, ctx()) if x.code == "SP_INCOMPLETE"]
    assert "2 dari 14" in message(finding)
    assert "3. Jangka waktu pelayanan" in message(finding)
    assert "14. Evaluasi kinerja pelaksana" in message(finding)


def test_free_service_needs_no_tariff_basis():
    """A free service passes COST_UNSOURCED without any biaya link."""
    service = replace(COMPLETE, cost_kind="gratis", links=(f.LinkFacts(1), *COMPLETE.links[1:]))
    assert "COST_UNSOURCED" not in codes(service)


def test_tariff_in_a_keputusan_does_not_count():
    """A tariff set only by a Keputusan is unsourced: it needs a Perda or Perwal."""
    service = replace(COMPLETE, links=(f.LinkFacts(3, f.ROLE_BASIS, "biaya"), *COMPLETE.links[1:]))
    assert "COST_UNSOURCED" in codes(service)


def test_time_sourced_by_a_waktu_link_passes_without_sk_sp():
    """A regulation linked for the waktu component is a source for the time."""
    service = replace(COMPLETE, links=(f.LinkFacts(1, f.ROLE_BASIS, "waktu"), f.LinkFacts(2)))
    assert "TIME_UNSOURCED" not in codes(service)


def test_sop_established_by_a_sop_link_counts():
    """A LegalBasis with role 'sop' is an SOP too."""
    service = replace(COMPLETE, sops=(), links=(*COMPLETE.links, f.LinkFacts(3, f.ROLE_SOP)))
    assert "NO_SOP" not in codes(service)


def test_office_only_service_needs_no_electronic_basis():
    """Without a daring channel the electronic-delivery rule does not apply."""
    service = replace(COMPLETE, channel_kinds=frozenset({"kantor"}))
    assert "ELECTRONIC_UNREGULATED" not in codes(service, ctx(replace(PERWAL, tentang="Tata Cara")))


def test_open_delegation_quotes_its_pasal_and_sentence():
    """A stored delegation with no implementer in force names its Pasal and quotes the clause."""
    clause = "Tata cara pemungutan diatur dengan Peraturan Wali Kota."
    perda = replace(PERDA, delegations=(f.DelegationFacts(clause, "Peraturan Wali Kota", "Pasal 9"),))
    (finding,) = [x for x in evaluate(COMPLETE, ctx(perda)) if x.code == "DELEGATION_OPEN"]
    assert finding.severity == Severity.INFO
    assert "Pasal 9" in message(finding) and clause in message(finding)


def test_a_regulation_without_stored_delegations_delegates_nothing():
    """No delegation is assumed: a Perda without parsed delegations never yields DELEGATION_OPEN."""
    perda = replace(PERDA, delegations=())
    assert "DELEGATION_OPEN" not in codes(COMPLETE, ctx(perda, replace(PERWAL, status="dicabut")))


def test_changed_pasal_is_found_only_for_the_linked_pasal():
    """Linking Pasal 7 trips the rule; Pasal 8 or no Pasal does not; linking the amendment settles 'diubah'."""

    def service(provision, *extra):
        return replace(
            COMPLETE, links=(f.LinkFacts(1, f.ROLE_BASIS, "biaya", provision), *COMPLETE.links[1:], *extra)
        )

    assert "BASIS_PROVISION_CHANGED" in codes(service("Pasal 7"))
    assert "BASIS_PROVISION_CHANGED" not in codes(service("Pasal 8"))
    assert "BASIS_PROVISION_CHANGED" not in codes(service(""))
    assert "BASIS_PROVISION_CHANGED" not in codes(service("Pasal 7", f.LinkFacts(6, f.ROLE_BASIS)))


def test_deleted_pasal_is_found_even_when_the_amendment_is_linked():
    """A deleted Pasal can no longer be a basis, whatever else the service links."""
    perda = replace(PERDA, changed_provisions=(f.ProvisionChangeFacts("7", f.PASAL_DIHAPUS, by=6),))
    service = replace(
        COMPLETE,
        links=(
            f.LinkFacts(1, f.ROLE_BASIS, "biaya", "Pasal 7"),
            *COMPLETE.links[1:],
            f.LinkFacts(6, f.ROLE_BASIS),
        ),
    )
    (finding,) = [x for x in evaluate(service, ctx(perda)) if x.code == "BASIS_PROVISION_CHANGED"]
    assert "telah dihapus oleh" in message(finding)
    assert finding.suggested_regulation_id == 6


def test_a_changed_pasal_by_an_amendment_not_in_force_is_ignored():
    """Only an amending regulation in force changes a Pasal."""
    service = replace(COMPLETE, links=(f.LinkFacts(1, f.ROLE_BASIS, "biaya", "Pasal 7"), *COMPLETE.links[1:]))
    assert "BASIS_PROVISION_CHANGED" not in codes(service, ctx(replace(AMENDING, status="dicabut")))


def test_disabled_rule_and_severity_override():
    """The admin can switch a rule off, or change its severity."""
    service = replace(COMPLETE, sops=())
    assert "NO_SOP" not in codes(service, ctx(settings={"NO_SOP": RuleSetting(enabled=False)}))
    found = evaluate(service, ctx(settings={"NO_SOP": RuleSetting(severity=Severity.CRITICAL)}))
    assert derive_status(found) == CoverageStatus.BELUM


@pytest.mark.parametrize(
    "severities,status",
    [
        ([], CoverageStatus.LENGKAP),
        ([Severity.INFO], CoverageStatus.LENGKAP),
        ([Severity.INFO, Severity.WARNING], CoverageStatus.SEBAGIAN),
        ([Severity.WARNING, Severity.CRITICAL], CoverageStatus.BELUM),
    ],
)
def test_status_follows_the_worst_finding(severities, status):
    """Critical → belum, warning → sebagian, info only → lengkap."""
    assert derive_status([FindingData("X", s, "") for s in severities]) == status


@pytest.mark.parametrize(
    "old,new,same",
    [
        (("PERWAL", "Retribusi Parkir"), ("PERWAL", "Pajak Hotel"), True),
        (("PERDA", "Retribusi Jasa Umum"), ("PERWAL", "Perubahan atas Retribusi Jasa Umum"), True),
        (("PERDA", "Retribusi Parkir"), ("PERWAL", "Pajak Hotel"), False),
    ],
)
def test_covers_same_matter(old, new, same):
    """Same jenis, or overlapping 'tentang', makes a revoker a suitable replacement."""
    assert covers_same_matter(reg(1, *old), reg(2, *new)) is same


def test_rule_codes_are_unique():
    """Codes identify rules in the database; they must be unique."""
    assert len(RULES_BY_CODE) == len(RULES)

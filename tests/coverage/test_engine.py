"""The coverage engine: incremental recomputes on publishing, revocation, rule settings."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from registry.coverage import engine, loader
from registry.coverage.models import RuleConfig, ServiceCoverage
from registry.coverage.rules import RULES
from registry.regulations.choices import RelationKind
from registry.services.models import LegalBasis, ServicePage, ServiceSOP, ServiceStep
from tests import factories
from tests.regulations.reference_texts import AMENDING, PERDA, PERWAL
from tests.regulations.test_references import _regulation_with_text

from .builders import codes_of, complete_service, coverage_of, regulations

pytestmark = pytest.mark.django_db


def test_complete_service_is_lengkap_after_publishing():
    """Publishing a fully regulated service stores 'lengkap' with no findings."""
    page, _ = complete_service()
    assert coverage_of(page).status == "lengkap"
    assert codes_of(page) == []


def test_revoking_a_regulation_flips_every_service_relying_on_it_and_unrevoking_restores():
    """Publishing a revoking Perda makes its dependants 'belum'; unpublishing it restores 'lengkap'."""
    regs = regulations()
    first, _ = complete_service(regs=regs)
    second, _ = complete_service(regs=regs)
    bystander, _ = complete_service()
    bystander_computed = coverage_of(bystander).computed_at

    replacement = factories.regulation("PERDA", tentang="Penyelenggaraan Administrasi Kependudukan")
    factories.relate(replacement, regs.perda, RelationKind.MENCABUT)

    for page in (first, second):
        cov = coverage_of(page)
        assert cov.status == "belum"
        finding = cov.findings.get(code="BASIS_REVOKED")
        assert replacement.short_title() in finding.message
        # Stored as a message id with parameters, rendered only when read.
        assert finding.message_id == "%(reg)s sudah dicabut oleh %(by)s."
        assert finding.message_params["by"] == {
            "regulations": [
                {
                    "jenis": replacement.regulation_type.name,
                    "nomor": replacement.nomor,
                    "tahun": replacement.tahun,
                }
            ]
        }
        assert finding.suggested_regulation_id == replacement.pk
    assert coverage_of(bystander).status == "lengkap"
    assert coverage_of(bystander).computed_at == bystander_computed

    replacement.unpublish()
    for page in (first, second):
        assert coverage_of(page).status == "lengkap"
        assert codes_of(page) == []


def test_publishing_an_implementing_perwal_closes_an_open_delegation():
    """A Perda whose text delegates (stored) is an open delegation until the implementing Perwal is published."""
    perda = _regulation_with_text("PERDA", "3", 2018, PERDA)
    regs = regulations()
    page, _ = complete_service(regs=regs)
    LegalBasis.objects.create(page=page, regulation=perda, sort_order=20)
    ServicePage.objects.get(pk=page.pk).save_revision().publish()
    assert "DELEGATION_OPEN" in codes_of(page)
    _regulation_with_text("PERWAL", "7", 2019, PERWAL, tentang="Tata Cara Pemungutan")
    assert "DELEGATION_OPEN" not in codes_of(page)


def test_a_perda_without_stored_delegations_is_not_assumed_to_delegate():
    """The inferred 'every Perda delegates' guess is gone: no text, no open delegation."""
    perda = factories.regulation("PERDA", tentang="Retribusi Jasa Umum")
    page, _ = complete_service(regs=regulations())
    LegalBasis.objects.create(page=page, regulation=perda, sort_order=20)
    ServicePage.objects.get(pk=page.pk).save_revision().publish()
    assert "DELEGATION_OPEN" not in codes_of(page)


def test_publishing_an_amendment_flags_the_linked_pasal_it_deletes():
    """A service citing Pasal 2 of a Perda gets BASIS_PROVISION_CHANGED once the amendment deleting it is out."""
    perda = _regulation_with_text("PERDA", "3", 2018, PERDA)
    page, _ = complete_service(regs=regulations())
    LegalBasis.objects.create(page=page, regulation=perda, provision="Pasal 2 ayat (1)", sort_order=20)
    ServicePage.objects.get(pk=page.pk).save_revision().publish()
    assert "BASIS_PROVISION_CHANGED" not in codes_of(page)
    _regulation_with_text("PERDA", "2", 2022, AMENDING, tentang="Perubahan atas Retribusi Jasa Umum")
    assert "BASIS_PROVISION_CHANGED" in codes_of(page)


def test_unpublished_service_is_kept_but_not_live():
    """Unpublishing a service keeps its coverage row, marked not live (excluded from totals)."""
    page, _ = complete_service()
    page.unpublish()
    assert coverage_of(page).live is False


def test_deleted_service_loses_its_coverage():
    """Deleting a service deletes its coverage and findings."""
    page, _ = complete_service()
    pk = page.pk
    page.delete()
    assert not ServiceCoverage.objects.filter(service_id=pk).exists()


def test_changing_a_rule_setting_recomputes_everything():
    """Disabling NO_SOP in the admin makes a service without SOP 'lengkap' at once."""
    page, _ = complete_service()
    ServiceSOP.objects.filter(page=page).delete()
    ServicePage.objects.get(pk=page.pk).save_revision().publish()
    assert coverage_of(page).status == "sebagian"
    config = RuleConfig.objects.get(code="NO_SOP")
    config.enabled = False
    config.save()
    assert coverage_of(page).status == "lengkap"


def test_every_rule_is_seeded_as_a_rule_config():
    """The data migration created one RuleConfig per rule, so the admin lists all of them."""
    assert set(RuleConfig.objects.values_list("code", flat=True)) == {rule.code for rule in RULES}


def test_loader_facts_match_the_page():
    """The loader's filled components equal ServicePage.filled_components()."""
    page, regs = complete_service()
    ServiceStep.objects.filter(page=page).delete()
    page = ServicePage.objects.get(pk=page.pk)
    (facts,), regulations_ = loader.load([page.pk])
    assert facts.filled == {str(k): v for k, v in page.filled_components().items()}
    assert facts.filled["prosedur"] is False
    assert {regs.perda.pk, regs.perwal.pk, regs.sk_sp.pk} <= set(regulations_)


def test_full_recompute_uses_a_constant_number_of_queries():
    """Recomputing 1 or 4 services costs the same number of queries."""
    regs = regulations()
    unit = factories.opd()
    complete_service(unit=unit, regs=regs)
    with CaptureQueriesContext(connection) as one:
        engine.recompute()
    for _ in range(3):
        complete_service(unit=unit, regs=regs)
    with CaptureQueriesContext(connection) as four:
        result = engine.recompute()
    assert result.services == 4
    assert len(four) == len(one)


def test_services_for_regulations_follows_relations():
    """A regulation that revokes or implements another affects the other's services."""
    regs = regulations()
    page, _ = complete_service(regs=regs)
    newer = factories.regulation("PERDA", tentang="Lain")
    factories.relate(newer, regs.perda, RelationKind.MENGUBAH)
    assert engine.services_for_regulations([newer.pk]) == [page.pk]
    assert engine.services_for_regulations([]) == []

"""BASIS_TEXT_MISSING on the database: a Pasal link to a regulation whose text the registry lacks."""

import pytest
from django.core.files.base import ContentFile

from registry.coverage import engine, loader
from registry.regulations.models import RegulationDocument
from registry.regulations.parser import parse_regulation
from registry.regulations.structure import store_structure
from registry.services.models import LegalBasis
from tests import factories

from .builders import codes_of, complete_service, coverage_of

pytestmark = pytest.mark.django_db

TEXT = "BAB I\nKETENTUAN UMUM\nPasal 5\n(1) Pemohon mengisi formulir.\n(2) Petugas memverifikasi berkas."


def _give_text(regulation):
    """Attach a signed document with an article tree (Pasal 5 and its two ayat) to ``regulation``."""
    document = RegulationDocument.objects.create(title="uu", file=ContentFile(b"%PDF-1.4\n", name="uu.pdf"))
    store_structure(document, parse_regulation([TEXT]).body)
    type(regulation).objects.filter(pk=regulation.pk).update(document=document)


def _complete_with_pasal_of(regulation, provision="Pasal 5 ayat (1)"):
    page, _ = complete_service()
    LegalBasis.objects.create(page=page, regulation=regulation, provision=provision, sort_order=20)
    engine.recompute([page.pk])
    return page


def test_a_pasal_of_a_regulation_without_text_makes_the_service_sebagian():
    """A complete service that cites Pasal 5 of a UU with no text gets the warning and is 'sebagian'."""
    uu = factories.regulation("UU", nomor="23", tahun=2006, tentang="Administrasi Kependudukan")
    page = _complete_with_pasal_of(uu)
    assert codes_of(page) == ["BASIS_TEXT_MISSING"]
    assert coverage_of(page).status == "sebagian"
    finding = coverage_of(page).findings.get()
    assert "Undang-Undang Nomor 23 Tahun 2006" in finding.message
    assert finding.regulation_id == uu.pk


def test_the_finding_goes_once_the_text_is_there():
    """Once the regulation's document has its article tree, the service is 'lengkap' again."""
    uu = factories.regulation("UU", nomor="23", tahun=2006, tentang="Administrasi Kependudukan")
    page = _complete_with_pasal_of(uu)
    _give_text(uu)
    engine.recompute([page.pk])
    assert codes_of(page) == []
    assert coverage_of(page).status == "lengkap"


def test_a_link_without_a_pasal_is_not_flagged():
    """Citing the whole regulation (no Pasal) needs no text to land on: no finding."""
    uu = factories.regulation("UU", nomor="25", tahun=2009, tentang="Pelayanan Publik")
    page = _complete_with_pasal_of(uu, provision="")
    assert codes_of(page) == []


def test_loader_reads_whether_each_regulation_has_text():
    """The facts carry has_text: False without an article tree, True with one."""
    without = factories.regulation("UU", nomor="1", tahun=2020)
    with_text = factories.regulation("UU", nomor="2", tahun=2020)
    _give_text(with_text)
    facts = loader.load_regulations([without.pk, with_text.pk])
    assert (facts[without.pk].has_text, facts[with_text.pk].has_text) == (False, True)

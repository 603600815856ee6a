"""Mengingat citations, delegations and amended Pasal: parsed, stored, resolved, shown, fulfilled."""

from pathlib import Path

import pytest
from django.core.files.base import ContentFile

from registry.regulations.choices import RelationKind
from registry.regulations.models import AmendedProvision, Citation, Delegation, RegulationDocument
from registry.regulations.parser import parse_regulation
from registry.regulations.parser.amendments import DIHAPUS, DISISIPKAN, DIUBAH, classify
from registry.regulations.references import refresh_fulfilment, store_references
from tests import factories

from .reference_texts import AMENDING, PERDA, PERWAL


def _document(name="perda"):
    document = RegulationDocument(title=name, file=ContentFile(b"%PDF-1.4\n", name=f"{name}.pdf"))
    document._skip_auto_extraction = True
    document.save()
    return document


def _regulation_with_text(code, nomor, tahun, text, live=True, tentang="Retribusi Jasa Umum"):
    """A regulation whose signed document's text is ``text``, its references stored."""
    document = _document(f"{code}-{nomor}-{tahun}")
    page = factories.regulation(code, nomor=nomor, tahun=tahun, tentang=tentang, live=live, document=document)
    store_references(document, parse_regulation([text]))
    return page


# --- parser -----------------------------------------------------------------------------------------


def test_amending_instructions_name_each_changed_pasal():
    """Pasal I of an amending Perda: Pasal 1 diubah, Pasal 1A disisipkan, Pasal 2 dihapus."""
    amendments = parse_regulation([AMENDING]).amendments
    assert [(a.kind, a.pasal) for a in amendments] == [(DIUBAH, "1"), (DISISIPKAN, "1A"), (DIHAPUS, "2")]
    assert {a.target.key() for a in amendments} == {("PERDA", "3", 2018)}
    assert amendments[0].source_anchor == "pasal-i-pasal-1"


def test_deleting_an_ayat_changes_its_pasal_rather_than_deleting_it():
    """ "Ketentuan ayat (2) Pasal 9 dihapus" leaves Pasal 9 in place, changed."""
    assert classify("Ketentuan ayat (2) Pasal 9 dihapus") == [(DIUBAH, "9")]
    assert classify("Ketentuan Pasal 5 dan Pasal 6 diubah") == [(DIUBAH, "5"), (DIUBAH, "6")]
    assert classify("Ketentuan Lampiran diubah") == []


def test_a_regulation_that_is_no_amendment_has_no_amended_pasal():
    """Plain Perda: no instructions even though its Pasal say "diatur"."""
    assert parse_regulation([PERDA]).amendments == []


# --- storage and resolution ----------------------------------------------------------------------------


@pytest.mark.django_db
def test_mengingat_is_stored_per_item_with_its_amendment_chain_and_resolved():
    """Three Mengingat items; UU 23/2014 in the registry is resolved, UU 9/2015 is not."""
    uu = factories.regulation("UU", nomor="23", tahun=2014, tentang="Pemerintahan Daerah")
    page = _regulation_with_text("PERDA", "3", 2018, PERDA)
    rows = list(Citation.objects.filter(document_id=page.document_id))
    assert sorted({row.item for row in rows}) == [1, 2, 3]
    assert rows[0].is_constitution
    chain = [row for row in rows if row.item == 2]
    assert [(r.cited_kind, r.cited_number, r.role) for r in chain] == [
        ("UU", "23", "BASE"),
        ("UU", "9", "AMENDED_BY"),
    ]
    assert chain[0].target == uu and chain[1].target is None


@pytest.mark.django_db
def test_storing_again_replaces_the_rows():
    """A second extraction of the same text leaves as many rows as the first."""
    page = _regulation_with_text("PERDA", "3", 2018, PERDA)
    store_references(page.document, parse_regulation([PERDA]))
    assert Citation.objects.filter(document_id=page.document_id).count() == 4
    assert Delegation.objects.filter(document_id=page.document_id).count() == 1


@pytest.mark.django_db
def test_publishing_the_cited_regulation_resolves_waiting_citations():
    """UU 28/2009 arrives after the Perda that cites it: publishing it resolves the citation."""
    page = _regulation_with_text("PERDA", "3", 2018, PERDA)
    row = Citation.objects.get(document_id=page.document_id, cited_number="28")
    assert row.target is None
    uu = factories.regulation("UU", nomor="28", tahun=2009, tentang="Pajak Daerah dan Retribusi Daerah")
    row.refresh_from_db()
    assert row.target == uu


@pytest.mark.django_db
def test_open_delegation_is_fulfilled_by_the_perwal_that_names_its_pasal_and_reopens_on_unpublish():
    """Perda Pasal 2 delegates; the Perwal saying it implements Pasal 2 ayat (2) fulfils it while live."""
    perda = _regulation_with_text("PERDA", "3", 2018, PERDA)
    delegation = Delegation.objects.get(document_id=perda.document_id)
    assert (delegation.direction, delegation.pasal, delegation.delegated_type) == (
        "open",
        "Pasal 2",
        "PERWAL",
    )
    assert delegation.fulfilled_by is None
    perwal = _regulation_with_text("PERWAL", "7", 2019, PERWAL, tentang="Tata Cara Pemungutan")
    delegation.refresh_from_db()
    assert delegation.fulfilled_by == perwal
    perwal.unpublish()
    delegation.refresh_from_db()
    assert delegation.fulfilled_by is None


@pytest.mark.django_db
def test_a_relation_without_a_pasal_fulfils_only_an_unambiguous_delegation():
    """'Melaksanakan' with no provision closes the Perda's single delegation to a Perwal."""
    perda = _regulation_with_text("PERDA", "3", 2018, PERDA)
    perwal = factories.regulation("PERWAL", nomor="8", tahun=2020, tentang="Karcis Retribusi")
    factories.relate(perwal, perda, RelationKind.MELAKSANAKAN)
    refresh_fulfilment([perda.pk])
    assert Delegation.objects.get(document_id=perda.document_id).fulfilled_by == perwal


@pytest.mark.django_db
def test_amended_provisions_resolve_to_the_amended_regulation():
    """The amending Perda's three instructions point at Perda 3/2018."""
    perda = _regulation_with_text("PERDA", "3", 2018, PERDA)
    amending = _regulation_with_text("PERDA", "2", 2022, AMENDING, tentang="Perubahan atas Retribusi")
    rows = AmendedProvision.objects.filter(document_id=amending.document_id)
    assert [(r.pasal, r.kind, r.target) for r in rows] == [
        ("1", "diubah", perda),
        ("1A", "disisipkan", perda),
        ("2", "dihapus", perda),
    ]


# --- real texts ------------------------------------------------------------------------------------

CORPUS_TEXTS = Path(__file__).resolve().parents[2] / ".." / "shared" / "corpus" / "real" / "text" / "mashanz"


@pytest.mark.skipif(not CORPUS_TEXTS.exists(), reason=f"corpus texts not found at {CORPUS_TEXTS}")
@pytest.mark.parametrize(
    "name,expected",
    [
        (
            "permen__kemenkeu__pmk-096-2025.md",
            [
                (DIUBAH, "14"),
                (DISISIPKAN, "15A"),
                (DISISIPKAN, "20A"),
                (DISISIPKAN, "22A"),
                (DISISIPKAN, "22B"),
                (DIUBAH, "23"),
                (DIHAPUS, "25"),
            ],
        ),
        ("permen__kemenhub__permen-kemenhub-01-2025.md", [(DIUBAH, "39")]),
    ],
)
def test_amending_instructions_of_real_regulations(name, expected):
    """PMK 96/2025 (items 3-5 and 7 lost in its damaged two-column text) and Permenhub 1/2025."""
    amendments = parse_regulation([(CORPUS_TEXTS / name).read_text(encoding="utf-8")]).amendments
    assert [(a.kind, a.pasal) for a in amendments] == expected

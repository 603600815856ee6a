"""Regulation models: identity, validation, relation inverses and derived status."""

from datetime import date

import pytest
from django.core.exceptions import ValidationError

from registry.regulations.choices import RelationKind, Status
from registry.regulations.models import RegulationPage
from registry.regulations.status import derive_status, refresh_statuses
from tests import factories

pytestmark = pytest.mark.django_db


def test_duplicate_identity_is_rejected_in_indonesian():
    """A second Perwal 12/2023 of the same city fails validation with a clear message."""
    first = factories.regulation("PERWAL", nomor="12", tahun=2023)
    dup = RegulationPage(
        title="Duplikat",
        regulation_type=first.regulation_type,
        wilayah="kota balikpapan",
        nomor="12",
        tahun=2023,
        tentang="Lain",
    )
    with pytest.raises(ValidationError) as exc:
        dup.full_clean()
    assert "sudah terdaftar" in str(exc.value.message_dict["nomor"])


def test_same_number_in_another_year_or_type_is_allowed():
    """Perwal 12/2023, Perwal 12/2024 and Perda 12/2023 can coexist."""
    factories.regulation("PERWAL", nomor="12", tahun=2023)
    factories.regulation("PERWAL", nomor="12", tahun=2024)
    factories.regulation("PERDA", nomor="12", tahun=2023)
    assert RegulationPage.objects.filter(nomor="12").count() == 3


def test_editing_a_regulation_does_not_conflict_with_itself():
    """Saving an existing regulation again passes the uniqueness check."""
    page = factories.regulation("PERWAL", nomor="5", tahun=2022)
    page.tentang = "Diperbarui"
    page.full_clean()
    page.save()


@pytest.mark.parametrize(
    "fields,error_field",
    [
        (
            {"tanggal_penetapan": date(2023, 5, 10), "tanggal_pengundangan": date(2023, 5, 1)},
            "tanggal_pengundangan",
        ),
        (
            {
                "tanggal_penetapan": date(2023, 5, 1),
                "tanggal_pengundangan": date(2023, 5, 2),
                "tanggal_berlaku": date(2023, 5, 1),
            },
            "tanggal_berlaku",
        ),
        ({"tanggal_penetapan": date(2022, 5, 1)}, "tanggal_penetapan"),
    ],
)
def test_dates_must_follow_penetapan_pengundangan_berlaku(fields, error_field):
    """penetapan ≤ pengundangan ≤ berlaku, and penetapan falls in the regulation's year."""
    kind = factories.regulation_type("PERWAL")
    page = RegulationPage(
        title="X",
        regulation_type=kind,
        wilayah="Kota Balikpapan",
        nomor="1",
        tahun=2023,
        tentang="X",
        **fields,
    )
    with pytest.raises(ValidationError) as exc:
        page.clean()
    assert error_field in exc.value.message_dict


def test_ordered_dates_are_valid():
    """Dates in the right order pass."""
    kind = factories.regulation_type("PERWAL")
    page = RegulationPage(
        title="X",
        regulation_type=kind,
        wilayah="Kota Balikpapan",
        nomor="1",
        tahun=2023,
        tentang="X",
        tanggal_penetapan=date(2023, 5, 1),
        tanggal_pengundangan=date(2023, 5, 2),
        tanggal_berlaku=date(2023, 6, 1),
    )
    page.clean()


def test_readable_url_and_slug():
    """A Perwal gets /peraturan/perwal/<tahun>/<nomor>/, with odd numbers slugified."""
    page = factories.regulation("KEPWAL", nomor="188.45 - 167 / 2000", tahun=2000)
    assert page.url == "/peraturan/kepwal/2000/188-45-167-2000/"
    assert page.type_slug == "kepwal"


def test_relation_is_stored_once_and_inverse_is_derived():
    """A revocation stored on the newer regulation appears as 'Dicabut oleh' on the older one."""
    old = factories.regulation("PERWAL", nomor="48", tahun=2016)
    new = factories.regulation("PERWAL", nomor="7", tahun=2024)
    factories.relate(new, old, RelationKind.MENCABUT, provision="Pasal 36")
    old = RegulationPage.objects.get(pk=old.pk)
    assert [str(label) for label, _ in old.incoming] == ["Dicabut oleh"]
    assert old.revoked_by == [new]
    assert old.relations.count() == 0
    assert new.relations.count() == 1


def test_status_follows_revocation_and_unpublishing_restores_it():
    """Publishing a revoking regulation marks the target dicabut; unpublishing it restores berlaku."""
    old = factories.regulation("PERWAL", nomor="48", tahun=2016)
    new = factories.regulation("PERWAL", nomor="7", tahun=2024)
    factories.relate(new, old, RelationKind.MENCABUT)
    assert RegulationPage.objects.get(pk=old.pk).status == Status.DICABUT
    new.unpublish()
    assert RegulationPage.objects.get(pk=old.pk).status == Status.BERLAKU


def test_draft_relations_do_not_change_status():
    """A draft that revokes a regulation changes nothing until it is published."""
    old = factories.regulation("PERWAL", nomor="1", tahun=2015)
    draft = factories.regulation("PERWAL", nomor="2", tahun=2024, live=False)
    factories.relate(draft, old, RelationKind.MENCABUT, publish=False)
    refresh_statuses()
    assert RegulationPage.objects.get(pk=old.pk).status == Status.BERLAKU


def test_amendment_marks_diubah_and_republishing_keeps_status():
    """An amended regulation is 'diubah', and republishing it does not reset the derived status."""
    base = factories.regulation("PERDA", nomor="3", tahun=2019)
    amend = factories.regulation("PERDA", nomor="9", tahun=2022)
    factories.relate(amend, base, RelationKind.MENGUBAH)
    base = RegulationPage.objects.get(pk=base.pk)
    base.save_revision().publish()
    assert RegulationPage.objects.get(pk=base.pk).status == Status.DIUBAH


def test_explicit_tidak_berlaku_is_kept():
    """An editor can declare a regulation tidak berlaku without any relation."""
    page = factories.regulation("PERWAL", nomor="3", tahun=2010, declared_not_in_force=True)
    assert RegulationPage.objects.get(pk=page.pk).status == Status.TIDAK_BERLAKU


@pytest.mark.parametrize(
    "kinds,declared,expected",
    [
        ([], False, Status.BERLAKU),
        ([RelationKind.TERKAIT, RelationKind.MELAKSANAKAN], False, Status.BERLAKU),
        ([RelationKind.MENGUBAH_SEBAGIAN], False, Status.DIUBAH),
        ([RelationKind.MENCABUT_SEBAGIAN, RelationKind.MENGUBAH], False, Status.DICABUT_SEBAGIAN),
        ([RelationKind.MENGUBAH, RelationKind.MENCABUT], False, Status.DICABUT),
        ([RelationKind.MENGUBAH], True, Status.TIDAK_BERLAKU),
    ],
)
def test_derive_status_precedence(kinds, declared, expected):
    """The strongest incoming relation decides the status."""
    assert derive_status(kinds, declared) == expected


def test_sumber_line_follows_jdih_notation():
    """A Perwal with its Berita Daerah number renders 'BD Kota Balikpapan 2023 (12): 10 hlm'."""
    page = factories.regulation(
        "PERWAL", nomor="12", tahun=2023, nomor_lembaran="12", tahun_lembaran=2023, jumlah_halaman=10
    )
    assert page.sumber == "BD Kota Balikpapan 2023 (12): 10 hlm"
    assert page.jdih_status == "Berlaku"

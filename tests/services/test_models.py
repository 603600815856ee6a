"""Service models: ownership by OPD, Standar Pelayanan completeness, validation and provision anchors."""

import pytest
from django.core.exceptions import ValidationError

from registry.regulations.anchors import provision_anchor
from registry.services.components import DELIVERY_COMPONENTS, Component
from registry.services.models import (
    ComplaintChannel,
    LegalBasis,
    PerangkatDaerahPage,
    ServiceChannel,
    ServicePage,
    ServiceSOP,
)
from tests import factories

pytestmark = pytest.mark.django_db


def test_service_belongs_to_the_opd_it_sits_under():
    """The opd shortcut column is filled from the page tree."""
    unit = factories.opd()
    service = factories.service(unit, title="Penerbitan KTP-el")
    assert ServicePage.objects.get(pk=service.pk).opd_id == unit.pk


def test_moving_a_service_updates_its_opd():
    """A service moved to another OPD belongs to the new one."""
    first = factories.opd()
    second = factories.opd(title="Dinas Sosial", abbreviation="Dinsos")
    service = factories.service(first)
    service.move(second, pos="last-child")
    assert ServicePage.objects.get(pk=service.pk).opd_id == second.pk


@pytest.mark.parametrize(
    "label,anchor",
    [
        ("Pasal 5", "pasal-5"),
        ("Pasal 5 ayat (2)", "pasal-5-ayat-2"),
        ("pasal 29A ayat 3", "pasal-29a-ayat-3"),
        ("Pasal II", "pasal-ii"),
        ("Lampiran", ""),
        ("", ""),
    ],
)
def test_provision_anchor(label, anchor):
    """Provision labels become the article anchors of the regulation page."""
    assert provision_anchor(label) == anchor


def test_legal_basis_rejects_unlinkable_provision():
    """A provision that names no pasal gets an Indonesian validation message."""
    basis = LegalBasis(provision="bagian akhir")
    with pytest.raises(ValidationError) as exc:
        basis.clean()
    assert "Pasal 5" in exc.value.message_dict["provision"][0]


def test_charged_service_needs_an_amount():
    """Berbayar without an amount, and gratis with one, are both rejected."""
    with pytest.raises(ValidationError) as exc:
        ServicePage(title="X", cost_kind="berbayar").clean()
    assert "cost_amount" in exc.value.message_dict
    with pytest.raises(ValidationError):
        ServicePage(title="X", cost_kind="gratis", cost_amount=1000).clean()
    ServicePage(title="X", cost_kind="berbayar", cost_amount=150000).clean()


def test_time_value_needs_a_unit():
    """A duration without a unit is rejected."""
    with pytest.raises(ValidationError) as exc:
        ServicePage(title="X", time_value=3).clean()
    assert "time_unit" in exc.value.message_dict


def test_online_channel_needs_url():
    """A daring channel must carry its URL."""
    with pytest.raises(ValidationError):
        ServiceChannel(kind="daring", name="OSS").clean()
    ServiceChannel(kind="daring", name="OSS", url="https://oss.go.id").clean()


def test_sop_needs_an_establishing_instrument():
    """An SOP without a regulation or a document is rejected."""
    with pytest.raises(ValidationError) as exc:
        ServiceSOP(nomor="1", judul="SOP", disahkan_nama="A", disahkan_jabatan="Kepala").clean()
    assert "regulation" in exc.value.message_dict


def test_empty_service_misses_all_fourteen_components():
    """A bare service reports every component as missing, in regulation order."""
    service = factories.service(title="Kosong")
    assert service.missing_components() == list(Component)
    assert not service.delivery_complete()


def test_complete_delivery_components():
    """Filling components 1–6 makes delivery complete, while manufacturing components stay missing."""
    reg = factories.regulation("PERDA", nomor="1", tahun=2024, tentang="Pajak Daerah dan Retribusi Daerah")
    service = factories.service(
        title="Akta Kelahiran",
        requirements=["Surat keterangan lahir", "Kartu Keluarga"],
        steps=["Ajukan berkas", "Verifikasi", "Terbit akta"],
        bases=[(reg, "Pasal 5", Component.BIAYA)],
        time_value=1,
        time_unit="hari_kerja",
        cost_kind="gratis",
        product="Kutipan akta kelahiran",
        complaint_procedure="Sampaikan melalui SP4N-LAPOR!",
    )
    service = ServicePage.objects.get(pk=service.pk)
    filled = service.filled_components()
    assert all(filled[c] for c in DELIVERY_COMPONENTS)
    assert filled[Component.DASAR_HUKUM]
    assert service.delivery_complete()
    assert Component.SARANA in service.missing_components()
    assert [b.regulation_id for b in service.cost_bases] == [reg.pk]
    assert service.time_display == "1 hari kerja"


def test_complaint_channel_links():
    """Complaint channels produce usable links."""
    assert ComplaintChannel(kind="surel", value="a@balikpapan.go.id").href == "mailto:a@balikpapan.go.id"
    assert ComplaintChannel(kind="telepon", value="(0542) 421-093").href == "tel:0542421093"
    assert ComplaintChannel(kind="whatsapp", value="0812-555").href == "https://wa.me/0812555"
    assert ComplaintChannel(kind="lapor", value="https://lapor.go.id").href == "https://lapor.go.id"


def test_opd_active_period_and_parent_validation():
    """An OPD's period runs forwards and it cannot be its own parent."""
    from datetime import date

    unit = factories.opd()
    unit.active_from, unit.active_to = date(2020, 1, 1), date(2019, 1, 1)
    with pytest.raises(ValidationError):
        unit.clean()
    unit.active_to = None
    unit.parent_unit = PerangkatDaerahPage.objects.get(pk=unit.pk)
    with pytest.raises(ValidationError):
        unit.clean()

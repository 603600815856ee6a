"""A small city for the open-data tests: public pages of every type, and private ones beside them.

Public: an OPD with a service (summary, channels, a category, a life event, two legal bases), a
Perda amended by a Perwal, a Perwal revoked by another and one revoked in part. Private: a
login-restricted service and regulation, a draft regulation, and a live service under an
unpublished OPD. Each test asks the outputs whether they show the public ones and only those.
"""

from datetime import date
from decimal import Decimal

from wagtail.models import PageViewRestriction

from registry.regulations.choices import RelationKind
from registry.services.models import LifeEvent, ServiceCategory, ServiceChannel
from tests import factories

#: In a service summary: JSON-LD must carry it intact without letting it close the script element.
HOSTILE_SUMMARY = 'Kartu Keluarga </script><script>alert("x")</script> & <b>baru</b>'


def build_site() -> dict:
    """Create the city and return its pages by role."""
    perda = factories.regulation(
        "PERDA",
        nomor="3",
        tahun=2018,
        tentang="Administrasi Kependudukan",
        tanggal_pengundangan=date(2018, 3, 5),
        tanggal_berlaku=date(2018, 3, 5),
    )
    perwal = factories.regulation(
        "PERWAL",
        nomor="12",
        tahun=2023,
        tentang="Standar Pelayanan Kependudukan",
        tanggal_pengundangan=date(2023, 3, 2),
        abstrak="Standar pelayanan dokumen kependudukan.",
    )
    revoked = factories.regulation("PERWAL", nomor="4", tahun=2015, tentang="Tarif Lama")
    partly = factories.regulation("PERWAL", nomor="5", tahun=2016, tentang="Pelayanan Lama")
    factories.relate(perwal, perda, RelationKind.MENGUBAH)
    factories.relate(perwal, revoked, RelationKind.MENCABUT)
    factories.relate(perwal, partly, RelationKind.MENCABUT_SEBAGIAN)

    private_regulation = factories.regulation("PERWAL", nomor="99", tahun=2023, tentang="Rahasia Terbatas")
    PageViewRestriction.objects.create(page=private_regulation, restriction_type="login")
    draft_regulation = factories.regulation("PERWAL", nomor="98", tahun=2023, tentang="Konsep", live=False)
    # A public regulation that names the private one: the relation must not leak it.
    factories.relate(perwal, private_regulation, RelationKind.TERKAIT)

    category = ServiceCategory.objects.create(name="Kependudukan", slug="kependudukan")
    event = LifeEvent.objects.create(name="Kelahiran", slug="kelahiran")
    unit = factories.opd(
        description="Melaksanakan urusan administrasi kependudukan dan pencatatan sipil.",
        address="Jl. Jenderal Sudirman No. 1",
        phone="0542 123456",
        email="dukcapil@example.go.id",
    )
    service = factories.service(
        unit,
        title="Penerbitan Kartu Keluarga",
        summary=HOSTILE_SUMMARY,
        requirements=["Formulir F-1.01", "=1+2 (fotokopi)"],
        steps=["Ajukan permohonan"],
        bases=[(perwal, "Pasal 5 ayat (2)"), (perda, ""), (private_regulation, "Pasal 1")],
        category=category,
        time_value=3,
        time_unit="hari_kerja",
        cost_kind="gratis",
        product="Kartu Keluarga",
    )
    service.channels.add(ServiceChannel(kind="kantor", name="Kantor Disdukcapil", address="Jl. Sudirman 1"))
    service.channels.add(
        ServiceChannel(kind="daring", name="Layanan daring", url="https://dukcapil.example.go.id")
    )
    service.life_events.add(event)
    service.save_revision().publish()
    service.refresh_from_db()

    paid = factories.service(
        unit, title="Izin Usaha Berbayar", cost_kind="berbayar", cost_amount=Decimal("150000")
    )
    private_service = factories.service(unit, title="Layanan Tertutup")
    PageViewRestriction.objects.create(page=private_service, restriction_type="login")
    draft_service = factories.service(unit, title="Layanan Konsep", live=False)

    hidden_unit = factories.opd(title="Unit Belum Terbit", abbreviation="UBT", slug="unit-belum-terbit")
    orphan = factories.service(hidden_unit, title="Layanan Di Bawah Unit Tertutup")
    hidden_unit.unpublish()

    return {
        "perda": perda,
        "perwal": perwal,
        "revoked": revoked,
        "partly": partly,
        "unit": unit,
        "service": service,
        "paid": paid,
        "category": category,
        "event": event,
        "hidden_unit": hidden_unit,
        "public_services": [service, paid],
        "public_regulations": [perda, perwal, revoked, partly],
        "private": [
            private_regulation,
            draft_regulation,
            private_service,
            draft_service,
            hidden_unit,
            orphan,
        ],
    }

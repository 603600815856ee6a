"""The Perangkat Daerah index and the OPD page."""

import pytest

from registry.services.models import ServiceCategory
from tests import factories

pytestmark = pytest.mark.django_db


def _html(client, url):
    """The page's body (the head's JSON-LD names the units too, out of display order)."""
    response = client.get(url)
    assert response.status_code == 200
    return response.content.decode().split("</head>", 1)[1]


def test_index_groups_units_by_kind(client):
    """The OPD index groups units under their kind's heading."""
    factories.opd(title="Dinas Kesehatan", abbreviation="Dinkes", kind="dinas")
    factories.opd(title="Kecamatan Balikpapan Kota", abbreviation="Kec. BPK", kind="kecamatan")
    html = _html(client, "/opd/")
    assert html.index(">Dinas</h2>") < html.index("Dinas Kesehatan")
    assert html.index(">Kecamatan</h2>") < html.index("Kecamatan Balikpapan Kota")


def test_opd_page_shows_identity_contact_and_hours(client):
    """The OPD page shows name, abbreviation, kind, address, phone, email and hours."""
    unit = factories.opd(
        title="Dinas Kependudukan dan Pencatatan Sipil",
        abbreviation="Disdukcapil",
        address="Jl. Ruhui Rahayu No. 1",
        phone="(0542) 123456",
        email="disdukcapil@balikpapan.go.id",
        opening_hours="Senin–Jumat 08.00–15.00",
    )
    html = _html(client, unit.url)
    for text in (
        "Dinas Kependudukan dan Pencatatan Sipil",
        "(Disdukcapil)",
        "Dinas",
        "Jl. Ruhui Rahayu No. 1",
        "(0542) 123456",
        'href="mailto:disdukcapil@balikpapan.go.id"',
        "Senin–Jumat 08.00–15.00",
    ):
        assert text in html, text


def test_opd_page_lists_live_services_and_sub_units(client):
    """The OPD page lists its live services (not drafts) and its sub-units."""
    category = ServiceCategory.objects.create(name="Kependudukan", slug="kependudukan")
    parent = factories.opd(title="Kecamatan Balikpapan Kota", abbreviation="Kec", kind="kecamatan")
    factories.opd(title="Kelurahan Klandasan Ilir", abbreviation="Kel", kind="kelurahan", parent_unit=parent)
    factories.service(unit=parent, title="Surat Keterangan Domisili", category=category)
    factories.service(unit=parent, title="Layanan Rancangan", live=False)
    html = _html(client, parent.url)
    assert "Surat Keterangan Domisili" in html
    assert "Kependudukan" in html
    assert "Layanan Rancangan" not in html
    assert "Kelurahan Klandasan Ilir" in html


def test_opd_without_services_says_so(client):
    """An OPD with no live services shows an empty state."""
    unit = factories.opd()
    assert "Perangkat daerah ini belum menerbitkan layanan." in _html(client, unit.url)


def test_draft_opd_is_not_public(client):
    """A draft OPD answers 404 and is not listed on the index."""
    unit = factories.opd(title="Badan Rancangan", abbreviation="BR", kind="badan", live=False)
    assert client.get(unit.get_url()).status_code == 404
    assert "Badan Rancangan" not in _html(client, "/opd/")

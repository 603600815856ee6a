"""The home page and its category and life-event listings."""

import pytest

from registry.services.models import LifeEvent, ServiceCategory
from tests import factories

pytestmark = pytest.mark.django_db


def _html(client, url):
    response = client.get(url)
    assert response.status_code == 200
    return response.content.decode()


def test_home_browses_by_opd_category_and_life_event_with_counts(client):
    """The home page lists OPDs, categories and life events with their live-service counts."""
    category = ServiceCategory.objects.create(name="Kependudukan", slug="kependudukan")
    event = LifeEvent.objects.create(name="Kelahiran", slug="kelahiran")
    unit = factories.opd(title="Dinas Kependudukan dan Pencatatan Sipil", abbreviation="Disdukcapil")
    factories.service(unit=unit, category=category, life_events=[event])
    factories.service(unit=unit, category=category)
    html = _html(client, "/")
    assert "Dinas Kependudukan dan Pencatatan Sipil" in html
    assert 'href="/kategori/kependudukan/">Kependudukan</a>' in html
    assert 'href="/peristiwa/kelahiran/">Kelahiran</a>' in html
    assert "2 layanan" in html
    assert "1 layanan" in html


def test_home_has_search_and_links_to_regulations(client):
    """The home page has a search box that GETs /cari/ and a link to /peraturan/."""
    factories.site_tree()
    html = _html(client, "/")
    assert 'action="/cari/"' in html
    assert 'name="q"' in html
    assert 'href="/peraturan/"' in html


def test_home_without_services_shows_empty_states(client):
    """With nothing published the home page says so in Indonesian."""
    factories.site_tree()
    html = _html(client, "/")
    assert "Belum ada layanan yang diterbitkan." in html
    assert "Belum ada kategori layanan." in html


def test_draft_services_are_not_counted(client):
    """A draft service neither counts nor makes its OPD appear."""
    unit = factories.opd(title="Dinas Rahasia", abbreviation="DR")
    factories.service(unit=unit, live=False)
    assert "Dinas Rahasia" not in _html(client, "/")


def test_category_listing_lists_live_services(client):
    """/kategori/<slug>/ lists the category's live services under its heading."""
    category = ServiceCategory.objects.create(
        name="Perizinan", slug="perizinan", description="Izin usaha dan bangunan."
    )
    factories.service(title="Izin Reklame", category=category)
    factories.service(title="Izin Rancangan", category=category, live=False)
    html = _html(client, "/kategori/perizinan/")
    assert "<h1>Perizinan</h1>" in html
    assert "Izin usaha dan bangunan." in html
    assert "Izin Reklame" in html
    assert "Izin Rancangan" not in html


def test_life_event_listing_empty_state(client):
    """A life event without live services shows an empty state."""
    factories.site_tree()
    LifeEvent.objects.create(name="Pindah rumah", slug="pindah-rumah")
    html = _html(client, "/peristiwa/pindah-rumah/")
    assert "Belum ada layanan yang diterbitkan dalam kelompok ini." in html


def test_unknown_category_is_404(client):
    """An unknown category slug answers 404."""
    factories.site_tree()
    assert client.get("/kategori/tidak-ada/").status_code == 404

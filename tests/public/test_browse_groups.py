"""/kategori/ and /peristiwa/: every category and life event with its count of public services."""

import pytest
from wagtail.models import PageViewRestriction

from registry.services.models import LifeEvent, ServiceCategory
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def groups():
    """Two categories and two life events; one of each has no public service."""
    unit = factories.opd()
    kependudukan = ServiceCategory.objects.create(name="Kependudukan", slug="kependudukan")
    ServiceCategory.objects.create(name="Pertanahan", slug="pertanahan")
    kelahiran = LifeEvent.objects.create(name="Kelahiran", slug="kelahiran")
    kematian = LifeEvent.objects.create(name="Kematian", slug="kematian")
    factories.service(unit=unit, title="Akta Kelahiran", category=kependudukan, life_events=[kelahiran])
    factories.service(unit=unit, title="KIA", category=kependudukan, life_events=[kelahiran])
    factories.service(unit=unit, title="Draf", category=kependudukan, life_events=[kematian], live=False)
    private = factories.service(unit=unit, title="Internal", category=kependudukan, life_events=[kematian])
    PageViewRestriction.objects.create(page=private, restriction_type="login")


def _html(client, url):
    response = client.get(url)
    assert response.status_code == 200
    return response.content.decode()


def test_category_index_lists_categories_with_public_service_counts(client, groups):
    """/kategori/ counts public services only, and leaves out a category without any."""
    html = _html(client, "/kategori/")
    assert 'href="/kategori/kependudukan/">Kependudukan</a>' in html
    assert "2 layanan" in html and "4 layanan" not in html and "3 layanan" not in html
    assert "Pertanahan" not in html


def test_life_event_index_lists_events_with_public_service_counts(client, groups):
    """/peristiwa/ lists Kelahiran with 2 services; Kematian has only a draft and a restricted one."""
    html = _html(client, "/peristiwa/")
    assert 'href="/peristiwa/kelahiran/">Kelahiran</a>' in html and "2 layanan" in html
    assert "/peristiwa/kematian/" not in html


def test_header_links_to_both_indexes_on_every_page(client, groups):
    """The main navigation reaches categories and life events, marking the current one."""
    html = _html(client, "/peristiwa/")
    nav = html.split('<nav class="main-nav"', 1)[1].split("</nav>", 1)[0]
    assert 'href="/kategori/">Kategori</a>' in nav
    assert 'href="/peristiwa/" aria-current="page">Peristiwa kehidupan</a>' in nav
    assert 'href="/kategori/">Kategori</a>' in _html(client, "/cari/?q=akta")


def test_empty_indexes_say_so(client):
    """Without services, both indexes render with a message, not an empty list."""
    factories.site_tree()
    for url in ("/kategori/", "/peristiwa/"):
        assert "Belum ada layanan yang diterbitkan" in _html(client, url)


def test_a_category_page_leads_back_to_the_index(client, groups):
    """/kategori/<slug>/ and /peristiwa/<slug>/ have their index in the breadcrumbs."""
    crumbs = _html(client, "/kategori/kependudukan/").split('class="breadcrumbs', 1)[1].split("</nav>", 1)[0]
    assert '<a href="/kategori/">Kategori</a>' in crumbs and 'aria-current="page">Kependudukan<' in crumbs
    crumbs = _html(client, "/peristiwa/kelahiran/").split('class="breadcrumbs', 1)[1].split("</nav>", 1)[0]
    assert '<a href="/peristiwa/">Peristiwa kehidupan</a>' in crumbs

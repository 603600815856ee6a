"""Changing who may see a page changes every public output at once (registry.visibility)."""

import pytest
from wagtail.models import PageViewRestriction

from registry import visibility
from registry.services.models import ServicePage
from tests import factories

pytestmark = pytest.mark.django_db

WORD = "delimaputih"


def _found(client, page) -> bool:
    payload = client.get("/cari/", {"q": WORD, "format": "json"}).json()
    return any(hit["id"] == f"service:{page.pk}" for hit in payload["hits"])


@pytest.fixture
def service():
    unit = factories.opd(title="Dinas Perubahan", abbreviation="DP", slug="dinas-perubahan")
    return factories.service(unit, title=f"Layanan {WORD}", summary=f"Layanan {WORD} untuk warga.")


def test_restricting_and_unrestricting_a_page_updates_the_index(client, service):
    """A new restriction drops the page from search at once; removing it brings the page back."""
    assert _found(client, service)
    restriction = PageViewRestriction.objects.create(page=service, restriction_type="login")
    assert not _found(client, service)
    restriction.delete()
    assert _found(client, service)


def test_a_restriction_on_an_ancestor_hides_the_section(client, service):
    """Restricting the Perangkat Daerah hides its services from search and from anonymous readers."""
    unit = service.get_parent()
    PageViewRestriction.objects.create(page=unit, restriction_type="password", password="rahasia")
    assert not _found(client, service)
    response = client.get(service.url)
    assert response.status_code == 200 and 'name="password"' in response.content.decode()
    assert not visibility.is_public(service)


def test_a_live_page_below_an_unpublished_one_is_not_public(client, service):
    """Unpublishing only the parent takes its live children off the site and out of search."""
    unit = service.get_parent().specific
    unit.unpublish(set_expired=False, commit=True)
    service.refresh_from_db()
    assert service.live, "the child itself stays live"
    assert client.get(service.url).status_code == 404
    assert not ServicePage.objects.filter(visibility.public_q(), pk=service.pk).exists()
    assert not _found(client, service)
    unit.save_revision().publish()
    assert _found(client, service)
    assert client.get(service.url).status_code == 200


def test_moving_a_page_into_a_restricted_section_hides_it(client, service):
    """A move is a change of ancestors: the moved page is re-indexed under its new section."""
    closed = factories.opd(title="Dinas Tertutup", abbreviation="DT", slug="dinas-tertutup")
    PageViewRestriction.objects.create(page=closed, restriction_type="login")
    assert _found(client, service)
    service.move(closed, pos="last-child")
    assert not _found(client, service)


def test_public_pages_and_is_public_agree(service):
    """The queryset form and the single-page form of the rule give the same answer."""
    draft = factories.service(service.get_parent(), title="Layanan draf", live=False)
    restricted = factories.service(service.get_parent(), title="Layanan terbatas")
    PageViewRestriction.objects.create(page=restricted, restriction_type="login")
    pages = ServicePage.objects.filter(pk__in=[service.pk, draft.pk, restricted.pk])
    listed = set(visibility.public_pages(pages).values_list("pk", flat=True))
    assert listed == {service.pk}
    assert {page.pk for page in pages if visibility.is_public(page)} == listed
    hidden = visibility.hidden_section_paths()
    assert {page.pk for page in pages if visibility.visible_among(page, hidden)} == listed

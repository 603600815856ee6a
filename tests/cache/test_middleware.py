"""What the page cache serves, to whom, and with which headers."""

import pytest
from django.test import Client
from wagtail.models import PageViewRestriction

from registry.cache import keys
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def service():
    unit = factories.opd(title="Dinas Kesehatan", abbreviation="Dinkes", slug="dinkes")
    return factories.service(unit, title="Izin praktik bidan")


def test_public_pages_are_cached_including_routable_regulation_urls(reader, service):
    regulation = factories.regulation("PERWAL", nomor=5, tahun=2021, tentang="Praktik bidan")
    assert regulation.url == "/peraturan/perwal/2021/5/"
    urls = ["/", "/opd/", service.get_parent().url, service.url, regulation.url, "/peraturan/"]
    urls += ["/peraturan/perwal/", "/peraturan/perwal/2021/", "/peraturan/?tahun=2021", "/transparansi/"]
    for url in urls:
        reader.cached_html(url)


def test_query_strings_are_part_of_the_key_in_any_order(reader):
    factories.regulation("PERWAL", nomor=1, tahun=2020, tentang="Satu")
    factories.regulation("PERWAL", nomor=2, tahun=2021, tentang="Dua")
    assert "Satu" in reader.cached_html("/peraturan/?tahun=2020&jenis=perwal")
    status, html, state = reader.page("/peraturan/?jenis=perwal&tahun=2020")
    assert state == "hit" and "Satu" in html
    assert "Dua" in reader.html("/peraturan/?tahun=2021&jenis=perwal")


def test_a_hit_still_carries_a_fresh_request_id_and_the_security_headers(reader, service):
    miss = reader.get(service.url)
    hit = reader.get(service.url)
    assert (miss["X-Page-Cache"], hit["X-Page-Cache"]) == ("miss", "hit")
    assert hit["X-Request-ID"] and hit["X-Request-ID"] != miss["X-Request-ID"]
    assert hit["Content-Security-Policy"] == miss["Content-Security-Policy"]
    assert "nonce" not in hit["Content-Security-Policy"]
    for header in ("X-Frame-Options", "Content-Type", "Content-Language", "ETag", "Last-Modified"):
        assert hit[header] == miss[header], header


def test_conditional_get_answers_304_until_the_page_changes(reader, service):
    first = reader.get(service.url)
    etag, last_modified = first["ETag"], first["Last-Modified"]
    assert reader.get(service.url, if_none_match=etag).status_code == 304
    assert reader.get(service.url, if_modified_since=last_modified).status_code == 304
    head = Client().head(service.url, headers={"if-none-match": etag})
    assert head.status_code == 304
    service.title = "Izin praktik bidan mandiri"
    service.save_revision().publish()
    changed = reader.get(service.url, if_none_match=etag)
    assert changed.status_code == 200 and changed["ETag"] != etag
    assert "Izin praktik bidan mandiri" in changed.content.decode()


def test_browsers_are_told_to_revalidate(reader, service):
    assert "no-cache" in reader.get(service.url)["Cache-Control"]
    # A view's own policy is kept (the transparency page allows five minutes).
    assert "max-age=300" in reader.get("/transparansi/")["Cache-Control"]


def test_a_session_cookie_or_a_login_bypasses_the_cache(reader, service, django_user_model):
    editor = django_user_model.objects.create_superuser("editor", "e@example.org", "x")
    client = Client()
    client.force_login(editor)
    reader.cached_html(service.url)
    visitor = Client()
    visitor.cookies["sessionid"] = "abc"
    assert visitor.get(service.url).get("X-Page-Cache") is None
    response = client.get(service.url)
    assert response.status_code == 200 and response.get("X-Page-Cache") is None
    # A CSRF cookie alone changes nothing a cacheable page shows.
    anonymous = Client()
    anonymous.cookies["csrftoken"] = "x" * 32
    assert anonymous.get(service.url)["X-Page-Cache"] == "hit"


def test_a_password_form_is_never_stored(reader, service):
    PageViewRestriction.objects.create(page=service, restriction_type="password", password="rahasia")
    for _ in range(2):
        response = reader.get(service.url)
        assert 'name="password"' in response.content.decode()
        assert response["X-Page-Cache"] == "bypass"


def test_errors_posts_and_private_paths_are_not_cached(reader, service):
    for _ in range(2):
        assert reader.get("/opd/tidak-ada/")["X-Page-Cache"] == "bypass"
    assert Client().post(service.url).get("X-Page-Cache") is None
    for url in ("/admin/", "/api/jdihn/", "/healthz", "/dokumen/1/x.pdf"):
        assert reader.get(url).get("X-Page-Cache") is None, url


def test_search_is_cached_only_on_the_database_engine(reader, service, settings):
    assert service.url in reader.cached_html("/cari/?q=bidan")
    settings.ELASTICSEARCH_URL = "http://127.0.0.1:9"
    from registry.cache.middleware import request_is_cacheable

    request = Client().get("/", follow=False).wsgi_request
    request.path_info = "/cari/"
    assert not request_is_cacheable(request)


def test_the_cache_can_be_switched_off(reader, service, settings):
    settings.REGISTRY_PAGE_CACHE = False
    reader.html(service.url)
    assert reader.get(service.url).get("X-Page-Cache") is None


def test_an_unreachable_store_serves_the_page_uncached(reader, service, monkeypatch):
    from registry.cache import keys

    def broken():
        raise ConnectionError("cache down")

    monkeypatch.setattr(keys, "current_generation", broken)
    response = reader.get(service.url)
    assert response.status_code == 200 and response.get("X-Page-Cache") is None


def test_a_page_that_used_the_csp_nonce_is_not_stored(reader, service, monkeypatch):
    from registry.cache import middleware

    real = middleware.response_is_cacheable

    def touching_the_nonce(request, response):
        str(request.csp_nonce)  # what {{ request.csp_nonce }} in a template does
        return real(request, response)

    monkeypatch.setattr(middleware, "response_is_cacheable", touching_the_nonce)
    assert reader.get(service.url)["X-Page-Cache"] == "bypass"
    assert reader.get(service.url)["X-Page-Cache"] == "bypass"


def test_a_change_elsewhere_rerenders_but_an_unchanged_page_keeps_its_etag(reader, service):
    """A write starts a new generation for every page, yet clients of unchanged pages still get 304."""
    other_unit = factories.opd(title="Dinas Perhubungan", abbreviation="Dishub", slug="dishub")
    other = factories.service(other_unit, title="Uji kendaraan bermotor")
    first = reader.get(service.url)
    assert reader.get(service.url)["X-Page-Cache"] == "hit"
    generation = keys.current_generation()
    other.title = "Uji berkala kendaraan"
    other.save_revision().publish()
    assert reader.get(service.url, if_none_match=first["ETag"]).status_code == 304
    assert keys.current_generation() != generation
    assert reader.get(service.url)["X-Page-Cache"] == "hit"  # the 304 came from a fresh render, now stored
    assert reader.get(other.url, if_none_match=first["ETag"]).status_code == 200

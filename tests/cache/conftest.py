"""The page cache on, in an empty store, for every test here; an anonymous reader to ask with."""

import pytest
from django.core.cache import caches
from django.test import Client


@pytest.fixture(autouse=True)
def page_cache(settings):
    settings.REGISTRY_PAGE_CACHE = True
    caches["pages"].clear()
    yield caches["pages"]
    caches["pages"].clear()


class Reader:
    """An anonymous visitor without cookies: each request comes from a fresh client."""

    def get(self, url, **headers):
        return Client().get(url, headers=headers)

    def page(self, url) -> tuple[int, str, str]:
        """(status, HTML, X-Page-Cache) of one GET."""
        response = self.get(url)
        return response.status_code, response.content.decode(), response.get("X-Page-Cache", "")

    def html(self, url) -> str:
        status, html, _ = self.page(url)
        assert status == 200, url
        return html

    def cached_html(self, url) -> str:
        """The page's HTML, after checking that a second request is answered from the cache."""
        first = self.html(url)
        status, second, state = self.page(url)
        assert (status, state) == (200, "hit"), f"{url} was not served from the cache"
        assert second == first
        return second


@pytest.fixture
def reader():
    return Reader()

"""``/sitemap.xml`` lists every public page and nothing else; ``/robots.txt`` points to it."""

from xml.etree import ElementTree

from django.test import TestCase
from django.utils import timezone
from wagtail.models import Page

from registry.home.models import HomePage
from registry.visibility import public_pages

from .open_data_site import build_site

NS = {"sm": "http://www.sitemaps.org/schemas/sitemap/0.9"}
ROOT = "http://localhost"


def sitemap_entries(client) -> dict[str, str]:
    """``{loc: lastmod}`` of the sitemap."""
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/xml")
    tree = ElementTree.fromstring(response.content)
    entries = {}
    for url in tree.findall("sm:url", NS):
        lastmod = url.find("sm:lastmod", NS)
        entries[url.find("sm:loc", NS).text] = lastmod.text if lastmod is not None else None
    return entries


class SitemapTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.site = build_site()

    def test_lists_exactly_the_public_pages(self):
        entries = sitemap_entries(self.client)
        home = HomePage.objects.get()
        expected = {
            ROOT + page.url
            for page in public_pages(Page.objects.descendant_of(home, inclusive=True)).specific()
        }
        assert set(entries) == expected
        # The rule is not vacuous: every page type is there, and the private pages exist but are not.
        for page in (self.site["service"], self.site["unit"], self.site["perwal"], home):
            assert ROOT + page.url in entries
        for page in self.site["private"]:
            url = Page.objects.get(pk=page.pk).specific.url
            assert url and ROOT + url not in entries, url

    def test_regulations_are_listed_at_their_readable_url(self):
        entries = sitemap_entries(self.client)
        assert f"{ROOT}/peraturan/perwal/2023/12/" in entries
        assert not any("perwal-2023-12" in loc for loc in entries)

    def test_lastmod_is_the_last_publication(self):
        entries = sitemap_entries(self.client)
        service = Page.objects.get(pk=self.site["service"].pk)
        assert entries[ROOT + service.url] == timezone.localtime(service.last_published_at).date().isoformat()
        # Every page with a publication date has its lastmod (test indexes are created without one).
        for page in Page.objects.filter(last_published_at__isnull=False).specific():
            if ROOT + page.url in entries:
                assert (
                    entries[ROOT + page.url] == timezone.localtime(page.last_published_at).date().isoformat()
                )

    def test_a_page_unpublished_leaves_the_sitemap(self):
        paid = self.site["paid"]
        assert ROOT + paid.url in sitemap_entries(self.client)
        Page.objects.get(pk=paid.pk).specific.unpublish()
        assert ROOT + paid.url not in sitemap_entries(self.client)

    def test_robots_txt_disallows_admin_and_search_and_names_the_sitemap(self):
        response = self.client.get("/robots.txt")
        assert response.status_code == 200
        assert response["Content-Type"].startswith("text/plain")
        lines = response.content.decode().splitlines()
        assert "User-agent: *" in lines
        assert "Disallow: /admin/" in lines
        assert "Disallow: /cari/" in lines
        assert f"Sitemap: {ROOT}/sitemap.xml" in lines
        assert not any(line.startswith("Disallow: /dokumen") for line in lines)

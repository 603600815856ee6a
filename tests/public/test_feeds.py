"""Atom feeds of regulations and services: public items only, filters, and a 400 for unknown ones."""

from xml.etree import ElementTree

from django.test import TestCase
from wagtail.models import Page

from registry.regulations.models import RegulationPage

from .open_data_site import build_site

ATOM = {"a": "http://www.w3.org/2005/Atom"}
ROOT = "http://localhost"


def feed(client, url):
    """(titles, links, the parsed feed) of an Atom feed."""
    response = client.get(url)
    assert response.status_code == 200, response.content
    assert response["Content-Type"].startswith("application/atom+xml")
    tree = ElementTree.fromstring(response.content)
    entries = tree.findall("a:entry", ATOM)
    titles = [entry.find("a:title", ATOM).text for entry in entries]
    links = [entry.find("a:link", ATOM).get("href") for entry in entries]
    return titles, links, tree


class FeedTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.site = build_site()
        perwal = cls.site["perwal"]
        perwal.pemrakarsa = cls.site["unit"]
        perwal.save_revision().publish()

    def test_regulation_feed_lists_public_regulations_newest_first(self):
        titles, links, tree = feed(self.client, "/feed/peraturan/")
        expected = {ROOT + page.url for page in self.site["public_regulations"]}
        assert set(links) == expected
        # The private and draft regulations exist but are not in the feed.
        assert not any("Nomor 99" in title or "Nomor 98" in title for title in titles)
        # Newest publication first: the Perwal was published last (in setUpTestData).
        assert links[0] == ROOT + self.site["perwal"].url
        entry = tree.find("a:entry", ATOM)
        assert entry.find("a:updated", ATOM) is not None and entry.find("a:published", ATOM) is not None
        assert tree.find("a:link[@rel='alternate']", ATOM).get("href") == f"{ROOT}/peraturan/"

    def test_regulation_feed_filters_by_jenis_and_opd(self):
        _titles, links, _tree = feed(self.client, "/feed/peraturan/?jenis=perda")
        assert links == [ROOT + self.site["perda"].url]
        _titles, links, _tree = feed(self.client, f"/feed/peraturan/?opd={self.site['unit'].slug}")
        assert links == [ROOT + self.site["perwal"].url]
        _titles, links, tree = feed(self.client, f"/feed/peraturan/?jenis=perda&opd={self.site['unit'].slug}")
        assert links == []
        assert "Peraturan Daerah" in tree.find("a:title", ATOM).text

    def test_service_feed_lists_public_services(self):
        titles, links, _tree = feed(self.client, "/feed/layanan/")
        assert set(links) == {ROOT + page.url for page in self.site["public_services"]}
        assert "Layanan Tertutup" not in titles and "Layanan Konsep" not in titles
        assert "Layanan Di Bawah Unit Tertutup" not in titles

    def test_service_feed_filters_by_opd_and_category(self):
        _titles, links, _tree = feed(self.client, "/feed/layanan/?kategori=kependudukan")
        assert links == [ROOT + self.site["service"].url]
        _titles, links, _tree = feed(self.client, f"/feed/layanan/?opd={self.site['unit'].slug}")
        assert set(links) == {ROOT + page.url for page in self.site["public_services"]}

    def test_unknown_filters_answer_400_in_indonesian(self):
        cases = {
            "/feed/peraturan/?jenis=tidak-ada": "Jenis peraturan 'tidak-ada' tidak dikenal.",
            "/feed/peraturan/?opd=tidak-ada": "Perangkat daerah 'tidak-ada' tidak dikenal.",
            "/feed/layanan/?kategori=tidak-ada": "Kategori layanan 'tidak-ada' tidak dikenal.",
            # An unpublished unit is unknown to the public, not an empty feed that confirms it exists.
            "/feed/layanan/?opd=unit-belum-terbit": "Perangkat daerah 'unit-belum-terbit' tidak dikenal.",
        }
        for url, message in cases.items():
            with self.subTest(url):
                response = self.client.get(url)
                assert response.status_code == 400
                assert response.content.decode() == message

    def test_an_unpublished_regulation_leaves_the_feed(self):
        perda = self.site["perda"]
        Page.objects.get(pk=perda.pk).specific.unpublish()
        _titles, links, _tree = feed(self.client, "/feed/peraturan/")
        assert ROOT + RegulationPage.objects.get(pk=perda.pk).url not in links
        assert len(links) == len(self.site["public_regulations"]) - 1

    def test_pages_advertise_the_feeds(self):
        html = self.client.get("/").content.decode()
        assert 'type="application/atom+xml" href="/feed/peraturan/"' in html
        assert 'type="application/atom+xml" href="/feed/layanan/"' in html

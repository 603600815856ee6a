"""Every legal-basis link of the demo lands: on an anchor the target page has, or on the official source.

Walks the rendered pages of every live demo service and every live regulation (issue #15: 16 of 106
Pasal links went to national regulations without text and opened at the top of the page).
"""

import re
from functools import cache

from django.test import TestCase

from registry.demo.loader import load_demo
from registry.regulations.extraction.pipeline import extract_document
from registry.regulations.models import RegulationPage
from registry.services.models import LegalBasis, ServicePage

# Links in the page (href) and in its JSON-LD (termsOfService: absolute URLs).
FRAGMENT_LINK = re.compile(r'(?:href="|"https?://[^/"]+)(/peraturan/[^"#]*)#([^"]+)"')
EXTERNAL_NOTE = "Naskah belum tersedia · baca di situs resmi"


class DemoLinksLandTests(TestCase):
    """The demo loaded once; links read from the rendered public pages."""

    @classmethod
    def setUpTestData(cls):
        load_demo(log=lambda line: None)
        # Extraction waits for the loader's transaction to commit, which a TestCase never does: run it
        # as `make run` does, so the regulations have their article trees (and their Pasal passages).
        for page in RegulationPage.objects.exclude(document=None).select_related("document"):
            extract_document(page.document)

    def setUp(self):
        self.html = cache(self._get)

    def _get(self, url):
        response = self.client.get(url)
        self.assertEqual(response.status_code, 200, url)
        return response.content.decode()

    def _missing_anchors(self, urls):
        """(page, target, anchor) for every fragment link on ``urls`` whose target lacks the id."""
        missing, checked = [], 0
        for url in urls:
            for target, anchor in FRAGMENT_LINK.findall(self.html(url)):
                if anchor == "peraturan":  # a JSON-LD @id, not a link
                    continue
                checked += 1
                if f'id="{anchor}"' not in self.html(target):
                    missing.append((url, target, anchor))
        return missing, checked

    def test_every_pasal_link_of_every_service_lands(self):
        """Each Pasal basis links its anchor on the regulation page, or its official source saying why."""
        services = list(ServicePage.objects.live())
        bases = LegalBasis.objects.filter(page__in=services, regulation__live=True).exclude(provision="")
        anchored, external, neither = 0, 0, []
        for basis in bases.select_related("page", "regulation"):
            html = self.html(basis.page.url)
            regulation = basis.regulation
            if f'href="{regulation.url}#' in html:
                anchored += 1
            elif (
                regulation.external_url
                and f'href="{regulation.external_url}"' in html
                and EXTERNAL_NOTE in html
            ):
                external += 1
            else:
                neither.append((basis.page.slug, str(regulation.short_title()), basis.provision))
        self.assertEqual(neither, [])
        self.assertGreater(anchored, 50)
        self.assertGreater(external, 0)
        missing, checked = self._missing_anchors(service.url for service in services)
        self.assertEqual(missing, [])
        self.assertGreaterEqual(checked, anchored)

    def test_every_pasal_link_between_regulations_lands(self):
        """Links from regulation pages to a Pasal (amendments, revocations) find their anchor."""
        urls = [page.url for page in RegulationPage.objects.live()]
        missing, checked = self._missing_anchors(urls)
        self.assertEqual(missing, [])
        self.assertGreater(checked, 0)

    def test_the_search_box_example_exists_in_the_demo(self):
        """The example in the search box names a Perda and Pasal that exist, and searching it finds them."""
        page = self.html("/cari/")
        match = re.search(r"Perda (\d+)/(\d{4}) pasal (\d+)", page)
        self.assertIsNotNone(match, "the search box gives no 'Perda n/yyyy pasal n' example")
        nomor, tahun, pasal = match.groups()
        regulation = RegulationPage.objects.live().get(
            regulation_type__code="PERDA", nomor=nomor, tahun=tahun
        )
        self.assertIn(f'id="pasal-{pasal}"', self.html(regulation.url))
        results = self.html(f"/cari/?q={match.group(0).replace(' ', '+')}")
        self.assertIn(f'href="{regulation.url}#pasal-{pasal}"', results)

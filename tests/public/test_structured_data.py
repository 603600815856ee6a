"""Every public page type carries a meta description, a canonical link and schema.org JSON-LD.

The JSON-LD must parse, have the properties its type requires here, link only public pages, and
survive hostile text (a summary holding ``</script>``) without the element being closed early.
"""

import json
from html.parser import HTMLParser
from unittest import mock

from django.db import connection
from django.test import SimpleTestCase, TestCase
from django.test.utils import CaptureQueriesContext

from registry.opendata.meta import DESCRIPTION_LIMIT, trim
from registry.opendata.templatetags import opendata_tags

from .open_data_site import HOSTILE_SUMMARY, build_site

ROOT = "http://localhost"  # the test site's root_url (factories.site_tree: hostname localhost, port 80)


class HeadParser(HTMLParser):
    """Collects the meta description, canonical links and JSON-LD blocks of a page."""

    def __init__(self):
        super().__init__()
        self.descriptions, self.canonicals, self.jsonld = [], [], []
        self._in_jsonld = False
        self._buffer = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "meta" and attrs.get("name") == "description":
            self.descriptions.append(attrs.get("content", ""))
        elif tag == "link" and attrs.get("rel") == "canonical":
            self.canonicals.append(attrs.get("href", ""))
        elif tag == "script" and attrs.get("type") == "application/ld+json":
            self._in_jsonld, self._buffer = True, []

    def handle_data(self, data):
        if self._in_jsonld:
            self._buffer.append(data)

    def handle_endtag(self, tag):
        if tag == "script" and self._in_jsonld:
            self.jsonld.append(json.loads("".join(self._buffer)))
            self._in_jsonld = False


def head_of(client, url) -> HeadParser:
    response = client.get(url)
    assert response.status_code == 200, url
    parser = HeadParser()
    parser.feed(response.content.decode())
    assert len(parser.descriptions) == 1, f"{url}: {parser.descriptions}"
    assert parser.descriptions[0].strip(), f"{url}: empty meta description"
    assert len(parser.descriptions[0]) <= DESCRIPTION_LIMIT, url
    assert len(parser.canonicals) == 1, url
    assert len(parser.jsonld) == 1, f"{url}: {len(parser.jsonld)} JSON-LD blocks"
    assert parser.jsonld[0]["@context"] == "https://schema.org", url
    return parser


def _require(data, *names):
    missing = [name for name in names if not data.get(name)]
    assert not missing, f"{data.get('@type')} lacks {missing}"


class StructuredDataTests(TestCase):
    """The small city of ``open_data_site``, built once for the class."""

    @classmethod
    def setUpTestData(cls):
        cls.site = build_site()

    def test_home_is_a_website_with_a_search_action(self):
        head = head_of(self.client, "/")
        data = head.jsonld[0]
        assert data["@type"] == "WebSite"
        _require(data, "name", "url", "publisher", "potentialAction")
        action = data["potentialAction"]
        assert action["@type"] == "SearchAction"
        assert action["target"]["urlTemplate"] == f"{ROOT}/cari/?q={{search_term_string}}"
        assert action["query-input"] == "required name=search_term_string"
        assert head.canonicals == [f"{ROOT}/"]

    def test_service_is_a_government_service(self):
        service, unit = self.site["service"], self.site["unit"]
        head = head_of(self.client, service.url)
        data = head.jsonld[0]
        assert data["@type"] == "GovernmentService"
        _require(data, "name", "url", "provider", "serviceOperator", "availableChannel", "termsOfService")
        assert data["name"] == "Penerbitan Kartu Keluarga"
        assert data["description"] == trim(HOSTILE_SUMMARY)
        assert data["provider"]["@type"] == "GovernmentOrganization"
        assert data["provider"]["name"] == unit.title
        assert data["provider"]["url"] == ROOT + unit.url
        assert data["serviceOperator"]["name"] == unit.title
        assert [channel["name"] for channel in data["availableChannel"]] == [
            "Kantor Disdukcapil",
            "Layanan daring",
        ]
        assert data["availableChannel"][1]["serviceUrl"] == "https://dukcapil.example.go.id"
        # The legal bases, at their pasal where the text has it (this Perwal has no text, so no
        # fragment that would land nowhere); the login-restricted regulation is left out.
        assert data["termsOfService"] == [
            ROOT + self.site["perwal"].url,
            ROOT + self.site["perda"].url,
        ]
        assert data["offers"] == {"@type": "Offer", "price": "0", "priceCurrency": "IDR"}
        assert data["serviceType"] == "Kependudukan"
        assert head.descriptions == [trim(HOSTILE_SUMMARY)]
        assert head.canonicals == [ROOT + service.url]

    def test_json_ld_cannot_close_its_script_element(self):
        """The summary's "</script>" reaches the JSON escaped, and reads back intact."""
        html = self.client.get(self.site["service"].url).content.decode()
        block = html.split('<script type="application/ld+json">', 1)[1].split("</script>", 1)[0]
        assert "<" not in block and ">" not in block and "&" not in block
        assert "\\u003C/script\\u003E" in block
        assert json.loads(block)["description"].startswith('Kartu Keluarga </script><script>alert("x")')

    def test_paid_service_offers_its_price(self):
        data = head_of(self.client, self.site["paid"].url).jsonld[0]
        assert data["offers"]["price"] == "150000"
        assert data["offers"]["priceCurrency"] == "IDR"

    def test_regulation_legal_force_follows_its_status(self):
        expected = {
            "perwal": "https://schema.org/InForce",
            "perda": "https://schema.org/InForce",  # amended, still in force
            "revoked": "https://schema.org/NotInForce",
            "partly": "https://schema.org/PartiallyInForce",
        }
        for role, force in expected.items():
            with self.subTest(role):
                data = head_of(self.client, self.site[role].url).jsonld[0]
                assert data["@type"] == "Legislation"
                assert data["legislationLegalForce"] == force

    def test_regulation_is_legislation_with_its_relations(self):
        perwal, perda = self.site["perwal"], self.site["perda"]
        head = head_of(self.client, perwal.url)
        data = head.jsonld[0]
        _require(
            data,
            "name",
            "url",
            "legislationIdentifier",
            "legislationDate",
            "legislationLegalForce",
            "legislationJurisdiction",
            "legislationType",
        )
        assert data["legislationIdentifier"] == "Peraturan Wali Kota Nomor 12 Tahun 2023"
        assert data["legislationDate"] == "2023-03-01"
        assert data["datePublished"] == "2023-03-02"
        assert data["legislationJurisdiction"] == {"@type": "AdministrativeArea", "name": "Kota Balikpapan"}
        changed = {item["url"] for item in data["legislationChanges"]}
        assert changed == {ROOT + perda.url, ROOT + self.site["revoked"].url, ROOT + self.site["partly"].url}
        assert {item["url"] for item in data["legislationAmends"]} == {ROOT + perda.url}
        assert {item["url"] for item in data["legislationRepeals"]} == {
            ROOT + self.site["revoked"].url,
            ROOT + self.site["partly"].url,
        }
        # The login-restricted regulation the Perwal names as related is not named in public.
        assert "citation" not in data
        assert "Rahasia" not in json.dumps(data)
        assert head.canonicals == [ROOT + perwal.url]
        assert perwal.url == "/peraturan/perwal/2023/12/"
        assert head.descriptions[0].startswith("Peraturan Wali Kota Nomor 12 Tahun 2023 tentang Standar")

    def test_regulation_names_its_pemrakarsa_only_when_public(self):
        perwal = self.site["perwal"]
        hidden_unit = self.site["hidden_unit"]
        for unit, named in ((self.site["unit"], True), (hidden_unit, False)):
            with self.subTest(unit.title):
                perwal.pemrakarsa = unit
                perwal.save_revision().publish()
                data = head_of(self.client, perwal.url).jsonld[0]
                assert ("legislationResponsible" in data) is named
                assert (unit.title in json.dumps(data)) is named

    def test_opd_is_a_government_organization(self):
        unit = self.site["unit"]
        head = head_of(self.client, unit.url)
        data = head.jsonld[0]
        assert data["@type"] == "GovernmentOrganization"
        _require(data, "name", "url", "address", "parentOrganization")
        assert data["alternateName"] == "Disdukcapil"
        assert data["telephone"] == "0542 123456"
        offered = [offer["itemOffered"]["name"] for offer in data["makesOffer"]]
        assert sorted(offered) == ["Izin Usaha Berbayar", "Penerbitan Kartu Keluarga"]
        assert head.descriptions == ["Melaksanakan urusan administrasi kependudukan dan pencatatan sipil."]

    def test_listings_are_collection_pages_of_public_items(self):
        listings = {
            "/peraturan/": 4,
            "/peraturan/perwal/": 3,
            "/peraturan/perwal/2023/": 1,
            "/opd/": 1,
            "/kategori/kependudukan/": 1,
            "/peristiwa/kelahiran/": 1,
        }
        for url, count in listings.items():
            with self.subTest(url):
                head = head_of(self.client, url)
                data = head.jsonld[0]
                assert data["@type"] == "CollectionPage"
                _require(data, "name", "url", "mainEntity")
                assert data["mainEntity"]["numberOfItems"] == count
                assert len(data["mainEntity"]["itemListElement"]) == count
                assert all(
                    item["url"].startswith(ROOT + "/") for item in data["mainEntity"]["itemListElement"]
                )
                assert head.canonicals == [ROOT + url]

    def test_search_transparency_and_open_data_pages(self):
        assert head_of(self.client, "/cari/?q=kartu").jsonld[0]["@type"] == "SearchResultsPage"
        assert head_of(self.client, "/cari/?q=kartu").canonicals == [f"{ROOT}/cari/"]
        assert head_of(self.client, "/transparansi/").jsonld[0]["@type"] == "WebPage"
        catalog = head_of(self.client, "/data-terbuka/").jsonld[0]
        assert catalog["@type"] == "DataCatalog"
        assert len(catalog["dataset"]) == 4
        assert all(
            dataset["license"].startswith("https://creativecommons.org/licenses/by/4.0")
            for dataset in catalog["dataset"]
        )

    def test_canonical_keeps_only_the_page_number(self):
        head = head_of(self.client, "/peraturan/?status=berlaku&page=1&utm_source=x")
        assert head.canonicals == [f"{ROOT}/peraturan/"]
        head = head_of(self.client, "/peraturan/?page=2")
        assert head.canonicals == [f"{ROOT}/peraturan/?page=2"]

    def test_editor_search_description_wins(self):
        service = self.site["service"]
        service.search_description = "Ringkasan untuk mesin pencari."
        service.save_revision().publish()
        assert head_of(self.client, service.url).descriptions == ["Ringkasan untuk mesin pencari."]


class TrimTests(SimpleTestCase):
    def test_trim_cuts_at_a_word(self):
        text = "kata " * 60
        cut = trim(text)
        assert len(cut) <= DESCRIPTION_LIMIT and cut.endswith("kata…")
        assert trim("  pendek \n sekali ") == "pendek sekali"


class StructuredDataQueryTests(TestCase):
    """The head's structured data reads what the page context already loaded: no query of its own."""

    @classmethod
    def setUpTestData(cls):
        cls.site = build_site()

    def _queries(self, url) -> int:
        self.client.get(url)  # warm per-process caches
        with CaptureQueriesContext(connection) as queries:
            assert self.client.get(url).status_code == 200
        return len(queries)

    def test_no_page_reads_more_for_its_head(self):
        urls = [
            "/",
            "/opd/",
            self.site["unit"].url,
            self.site["service"].url,
            "/peraturan/",
            "/peraturan/perwal/",
            self.site["perwal"].url,
            "/kategori/kependudukan/",
            "/cari/?q=kartu",
            "/transparansi/",
        ]
        with_head = {url: self._queries(url) for url in urls}
        blank = {kind: (lambda request, context: ("-", None)) for kind in opendata_tags.BUILDERS}
        with (
            mock.patch.dict(opendata_tags.BUILDERS, blank),
            mock.patch.object(opendata_tags, "canonical_url", lambda request: ""),
        ):
            without_head = {url: self._queries(url) for url in urls}
        assert with_head == without_head

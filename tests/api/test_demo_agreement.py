"""On the demo, the API and the public pages agree: the same counts and the same records.

The demo is loaded once for the class (``setUpTestData``, as tests/demo does) and rolled back after.
Each public page is read through its template context, so the comparison is with what a visitor sees.
"""

from django.core.cache import cache
from django.test import TestCase, override_settings

from registry.coverage.models import ServiceCoverage
from registry.demo.loader import load_demo
from registry.regulations.models import RegulationPage
from registry.services.models import PerangkatDaerahPage, ServicePage


def _all(client, path):
    """Every record of a paginated API list."""
    records, page = [], 1
    while True:
        payload = client.get(f"/api/v1/{path}", {"page": page, "page_size": 100}).json()
        records += payload["results"]
        if page >= payload["pages"]:
            return records
        page += 1


@override_settings(REGISTRY_API_RATE_LIMIT=100_000)
class DemoAgreementTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        load_demo(log=lambda line: None)

    def setUp(self):
        cache.clear()

    def test_opd_and_service_counts_match_the_opd_pages(self):
        units = _all(self.client, "opd/")
        index = self.client.get("/opd/")
        listed = {unit.pk: unit.service_count for _label, items in index.context["groups"] for unit in items}
        self.assertEqual({unit["id"]: unit["service_count"] for unit in units}, listed)
        services = _all(self.client, "services/")
        self.assertEqual(len(services), sum(listed.values()))
        self.assertGreaterEqual(len(services), 60)
        # Each OPD page lists exactly the services the API gives that OPD.
        for unit in units[:5]:
            page = self.client.get(unit["url"])
            on_page = [service.pk for service in page.context["services"]]
            in_api = [
                service["id"] for service in services if service["opd"] and service["opd"]["id"] == unit["id"]
            ]
            self.assertEqual(sorted(on_page), sorted(in_api), unit["title"])

    def test_regulation_counts_match_the_browser(self):
        regulations = _all(self.client, "regulations/")
        browse = self.client.get("/peraturan/")
        self.assertEqual(len(regulations), browse.context["paginator"].count)
        for row in browse.context["type_counts"]:
            count = self.client.get("/api/v1/regulations/", {"jenis": row["regulation_type__slug"]}).json()[
                "count"
            ]
            self.assertEqual(count, row["n"], row["regulation_type__slug"])
        # The first page is the browser's first page, in the same order.
        first = [page.pk for page in browse.context["regulations"]]
        self.assertEqual([item["id"] for item in regulations[: len(first)]], first)

    def test_a_sample_of_regulations_matches_their_pages(self):
        sample = RegulationPage.objects.live().filter(relations__isnull=False).distinct().order_by("pk")[:4]
        revoked = RegulationPage.objects.live().filter(status="dicabut").order_by("pk")[:2]
        for regulation in [*sample, *revoked]:
            record = self.client.get(f"/api/v1/regulations/{regulation.pk}").json()
            page = self.client.get(regulation.url)
            context = page.context
            self.assertEqual(record["url"], regulation.url)
            self.assertEqual(
                [rel["regulation"]["id"] for rel in record["relations"]],
                [rel.target_id for rel in context["outgoing_relations"]],
            )
            self.assertEqual(
                [rel["regulation"]["id"] for rel in record["incoming_relations"]],
                [rel.source_id for _label, rel in context["incoming_relations"]],
            )
            self.assertEqual(
                [service["id"] for service in record["services"]],
                [entry.service.pk for entry in context["linked_services"]],
            )
            self.assertEqual(
                [document["url"] for document in record["documents"]],
                [item["document"].url for item in context["files"]],
            )
            self.assertEqual(
                [node["anchor"] for node in record["articles"]], [n.anchor for n in context["articles"]]
            )
            jdih = {row.label: row.value for row in context["jdih_rows"]}
            self.assertEqual(record["nomor"], jdih["Nomor Peraturan"])
            self.assertEqual(record["sumber"], jdih["Sumber"])
            self.assertEqual(record["jdih_status"], jdih["Status"].split(" (")[0])

    def test_a_sample_of_services_matches_their_pages(self):
        for service in ServicePage.objects.live().order_by("pk")[::15][:5]:
            record = self.client.get(f"/api/v1/services/{service.pk}").json()
            context = self.client.get(service.url).context
            self.assertEqual(
                [item["text"] for item in record["requirements"]], [r.text for r in context["requirements"]]
            )
            self.assertEqual([step["title"] for step in record["steps"]], [s.title for s in context["steps"]])
            self.assertEqual(record["cost_display"], context["cost_display"])
            self.assertEqual(
                [(basis["regulation"]["id"], basis["provision"]) for basis in record["legal_bases"]],
                [(basis.regulation_id, basis.provision) for basis in context["legal_bases"]],
            )
            self.assertEqual([sop["nomor"] for sop in record["sops"]], [sop.nomor for sop in context["sops"]])

    def test_coverage_matches_the_transparency_page(self):
        api = self.client.get("/api/v1/coverage/").json()
        page = self.client.get("/transparansi/").context
        city = page["city"]
        for status in ("lengkap", "sebagian", "belum"):
            self.assertEqual(api["city"][status], getattr(city, status))
        self.assertEqual(api["city"]["total"], ServiceCoverage.objects.filter(live=True).count())
        per_opd = {scope.opd_id: scope.total for scope in page["per_opd"] if scope.opd_id}
        self.assertEqual({row["opd"]["id"]: row["total"] for row in api["opd"]}, per_opd)
        self.assertTrue(PerangkatDaerahPage.objects.filter(pk__in=per_opd).exists())

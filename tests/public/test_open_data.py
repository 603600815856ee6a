"""The "Data terbuka" page, its CSV/XLSX/JSON downloads with their data dictionary, and CPSV-AP.

On the small city of ``open_data_site``: public rows only, the same columns in every format, the
dictionary in every format, the licence and the date, text never turned into a formula. On the demo:
the downloads agree with the public pages (counts, and a sample of records opened on their pages).
"""

import csv
import io
import json

from django.test import TestCase
from openpyxl import load_workbook

from registry.demo.loader import load_demo
from registry.opendata.datasets import DATASETS
from registry.regulations.models import RegulationPage
from registry.services.models import ServicePage
from registry.visibility import public_pages

from .cpsv_profile import violations
from .open_data_site import build_site

FORMATS = ("csv", "xlsx", "json")


def read_download(client, slug, fmt):
    """(header, rows as dicts) of one download, whatever its format."""
    response = client.get(f"/data-terbuka/{slug}.{fmt}")
    assert response.status_code == 200, (slug, fmt)
    assert f'filename="{slug}-' in response["Content-Disposition"]
    if fmt == "csv":
        assert response.streaming
        text = b"".join(response.streaming_content).decode("utf-8")
        assert text.startswith("\ufeff")
        rows = list(csv.reader(io.StringIO(text[1:])))
        header = rows[0]
        return header, [dict(zip(header, row, strict=True)) for row in rows[1:]]
    if fmt == "xlsx":
        workbook = load_workbook(io.BytesIO(response.content))
        assert workbook.sheetnames == ["Data", "Kamus data"]
        rows = list(workbook["Data"].iter_rows(values_only=True))
        header = list(rows[0])
        return header, [
            {key: "" if value is None else str(value) for key, value in zip(header, row, strict=True)}
            for row in rows[1:]
        ]
    document = json.loads(response.content)
    header = [entry["kolom"] for entry in document["dictionary"]]
    return header, [
        {key: "" if value is None else str(value) for key, value in row.items()} for row in document["data"]
    ]


class OpenDataTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.site = build_site()

    def test_every_download_has_the_public_rows_in_every_format(self):
        public_service_ids = {str(page.pk) for page in self.site["public_services"]}
        public_regulation_ids = {str(page.pk) for page in self.site["public_regulations"]}
        expected = {
            ("layanan", "id"): public_service_ids,
            ("peraturan", "id"): public_regulation_ids,
            ("dasar-hukum", "layanan_id"): {str(self.site["service"].pk)},
            ("cakupan", "layanan_id"): public_service_ids,
        }
        for (slug, key), ids in expected.items():
            dataset = DATASETS[slug]
            for fmt in FORMATS:
                with self.subTest(slug=slug, fmt=fmt):
                    header, rows = read_download(self.client, slug, fmt)
                    assert header == [column.name for column in dataset.columns]
                    assert {row[key] for row in rows} == ids
                    assert len(rows) == dataset.count()
        # Legal bases: the two public regulations the service cites, not the restricted one.
        _header, rows = read_download(self.client, "dasar-hukum", "json")
        assert sorted(row["peraturan_id"] for row in rows) == sorted(
            [str(self.site["perwal"].pk), str(self.site["perda"].pk)]
        )
        assert any(row["url_peraturan"].endswith("/peraturan/perwal/2023/12/#pasal-5-ayat-2") for row in rows)

    def test_records_match_the_service_page(self):
        service = self.site["service"]
        _header, rows = read_download(self.client, "layanan", "json")
        row = next(row for row in rows if row["id"] == str(service.pk))
        assert row["nama"] == service.title
        assert row["url"] == "http://localhost" + service.url
        assert row["persyaratan"] == "Formulir F-1.01 | =1+2 (fotokopi)"
        assert row["jumlah_persyaratan"] == "2"
        assert row["biaya_jenis"] == "gratis"
        assert row["peristiwa_kehidupan"] == "Kelahiran"
        assert row["jangka_waktu"] == "3 hari kerja"
        html = self.client.get(service.url).content.decode()
        assert "Formulir F-1.01" in html and "3 hari kerja" in html

    def test_text_is_never_a_formula_in_xlsx(self):
        response = self.client.get("/data-terbuka/layanan.xlsx")
        sheet = load_workbook(io.BytesIO(response.content))["Data"]
        cells = [
            cell
            for row in sheet.iter_rows()
            for cell in row
            if cell.value == "Formulir F-1.01 | =1+2 (fotokopi)"
        ]
        assert cells and all(cell.data_type == "s" for cell in cells)
        header = [cell.value for cell in next(sheet.iter_rows())]
        column = header.index("persyaratan")
        values = [row[column].value for row in sheet.iter_rows(min_row=2)]
        assert "=1+2 (fotokopi)" not in values  # joined, not split into a formula cell

    def test_dictionary_in_every_format(self):
        dataset = DATASETS["peraturan"]
        names = [column.name for column in dataset.columns]
        document = json.loads(self.client.get("/data-terbuka/peraturan.json").content)
        assert [entry["kolom"] for entry in document["dictionary"]] == names
        assert all(entry["arti"] and entry["tipe"] for entry in document["dictionary"])
        assert document["lisensi"]["kode"] == "CC-BY-4.0"
        assert document["dibuat_pada"][:4].isdigit()
        workbook = load_workbook(io.BytesIO(self.client.get("/data-terbuka/peraturan.xlsx").content))
        sheet_rows = [row for row in workbook["Kamus data"].iter_rows(values_only=True) if row and row[0]]
        assert [row[0] for row in sheet_rows[-len(names) :]] == names
        assert any("CC BY 4.0" in str(row[1]) for row in sheet_rows)
        csv_response = self.client.get("/data-terbuka/peraturan.csv")
        assert (
            csv_response["Link"]
            == '<http://localhost/data-terbuka/peraturan-kamus.csv>; rel="describedby"; type="text/csv"'
        )
        sidecar = self.client.get("/data-terbuka/peraturan-kamus.csv").content.decode("utf-8-sig")
        sidecar_rows = list(csv.reader(io.StringIO(sidecar)))
        assert [row[0] for row in sidecar_rows[-len(names) :]] == names
        assert any("CC BY 4.0" in cell for row in sidecar_rows for cell in row)

    def test_page_shows_datasets_dictionary_licence_and_date(self):
        response = self.client.get("/data-terbuka/")
        assert response.status_code == 200
        html = response.content.decode()
        for dataset in DATASETS.values():
            assert f'href="http://localhost/data-terbuka/{dataset.slug}.csv"' in html
            assert f'href="http://localhost/data-terbuka/{dataset.slug}.xlsx"' in html
            assert f'href="http://localhost/data-terbuka/{dataset.slug}.json"' in html
            assert f'href="/data-terbuka/{dataset.slug}-kamus.csv"' in html
            for column in dataset.columns:
                assert f"<code>{column.name}</code>" in html
        assert "CC BY 4.0" in html and "https://creativecommons.org/licenses/by/4.0/deed.id" in html
        assert "dibuat pada" in html
        assert "Layanan Tertutup" not in html
        # Linked from the footer of every public page.
        assert 'href="/data-terbuka/"' in self.client.get("/").content.decode()

    def test_unknown_dataset_or_format_is_404(self):
        for url in (
            "/data-terbuka/rahasia.csv",
            "/data-terbuka/layanan.pdf",
            "/data-terbuka/rahasia-kamus.csv",
        ):
            with self.subTest(url):
                assert self.client.get(url).status_code == 404

    def test_cpsv_ap_export_conforms_to_the_profile(self):
        response = self.client.get("/data-terbuka/cpsv-ap.jsonld")
        assert response.status_code == 200
        assert response["Content-Type"].startswith("application/ld+json")
        document = json.loads(response.content)
        assert violations(document) == []
        services = [node for node in document["@graph"] if node["@type"] == "cpsv:PublicService"]
        assert {node["@id"] for node in services} == {
            "http://localhost" + page.url for page in self.site["public_services"]
        }
        service = next(
            node for node in services if node["dct:title"]["@value"] == "Penerbitan Kartu Keluarga"
        )
        assert [item["dct:title"]["@value"] for item in service["cv:holdsRequirement"]] == [
            "Formulir F-1.01",
            "=1+2 (fotokopi)",
        ]
        assert service["cv:processingTime"] == {"@value": "P3D", "@type": "xsd:duration"}
        assert service["cv:hasCost"]["cv:hasValue"] == {"@value": 0.0, "@type": "xsd:double"}
        assert len(service["cv:hasChannel"]) == 2
        legal = {ref["@id"] for ref in service["cv:hasLegalResource"]}
        perwal_url = "http://localhost" + self.site["perwal"].url
        assert legal == {perwal_url + "#pasal-5-ayat-2", "http://localhost" + self.site["perda"].url}
        assert "Rahasia" not in response.content.decode()
        authority = service["cv:hasCompetentAuthority"]["@id"]
        assert authority == "http://localhost" + self.site["unit"].url + "#organisasi"

    def test_the_profile_check_finds_what_is_missing(self):
        """The check is not vacuous: a service without its authority or with a typo fails it."""
        document = json.loads(self.client.get("/data-terbuka/cpsv-ap.jsonld").content)
        service = next(node for node in document["@graph"] if node["@type"] == "cpsv:PublicService")
        del service["cv:hasCompetentAuthority"]
        service["cv:hasCompetentAuthorty"] = {"@id": "x"}
        service["cv:processingTime"] = "3 hari"
        found = violations(document)
        assert any("missing cv:hasCompetentAuthority" in problem for problem in found)
        assert any("cv:hasCompetentAuthorty is not a property" in problem for problem in found)
        assert any("cv:processingTime must be typed xsd:duration" in problem for problem in found)


class DemoOpenDataTests(TestCase):
    """On the demo, the downloads agree with the public pages."""

    @classmethod
    def setUpTestData(cls):
        load_demo(log=lambda line: None)

    def test_counts_agree_with_the_public_pages(self):
        _header, services = read_download(self.client, "layanan", "json")
        _header, regulations = read_download(self.client, "peraturan", "csv")
        assert len(services) == public_pages(ServicePage.objects.all()).count() >= 60
        assert len(regulations) == public_pages(RegulationPage.objects.all()).count() >= 50
        # The regulation browser says how many regulations it lists (its JSON-LD item list).
        browse = self.client.get("/peraturan/").content.decode()
        listed = json.loads(
            browse.split('<script type="application/ld+json">', 1)[1].split("</script>", 1)[0]
        )
        assert listed["mainEntity"]["numberOfItems"] == len(regulations)
        # The transparency page counts the same services as the coverage download.
        _header, coverage = read_download(self.client, "cakupan", "xlsx")
        transparency = self.client.get("/transparansi/")
        assert transparency.context["city"].total == len(coverage)

    def test_a_sample_of_records_reads_the_same_on_its_page(self):
        _header, services = read_download(self.client, "layanan", "json")
        for row in services[:: max(1, len(services) // 6)]:
            with self.subTest(row["nama"]):
                html = self.client.get(row["url"].removeprefix("http://localhost")).content.decode()
                assert row["nama"] in html
                for requirement in filter(None, row["persyaratan"].split(" | ")):
                    assert (
                        requirement.replace("&", "&amp;").replace('"', "&quot;").replace("'", "&#x27;")
                        in html
                    )
        _header, regulations = read_download(self.client, "peraturan", "json")
        for row in regulations[:: max(1, len(regulations) // 6)]:
            with self.subTest(row["judul"]):
                response = self.client.get(row["url"].removeprefix("http://localhost"))
                assert response.status_code == 200
                page = response.context["page"]
                assert (page.pk, page.nomor, page.tahun, page.status) == (
                    int(row["id"]),
                    row["nomor"],
                    int(row["tahun"]),
                    row["status"],
                )

    def test_legal_bases_agree_with_the_service_pages(self):
        _header, bases = read_download(self.client, "dasar-hukum", "csv")
        assert bases
        by_service = {}
        for row in bases:
            by_service.setdefault(row["layanan_id"], []).append(row)
        for service_id in list(by_service)[:5]:
            with self.subTest(service_id):
                page = ServicePage.objects.get(pk=int(service_id))
                response = self.client.get(page.url)
                shown = {basis.regulation_id for basis in response.context["legal_bases"]}
                assert {int(row["peraturan_id"]) for row in by_service[service_id]} == shown

    def test_cpsv_ap_export_of_the_demo_conforms(self):
        document = json.loads(self.client.get("/data-terbuka/cpsv-ap.jsonld").content)
        assert violations(document) == []
        services = [node for node in document["@graph"] if node["@type"] == "cpsv:PublicService"]
        assert len(services) == public_pages(ServicePage.objects.all()).count()

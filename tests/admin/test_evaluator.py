"""The Evaluator reads everything (registers, exports, reference tables) and edits nothing."""

import csv
import io
import re

import openpyxl

from registry.regulations.models import RegulationType

from .base import RegistryAdminTestCase

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
REFERENCE_MODELS = ("regulations/regulationtype", "services/servicecategory", "services/lifeevent")


def csv_rows(response):
    """The rows of a streamed CSV export, as dicts keyed by the Indonesian headings."""
    return list(csv.DictReader(io.StringIO(b"".join(response.streaming_content).decode())))


class EvaluatorTests(RegistryAdminTestCase):
    """Read access everywhere, write access nowhere."""

    def setUp(self):
        self.client.force_login(self.evaluator)

    def test_opens_both_registers(self):
        """Both register listings answer 200."""
        for url in ("/admin/daftar-peraturan/", "/admin/daftar-layanan/"):
            with self.subTest(url=url):
                self.assertEqual(self.client.get(url).status_code, 200)

    def test_exports_the_regulation_register_as_csv(self):
        """The CSV export has Indonesian headings and the Perwal 7/2024 row."""
        response = self.client.get("/admin/daftar-peraturan/?export=csv")
        self.assertEqual(response["Content-Type"], "text/csv")
        perwal = next(row for row in csv_rows(response) if row["Nomor"] == "7")
        self.assertEqual(
            (perwal["Jenis"], perwal["Tahun"], perwal["Status"], perwal["Pemrakarsa"]),
            ("Peraturan Wali Kota", "2024", "Berlaku", self.disdukcapil.title),
        )

    def test_exports_the_service_register_as_csv(self):
        """The service CSV counts legal bases and filled components for each service."""
        response = self.client.get("/admin/daftar-layanan/?export=csv")
        self.assertEqual(response["Content-Type"], "text/csv")
        izin = next(row for row in csv_rows(response) if row["Nama layanan"] == "Izin Usaha")
        self.assertEqual(
            (izin["Jumlah dasar hukum"], izin["Komponen terisi (dari 14)"], izin["SOP ada"]),
            ("1", "1/14", "Tidak"),
        )

    def test_exports_both_registers_as_xlsx(self):
        """The XLSX exports are workbooks whose rows include a known page."""
        for url, title in (
            ("/admin/daftar-peraturan/?export=xlsx", self.perwal.title),
            ("/admin/daftar-layanan/?export=xlsx", "Akta Kelahiran"),
        ):
            with self.subTest(url=url):
                response = self.client.get(url)
                self.assertEqual(response["Content-Type"], XLSX)
                sheet = openpyxl.load_workbook(io.BytesIO(b"".join(response.streaming_content))).active
                self.assertIn(title, [row[0] for row in sheet.iter_rows(min_row=2, values_only=True)])

    def test_opens_the_reference_listings(self):
        """The reference snippet listings answer 200."""
        for model_path in REFERENCE_MODELS:
            with self.subTest(model=model_path):
                self.assertEqual(self.client.get(f"/admin/snippets/{model_path}/").status_code, 200)

    def test_sees_the_reference_menu_and_both_registers(self):
        """The sidebar offers "Referensi" with its three tables, and both registers."""
        html = self.client.get("/admin/").content.decode()
        for label in ("Referensi", "Jenis peraturan", "Kategori layanan", "Peristiwa kehidupan"):
            with self.subTest(label=label):
                self.assertIn(label, html)
        self.assertIn("/admin/daftar-peraturan/", html)
        self.assertIn("/admin/daftar-layanan/", html)

    def test_inspects_a_regulation_type(self):
        """The read-only inspect view of a regulation type answers 200."""
        kind = RegulationType.objects.get(code="PERWAL")
        response = self.client.get(f"/admin/snippets/regulations/regulationtype/inspect/{kind.pk}/")
        self.assertContains(response, "Peraturan Wali Kota")

    def test_cannot_edit_any_page(self):
        """Every page edit view is refused."""
        for page in (self.perwal, self.draft, self.akta, self.disdukcapil):
            with self.subTest(page=page.title):
                self.assertNotEqual(self.client.get(self.edit_url(page)).status_code, 200)

    def test_cannot_create_reference_entries(self):
        """The snippet add views are refused."""
        for model_path in REFERENCE_MODELS:
            with self.subTest(model=model_path):
                self.assertNotEqual(self.client.get(f"/admin/snippets/{model_path}/add/").status_code, 200)

    def test_cannot_upload_documents(self):
        """The single and multiple document upload views are refused."""
        for url in ("/admin/documents/add/", "/admin/documents/multiple/add/"):
            with self.subTest(url=url):
                self.assertNotEqual(self.client.get(url).status_code, 200)

    def test_rows_link_to_public_pages(self):
        """Live rows link to the public page, never to an edit view; the draft is listed unlinked."""
        html = self.client.get("/admin/daftar-peraturan/").content.decode()
        self.assertIn('href="/peraturan/perwal/2024/7/"', html)
        self.assertIsNone(re.search(r'href="/admin/pages/\d+/edit/"', html))
        self.assertIn("Rancangan", html)

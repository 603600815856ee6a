"""The demo says costs, conditions and forms honestly (issue #15, "wrong impressions").

The demo is loaded once for the class; pages, the search document and the API are read as the
public gets them.
"""

from io import BytesIO

from django.core.cache import cache
from django.test import TestCase
from pdfminer.high_level import extract_text
from wagtail.models import Revision

from registry.demo.loader import load_demo
from registry.regulations.models import RegulationDocument
from registry.services.models import ServiceForm, ServicePage, ServiceRequirement, ServiceTariff
from registry.services.search_indexing import service_documents


def _service(slug):
    return ServicePage.objects.live().get(slug=slug)


class ServiceAnswersDemoTests(TestCase):
    """Costs with their qualifier, conditional requirements and downloadable forms in the demo."""

    @classmethod
    def setUpTestData(cls):
        load_demo(log=lambda line: None)

    def setUp(self):
        cache.clear()

    def _summary(self, page):
        html = self.client.get(page.url).content.decode()
        start = html.index('class="service-summary"')
        return html[start : html.index("Di halaman ini", start)]

    def _api_cost(self, page):
        return self.client.get(f"/api/v1/services/{page.pk}").json()["cost_display"]

    def test_pbg_cost_is_an_example(self):
        """The PBG summary says its Rp 1.500.000 is an example ("contoh"), with the 100 m² house."""
        pbg = ServicePage.objects.live().get(title__startswith="Persetujuan Bangunan Gedung (PBG)")
        summary = self._summary(pbg)
        self.assertIn("contoh Rp 1.500.000", summary)
        self.assertIn("100 m²", summary)
        self.assertIn("contoh", self._api_cost(pbg))

    def test_reklame_is_not_free(self):
        """Pajak reklame is 25% by tariff: not "Gratis" on the page, in search or in the API."""
        reklame = _service("izin-reklame")
        summary = self._summary(reklame)
        self.assertNotIn("Gratis", summary)
        self.assertIn("Sesuai tarif: 25% dari nilai sewa reklame", summary)
        (document,) = service_documents(reklame)
        self.assertNotIn("Gratis", document.body)
        self.assertIn("25%", document.body)
        self.assertEqual(self._api_cost(reklame), "Sesuai tarif: 25% dari nilai sewa reklame")

    def test_the_reklame_tax_assessment_is_not_free_either(self):
        """The assessment of pajak reklame (BPPDRD) says the 25% tax, as the licence does."""
        assessment = _service("pajak-reklame")
        summary = self._summary(assessment)
        self.assertNotIn("Gratis", summary)
        self.assertIn("Sesuai tarif: 25% dari nilai sewa reklame", summary)
        self.assertEqual(self._api_cost(assessment), "Sesuai tarif: 25% dari nilai sewa reklame")

    def test_amounts_that_vary_say_so(self):
        """A hospital visit starts at the poliklinik ticket ("Mulai"); a rusunawa rent is one floor's ("contoh")."""
        rsud = ServicePage.objects.live().get(title__startswith="Pelayanan rawat jalan/inap RSUD")
        self.assertIn("Mulai Rp 50.000", self._summary(rsud))
        rusunawa = ServicePage.objects.live().get(title="Sewa rusunawa")
        self.assertIn("contoh Rp 350.000", self._summary(rusunawa))

    def test_no_service_says_free_while_its_note_names_a_charge(self):
        """No demo service shows a bare "Gratis" while its cost note names a rate, an amount or a tax."""
        from registry.services.cost import cost_display

        charge_words = ("%", "Rp", "pajak", "retribusi", "tarif")
        misleading = [
            page.title
            for page in ServicePage.objects.live()
            if cost_display(page) == "Gratis"
            and any(word in page.cost_note.lower() for word in map(str.lower, charge_words))
        ]
        self.assertEqual(misleading, [])

    def test_parking_is_a_tariff_table(self):
        """Parking shows motor Rp 2.000 and mobil Rp 4.000 in its table, the range on top."""
        parking = _service("parkir-tepi-jalan")
        rows = [(row.label, int(row.amount)) for row in parking.tariffs.all()]
        self.assertIn(("Sepeda motor", 2000), rows)
        self.assertIn(("Mobil penumpang", 4000), rows)
        self.assertIn("Sesuai tarif: Rp 2.000–Rp 6.000", self._summary(parking))

    def test_puskesmas_is_free_only_with_its_condition(self):
        """The puskesmas says for whom it is free, never a bare "Gratis"."""
        puskesmas = _service("pelayanan-puskesmas")
        self.assertIn("Gratis bagi peserta JKN dan penduduk Kota Balikpapan", self._summary(puskesmas))
        self.assertEqual(self._api_cost(puskesmas), "Gratis bagi peserta JKN dan penduduk Kota Balikpapan")

    def test_conditional_requirements_carry_their_condition(self):
        """The eleven "(untuk …)" requirements (and the JKN card) are conditional, none "Tidak wajib"."""
        conditional = ServiceRequirement.objects.exclude(condition="")
        self.assertGreaterEqual(conditional.count(), 11)
        self.assertFalse(ServiceRequirement.objects.filter(text__contains="(untuk").exists())
        self.assertFalse(ServiceRequirement.objects.filter(mandatory=False).exists())
        ktp = _service("ktp-el")
        html = self.client.get(ktp.url).content.decode()
        self.assertIn("Bersyarat: jika KTP-el hilang", html)
        self.assertNotIn("Tidak wajib", html)

    def test_named_forms_download_as_pdfs(self):
        """F-1.01, F-2.01 and SPOP are attached to their services and download as PDFs naming the form."""
        for slug, code in (
            ("kartu-keluarga", "F-1.01"),
            ("akta-kelahiran", "F-2.01"),
            ("akta-kematian", "F-2.01"),
            ("pbb-p2-pendaftaran", "SPOP"),
        ):
            form = _service(slug).forms.select_related("document").get(code=code)
            html = self.client.get(_service(slug).url).content.decode()
            self.assertIn(f'href="{form.document.url}"', html, slug)
            response = self.client.get(form.document.url)
            self.assertEqual(response.status_code, 200, slug)
            text = extract_text(BytesIO(b"".join(response.streaming_content)))
            self.assertIn(code, text, slug)

    def test_a_second_load_keeps_forms_and_tariffs(self):
        """Loading again creates no form, tariff, document or revision (the loader stays idempotent)."""

        def counts():
            return (
                ServiceForm.objects.count(),
                ServiceTariff.objects.count(),
                RegulationDocument.objects.count(),
                Revision.objects.count(),
            )

        before = counts()
        load_demo(log=lambda line: None)
        self.assertEqual(counts(), before)
        self.assertGreaterEqual(before[0], 4)

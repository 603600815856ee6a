"""The law as it stood on a date (#13 item 3), checked on the demo against hand-computed answers.

Facts of the demo data (registry/demo/data/*.toml) the answers are computed from:

* Perda 1/2024 (pengundangan 5 January 2024) revokes Perda 8/2011 and Perda 9/2011;
* Perwal 25/2020 (pengundangan 15 September 2020) revokes Perwal 8/2015;
* Perwal 21/2021 (pengundangan 8 June 2021) amends Perwal 13/2018;
* national regulations carry no dates, so they take effect on 1 January of their year: UU 23/2014
  revokes UU 32/2004, UU 1/2022 revokes UU 28/2009, UU 6/2023 amends four laws;
* 80 regulations date from 2022 or before; of 2023, PP 35, UU 6 and UU 17 (no dates, 1 January)
  took effect before 1 March 2023, Kepwal 188.45-118/2023 (27 March) and Perwal 18/2023 (9 May)
  after. Revoked by 1 March 2023: UU 32/2004, UU 28/2009, Perwal 8/2015. So 80 + 3 − 3 = 80
  regulations were in force on 1 March 2023, 9 of them amended ("diubah"). The demo has 97.
* uji KIR relies on Perda 8/2011 for its tariff (biaya) and on an SK Standar Pelayanan of
  4 October 2021 (three-year threshold); KTP-el's SK Standar Pelayanan and SOP decree are of
  22 January 2024.
"""

from datetime import date
from io import BytesIO

from django.contrib.auth.models import Permission
from django.core.cache import caches
from django.test import Client, TestCase, override_settings
from openpyxl import load_workbook

from registry.coverage import display, engine
from registry.demo.loader import load_demo
from registry.regulations import effective
from registry.regulations.choices import Status
from registry.regulations.models import RegulationPage
from registry.services.models import ServicePage
from tests.admin.base import make_user


def _reg(code, nomor, tahun):
    return RegulationPage.objects.get(regulation_type__code=code, nomor=nomor, tahun=tahun)


class AsOfDemoTests(TestCase):
    """The demo loaded once; every answer below was computed by hand from the data files."""

    @classmethod
    def setUpTestData(cls):
        load_demo(log=lambda line: None)
        cls.perda_8_2011 = _reg("PERDA", "8", 2011)
        cls.perwal_8_2015 = _reg("PERWAL", "8", 2015)
        cls.perwal_13_2018 = _reg("PERWAL", "13", 2018)
        cls.perwal_18_2023 = _reg("PERWAL", "18", 2023)
        cls.perwal_11_2025 = _reg("PERWAL", "11", 2025)
        cls.uji_kir = ServicePage.objects.get(slug="uji-kir")
        cls.ktp_el = ServicePage.objects.get(slug="ktp-el")
        cls.evaluator = make_user("penilai")
        cls.evaluator.user_permissions.add(
            Permission.objects.get(codename="access_admin"),
            Permission.objects.get(codename="view_servicecoverage"),
        )

    def _listed(self, on: str) -> tuple[int, set[int]]:
        response = self.client.get(f"/peraturan/?berlaku_pada={on}")
        self.assertEqual(response.status_code, 200)
        paginator = response.context["paginator"]
        return paginator.count, set(paginator.object_list.values_list("pk", flat=True))

    def test_list_in_force_on_1_march_2023(self):
        """80 regulations were in force on 1 March 2023; revoked and later ones are left out."""
        count, ids = self._listed("2023-03-01")
        self.assertEqual(count, 80)
        self.assertIn(self.perda_8_2011.pk, ids)
        self.assertNotIn(self.perwal_8_2015.pk, ids)
        self.assertNotIn(self.perwal_18_2023.pk, ids)
        self.assertNotIn(_reg("UU", "32", 2004).pk, ids)
        self.assertIn(_reg("UU", "6", 2023).pk, ids)
        statuses = effective.statuses_on(ids, date(2023, 3, 1))
        self.assertEqual(sum(1 for status in statuses.values() if status == Status.DIUBAH), 9)
        html = self.client.get("/peraturan/?berlaku_pada=2023-03-01").content.decode()
        self.assertIn("80 peraturan berlaku pada 1 Maret 2023", html)

    def test_revocation_dates_decide_the_list(self):
        """Perda 8/2011 is listed on 4 January 2024, not on the 5th; Perwal 8/2015 until 14 September 2020."""
        self.assertIn(self.perda_8_2011.pk, self._listed("2024-01-04")[1])
        self.assertNotIn(self.perda_8_2011.pk, self._listed("2024-01-05")[1])
        self.assertIn(self.perwal_8_2015.pk, self._listed("2020-09-14")[1])
        self.assertNotIn(self.perwal_8_2015.pk, self._listed("2020-09-15")[1])

    def test_list_badges_show_the_status_on_that_date(self):
        """Perwal 13/2018 reads "Berlaku" on 7 June 2021 and "Berlaku, telah diubah" on the 8th."""
        before = self.client.get("/peraturan/perwal/?tahun=2018&berlaku_pada=2021-06-07").content.decode()
        after = self.client.get("/peraturan/perwal/?tahun=2018&berlaku_pada=2021-06-08").content.decode()
        self.assertIn('badge--berlaku">Berlaku</span>', before)
        self.assertNotIn("badge--diubah", before)
        self.assertIn('badge--diubah">Berlaku, telah diubah</span>', after)

    def test_regulation_page_says_its_status_then(self):
        """Perda 8/2011 was berlaku on 1 March 2023, announced as revoked from 5 January 2024."""
        html = self.client.get(f"{self.perda_8_2011.url}?berlaku_pada=2023-03-01").content.decode()
        self.assertIn("Status pada 1 Maret 2023: Berlaku", html)
        self.assertIn("Akan dicabut mulai 5 Januari 2024 oleh", html)
        today = self.client.get(self.perda_8_2011.url).content.decode()
        self.assertIn("Dicabut oleh", today)
        self.assertNotIn("Status pada", today)
        later = self.client.get(f"{self.perwal_11_2025.url}?berlaku_pada=2023-03-01").content.decode()
        self.assertIn("Status pada 1 Maret 2023: Belum berlaku", later)

    def test_invalid_date_is_explained_not_a_500(self):
        """A malformed date answers 200 with an Indonesian message, and the filter is not applied."""
        response = self.client.get("/peraturan/?berlaku_pada=2023-02-30")
        self.assertEqual(response.status_code, 200)
        self.assertIn("tidak dikenali", response.content.decode())
        self.assertEqual(response.context["paginator"].count, 97)
        page = self.client.get(f"{self.perda_8_2011.url}?berlaku_pada=1-3-2023")
        self.assertEqual(page.status_code, 200)
        self.assertIn("TTTT-BB-HH", page.content.decode())

    def test_service_legal_basis_as_of_a_date(self):
        """Uji KIR's tariff Perda 8/2011 reads "Berlaku" as of 4 January 2024 and "Dicabut" today."""
        html = self.client.get(f"{self.uji_kir.url}?berlaku_pada=2024-01-04").content.decode()
        self.assertIn("Dasar hukum sebagaimana berlaku pada 4 Januari 2024", html)
        section = html[html.index('id="dasar-hukum"') :]
        self.assertNotIn("badge--dicabut", section[: section.index("</section>")])
        today = self.client.get(self.uji_kir.url).content.decode()
        section = today[today.index('id="dasar-hukum"') :]
        self.assertIn("badge--dicabut", section[: section.index("</section>")])

    def test_coverage_as_of_a_date(self):
        """Uji KIR: no revoked basis on 4 January 2024, revoked from the 5th; KTP-el lacks its SK until 22 January.

        Both cite a Pasal of a national law whose text the demo does not hold (BASIS_TEXT_MISSING).
        """

        def computed(service, on):
            coverages, findings, _statuses = engine.compute_as_of(on, [service.pk])
            # The rules that fire (BASIS_TEXT_MISSING fires once per regulation without text, and in a
            # TestCase the demo PDFs are not extracted, so their number varies with the setup).
            return coverages[0].status, sorted({finding.code for finding in findings})

        # No DELEGATION_OPEN: Uji KIR's bases (UU 22/2009, PP 55/2012, Perda 8/2011) carry no
        # "diatur dengan Peraturan Wali Kota" clause, and open delegations come from the text only.
        self.assertEqual(
            computed(self.uji_kir, date(2024, 1, 4)),
            ("sebagian", ["BASIS_TEXT_MISSING", "NO_SOP", "SP_INCOMPLETE", "SP_NOT_PUBLISHED"]),
        )
        self.assertEqual(
            computed(self.uji_kir, date(2024, 1, 5)),
            (
                "belum",
                [
                    "BASIS_REVOKED",
                    "BASIS_TEXT_MISSING",
                    "COST_UNSOURCED",
                    "NO_SOP",
                    "SP_INCOMPLETE",
                    "SP_NOT_PUBLISHED",
                ],
            ),
        )
        # BASIS_TEXT_MISSING throughout: KTP-el cites Pasal 63 of UU 23/2006, whose text the demo lacks.
        self.assertEqual(
            computed(self.ktp_el, date(2024, 1, 21)), ("belum", ["BASIS_TEXT_MISSING", "NO_SK_SP"])
        )
        self.assertEqual(computed(self.ktp_el, date(2024, 1, 22)), ("sebagian", ["BASIS_TEXT_MISSING"]))

    def test_evidence_pack_for_a_past_assessment_date(self):
        """The XLSX of 4 January 2024 gives uji KIR "sebagian" and Perda 8/2011 "Berlaku"."""
        self.client.force_login(self.evaluator)
        response = self.client.get("/admin/cakupan/data-dukung.xlsx?tanggal=2024-01-04")
        self.assertEqual(response.status_code, 200)
        self.assertIn("data-dukung-spbe-2024-01-04.xlsx", response["Content-Disposition"])
        workbook = load_workbook(BytesIO(response.content))
        services = {row[2]: row for row in workbook["Layanan"].iter_rows(min_row=5, values_only=True)}
        self.assertEqual(services[self.uji_kir.title][3], display.status_label("sebagian"))
        self.assertEqual(services[self.ktp_el.title][3], display.status_label("belum"))
        bases = [
            row
            for row in workbook["Dasar hukum"].iter_rows(min_row=5, values_only=True)
            if row[1] == self.uji_kir.title and row[3] == "Peraturan Daerah" and row[4] == "8"
        ]
        self.assertEqual([row[8] for row in bases], ["Berlaku"])
        printed = self.client.get("/admin/cakupan/data-dukung/?tanggal=2024-01-04").content.decode()
        self.assertIn("4 Januari 2024", printed)
        bad = self.client.get("/admin/cakupan/data-dukung/?tanggal=kemarin")
        self.assertEqual(bad.status_code, 400)
        self.assertIn("TTTT-BB-HH", bad.content.decode())

    @override_settings(REGISTRY_PAGE_CACHE=True)
    def test_page_cache_keeps_the_date_apart(self):
        """A cached /peraturan/?berlaku_pada= page is never served for the plain URL, nor the reverse."""
        caches["pages"].clear()
        try:
            plain = Client().get("/peraturan/")
            self.assertEqual(plain.context["paginator"].count, 97)
            self.assertEqual(Client().get("/peraturan/")["X-Page-Cache"], "hit")
            dated = Client().get("/peraturan/?berlaku_pada=2023-03-01")
            self.assertNotEqual(dated["X-Page-Cache"], "hit")
            self.assertIn("80 peraturan berlaku pada 1 Maret 2023", dated.content.decode())
            again = Client().get("/peraturan/")
            self.assertEqual(again["X-Page-Cache"], "hit")
            self.assertNotIn("berlaku pada 1 Maret 2023", again.content.decode())
        finally:
            caches["pages"].clear()

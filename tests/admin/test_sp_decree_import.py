"""Services from an SK Standar Pelayanan PDF in the admin: upload, proposals, confirm; roles and bad PDFs."""

from django.core.files.uploadedfile import SimpleUploadedFile

from registry.reference.services import ROLE_SK_SP
from registry.services.models import ServicePage
from registry.services.sp_decree_views import SESSION_KEY
from tests import factories

from .base import RegistryAdminTestCase

UPLOAD_URL = "/admin/services/impor/sk-standar-pelayanan/"
CONFIRM_URL = "/admin/services/impor/sk-standar-pelayanan/konfirmasi/"


def corpus_pdf(corpus_dir, relative):
    path = corpus_dir / relative
    return SimpleUploadedFile(path.name, path.read_bytes(), content_type="application/pdf")


class SpDecreeImportTests(RegistryAdminTestCase):
    def setUp(self):
        from tests.conftest import CORPUS_DIR

        if not CORPUS_DIR.is_dir():
            self.skipTest("Korpus tidak ditemukan (../shared/corpus)")
        self.corpus = CORPUS_DIR

    def upload(self, relative, unit):
        return self.client.post(UPLOAD_URL, {"berkas": corpus_pdf(self.corpus, relative), "opd": unit.pk})

    def test_legal_bureau_journey_creates_a_draft_with_the_ticked_components(self):
        self.client.force_login(self.legal_user)
        self.assertContains(self.client.get(UPLOAD_URL), "Baca PDF")
        proposal = self.upload("real/pdf/agam__bidan.pdf", self.dpmptsp)
        self.assertContains(proposal, "Izin Praktik Bidan")
        self.assertContains(proposal, "Surat izin atasan")
        self.assertContains(proposal, "Berupa diagram alur")
        self.assertContains(proposal, "belum ada di registri")
        token = self.client.session[SESSION_KEY]["token"]
        before = ServicePage.objects.count()
        done = self.client.post(
            CONFIRM_URL,
            {
                "token": token,
                "service-0": "on",
                "title-0": "Izin Praktik Bidan",
                "component-0-persyaratan": "on",
                "component-0-waktu": "on",
                "component-0-produk": "on",
            },
        )
        self.assertContains(done, "Impor selesai")
        self.assertEqual(ServicePage.objects.count(), before + 1)
        page = ServicePage.objects.get(title="Izin Praktik Bidan")
        self.assertFalse(page.live)
        self.assertEqual(page.get_parent().specific, self.dpmptsp)
        self.assertEqual(page.requirements.count(), 18)
        self.assertEqual(page.requirements.first().text, "Surat permohonan diatas meterai 6000")
        self.assertEqual((page.time_value, page.time_unit), (5, "hari_kerja"))
        self.assertEqual(page.product, "Surat Izin Praktik Bidan")
        self.assertEqual(page.cost_note, "")  # biaya was not ticked
        self.assertFalse(page.legal_bases.exists())
        self.assertNotIn(SESSION_KEY, self.client.session)

    def test_existing_decree_becomes_the_sk_standar_pelayanan(self):
        decree = factories.regulation(
            "KEP_KEPALA_PD", nomor="SP-PZ-84", tahun=2018, tentang="Standar Pelayanan Izin Praktik Bidan"
        )
        self.client.force_login(self.legal_user)
        proposal = self.upload("real/pdf/agam__bidan.pdf", self.dpmptsp)
        self.assertContains(proposal, "sebagai SK Standar Pelayanan")
        token = self.client.session[SESSION_KEY]["token"]
        self.client.post(CONFIRM_URL, {"token": token, "service-0": "on", "component-0-biaya": "on"})
        page = ServicePage.objects.get(title="Izin Praktik Bidan")
        basis = page.legal_bases.get()
        self.assertEqual((basis.regulation_id, basis.role), (decree.pk, ROLE_SK_SP))
        self.assertTrue(page.cost_note.startswith("Berbayar (Sesuai Peraturan Daerah Nomor 15"))
        self.assertEqual(page.requirements.count(), 0)

    def test_existing_service_gets_a_revision_of_the_ticked_components_only(self):
        self.client.force_login(self.opd_editor)
        akta = self.akta
        self.upload("real/pdf/agam__sumbangan.pdf", self.disdukcapil)
        token = self.client.session[SESSION_KEY]["token"]
        self.client.post(
            CONFIRM_URL,
            {"token": token, "service-0": "on", "title-0": akta.title, "component-0-waktu": "on"},
        )
        akta.refresh_from_db()
        latest = akta.get_latest_revision_as_object()
        self.assertEqual((latest.time_value, latest.time_unit), (5, "hari_kerja"))
        self.assertEqual(latest.product, akta.product)  # not ticked: unchanged
        self.assertTrue(akta.live)

    def test_opd_editor_only_into_own_opd(self):
        self.client.force_login(self.opd_editor)
        page = self.client.get(UPLOAD_URL)
        self.assertContains(page, self.disdukcapil.title)
        self.assertNotContains(page, self.dpmptsp.title)
        refused = self.upload("real/pdf/agam__bidan.pdf", self.dpmptsp)
        self.assertContains(refused, "error-message")
        self.assertNotIn(SESSION_KEY, self.client.session)
        self.assertFalse(ServicePage.objects.filter(title="Izin Praktik Bidan").exists())

    def test_evaluator_and_anonymous_are_refused(self):
        self.client.force_login(self.evaluator)
        self.assertIn(self.client.get(UPLOAD_URL).status_code, (302, 403))
        self.assertIn(self.client.post(CONFIRM_URL, {"token": "x"}).status_code, (302, 403))
        self.assertNotContains(self.client.get("/admin/"), UPLOAD_URL)
        self.client.logout()
        self.assertEqual(self.client.get(UPLOAD_URL).status_code, 302)

    def test_bad_pdfs_get_indonesian_errors(self):
        self.client.force_login(self.legal_user)
        encrypted = self.upload("robustness/encryption/aes-128.pdf", self.disdukcapil)
        self.assertContains(encrypted, "PDF tidak dapat dibaca")
        corrupt = self.upload("robustness/zen_of_python_corrupted.pdf", self.disdukcapil)
        self.assertContains(corrupt, "error-message")
        not_pdf = self.client.post(
            UPLOAD_URL,
            {"berkas": SimpleUploadedFile("sk.pdf", b"<html>bukan</html>"), "opd": self.disdukcapil.pk},
        )
        self.assertContains(not_pdf, "bukan PDF")
        form = self.upload("real/pdf/agam__tdp.pdf", self.disdukcapil)
        self.assertContains(form, "Tidak ditemukan komponen Standar Pelayanan")
        self.assertNotIn(SESSION_KEY, self.client.session)

    def test_stale_token_writes_nothing(self):
        self.client.force_login(self.legal_user)
        self.upload("real/pdf/agam__bidan.pdf", self.dpmptsp)
        response = self.client.post(CONFIRM_URL, {"token": "lama", "service-0": "on"})
        self.assertEqual(response.status_code, 302)
        self.assertFalse(ServicePage.objects.filter(title="Izin Praktik Bidan").exists())


class SpDecreeCommandTests(RegistryAdminTestCase):
    """``manage.py import_sp_decree``: the same reading and writing as the admin, without the review."""

    def setUp(self):
        from tests.conftest import CORPUS_DIR

        if not CORPUS_DIR.is_dir():
            self.skipTest("Korpus tidak ditemukan (../shared/corpus)")
        self.pdf = CORPUS_DIR / "real/pdf/agam__bidan.pdf"

    def run_command(self, *args):
        from io import StringIO

        from django.core.management import call_command

        out = StringIO()
        call_command("import_sp_decree", str(self.pdf), "--opd", "dpmptsp", *args, stdout=out)
        return out.getvalue()

    def test_dry_run_reports_and_writes_nothing_then_the_real_run_creates_a_draft(self):
        before = ServicePage.objects.count()
        report = self.run_command("--dry-run")
        self.assertIn("Izin Praktik Bidan", report)
        self.assertIn("belum ada di registri", report)
        self.assertEqual(ServicePage.objects.count(), before)

        self.run_command()
        self.assertEqual(ServicePage.objects.count(), before + 1)
        page = ServicePage.objects.get(title="Izin Praktik Bidan")
        self.assertFalse(page.live)
        self.assertEqual(page.get_parent().specific, self.dpmptsp)
        self.assertEqual(page.requirements.count(), 18)

    def test_unknown_opd_and_missing_file_are_clear_errors(self):
        from django.core.management import CommandError, call_command

        with self.assertRaisesMessage(CommandError, "tidak ditemukan"):
            call_command("import_sp_decree", str(self.pdf), "--opd", "tidak-ada")
        with self.assertRaisesMessage(CommandError, "Berkas tidak ditemukan"):
            call_command("import_sp_decree", "/tmp/tidak-ada.pdf", "--opd", "dpmptsp")

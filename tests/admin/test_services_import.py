"""The services sheet import in the admin: template, upload, dry-run report, confirm; roles."""

import io

from django.core.files.uploadedfile import SimpleUploadedFile
from openpyxl import load_workbook

from registry.services.import_views import SESSION_KEY
from registry.services.models import ServicePage
from tests.services.test_import_services import HEADER, csv_bytes, row

from .base import RegistryAdminTestCase

UPLOAD_URL = "/admin/services/impor/"
CONFIRM_URL = "/admin/services/impor/konfirmasi/"
TEMPLATE_URL = "/admin/services/impor/templat/"


def sheet(*rows, name="layanan.csv"):
    return SimpleUploadedFile(name, csv_bytes(*rows), content_type="text/csv")


class ServicesImportJourneyTests(RegistryAdminTestCase):
    def rows(self):
        return (
            row(
                title="Akta Kematian", dasar_hukum="Perwal No. 7 Tahun 2024 Pasal 3\nPerda No. 77 Tahun 2020"
            ),
            row(title="Akta Kelahiran", biaya="Rp 10.000"),
            row(opd="dpmptsp", title="Izin Reklame", waktu="Sesuai antrean"),
        )

    def test_legal_bureau_journey(self):
        self.client.force_login(self.legal_user)
        page = self.client.get(UPLOAD_URL)
        self.assertContains(page, "Unduh templat")
        self.assertContains(page, TEMPLATE_URL)

        template = self.client.get(TEMPLATE_URL)
        self.assertEqual(
            template["Content-Type"].split(";")[0],
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        )
        self.assertIn("attachment", template["Content-Disposition"])
        header = [c.value for c in load_workbook(io.BytesIO(template.content)).active[1]]
        self.assertEqual(header, HEADER)

        before = ServicePage.objects.count()
        dry = self.client.post(UPLOAD_URL, {"berkas": sheet(*self.rows())})
        self.assertContains(dry, "Hasil uji coba")
        self.assertContains(dry, "2 layanan dibuat, 1 diperbarui, 0 tidak berubah")
        self.assertContains(dry, "Perda No. 77 Tahun 2020")  # unresolved basis kept visible
        self.assertContains(dry, "Konfirmasi dan impor")
        self.assertEqual(ServicePage.objects.count(), before)
        token = self.client.session[SESSION_KEY]["token"]
        self.assertNotContains(dry, "base64")  # the file stays in the session, not in the form

        done = self.client.post(CONFIRM_URL, {"token": token})
        self.assertContains(done, "Impor selesai")
        self.assertEqual(ServicePage.objects.count(), before + 2)
        kematian = ServicePage.objects.get(title="Akta Kematian")
        self.assertFalse(kematian.live)
        self.assertContains(done, f"/admin/pages/{kematian.pk}/edit/")
        bases = kematian.get_latest_revision_as_object().legal_bases.all()
        self.assertEqual([(b.regulation_id, b.provision) for b in bases], [(self.perwal.pk, "Pasal 3")])
        self.akta.refresh_from_db()
        self.assertTrue(self.akta.live and self.akta.has_unpublished_changes)
        self.assertNotIn(SESSION_KEY, self.client.session)

        # Confirming twice does nothing; uploading the same sheet again changes nothing.
        again = self.client.post(CONFIRM_URL, {"token": token})
        self.assertRedirects(again, UPLOAD_URL)
        second = self.client.post(UPLOAD_URL, {"berkas": sheet(*self.rows())})
        self.assertContains(second, "0 layanan dibuat, 0 diperbarui, 3 tidak berubah")

    def test_row_errors_block_the_import(self):
        self.client.force_login(self.legal_user)
        response = self.client.post(
            UPLOAD_URL, {"berkas": sheet(row(title="Akta Kematian"), row(opd="Dinas Antah", title="X"))}
        )
        self.assertContains(response, "tidak ada layanan yang diimpor")
        self.assertContains(response, "Dinas Antah")
        self.assertContains(response, "kolom OPD")
        self.assertNotContains(response, "Konfirmasi dan impor")
        self.assertNotIn(SESSION_KEY, self.client.session)
        self.assertFalse(ServicePage.objects.filter(title="Akta Kematian").exists())

    def test_wrong_file_type_and_stale_token(self):
        self.client.force_login(self.legal_user)
        response = self.client.post(UPLOAD_URL, {"berkas": SimpleUploadedFile("a.pdf", b"%PDF")})
        self.assertContains(response, "Unggah berkas .xlsx atau .csv.")
        response = self.client.post(CONFIRM_URL, {"token": "palsu"})
        self.assertRedirects(response, UPLOAD_URL)

    def test_opd_editor_imports_into_own_opd_only(self):
        self.client.force_login(self.opd_editor)
        page = self.client.get(UPLOAD_URL)
        self.assertContains(page, "Anda dapat mengimpor layanan untuk:")
        self.assertContains(page, self.disdukcapil.title)
        refused = self.client.post(UPLOAD_URL, {"berkas": sheet(row(opd="DPMPTSP", title="Izin Baru"))})
        self.assertContains(refused, "Anda tidak berhak mengubah layanan")
        self.assertNotContains(refused, "Konfirmasi dan impor")
        self.client.post(UPLOAD_URL, {"berkas": sheet(row(title="Akta Kematian"))})
        token = self.client.session[SESSION_KEY]["token"]
        self.assertContains(self.client.post(CONFIRM_URL, {"token": token}), "Impor selesai")
        self.assertEqual(ServicePage.objects.get(title="Akta Kematian").opd_id, self.disdukcapil.pk)

    def test_evaluator_and_anonymous_are_refused(self):
        self.client.force_login(self.evaluator)
        for url in (UPLOAD_URL, TEMPLATE_URL):
            self.assertIn(self.client.get(url).status_code, (302, 403))
        self.client.logout()
        self.assertEqual(self.client.get(UPLOAD_URL).status_code, 302)

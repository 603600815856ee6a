"""The JDIHN import in the admin: upload, dry-run report, confirm; and the proposals it leaves."""

import json

from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile

from registry.regulations.choices import RelationKind, Status
from registry.regulations.models import ImportProposal, ImportRun, RegulationPage, RegulationRelation
from tests.regulations.test_import_jdihn_mapping import feed_record

from .base import RegistryAdminTestCase, make_user

UPLOAD_URL = "/admin/regulations/impor-jdihn/"
PROPOSALS_URL = "/admin/regulations/impor-jdihn/usulan/"


def feed_file(records, name="jdihn.json"):
    return SimpleUploadedFile(name, json.dumps(records).encode(), content_type="application/json")


def records():
    """Three new regulations (one amending the fixture's old Perda, one not in force) and a duplicate."""
    return [
        feed_record(
            idData="11",
            noPeraturan="11",
            tahun_pengundangan="2024",
            judul="Peraturan Wali Kota Balikpapan Nomor 11 Tahun 2024 tentang Pelayanan Izin Reklame",
            tanggal_penetapan="2024-02-01",
            tanggal_pengundangan="2024-02-02",
            sumber="BD Kota Balikpapan 2024 (11): 8 hlm",
        ),
        feed_record(
            idData="11-lagi", noPeraturan="11", tahun_pengundangan="2024", judul="PERWAL NO. 11 TAHUN 2024"
        ),
        feed_record(
            idData="12",
            jenis="Peraturan Daerah",
            singkatanJenis="PERDA",
            noPeraturan="5",
            tahun_pengundangan="2024",
            judul="Peraturan Daerah Kota Balikpapan Nomor 5 Tahun 2024 tentang Perubahan atas Peraturan Daerah "
            "Nomor 3 Tahun 2019 tentang Retribusi Lama",
            tanggal_penetapan="2024-03-01",
            tanggal_pengundangan="2024-03-02",
            sumber="LD Kota Balikpapan 2024 (5), TLD (21)",
        ),
        feed_record(
            idData="13",
            noPeraturan="2",
            tahun_pengundangan="2015",
            judul="Peraturan Walikota Balikpapan Nomor 2 Tahun 2015 tentang Tarif Lama",
            tanggal_penetapan="2015-01-05",
            tanggal_pengundangan="2015-01-06",
            status="Tidak Berlaku",
        ),
    ]


class JdihnImportJourneyTests(RegistryAdminTestCase):
    """An administrator uploads a feed, reads the dry run, confirms (publishing), and reviews the proposals.

    Publishing directly is an administrator's act since the review workflows: the legal bureau's
    imports arrive as drafts (JdihnImportByLegalBureauTests).
    """

    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.importer = get_user_model().objects.create_superuser("admin", "admin@example.test", "sandi")

    def setUp(self):
        self.client.force_login(self.importer)

    def upload(self, data=None, **options):
        return self.client.post(
            UPLOAD_URL, {"berkas": feed_file(data or records()), "wilayah": "", **options}
        )

    def test_upload_dry_run_confirm_and_result(self):
        before = RegulationPage.objects.count()
        form = self.client.get(UPLOAD_URL)
        self.assertContains(form, "Impor peraturan dari umpan JDIHN")
        self.assertContains(form, "Impor JDIHN")  # the menu item

        dry = self.upload()
        self.assertContains(dry, "Hasil uji coba (belum ada yang ditulis)")
        self.assertContains(dry, "akan dibuat", count=3)
        self.assertContains(dry, "Duplikat catatan #1")
        self.assertContains(dry, "diusulkan sebagai hubungan untuk ditinjau Bagian Hukum")
        self.assertEqual(RegulationPage.objects.count(), before)
        run = ImportRun.objects.get()
        self.assertEqual((run.state, run.user), (ImportRun.State.STAGED, self.importer))
        self.assertIn("Pelayanan Izin Reklame", run.payload)
        # The feed waits on the server; the confirmation form carries nothing but the run's URL.
        self.assertNotContains(dry, 'name="payload"')
        self.assertContains(dry, f'action="{UPLOAD_URL}{run.pk}/konfirmasi/"')

        done = self.client.post(f"{UPLOAD_URL}{run.pk}/konfirmasi/")
        self.assertRedirects(done, f"{UPLOAD_URL}{run.pk}/")
        self.assertEqual(RegulationPage.objects.count(), before + 3)
        run.refresh_from_db()
        self.assertEqual((run.state, run.payload, run.counts["created"]), (ImportRun.State.DONE, "", 3))
        created = RegulationPage.objects.get(nomor="11", tahun=2024)
        self.assertTrue(created.live)
        self.assertEqual((created.nomor_lembaran, created.jumlah_halaman), ("11", 8))
        result = self.client.get(f"{UPLOAD_URL}{run.pk}/")
        self.assertContains(result, "Pelayanan Izin Reklame")
        self.assertContains(result, "Tinjau 2 usulan hubungan/status")

        again = self.client.post(f"{UPLOAD_URL}{run.pk}/konfirmasi/", follow=True)
        self.assertContains(again, "Impor ini sudah dijalankan.")
        self.assertEqual(RegulationPage.objects.count(), before + 3)

        second = self.upload()
        self.assertContains(second, "dibuat 0, diperbarui 0, tidak berubah 3")

    def test_proposals_are_applied_or_rejected_by_the_legal_bureau(self):
        self.upload()
        self.client.post(f"{UPLOAD_URL}{ImportRun.objects.get().pk}/konfirmasi/")
        page = self.client.get(PROPOSALS_URL)
        self.assertContains(page, "Mengubah")
        self.assertContains(page, self.old_perda.title)
        status = ImportProposal.objects.get(kind=ImportProposal.Kind.STATUS)
        relation = ImportProposal.objects.get(kind=ImportProposal.Kind.RELATION)

        response = self.client.post(
            PROPOSALS_URL, {"proposal": [status.pk, relation.pk], "action": "apply", "publish": "1"}
        )
        self.assertRedirects(response, PROPOSALS_URL)
        amending = RegulationPage.objects.get(nomor="5", tahun=2024)
        self.assertTrue(
            RegulationRelation.objects.filter(
                source=amending, target=self.old_perda, kind=RelationKind.MENGUBAH
            ).exists()
        )
        self.assertEqual(RegulationPage.objects.get(nomor="2", tahun=2015).status, Status.TIDAK_BERLAKU)
        self.assertEqual(set(ImportProposal.objects.values_list("state", flat=True)), {"applied"})
        self.assertContains(self.client.get(PROPOSALS_URL), "Tidak ada usulan yang menunggu tinjauan.")

    def test_a_proposal_can_be_rejected_and_is_not_proposed_again(self):
        self.upload()
        run = ImportRun.objects.get()
        self.client.post(f"{UPLOAD_URL}{run.pk}/konfirmasi/")
        status = ImportProposal.objects.get(kind=ImportProposal.Kind.STATUS)
        self.client.post(PROPOSALS_URL, {"proposal": [status.pk], "action": "reject"})
        status.refresh_from_db()
        self.assertEqual((status.state, status.decided_by), (ImportProposal.State.REJECTED, self.importer))
        self.assertEqual(RegulationPage.objects.get(nomor="2", tahun=2015).status, Status.BERLAKU)
        self.upload()
        self.client.post(f"{UPLOAD_URL}{ImportRun.objects.filter(state='staged').get().pk}/konfirmasi/")
        self.assertEqual(ImportProposal.objects.filter(kind=ImportProposal.Kind.STATUS).count(), 1)

    def test_a_broken_file_is_refused_with_the_reason(self):
        response = self.client.post(
            UPLOAD_URL, {"berkas": SimpleUploadedFile("x.json", b"[{"), "wilayah": ""}
        )
        self.assertContains(response, "bukan JSON yang sah")
        response = self.client.post(UPLOAD_URL, {"berkas": SimpleUploadedFile("x.json", b'{"a": 1}')})
        self.assertContains(response, "harus berupa larik JSON")
        self.assertFalse(ImportRun.objects.exists())

    def test_another_users_staged_import_cannot_be_confirmed(self):
        self.upload()
        run = ImportRun.objects.get()
        other = make_user("hukum2", *self.legal_user.groups.all())
        self.client.force_login(other)
        self.assertEqual(self.client.post(f"{UPLOAD_URL}{run.pk}/konfirmasi/").status_code, 404)
        run.refresh_from_db()
        self.assertEqual(run.state, ImportRun.State.STAGED)


class JdihnImportByLegalBureauTests(RegistryAdminTestCase):
    """The legal bureau may not publish: what it imports arrives as drafts, to be submitted for review."""

    def test_imported_records_are_drafts(self):
        """Confirming a feed as Bagian Hukum creates the regulations unpublished, even without "draft"."""
        self.client.force_login(self.legal_user)
        self.client.post(UPLOAD_URL, {"berkas": feed_file(records()), "wilayah": ""})
        self.client.post(f"{UPLOAD_URL}{ImportRun.objects.get().pk}/konfirmasi/")
        created = RegulationPage.objects.get(nomor="11", tahun=2024)
        self.assertFalse(created.live)
        self.assertEqual(ImportRun.objects.get().counts["created"], 3)


class JdihnImportAccessTests(RegistryAdminTestCase):
    """Only the legal bureau and superusers import feeds and review their proposals."""

    def test_other_roles_are_refused(self):
        for user in (self.evaluator, self.opd_editor):
            self.client.force_login(user)
            for url in (UPLOAD_URL, PROPOSALS_URL):
                response = self.client.get(url)
                # Wagtail turns PermissionDenied into a redirect to the dashboard with a message.
                self.assertIn(response.status_code, (302, 403), (user, url))
                self.assertNotContains(
                    response, "Impor peraturan dari umpan JDIHN", status_code=response.status_code
                )
            self.assertNotContains(self.client.get("/admin/"), UPLOAD_URL)
        self.client.logout()
        self.assertEqual(self.client.get(UPLOAD_URL).status_code, 302)  # to the login page

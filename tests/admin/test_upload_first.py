"""Upload-first regulation entry: a signed PDF becomes a DRAFT regulation with the metadata read from
it, shown for review beside the PDF; bad files are kept with an Indonesian reason; only the roles
that may add regulations may use it. Also: an empty slug (and judul) no longer blocks a first save.

The PDF is a real regulation from the shared corpus, checked against its ground-truth labels.
"""

import json
from datetime import date
from pathlib import Path
from tempfile import TemporaryDirectory

from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import override_settings
from wagtail.test.utils.form_data import querydict_from_html

from registry.regulations.choices import ExtractionStatus
from registry.regulations.extraction.pipeline import extract_document
from registry.regulations.models import (
    RegulationDocument,
    RegulationIndexPage,
    RegulationPage,
    RegulationType,
)
from tests import factories
from tests.conftest import CORPUS_DIR
from tests.regulations.test_extraction_samples import HTML_BYTES, regulation_pdf

from .base import RegistryAdminTestCase

UPLOAD_URL = "/admin/regulations/unggah/"
#: A Perda Kota Surabaya with a good text layer, dates and a gazette entry (27 pages).
PERDA_FILE = "pdf/sby__perda_sby_4_2025_pemakaman__68a7d9c6c371c.pdf"
ENCRYPTED_FILE = "robustness/encryption/aes-128.pdf"


def corpus_bytes(test, relative: str) -> bytes:
    path = CORPUS_DIR / ("real/" + relative if relative.startswith("pdf/") else relative)
    if not path.is_file():
        test.skipTest(f"Korpus tidak ditemukan: {path} (../shared/corpus dari akar proyek).")
    return path.read_bytes()


def label_of(relative: str) -> dict:
    with (CORPUS_DIR / "real" / "LABELS.jsonl").open(encoding="utf-8") as labels:
        return next(row for row in map(json.loads, labels) if row["file"] == relative)


class UploadFirstTests(RegistryAdminTestCase):
    def setUp(self):
        self.client.force_login(self.legal_user)

    def upload(self, content: bytes, name="peraturan.pdf", follow=True, **data):
        return self.client.post(
            UPLOAD_URL,
            {"berkas": SimpleUploadedFile(name, content, "application/pdf"), **data},
            follow=follow,
        )

    def test_a_real_pdf_becomes_a_draft_with_the_labelled_metadata(self):
        """The draft holds the jenis, wilayah, nomor, tahun, tentang and dates of the ground truth, a
        derived judul and slug, the PDF attached; the editor lands on the review page beside the PDF."""
        content = corpus_bytes(self, PERDA_FILE)
        label = label_of(PERDA_FILE)
        response = self.upload(content, "perda-surabaya.pdf")
        page = RegulationPage.objects.get(
            nomor=label["number"], tahun=label["year"], wilayah=label["issuer_region"]
        )
        self.assertFalse(page.live)
        self.assertEqual(page.get_parent().pk, RegulationIndexPage.objects.get().pk)
        self.assertEqual(page.regulation_type.code, label["doc_kind"])
        self.assertEqual(page.tentang.casefold(), label["title_tentang"].casefold())
        self.assertFalse(page.tentang.isupper(), "tentang is proposed in sentence case, not ALL CAPS")
        self.assertEqual(page.tanggal_penetapan, date.fromisoformat(label["date_enacted"]))
        self.assertEqual(page.tanggal_pengundangan, date.fromisoformat(label["date_promulgated"]))
        self.assertEqual(page.nomor_lembaran, label["gazette"]["number"])
        self.assertEqual(
            page.title, f"Peraturan Daerah {label['issuer_region']} Nomor 4 Tahun 2025 tentang {page.tentang}"
        )
        self.assertEqual(page.slug, "perda-2025-4")
        self.assertEqual(page.document.file.read(), content)  # the file is kept as uploaded
        self.assertEqual(page.document.uploaded_by_user, self.legal_user)
        self.assertEqual(response.redirect_chain[-1][0], f"/admin/regulations/{page.pk}/tinjau/")
        html = response.content.decode()
        self.assertIn(f'<iframe src="/admin/regulations/dokumen/{page.document_id}/pdf/"', html)
        self.assertIn('name="accept_tentang"', html)

    def test_the_framed_pdf_is_served_inline_to_the_admin_only(self):
        """The frame's URL serves the PDF inline and framable by the admin's own pages; anonymous
        visitors are sent to the login page."""
        document = RegulationDocument(title="Contoh")
        document.file.save(
            "contoh.pdf", SimpleUploadedFile("contoh.pdf", b"%PDF-1.4\n1 0 obj\n<<>>\nendobj\n")
        )
        url = f"/admin/regulations/dokumen/{document.pk}/pdf/"
        response = self.client.get(url)
        self.assertEqual(response.status_code, 200)
        self.assertEqual(response["Content-Type"], "application/pdf")
        self.assertEqual(response["X-Frame-Options"], "SAMEORIGIN")
        self.assertTrue(response["Content-Disposition"].startswith("inline"))
        self.assertTrue(b"".join(response.streaming_content).startswith(b"%PDF-1.4"))
        self.client.logout()
        self.assertEqual(self.client.get(url).status_code, 302)

    def test_the_jenis_the_editor_chose_wins(self):
        """A jenis chosen on the form is the draft's jenis, whatever the PDF's title block says."""
        content = corpus_bytes(self, PERDA_FILE)
        perwal = factories.regulation_type("PERWAL")
        self.upload(content, jenis=str(perwal.pk))
        page = RegulationPage.objects.get(nomor="4", tahun=2025, wilayah="Kota Surabaya")
        self.assertEqual(page.regulation_type, perwal)
        self.assertEqual(page.slug, "perwal-2025-4")

    def test_a_regulation_already_registered_is_named_and_linked(self):
        """A duplicate (jenis, wilayah, nomor, tahun) creates nothing, names the regulation that
        exists with a link to it, and keeps the upload."""
        content = corpus_bytes(self, PERDA_FILE)
        existing = factories.regulation(
            "PERDA", nomor="4", tahun=2025, wilayah="Kota Surabaya", tentang="Pemakaman", live=False
        )
        pages_before = RegulationPage.objects.count()
        response = self.upload(content)
        self.assertEqual(RegulationPage.objects.count(), pages_before)
        html = response.content.decode()
        self.assertIn("Draf peraturan belum dibuat.", html)
        self.assertIn("Sudah ada di registri", html)
        self.assertIn(f'href="/admin/pages/{existing.pk}/edit/"', html)
        self.assertTrue(RegulationDocument.objects.filter(file_size=len(content)).exists())

    def test_a_corrupt_pdf_is_kept_with_an_indonesian_reason(self):
        """A PDF cut off after 4 KB passes the upload checks (it starts as a PDF and holds objects),
        fails extraction, and stays stored byte for byte."""
        content = corpus_bytes(self, PERDA_FILE)
        broken = content[:4096]
        response = self.upload(broken, "rusak.pdf")
        document = RegulationDocument.objects.get(title="rusak")
        self.assertEqual(document.extraction_status, ExtractionStatus.FAILED)
        self.assertTrue(document.extraction_reason)
        self.assertEqual(document.file.read(), broken)
        self.assertFalse(RegulationPage.objects.filter(document=document).exists())
        html = response.content.decode()
        self.assertIn("PDF ini tidak dapat dibaca, jadi belum ada draf peraturan.", html)
        self.assertIn(document.extraction_reason, html)
        self.assertIn("Berkasnya tetap tersimpan", html)

    def test_an_encrypted_pdf_is_kept_and_asks_for_a_password(self):
        """A PDF locked with a password is kept and the editor reads that it needs the password."""
        content = corpus_bytes(self, ENCRYPTED_FILE)
        response = self.upload(content, "terkunci.pdf")
        document = RegulationDocument.objects.get(title="terkunci")
        self.assertEqual(document.extraction_status, ExtractionStatus.NEEDS_PASSWORD)
        self.assertEqual(document.file.read(), content)
        self.assertIn("PDF ini tidak dapat dibaca", response.content.decode())
        self.assertIn(str(ExtractionStatus.NEEDS_PASSWORD.label), response.content.decode())

    def test_a_pdf_without_a_number_is_kept_and_says_what_is_missing(self):
        """A readable PDF whose title block has no number makes no draft; the editor reads why."""
        path = regulation_pdf(
            Path(self.enterContext(TemporaryDirectory())) / "tanpa-nomor.pdf",
            pages=[["PERATURAN WALI KOTA BALIKPAPAN", "TENTANG", "SESUATU"]],
        )
        response = self.upload(path.read_bytes(), "tanpa-nomor.pdf")
        document = RegulationDocument.objects.get(title="tanpa-nomor")
        self.assertEqual(document.extraction_status, ExtractionStatus.DONE)
        self.assertFalse(RegulationPage.objects.filter(document=document).exists())
        self.assertContains(response, "Draf peraturan belum dibuat.")
        self.assertContains(response, "Parser tidak menemukan")
        self.assertRegex(response.content.decode(), r"Parser tidak menemukan [^.]*nomor")
        self.assertContains(response, f"Dokumen #{document.pk} disimpan tanpa halaman peraturan baru.")

    def test_a_file_that_is_not_a_pdf_is_refused_as_every_upload_is(self):
        """The upload validator of the document form refuses a web page named .pdf; nothing is stored."""
        response = self.upload(HTML_BYTES, "halaman.pdf", follow=False)
        self.assertEqual(response.status_code, 200)
        self.assertIn("bukan PDF", response.content.decode())
        self.assertFalse(RegulationDocument.objects.exists())

    def test_the_same_file_twice_leads_to_the_regulation_made_the_first_time(self):
        content = corpus_bytes(self, PERDA_FILE)
        self.upload(content)
        page = RegulationPage.objects.get(nomor="4", tahun=2025, wilayah="Kota Surabaya")
        response = self.upload(content, "lagi.pdf")
        self.assertEqual(response.redirect_chain[-1][0], f"/admin/regulations/{page.pk}/tinjau/")
        self.assertEqual(RegulationDocument.objects.count(), 1)
        self.assertIn("Berkas yang sama sudah diunggah", response.content.decode())

    def test_background_extraction_shows_progress_then_drafts_when_done(self):
        """When extraction runs elsewhere, the upload leads to a self-reloading status page; the first
        view after the extraction has finished makes the draft and goes on to the review page."""
        content = corpus_bytes(self, PERDA_FILE)
        background = override_settings(REGISTRY_EXTRACTION_IN_BACKGROUND=True)
        with background, self.captureOnCommitCallbacks(execute=False) as callbacks:
            response = self.upload(content, follow=False)
        self.assertEqual(len(callbacks), 1)  # the background start, once the upload commits
        document = RegulationDocument.objects.get()
        self.assertEqual(document.extraction_status, ExtractionStatus.PENDING)
        status = self.client.get(response["Location"])
        self.assertContains(status, "PDF sedang dibaca")
        self.assertContains(status, "window.location.reload()")
        self.assertFalse(RegulationPage.objects.filter(document=document).exists())
        extract_document(document)  # what the background thread does
        done = self.client.get(response["Location"])
        page = RegulationPage.objects.get(document=document)
        self.assertRedirects(done, f"/admin/regulations/{page.pk}/tinjau/")
        self.assertEqual((page.regulation_type.code, page.nomor, page.tahun), ("PERDA", "4", 2025))


class UploadPermissionTests(RegistryAdminTestCase):
    def test_only_roles_that_add_regulations_may_upload(self):
        # OPD editors draft the regulations their OPD initiates (pemrakarsa), so they may upload too.
        for user, allowed in [(self.legal_user, True), (self.opd_editor, True), (self.evaluator, False)]:
            with self.subTest(user=user.username):
                self.client.force_login(user)
                refused = (302, 403)  # Wagtail turns a refusal into a redirect to the dashboard
                response = self.client.get(UPLOAD_URL)
                post = self.client.post(UPLOAD_URL, {"berkas": SimpleUploadedFile("a.pdf", b"%PDF-1.4")})
                if allowed:
                    self.assertEqual((response.status_code, post.status_code), (200, 200))
                else:
                    self.assertIn(response.status_code, refused)
                    self.assertIn(post.status_code, refused)
                menu = self.client.get("/admin/").content.decode()
                self.assertEqual("Unggah peraturan (PDF)" in menu, allowed)
        self.assertFalse(RegulationDocument.objects.exists())

    def test_the_regulation_index_offers_the_upload(self):
        self.client.force_login(self.legal_user)
        index = RegulationIndexPage.objects.get()
        listing = self.client.get(f"/admin/pages/{index.pk}/").content.decode()
        self.assertIn(f"{UPLOAD_URL}?induk={index.pk}", listing)


class FirstSaveTests(RegistryAdminTestCase):
    """The slug on the "Promosi" tab (and the judul) may stay empty on a regulation's first save."""

    def add_form(self):
        index = RegulationIndexPage.objects.get()
        url = f"/admin/pages/add/regulations/regulationpage/{index.pk}/"
        data = querydict_from_html(self.client.get(url).content.decode(), form_id="page-edit-form")
        self.assertEqual(data.get("slug"), "")
        data.update(
            {
                "regulation_type": str(RegulationType.objects.get(code="PERWAL").pk),
                "wilayah": "Kota Balikpapan",
                "nomor": "15",
                "tahun": "2024",
                "tentang": "Tarif Parkir",
            }
        )
        return url, data

    def setUp(self):
        self.client.force_login(self.legal_user)

    def test_submits_for_review_without_slug_or_judul(self):
        url, data = self.add_form()
        data.update({"title": "", "action-submit": "action-submit"})
        response = self.client.post(url, data)
        self.assertEqual(response.status_code, 302)
        page = RegulationPage.objects.get(nomor="15", tahun=2024)
        self.assertTrue(page.workflow_in_progress)
        self.assertEqual(page.slug, "perwal-2024-15")
        self.assertEqual(
            page.title, "Peraturan Wali Kota Balikpapan Nomor 15 Tahun 2024 tentang Tarif Parkir"
        )

    def test_saves_a_draft_with_a_typed_judul_and_no_slug(self):
        url, data = self.add_form()
        data["title"] = "Perwal Tarif Parkir"
        self.assertEqual(self.client.post(url, data).status_code, 302)
        page = RegulationPage.objects.get(nomor="15", tahun=2024)
        self.assertFalse(page.live)
        self.assertEqual((page.title, page.slug), ("Perwal Tarif Parkir", "perwal-2024-15"))

    def test_an_empty_judul_without_identity_says_what_to_fill(self):
        url, data = self.add_form()
        data.update({"title": "", "nomor": ""})
        response = self.client.post(url, data)
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, "agar judul dibuat otomatis")
        self.assertFalse(RegulationPage.objects.filter(tahun=2024, tentang="Tarif Parkir").exists())

"""``manage.py load_demo``: targets, chains, PDFs and idempotency.

The demo is loaded twice in ``setUpTestData`` (once through the loader, once through the command with
``--with-admin``), so every test reads the state after a re-run. Idempotency rule: a second run with
unchanged data creates no page, revision, document or child row; it only re-renders the PDFs and
finds their hashes unchanged.
"""

import hashlib
from io import BytesIO, StringIO

from django.contrib.auth import authenticate
from django.core.management import call_command
from django.test import TestCase
from pdfminer.high_level import extract_text
from wagtail.models import Page, Revision, Workflow

from registry.demo.loader import load_demo
from registry.reference.regulations import REGULATION_TYPES
from registry.regulations.choices import RelationKind, Status
from registry.regulations.extraction.pipeline import extract_document
from registry.regulations.models import (
    Citation,
    Delegation,
    RegulationDocument,
    RegulationPage,
    RegulationRelation,
    RegulationType,
)
from registry.regulations.reference_data import ensure_regulation_types
from registry.services.models import (
    ComplaintChannel,
    LegalBasis,
    PerangkatDaerahPage,
    ServicePage,
    ServiceRequirement,
    ServiceSOP,
    ServiceStep,
)


def _snapshot():
    return {
        "pages": Page.objects.count(),
        "revisions": Revision.objects.count(),
        "documents": RegulationDocument.objects.count(),
        "relations": RegulationRelation.objects.count(),
        "legal_bases": LegalBasis.objects.count(),
        "requirements": ServiceRequirement.objects.count(),
        "steps": ServiceStep.objects.count(),
        "complaint_channels": ComplaintChannel.objects.count(),
        "sops": ServiceSOP.objects.count(),
        "document_ids": sorted(RegulationDocument.objects.values_list("pk", flat=True)),
    }


def _regulation(code, nomor, tahun):
    return RegulationPage.objects.get(regulation_type__code=code, nomor=nomor, tahun=tahun)


def _pdf_text(page):
    with page.document.open_file() as handle:
        return extract_text(BytesIO(handle.read()))


class LoadDemoTests(TestCase):
    """The demo loaded twice; tests read the final state."""

    @classmethod
    def setUpTestData(cls):
        cls.first = load_demo(log=lambda line: None)
        cls.after_first = _snapshot()
        cls.output = StringIO()
        call_command("load_demo", "--with-admin", "--admin-password=rahasia-demo-1", stdout=cls.output)
        cls.after_second = _snapshot()

    def test_targets_are_met(self):
        """≥ 60 live services and ≥ 30 local regulations, each with a PDF."""
        self.assertGreaterEqual(ServicePage.objects.live().count(), 60)
        local = RegulationPage.objects.filter(regulation_type__is_local=True)
        self.assertGreaterEqual(local.count(), 30)
        self.assertFalse(local.filter(document=None).exists())
        self.assertGreaterEqual(RegulationPage.objects.filter(wilayah="Republik Indonesia").count(), 20)

    def test_perangkat_daerah_of_spec_are_present(self):
        """Setda with its Bagian, DPRD secretariat, the Badan and Dinas, RSUD, 6 kecamatan, 34 kelurahan."""
        slugs = set(PerangkatDaerahPage.objects.values_list("slug", flat=True))
        for slug in (
            "setda",
            "bagian-hukum",
            "bagian-organisasi",
            "setwan",
            "inspektorat",
            "bppdrd",
            "disdukcapil",
            "dpmptsp",
            "dppr",
            "disporapar",
            "rsud",
            "kesbangpol",
        ):
            self.assertIn(slug, slugs)
        self.assertEqual(PerangkatDaerahPage.objects.filter(kind="kecamatan").count(), 6)
        kelurahan = PerangkatDaerahPage.objects.filter(kind="kelurahan")
        self.assertEqual(kelurahan.count(), 34)
        self.assertFalse(kelurahan.exclude(parent_unit__kind="kecamatan").exists())
        self.assertEqual(PerangkatDaerahPage.objects.get(slug="bagian-hukum").parent_unit.slug, "setda")

    def test_revocation_and_amendment_chains(self):
        """The 2011 retribusi Perda are dicabut by the 2024 PDRD Perda; Perwal 13/2018 is amended twice."""
        pdrd = _regulation("PERDA", "1", 2024)
        for nomor in ("8", "9"):
            old = _regulation("PERDA", nomor, 2011)
            self.assertEqual(old.status, Status.DICABUT)
            self.assertEqual(old.revoked_by, [pdrd])
        delegation = _regulation("PERWAL", "13", 2018)
        self.assertEqual(delegation.status, Status.DIUBAH)
        self.assertEqual({p.nomor for p in delegation.amended_by}, {"21", "11"})
        sk_2019 = RegulationPage.objects.get(nomor="470/145/Disdukcapil/2019")
        self.assertEqual(sk_2019.status, Status.DICABUT)
        self.assertTrue(
            _regulation("PERWAL", "6", 2024)
            .relations.filter(kind=RelationKind.MELAKSANAKAN, target=pdrd)
            .exists()
        )
        self.assertTrue(RegulationRelation.objects.filter(kind=RelationKind.TERKAIT).exists())
        self.assertEqual(_regulation("PP", "5", 2021).status, Status.DICABUT)

    def test_some_services_rely_only_on_a_revoked_local_regulation(self):
        """Uji KIR still cites only the revoked 2011 Perda as its local basis."""

        def only_revoked(service):
            local = [
                b.regulation
                for b in service.legal_bases.all()
                if b.role == "dasar_hukum" and b.regulation.regulation_type.is_local
            ]
            return bool(local) and all(reg.status == Status.DICABUT for reg in local)

        services = ServicePage.objects.prefetch_related("legal_bases__regulation__regulation_type")
        self.assertIn("uji-kir", [s.slug for s in services if only_revoked(s)])

    def test_realistic_mix_of_complete_and_incomplete_services(self):
        """Disdukcapil is complete with SK SP and SOP; other services miss components or an SK SP."""
        for service in ServicePage.objects.filter(opd__slug="disdukcapil"):
            self.assertEqual(service.missing_components(), [], service.slug)
            self.assertTrue(service.delivery_published)
            self.assertTrue(service.legal_bases.filter(role="sk_sp").exists(), service.slug)
        ktp = ServicePage.objects.get(slug="ktp-el")
        self.assertEqual(ktp.requirements.first().text, "Fotokopi Kartu Keluarga")
        self.assertTrue(ktp.sops.get().regulation.title.startswith("Keputusan Kepala Dinas Kependudukan"))
        self.assertTrue(
            ktp.legal_bases.filter(regulation__nomor="23", provision="Pasal 63 ayat (1)").exists()
        )
        incomplete = [s for s in ServicePage.objects.all() if s.missing_components()]
        self.assertGreaterEqual(len(incomplete), 10)
        self.assertTrue(ServicePage.objects.exclude(legal_bases__role="sk_sp").exists())
        cost = LegalBasis.objects.filter(component="biaya", regulation__nomor="1", regulation__tahun=2024)
        self.assertTrue(cost.exclude(provision="").exists())

    def test_coverage_mix_and_transparency_charts(self):
        """Coverage: Disdukcapil lacks only national texts, others are far from it; the charts are drawn.

        Every Disdukcapil service is complete except that it cites a Pasal of a national law whose text
        the demo does not hold (BASIS_TEXT_MISSING, a warning): "sebagian", never "belum".
        """
        from django.db.models import Count, Q

        from registry.coverage.models import ServiceCoverage

        per_opd = {
            row["service__opd__slug"]: (row["lengkap"], row["total"])
            for row in ServiceCoverage.objects.values("service__opd__slug").annotate(
                lengkap=Count("pk", filter=Q(status="lengkap")), total=Count("pk")
            )
        }
        disdukcapil = ServiceCoverage.objects.filter(service__opd__slug="disdukcapil")
        self.assertFalse(disdukcapil.filter(status="belum").exists())
        codes = set(disdukcapil.values_list("findings__code", flat=True)) - {None}
        self.assertEqual(codes, {"BASIS_TEXT_MISSING"})
        far = [slug for slug, (lengkap, total) in per_opd.items() if total >= 2 and lengkap == 0]
        self.assertGreaterEqual(len(far), 5)
        body = self.client.get("/transparansi/").content.decode()
        self.assertIn('<svg class="coverage-bar"', body)
        # Disdukcapil's bar carries its numbers in text: all "sebagian", none "belum".
        total = disdukcapil.count()
        self.assertIn(f"0,0% lengkap · lengkap 0, sebagian {total}, belum 0 dari {total} layanan", body)
        self.assertIn("Dinas Kependudukan dan Pencatatan Sipil", body)

    def test_every_demo_pdf_has_its_mengingat_and_delegations_stored(self):
        """Each local PDF, extracted as `make run` does, has its Mengingat stored and resolved, and its
        delegations kept with their Pasal."""
        # Extraction waits for the loader's transaction to commit, which a TestCase never does.
        local = RegulationPage.objects.filter(regulation_type__is_local=True).exclude(document=None)
        self.assertGreaterEqual(local.count(), 30)
        for page in local.select_related("document"):
            extract_document(page.document)
        for page in local:
            with self.subTest(page=page.short_title()):
                self.assertTrue(Citation.objects.filter(document_id=page.document_id).exists())
        statutory = Citation.objects.exclude(cited_kind="UUD")
        self.assertEqual(statutory.filter(target=None).count(), 0)
        open_rows = Delegation.objects.filter(direction=Delegation.Direction.OPEN)
        perda = _regulation("PERDA", "1", 2024)
        delegation = open_rows.get(document_id=perda.document_id)
        self.assertEqual((delegation.pasal, delegation.delegated_type), ("Pasal 13", "PERWAL"))
        self.assertEqual(delegation.fulfilled_by, _regulation("PERWAL", "6", 2024))
        self.assertTrue(open_rows.filter(fulfilled_by=None).exists())

    def test_perwal_pdf_follows_the_skeleton(self):
        """The Perwal PDF has the kop, title block, konsiderans, Bab/Pasal and the Berita Daerah line."""
        page = _regulation("PERWAL", "6", 2024)
        text = _pdf_text(page)
        for line in (
            "WALI KOTA BALIKPAPAN",
            "PROVINSI KALIMANTAN TIMUR",
            "PERATURAN WALI KOTA BALIKPAPAN",
            "NOMOR 6 TAHUN 2024",
            "TENTANG",
            "DENGAN RAHMAT TUHAN YANG MAHA ESA",
            "Menimbang",
            "Mengingat",
            "MEMUTUSKAN:",
            "BAB I",
            "KETENTUAN UMUM",
            "Pasal 1",
            "mulai berlaku pada tanggal diundangkan",
            "Diundangkan di Balikpapan",
            "SEKRETARIS DAERAH KOTA BALIKPAPAN",
            "BERITA DAERAH KOTA BALIKPAPAN TAHUN 2024 NOMOR 6",
            "- 2 -",
        ):
            self.assertIn(line, text)
        self.assertGreaterEqual(page.jumlah_halaman, 2)
        self.assertEqual(page.sumber, f"BD Kota Balikpapan 2024 (6): {page.jumlah_halaman} hlm")

    def test_perda_pdf_revokes_and_promulgates_in_lembaran_daerah(self):
        """The PDRD Perda revokes the 2011 Perda in its closing Bab and ends with its LD line."""
        text = " ".join(_pdf_text(_regulation("PERDA", "1", 2024)).split())
        self.assertIn("PERATURAN DAERAH KOTA BALIKPAPAN NOMOR 1 TAHUN 2024", text)
        self.assertIn("dicabut dan dinyatakan tidak berlaku", text)
        self.assertIn("LEMBARAN DAERAH KOTA BALIKPAPAN TAHUN 2024 NOMOR 1", text)
        self.assertIn("Dengan Persetujuan Bersama", text)

    def test_keputusan_uses_diktum_without_promulgation(self):
        """An SK Standar Pelayanan has KESATU/KEDUA, no Bab, no Diundangkan and no Berita Daerah line."""
        sk = RegulationPage.objects.get(nomor="470/208/Disdukcapil/2024")
        text = _pdf_text(sk)
        self.assertIn("KEPUTUSAN KEPALA DINAS KEPENDUDUKAN DAN PENCATATAN SIPIL KOTA BALIKPAPAN", text)
        self.assertIn("KESATU", text)
        self.assertIn("Penerbitan KTP-el", text)
        self.assertNotIn("Diundangkan", text)
        self.assertNotIn("BERITA DAERAH", text)
        self.assertNotIn("BAB I", text)

    def test_document_hash_is_the_files_sha1(self):
        """Each stored PDF carries Wagtail's SHA-1 file hash and its size."""
        for document in RegulationDocument.objects.all():
            with document.open_file() as handle:
                data = handle.read()
            self.assertEqual(document.file_hash, hashlib.sha1(data).hexdigest())
            self.assertEqual(document.file_size, len(data))
            self.assertTrue(data.startswith(b"%PDF"))

    def test_second_run_changes_nothing(self):
        """Running twice gives identical counts, the same documents and no new revisions."""
        self.assertEqual(self.after_first, self.after_second)
        self.assertGreater(self.first["halaman_baru"], 200)
        self.assertIn("Revisi baru                      0", self.output.getvalue())

    def test_command_creates_the_admin_and_prints_the_login(self):
        """--with-admin creates a superuser and prints the login URL and credentials."""
        output = self.output.getvalue()
        self.assertIn("http://127.0.0.1:8000/admin/", output)
        self.assertIn("rahasia-demo-1", output)
        user = authenticate(username="admin", password="rahasia-demo-1")
        self.assertTrue(user is not None and user.is_superuser)

    def test_command_creates_a_demo_user_per_role(self):
        """--with-admin also makes one user per role, with the admin's password, and prints them."""
        output = self.output.getvalue()
        for username, group in [
            ("hukum", "Bagian Hukum"),
            ("kabag-hukum", "Kepala Bagian Hukum"),
            ("organisasi", "Bagian Organisasi"),
            ("evaluator", "Evaluator"),
            ("editor-disdukcapil", "Editor OPD – Disdukcapil"),
        ]:
            self.assertIn(f"Pengguna  : {username} ({group})", output)
            user = authenticate(username=username, password="rahasia-demo-1")
            self.assertTrue(user is not None and not user.is_superuser, username)
            self.assertTrue(user.groups.filter(name=group).exists(), username)
            self.assertTrue(user.email)
        workflows = set(Workflow.objects.values_list("name", flat=True))
        self.assertLessEqual({"Pengesahan peraturan", "Tinjauan layanan"}, workflows)

    def test_regulation_types_seed_is_reusable(self):
        """ensure_regulation_types() is idempotent and covers the domain §2.5 seed rows."""
        ensure_regulation_types()
        self.assertEqual(RegulationType.objects.count(), len(REGULATION_TYPES))
        self.assertEqual(RegulationType.objects.get(code="KEP_KEPALA_PD").slug, "kep-kepala-pd")
        self.assertTrue(RegulationType.objects.get(code="PERWAL").is_local)

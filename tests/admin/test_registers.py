"""The register listings: filters, search, links, access, query count and the dashboard panel."""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.db import connection
from django.test.utils import CaptureQueriesContext

from registry.regulations.models import RegulationType
from tests import factories

from .base import RegistryAdminTestCase

REGULATIONS = "/admin/daftar-peraturan/"
SERVICES = "/admin/daftar-layanan/"


class RegisterTests(RegistryAdminTestCase):
    """Both registers, seen by the Evaluator unless a test says otherwise."""

    def setUp(self):
        self.client.force_login(self.evaluator)

    def titles(self, url, params=None):
        """The page titles the listing shows for ``params``."""
        return [page.title for page in self.client.get(url, params or {}).context["object_list"]]

    def test_regulation_register_lists_drafts(self):
        """All four regulations are listed, the draft included."""
        self.assertIn(self.draft.title, self.titles(REGULATIONS))
        self.assertEqual(len(self.titles(REGULATIONS)), 4)

    def test_jenis_filter_narrows_the_register(self):
        """Filtering by Perda leaves only the two Perda."""
        perda = RegulationType.objects.get(code="PERDA")
        titles = self.titles(REGULATIONS, {"regulation_type": perda.pk})
        self.assertCountEqual(titles, [self.old_perda.title, self.new_perda.title])

    def test_tahun_filter_narrows_the_register(self):
        """Filtering by 2024 leaves Perwal 7/2024."""
        self.assertEqual(self.titles(REGULATIONS, {"tahun": "2024"}), [self.perwal.title])

    def test_status_filter_narrows_the_register(self):
        """Filtering by "dicabut" leaves the revoked Perda 3/2019."""
        self.assertEqual(self.titles(REGULATIONS, {"status": "dicabut"}), [self.old_perda.title])

    def test_bogus_filter_values_give_form_errors(self):
        """Unknown jenis, tahun and status values answer 200 with field errors, unfiltered."""
        response = self.client.get(REGULATIONS, {"tahun": "abc", "regulation_type": "999", "status": "x"})
        self.assertEqual(response.status_code, 200)
        self.assertEqual(set(response.context["filters"].errors), {"tahun", "regulation_type", "status"})
        self.assertEqual(len(response.context["object_list"]), 4)

    def test_search_matches_tentang(self):
        """The search box finds a regulation by its subject."""
        self.assertEqual(self.titles(REGULATIONS, {"q": "akta kelahiran"}), [self.perwal.title])

    def test_service_filters_by_opd(self):
        """The OPD filter leaves that OPD's services."""
        self.assertEqual(self.titles(SERVICES, {"opd": self.dpmptsp.pk}), ["Izin Usaha"])

    def test_service_filters_by_missing_legal_basis(self):
        """has_legal_basis=false leaves the services without any legal basis."""
        self.assertEqual(self.titles(SERVICES, {"has_legal_basis": "false"}), ["Akta Kelahiran"])

    def test_editor_rows_link_to_the_edit_view(self):
        """A user who may edit a regulation gets its edit link, drafts included."""
        self.client.force_login(self.legal_user)
        self.assertContains(self.client.get(REGULATIONS), f'href="{self.edit_url(self.draft)}"')

    def test_user_without_register_permission_is_turned_away(self):
        """An admin user without the register permission is redirected and gets no menu item."""
        user = get_user_model().objects.create_user("tamu", "tamu@example.test", "sandi")
        user.user_permissions.add(Permission.objects.get(codename="access_admin"))
        self.client.force_login(user)
        self.assertEqual(self.client.get(REGULATIONS).status_code, 302)
        self.assertNotIn(REGULATIONS, self.client.get("/admin/").content.decode())

    def assert_constant_queries(self, url, add_rows):
        """Listing ``url`` costs as many queries after ``add_rows()`` as before."""
        self.client.get(url)
        with CaptureQueriesContext(connection) as before:
            self.client.get(url)
        add_rows()
        with CaptureQueriesContext(connection) as after:
            response = self.client.get(url)
        self.assertGreater(len(response.context["object_list"]), 10)
        self.assertEqual(len(after), len(before))

    def test_service_register_query_count_does_not_grow_with_rows(self):
        """Ten more services cost no extra queries on the service listing."""
        self.assert_constant_queries(
            SERVICES,
            lambda: [
                factories.service(self.dpmptsp, title=f"Layanan {n}", requirements=["KTP"]) for n in range(10)
            ],
        )

    def test_regulation_register_query_count_does_not_grow_with_rows(self):
        """Ten more regulations cost no extra queries on the regulation listing, for an editor too."""
        self.client.force_login(self.legal_user)
        self.assert_constant_queries(
            REGULATIONS,
            lambda: [
                factories.regulation("PERWAL", nomor=str(100 + n), pemrakarsa=self.dpmptsp) for n in range(10)
            ],
        )

    def test_dashboard_panel_counts_the_registry(self):
        """The home panel counts regulations in force and revoked, services, services without basis."""
        html = self.client.get("/admin/").content.decode()
        for text in (
            "2 peraturan berlaku",
            "1 peraturan dicabut",
            "2 layanan</a>",
            "1 layanan tanpa dasar hukum",
        ):
            with self.subTest(text=text):
                self.assertIn(text, html)

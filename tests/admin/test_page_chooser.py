"""The admin page chooser shows public pages and the pages a user may edit, and nothing else."""

from wagtail.models import PageViewRestriction

from tests import factories

from .base import RegistryAdminTestCase


class PageChooserTests(RegistryAdminTestCase):
    """Other OPDs' drafts, unpublished and private pages stay out of the chooser."""

    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.other_draft = factories.service(cls.dpmptsp, title="Rancangan Izin Rahasia", live=False)
        cls.other_private = factories.service(cls.dpmptsp, title="Layanan Internal Tertutup")
        PageViewRestriction.objects.create(page=cls.other_private, restriction_type="login")
        cls.own_draft = factories.service(cls.disdukcapil, title="Rancangan Akta Baru", live=False)

    def _browse(self, user, parent):
        self.client.force_login(user)
        response = self.client.get(f"/admin/choose-page/{parent.pk}/")
        self.assertEqual(response.status_code, 200)
        return response.content.decode()

    def _search(self, user, q):
        self.client.force_login(user)
        response = self.client.get("/admin/choose-page/search/", {"q": q})
        self.assertEqual(response.status_code, 200)
        return response.content.decode()

    def test_opd_editor_does_not_see_other_opds_drafts_or_private_pages(self):
        """Browsing another OPD lists only its public services."""
        html = self._browse(self.opd_editor, self.dpmptsp)
        self.assertIn("Izin Usaha", html)
        self.assertNotIn("Rancangan Izin Rahasia", html)
        self.assertNotIn("Layanan Internal Tertutup", html)

    def test_opd_editor_sees_its_own_drafts(self):
        """An editor may still choose the drafts of the OPD they edit."""
        html = self._browse(self.opd_editor, self.disdukcapil)
        self.assertIn("Rancangan Akta Baru", html)

    def test_evaluator_sees_no_draft_or_private_title(self):
        """The Evaluator edits nothing, so the chooser shows only what the public sees."""
        for parent in (self.dpmptsp, self.disdukcapil):
            html = self._browse(self.evaluator, parent)
            for title in ("Rancangan Izin Rahasia", "Layanan Internal Tertutup", "Rancangan Akta Baru"):
                self.assertNotIn(title, html)
        html = self._search(self.evaluator, "Rancangan")
        self.assertNotIn("Rancangan Izin Rahasia", html)
        self.assertNotIn("Rancangan Akta Baru", html)

    def test_chooser_search_follows_the_same_rule(self):
        """Searching the chooser finds the editor's own draft but not another OPD's."""
        html = self._search(self.opd_editor, "Rancangan")
        self.assertIn("Rancangan Akta Baru", html)
        self.assertNotIn("Rancangan Izin Rahasia", html)

    def test_legal_bureau_sees_draft_regulations_it_edits(self):
        """Bagian Hukum edits every regulation, drafts included."""
        reg_index = self.perwal.get_parent()
        html = self._browse(self.legal_user, reg_index)
        self.assertIn("Rancangan", html)
        self.assertNotIn("Rancangan Izin Rahasia", self._browse(self.legal_user, self.dpmptsp))

"""The dashboard's "my tasks": each role sees what waits for it, in Indonesian."""

from .base import ReviewTestCase


class DashboardTests(ReviewTestCase):
    """Wagtail's review panels and the deletion-request panel, per role."""

    def dashboard(self, user):
        """The admin dashboard's HTML as ``user`` sees it."""
        self.client.force_login(user)
        return self.client.get("/admin/").content.decode()

    def test_each_reviewer_sees_only_its_own_step(self):
        """A regulation in the legal bureau's step is on its reviewer's dashboard, not on the Kabag's."""
        self.submit(self.legal_user, self.draft)
        reviewer = self.dashboard(self.reviewer)
        self.assertIn("Menunggu tinjauan Anda", reviewer)
        self.assertIn(self.draft.title, reviewer)
        self.assertIn("Minta perubahan", reviewer)
        self.assertIn("Setujui dengan komentar", reviewer)
        self.assertNotIn("Awaiting your review", reviewer)
        self.assertNotIn(self.draft.title, self.dashboard(self.kabag))
        self.assertNotIn(self.draft.title, self.dashboard(self.organisasi))

        self.act(self.reviewer, self.draft, "approve")
        self.assertIn(self.draft.title, self.dashboard(self.kabag))

    def test_the_submitter_follows_its_pages_in_review(self):
        """The OPD editor's dashboard lists its service in review under an Indonesian heading."""
        self.submit(self.opd_editor, self.akta, summary="Ringkasan baru.")
        editor = self.dashboard(self.opd_editor)
        self.assertIn("Halaman dan cuplikan Anda dalam alur kerja", editor)
        self.assertIn(self.akta.title, editor)
        organisasi = self.dashboard(self.organisasi)
        self.assertIn("Menunggu tinjauan Anda", organisasi)
        self.assertIn(self.akta.title, organisasi)

    def test_deletion_requests_wait_on_the_deciders_dashboard(self):
        """A pending deletion request shows on the Bagian Organisasi's dashboard only."""
        self.client.force_login(self.opd_editor)
        self.client.post(f"/admin/tinjauan/hapus/{self.akta.pk}/", {"reason": "Tidak dipakai lagi."})
        self.assertIn("Permintaan penghapusan menunggu keputusan Anda", self.dashboard(self.organisasi))
        self.assertNotIn("Permintaan penghapusan menunggu keputusan Anda", self.dashboard(self.legal_user))

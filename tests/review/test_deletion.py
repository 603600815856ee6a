"""Deleting a live service: refused to its OPD editor, asked for instead, decided by the Bagian Organisasi."""

from django.core import mail
from django.core.exceptions import ValidationError
from wagtail.models import Page, PageLogEntry

from registry.review import deletion
from registry.review.models import DeletionRequest
from registry.services.models import ServicePage
from tests import factories

from .base import ReviewTestCase

REASON = "Layanan digabung ke Akta Kelahiran Terpadu."


class DeletionRequestTests(ReviewTestCase):
    """The request, its e-mails and both decisions."""

    def request_url(self, page):
        """The "Ajukan penghapusan" URL of ``page``."""
        return f"/admin/tinjauan/hapus/{page.pk}/"

    def ask(self):
        """The Disdukcapil editor asks, through the admin, to delete the live Akta service."""
        self.client.force_login(self.opd_editor)
        with self.captureOnCommitCallbacks(execute=True):
            response = self.client.post(self.request_url(self.akta), {"reason": REASON})
        self.assertEqual(response.status_code, 302)
        return DeletionRequest.objects.get(page=self.akta)

    def test_wagtails_delete_view_refuses_the_editor_a_live_service(self):
        """The editor's POST to Wagtail's delete view leaves the live service in place."""
        self.client.force_login(self.opd_editor)
        self.client.post(f"/admin/pages/{self.akta.pk}/delete/")
        self.assertTrue(ServicePage.objects.filter(pk=self.akta.pk).exists())

    def test_the_editor_deletes_a_draft_service_without_review(self):
        """A service that was never published is the editor's to delete."""
        draft = factories.service(self.disdukcapil, title="Layanan Uji", live=False)
        self.client.force_login(self.opd_editor)
        self.client.post(f"/admin/pages/{draft.pk}/delete/")
        self.assertFalse(Page.objects.filter(pk=draft.pk).exists())

    def test_the_explorer_offers_the_request_to_the_editor_only(self):
        """ "Ajukan penghapusan" is on the service's page header for its editor, not for the legal bureau."""
        self.client.force_login(self.opd_editor)
        listing = self.client.get(f"/admin/pages/{self.disdukcapil.pk}/").content.decode()
        self.assertIn(self.request_url(self.akta), listing)
        self.client.force_login(self.legal_user)
        self.assertEqual(self.client.get(self.request_url(self.akta)).status_code, 302)

    def test_a_request_notifies_the_bagian_organisasi(self):
        """The request is recorded with its reason, logged on the page and e-mailed to the deciders."""
        request = self.ask()
        self.assertEqual(
            (request.status, request.reason, request.requested_by), ("menunggu", REASON, self.opd_editor)
        )
        self.assertEqual(len(mail.outbox), 1)
        self.assertEqual(mail.outbox[0].to, [self.organisasi.email])
        self.assertIn("Permintaan penghapusan layanan: Akta Kelahiran", mail.outbox[0].subject)
        self.assertIn(REASON, mail.outbox[0].body)
        self.assertTrue(PageLogEntry.objects.filter(page=self.akta, action=deletion.REQUESTED).exists())
        self.assertTrue(ServicePage.objects.get(pk=self.akta.pk).live)

    def test_a_second_request_is_refused(self):
        """While one request waits, another for the same service is refused with the reason."""
        self.ask()
        with self.assertRaisesMessage(ValidationError, "sudah diajukan"):
            deletion.request_deletion(self.akta, self.opd_editor, "Lagi.")

    def test_approval_deletes_the_service_and_tells_the_editor(self):
        """The Bagian Organisasi's approval deletes the page, logs it and e-mails the editor."""
        request = self.ask()
        self.client.force_login(self.organisasi)
        with self.captureOnCommitCallbacks(execute=True):
            self.client.post(f"/admin/tinjauan/penghapusan/{request.pk}/putus/", {"decision": "setujui"})
        self.assertFalse(Page.objects.filter(pk=self.akta.pk).exists())
        request.refresh_from_db()
        self.assertEqual(
            (request.status, request.decided_by, request.page), ("disetujui", self.organisasi, None)
        )
        actions = set(PageLogEntry.objects.filter(page_id=self.akta.pk).values_list("action", flat=True))
        self.assertTrue({deletion.APPROVED, "wagtail.delete"} <= actions)
        self.assertEqual(mail.outbox[-1].to, [self.opd_editor.email])
        self.assertIn("Penghapusan layanan disetujui: Akta Kelahiran", mail.outbox[-1].subject)

    def test_rejection_needs_a_comment_and_keeps_the_service(self):
        """A rejection without comment is refused; with one, the service stays and the editor reads why."""
        request = self.ask()
        self.client.force_login(self.organisasi)
        url = f"/admin/tinjauan/penghapusan/{request.pk}/putus/"
        self.client.post(url, {"decision": "tolak"})
        request.refresh_from_db()
        self.assertEqual(request.status, "menunggu")
        with self.captureOnCommitCallbacks(execute=True):
            self.client.post(url, {"decision": "tolak", "comment": "Masih dipakai warga."})
        request.refresh_from_db()
        self.assertEqual((request.status, request.comment), ("ditolak", "Masih dipakai warga."))
        self.assertTrue(ServicePage.objects.get(pk=self.akta.pk).live)
        self.assertIn("Penghapusan layanan ditolak", mail.outbox[-1].subject)
        self.assertIn("Masih dipakai warga.", mail.outbox[-1].body)

    def test_only_deciders_see_and_decide_requests(self):
        """The editor and the legal bureau are refused the list and the decision; nothing is deleted."""
        request = self.ask()
        for user in (self.opd_editor, self.legal_user, self.kabag):
            self.client.force_login(user)
            self.assertEqual(self.client.get("/admin/tinjauan/penghapusan/").status_code, 302)
            self.client.post(f"/admin/tinjauan/penghapusan/{request.pk}/putus/", {"decision": "setujui"})
        self.assertTrue(ServicePage.objects.filter(pk=self.akta.pk).exists())
        self.client.force_login(self.organisasi)
        self.assertContains(self.client.get("/admin/tinjauan/penghapusan/"), REASON)

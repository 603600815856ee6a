"""What an OPD editor can and cannot do: edit its own OPD's services, nothing else."""

from wagtail.test.utils.form_data import querydict_from_html

from registry.services.models import ServicePage

from .base import RegistryAdminTestCase


class OPDEditorTests(RegistryAdminTestCase):
    """A Disdukcapil editor works inside the Disdukcapil subtree only."""

    def setUp(self):
        self.client.force_login(self.opd_editor)

    def test_opens_its_own_service(self):
        """The edit view of a Disdukcapil service answers 200."""
        self.assertEqual(self.client.get(self.edit_url(self.akta)).status_code, 200)

    def test_submits_a_change_to_its_own_service_for_review(self):
        """Posting the edit form with "publish" changes nothing live; "submit" starts the review."""
        url = self.edit_url(self.akta)
        data = querydict_from_html(self.client.get(url).content.decode(), form_id="page-edit-form")
        data["summary"] = "Penerbitan akta kelahiran bagi penduduk Balikpapan."
        data["action-publish"] = "action-publish"
        self.client.post(url, data)
        self.assertFalse(ServicePage.objects.get(pk=self.akta.pk).summary.startswith("Penerbitan akta"))
        del data["action-publish"]
        data["action-submit"] = "action-submit"
        self.assertEqual(self.client.post(url, data).status_code, 302)
        page = ServicePage.objects.get(pk=self.akta.pk)
        self.assertFalse(page.summary.startswith("Penerbitan akta"))
        self.assertTrue(page.has_unpublished_changes and page.workflow_in_progress)

    def test_cannot_edit_another_opds_service(self):
        """The DPMPTSP service is refused (redirect to the dashboard)."""
        self.assertIn(self.client.get(self.edit_url(self.izin)).status_code, (302, 403))

    def test_cannot_edit_a_regulation(self):
        """A regulation is refused (redirect to the dashboard)."""
        self.assertIn(self.client.get(self.edit_url(self.perwal)).status_code, (302, 403))

    def test_reads_the_regulation_register_but_not_the_service_register(self):
        """The regulation register is open to OPD editors; the service register is not."""
        self.assertEqual(self.client.get("/admin/daftar-peraturan/").status_code, 200)
        self.assertEqual(self.client.get("/admin/daftar-layanan/").status_code, 302)

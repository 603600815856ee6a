"""What "Bagian Hukum" can and cannot do in the admin."""

from wagtail.test.utils.form_data import querydict_from_html

from registry.regulations.models import RegulationIndexPage, RegulationPage, RegulationType

from .base import RegistryAdminTestCase


class LegalBureauTests(RegistryAdminTestCase):
    """Bagian Hukum manages regulations and their types, and nothing in the service tree."""

    def setUp(self):
        self.client.force_login(self.legal_user)

    def test_opens_the_regulation_edit_view(self):
        """The edit view of a regulation answers 200."""
        self.assertEqual(self.client.get(self.edit_url(self.perwal)).status_code, 200)

    def test_submits_a_new_regulation_for_review_under_the_index(self):
        """Posting the add form with "submit" creates a draft in review under the index, not live."""
        index = RegulationIndexPage.objects.get()
        url = f"/admin/pages/add/regulations/regulationpage/{index.pk}/"
        data = querydict_from_html(self.client.get(url).content.decode(), form_id="page-edit-form")
        data.update(
            {
                "title": "Peraturan Wali Kota Nomor 15 Tahun 2024 tentang Tarif Parkir",
                "regulation_type": str(RegulationType.objects.get(code="PERWAL").pk),
                "wilayah": "Kota Balikpapan",
                "nomor": "15",
                "tahun": "2024",
                "tentang": "Tarif Parkir",
                "slug": "perwal-2024-15",
                "action-submit": "action-submit",
            }
        )
        response = self.client.post(url, data)
        self.assertEqual(response.status_code, 302)
        created = RegulationPage.objects.get(nomor="15", tahun=2024)
        self.assertFalse(created.live)
        self.assertEqual(created.current_workflow_task.name, "Tinjauan Bagian Hukum")
        self.assertEqual(created.get_parent().pk, index.pk)

    def test_cannot_edit_a_service(self):
        """A service's edit view is refused (redirect to the dashboard)."""
        self.assertIn(self.client.get(self.edit_url(self.akta)).status_code, (302, 403))

    def test_manages_regulation_types(self):
        """The regulation type add view is open to the legal bureau."""
        response = self.client.get("/admin/snippets/regulations/regulationtype/add/")
        self.assertEqual(response.status_code, 200)

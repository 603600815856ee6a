"""The legal bureau's "Delegasi terbuka" listing and the references panel of the edit view."""

from registry.regulations.parser import parse_regulation
from registry.regulations.references import store_references
from tests.regulations.reference_texts import PERDA, PERWAL
from tests.regulations.test_references import _document

from .base import RegistryAdminTestCase

URL = "/admin/delegasi/"


class DelegationListTests(RegistryAdminTestCase):
    """Bagian Hukum reads the open delegations, with their Pasal; other roles are kept out."""

    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        # The fixture's Perda 4/2023 gets a text that delegates in Pasal 2.
        cls.new_perda.document = _document("perda-4")
        cls.new_perda.save()
        store_references(cls.new_perda.document, parse_regulation([PERDA]))

    def test_legal_bureau_sees_the_open_delegation_with_its_pasal(self):
        """The row names the regulation, the Pasal, the clause and the instrument delegated to."""
        self.client.force_login(self.legal_user)
        body = self.client.get(URL, {"status": "terbuka"}).content.decode()
        self.assertIn(self.new_perda.title, body)
        self.assertIn("Pasal 2", body)
        self.assertIn("diatur dengan Peraturan Wali Kota", body)

    def test_a_fulfilled_delegation_leaves_the_open_filter(self):
        """Once a live Perwal says it implements Pasal 2, the row shows under 'Sudah dilaksanakan' only."""
        self.perwal.document = _document("perwal-7")
        self.perwal.save_revision().publish()
        text = PERWAL.replace("Nomor 3 Tahun 2018", "Nomor 4 Tahun 2023")
        store_references(self.perwal.document, parse_regulation([text]))
        self.client.force_login(self.legal_user)
        self.assertNotIn("Pasal 2", self.client.get(URL, {"status": "terbuka"}).content.decode())
        self.assertIn("Pasal 2", self.client.get(URL, {"status": "terlaksana"}).content.decode())

    def test_evaluator_and_opd_editor_are_refused(self):
        """Only Bagian Hukum (and superusers) may open the listing."""
        for user in (self.evaluator, self.opd_editor):
            self.client.force_login(user)
            self.assertIn(self.client.get(URL).status_code, (302, 403))

    def test_edit_view_shows_the_mengingat_read_from_the_text(self):
        """The regulation's edit view lists its Mengingat items and its delegation."""
        self.client.force_login(self.legal_user)
        body = self.client.get(self.edit_url(self.new_perda)).content.decode()
        self.assertIn("Undang-Undang Nomor 28 Tahun 2009", body)
        self.assertIn("Belum dilaksanakan.", body)

"""The permission matrix: who can edit, publish, delete, submit and approve regulations and services."""

from django.contrib.auth import get_user_model
from wagtail.models import GroupApprovalTask
from wagtail.test.utils.form_data import querydict_from_html

from registry.regulations.models import RegulationIndexPage
from registry.review.deletion import may_decide, may_request_deletion
from registry.review.workflows import REGULATION_WORKFLOW, SERVICE_WORKFLOW

from .base import ReviewTestCase

COLUMNS = (
    "tambah peraturan",
    "ubah peraturan",
    "terbitkan peraturan",
    "hapus peraturan",
    "tinjau peraturan",
    "setujui peraturan",
    "ubah layanan",
    "terbitkan layanan",
    "hapus layanan",
    "tarik layanan",
    "ajukan penghapusan",
    "tinjau layanan",
    "putus penghapusan",
)
#: role → the capabilities (COLUMNS) it has on a live Perwal and on a live Disdukcapil service.
EXPECTED = {
    "hukum": {"tambah peraturan", "ubah peraturan", "tinjau peraturan"},
    "kabag": {"setujui peraturan"},
    "organisasi": {"tinjau layanan", "putus penghapusan"},
    "editor": {"tambah peraturan", "ubah layanan", "ajukan penghapusan"},
    "evaluator": set(),
    "admin": set(COLUMNS) - {"ajukan penghapusan"},
}


class PermissionMatrixTests(ReviewTestCase):
    """Each role's capabilities, computed with Wagtail's own permission checks."""

    def capabilities(self, user):
        """The COLUMNS ``user`` has on ``perwal`` and ``akta``."""
        regulation = self.perwal.permissions_for_user(user)
        service = self.akta.permissions_for_user(user)
        legal_review, kabag_approval = (
            GroupApprovalTask.objects.get(name=name) for name, _group in REGULATION_WORKFLOW.steps
        )
        service_review = GroupApprovalTask.objects.get(name=SERVICE_WORKFLOW.steps[0][0])
        index = RegulationIndexPage.objects.get()
        facts = {
            "tambah peraturan": index.permissions_for_user(user).can_add_subpage(),
            "ubah peraturan": regulation.can_edit(),
            "terbitkan peraturan": regulation.can_publish(),
            "hapus peraturan": regulation.can_delete(),
            "tinjau peraturan": bool(legal_review.get_actions(self.perwal, user)),
            "setujui peraturan": bool(kabag_approval.get_actions(self.perwal, user)),
            "ubah layanan": service.can_edit(),
            "terbitkan layanan": service.can_publish(),
            "hapus layanan": service.can_delete(),
            "tarik layanan": service.can_unpublish(),
            "ajukan penghapusan": may_request_deletion(self.akta, user),
            "tinjau layanan": bool(service_review.get_actions(self.akta, user)),
            "putus penghapusan": may_decide(user),
        }
        return {name for name, held in facts.items() if held}

    def test_each_role_has_exactly_its_capabilities(self):
        """No role but the superuser publishes; each reviewer approves only its own step."""
        admin = get_user_model().objects.create_superuser("admin", "admin@example.test", "sandi")
        users = {
            "hukum": self.legal_user,
            "kabag": self.kabag,
            "organisasi": self.organisasi,
            "editor": self.opd_editor,
            "evaluator": self.evaluator,
            "admin": admin,
        }
        self.assertEqual({role: self.capabilities(user) for role, user in users.items()}, EXPECTED)

    def test_opd_editor_has_no_right_on_another_opds_service(self):
        """The Disdukcapil editor can neither edit nor ask to delete the DPMPTSP service."""
        self.assertFalse(self.izin.permissions_for_user(self.opd_editor).can_edit())
        self.assertFalse(may_request_deletion(self.izin, self.opd_editor))

    def test_opd_editor_edits_only_the_regulation_drafts_it_created(self):
        """'add' on the index lets an OPD edit its own draft regulation, not one it did not create."""
        self.draft.owner = self.opd_editor
        self.draft.save()
        self.assertTrue(self.draft.permissions_for_user(self.opd_editor).can_edit())
        self.assertFalse(self.draft.permissions_for_user(self.opd_editor).can_publish())
        self.assertFalse(self.perwal.permissions_for_user(self.opd_editor).can_edit())

    def test_direct_publish_is_refused_for_the_legal_bureau(self):
        """Posting "publish" as Bagian Hukum leaves the draft regulation unpublished."""
        self.client.force_login(self.legal_user)
        url = self.edit_url(self.draft)
        data = querydict_from_html(self.client.get(url).content.decode(), form_id="page-edit-form")
        data["action-publish"] = "action-publish"
        self.client.post(url, data)
        self.draft.refresh_from_db()
        self.assertFalse(self.draft.live)

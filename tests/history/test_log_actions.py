"""Issue #13 item 6: every change to a relation, a legal basis or an extraction is in the history.

Publishing here skips the permission check, as the last approval of a review does
(``registry.review.finish``): the person logged is the one who made the change.
"""

from django.contrib.auth.models import Group
from django.test import TestCase
from wagtail.log_actions import LogContext
from wagtail.models import GroupApprovalTask, PageLogEntry, Workflow, WorkflowTask

from registry.history import actions
from registry.history.export import regulation_history
from registry.permissions import BAGIAN_HUKUM, assign_opd_editor, ensure_groups
from registry.regulations.choices import RelationKind
from registry.regulations.models import RegulationRelation
from registry.services.models import LegalBasis
from tests import factories
from tests.admin.base import make_user


def entries(page, action):
    """The log entries of ``page`` with ``action``, oldest first."""
    return list(PageLogEntry.objects.filter(page=page, action=action).order_by("timestamp", "pk"))


class RelationHistoryTests(TestCase):
    """Two regulations and a legal-bureau user acting in the admin's log context."""

    @classmethod
    def setUpTestData(cls):
        cls.old = factories.regulation("PERDA", nomor="3", tahun=2019, tentang="Retribusi Lama")
        cls.new = factories.regulation("PERDA", nomor="4", tahun=2023, tentang="Retribusi Baru")
        ensure_groups()
        cls.user = make_user("hukum", Group.objects.get(name=BAGIAN_HUKUM))

    def test_adding_a_relation_is_logged_on_both_regulations_with_the_user(self):
        """The source says "Hubungan ditambahkan: Mencabut …", the target "Dicabut oleh …"; both name the user."""
        with LogContext(user=self.user):
            factories.relate(self.new, self.old, RelationKind.MENCABUT, provision="Pasal 36")
        [held] = entries(self.new, actions.RELATION_CREATE)
        [received] = entries(self.old, actions.INCOMING_RELATION_CREATE)
        assert held.user == received.user == self.user and held.uuid == received.uuid
        assert held.message == f"Hubungan ditambahkan: Mencabut {self.old.title}, Pasal 36"
        assert received.message == f"Hubungan masuk ditambahkan: Dicabut oleh {self.new.title}, Pasal 36"
        assert held.timestamp is not None

    def test_changing_a_relation_logs_what_changed(self):
        """Changing the kind logs old → new on both pages; saving it unchanged logs nothing more."""
        factories.relate(self.new, self.old, RelationKind.MENGUBAH)
        relation = self.new.relations.get()
        relation.kind = RelationKind.MENCABUT
        with LogContext(user=self.user):
            relation.save()
            relation.save()
        [edit] = entries(self.new, actions.RELATION_EDIT)
        assert edit.user == self.user and edit.data["changes"] == {"kind": ["mengubah", "mencabut"]}
        assert "Hubungan diubah: Mencabut" in edit.message and "mengubah → mencabut" in edit.message
        assert len(entries(self.old, actions.INCOMING_RELATION_EDIT)) == 1

    def test_removing_a_relation_in_a_publish_is_logged(self):
        """A relation dropped from the page and published is logged as deleted, with the publisher."""
        factories.relate(self.new, self.old, RelationKind.MENCABUT)
        self.new.relations.clear()
        with LogContext(user=self.user):
            self.new.save_revision(user=self.user).publish(user=self.user, skip_permission_checks=True)
        [deleted] = entries(self.new, actions.RELATION_DELETE)
        assert deleted.user == self.user and deleted.message.startswith("Hubungan dihapus: Mencabut")
        assert entries(self.old, actions.INCOMING_RELATION_DELETE)[0].user == self.user

    def test_work_outside_a_request_is_logged_as_the_system(self):
        """Without a user (a command, a scheduled publish) the entry has none, and is still written."""
        factories.relate(self.new, self.old, RelationKind.MENCABUT)
        [held] = entries(self.new, actions.RELATION_CREATE)
        assert held.user is None

    def test_the_page_history_view_shows_the_indonesian_message(self):
        """Wagtail's history of the regulation lists the relation with its label and who did it."""
        with LogContext(user=self.user):
            factories.relate(self.new, self.old, RelationKind.MENCABUT)
        admin = make_user("admin")
        admin.is_superuser = True
        admin.save()
        self.client.force_login(admin)
        html = self.client.get(f"/admin/pages/{self.old.pk}/history/").content.decode()
        assert "Hubungan masuk ditambahkan: Dicabut oleh" in html and "hukum" in html

    def test_site_history_report_lists_the_action_with_its_label(self):
        """ "Laporan > Riwayat situs" shows the entry, and offers the action in its filter."""
        with LogContext(user=self.user):
            factories.relate(self.new, self.old, RelationKind.MENCABUT)
        admin = make_user("admin")
        admin.is_superuser = True
        admin.save()
        self.client.force_login(admin)
        html = self.client.get("/admin/reports/site-history/").content.decode()
        assert f"Hubungan ditambahkan: Mencabut {self.old.title}" in html
        assert "Tambah hubungan peraturan" in html

    def test_every_relation_of_one_publish_shows_in_the_history_view(self):
        """Two relations added in one publish are two lines of Wagtail's history, not one."""
        third = factories.regulation("PERDA", nomor="5", tahun=2018, tentang="Retribusi Pasar")
        self.new.relations.add(RegulationRelation(target=self.old, kind=RelationKind.MENCABUT))
        self.new.relations.add(RegulationRelation(target=third, kind=RelationKind.MENGUBAH))
        with LogContext(user=self.user):
            self.new.save_revision(user=self.user).publish(user=self.user, skip_permission_checks=True)
        assert len(entries(self.new, actions.RELATION_CREATE)) == 2
        admin = make_user("admin")
        admin.is_superuser = True
        admin.save()
        self.client.force_login(admin)
        html = self.client.get(f"/admin/pages/{self.new.pk}/history/").content.decode()
        assert f"Mencabut {self.old.title}" in html and f"Mengubah {third.title}" in html


class LegalBasisHistoryTests(TestCase):
    """A service citing a regulation, edited by a user in the log context."""

    @classmethod
    def setUpTestData(cls):
        cls.perwal = factories.regulation("PERWAL", nomor="7", tahun=2024, tentang="Akta")
        cls.other = factories.regulation("PERWAL", nomor="8", tahun=2024, tentang="Akta Lain")
        unit = factories.opd()
        cls.service = factories.service(unit, title="Akta Kelahiran")
        cls.user = make_user("editor")
        assign_opd_editor(cls.user, unit)

    def add_basis(self, provision="Pasal 5"):
        self.service.legal_bases.add(LegalBasis(regulation=self.perwal, provision=provision))
        with LogContext(user=self.user):
            self.service.save_revision(user=self.user).publish(user=self.user, skip_permission_checks=True)

    def test_adding_a_legal_basis_is_logged_on_the_service_and_the_regulation(self):
        """The service says "Dasar hukum ditambahkan", the regulation "Dijadikan dasar hukum layanan"."""
        self.add_basis()
        [on_service] = entries(self.service, actions.BASIS_CREATE)
        [on_regulation] = entries(self.perwal, actions.BASIS_IN_CREATE)
        assert on_service.user == on_regulation.user == self.user
        assert on_service.message == f"Dasar hukum ditambahkan: {self.perwal.title}, Pasal 5"
        assert on_regulation.message == "Dijadikan dasar hukum layanan: Akta Kelahiran, Pasal 5"

    def test_changing_the_cited_regulation_shows_both_titles(self):
        """Pointing a basis at another regulation logs the old and the new title."""
        self.add_basis()
        basis = LegalBasis.objects.get(page=self.service)
        basis.regulation = self.other
        with LogContext(user=self.user):
            basis.save()
        [edit] = entries(self.service, actions.BASIS_EDIT)
        assert edit.data["changes"] == {"regulation": [self.perwal.title, self.other.title]}
        assert entries(self.other, actions.BASIS_IN_EDIT)[0].user == self.user

    def test_removing_a_legal_basis_is_logged(self):
        """Dropping the basis and publishing logs it on both pages."""
        self.add_basis()
        self.service.legal_bases.clear()
        with LogContext(user=self.user):
            self.service.save_revision(user=self.user).publish(user=self.user, skip_permission_checks=True)
        [removed] = entries(self.perwal, actions.BASIS_IN_DELETE)
        assert removed.user == self.user
        assert removed.message == "Tidak lagi menjadi dasar hukum layanan: Akta Kelahiran, Pasal 5"
        assert len(entries(self.service, actions.BASIS_DELETE)) == 1


class WorkflowHistoryTests(TestCase):
    """Workflow steps are logged by Wagtail itself on the regulation's page."""

    @classmethod
    def setUpTestData(cls):
        cls.regulation = factories.regulation(
            "PERWAL", nomor="9", tahun=2024, tentang="Rancangan", live=False
        )
        ensure_groups()
        cls.legal = Group.objects.get(name=BAGIAN_HUKUM)
        cls.user = make_user("hukum", cls.legal)
        cls.workflow = Workflow.objects.create(name="Verifikasi hukum")
        task = GroupApprovalTask.objects.create(name="Verifikasi")
        task.groups.add(cls.legal)
        WorkflowTask.objects.create(workflow=cls.workflow, task=task, sort_order=0)

    def test_submit_and_approve_appear_in_the_history(self):
        """Submitting and approving are page log entries with user and comment, and are in the export."""
        state = self.workflow.start(self.regulation, self.user)
        task_state = state.current_task_state
        task_state.task.specific.on_action(task_state, self.user, "approve", comment="Sudah sesuai")
        logged = {entry.action: entry for entry in PageLogEntry.objects.filter(page=self.regulation)}
        assert logged["wagtail.workflow.start"].user == self.user
        assert logged["wagtail.workflow.approve"].comment == "Sudah sesuai"
        exported = {row.action: row for row in regulation_history(self.regulation)}
        assert exported["wagtail.workflow.approve"].comment == "Sudah sesuai"
        assert exported["wagtail.workflow.start"].user == "hukum"

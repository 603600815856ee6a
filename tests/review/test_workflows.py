"""The review paths: a regulation (drafter → Bagian Hukum → Kabag → live) and a service (OPD editor →
Bagian Organisasi → live, or back to the editor with a comment), with their Indonesian e-mails."""

from io import StringIO

from django.core import mail
from django.core.management import call_command
from wagtail.models import Workflow, WorkflowPage, WorkflowState

from registry.regulations.models import RegulationIndexPage, RegulationPage
from registry.review.workflows import REGULATION_WORKFLOW, SERVICE_WORKFLOW, ensure_workflows
from registry.services.models import PerangkatDaerahIndexPage, ServicePage

from .base import ReviewTestCase


class EnsureWorkflowsTests(ReviewTestCase):
    """registry.review.workflows.ensure_workflows and the setup_groups command."""

    def test_workflows_hang_on_the_two_indexes_with_their_steps(self):
        """The regulation index has the two-step workflow, the OPD index the one-step one."""
        regulation = WorkflowPage.objects.get(page=RegulationIndexPage.objects.get()).workflow
        service = WorkflowPage.objects.get(page=PerangkatDaerahIndexPage.objects.get()).workflow
        self.assertEqual(
            [task.name for task in regulation.tasks],
            ["Tinjauan Bagian Hukum", "Persetujuan Kepala Bagian Hukum"],
        )
        self.assertEqual([task.name for task in service.tasks], ["Tinjauan Bagian Organisasi"])
        self.assertEqual(self.akta.get_workflow(), service)
        self.assertEqual(self.perwal.get_workflow(), regulation)

    def test_second_run_changes_nothing(self):
        """A second run reports no change and creates no workflow, task or assignment."""
        counts = (Workflow.objects.count(), WorkflowPage.objects.count())
        self.assertFalse([change for change in ensure_workflows() if change.changed])
        self.assertEqual((Workflow.objects.count(), WorkflowPage.objects.count()), counts)

    def test_an_administrators_choice_is_reported_not_overwritten(self):
        """Another workflow on the OPD index stays; the run says so."""
        other = Workflow.objects.create(name="Alur lain")
        WorkflowPage.objects.filter(page=PerangkatDaerahIndexPage.objects.get()).update(workflow=other)
        change = {c.name: c for c in ensure_workflows()}[SERVICE_WORKFLOW.name]
        self.assertIn("Alur lain", " ".join(change.notes))
        self.assertEqual(self.akta.get_workflow(), other)

    def test_setup_groups_creates_the_workflows_and_reports_in_indonesian(self):
        """After the workflows are deleted, setup_groups recreates them and says so."""
        Workflow.objects.filter(name__in=[REGULATION_WORKFLOW.name, SERVICE_WORKFLOW.name]).delete()
        out = StringIO()
        call_command("setup_groups", stdout=out)
        self.assertIn("Alur kerja 'Pengesahan peraturan' dibuat.", out.getvalue())
        self.assertIn("Alur kerja 'Tinjauan layanan' dibuat.", out.getvalue())
        self.assertEqual(self.perwal.get_workflow().name, REGULATION_WORKFLOW.name)


class RegulationReviewTests(ReviewTestCase):
    """Drafter → review by Bagian Hukum → approval by the Kepala Bagian Hukum → live."""

    def test_the_kabags_approval_publishes(self):
        """Each step notifies the next reviewers in Indonesian; only the last approval publishes."""
        with self.captureOnCommitCallbacks(execute=True):
            self.submit(self.legal_user, self.draft, tentang="Rancangan Tarif Parkir")
        page = RegulationPage.objects.get(pk=self.draft.pk)
        self.assertFalse(page.live)
        self.assertEqual(page.current_workflow_task.name, "Tinjauan Bagian Hukum")
        self.assertEqual(
            self.mails_to(self.reviewer), [f'Menunggu tinjauan Anda (Tinjauan Bagian Hukum): "{page.title}"']
        )
        self.assertEqual(self.mails_to(self.legal_user), [], "the submitter is not notified of his own step")
        self.assertEqual(self.mails_to(self.kabag), [])

        self.act(self.reviewer, page, "approve", comment="Sudah sesuai teknik penyusunan.")
        page = RegulationPage.objects.get(pk=self.draft.pk)
        self.assertFalse(page.live)
        self.assertEqual(page.current_workflow_task.name, "Persetujuan Kepala Bagian Hukum")
        self.assertEqual(len(self.mails_to(self.kabag)), 1)
        self.assertIn("Persetujuan Kepala Bagian Hukum", self.mails_to(self.kabag)[0])
        self.assertIn("menunggu tinjauan Anda", mail.outbox[-1].body)

        # The legal bureau cannot take the Kabag's step.
        self.act(self.legal_user, page, "approve")
        self.assertFalse(RegulationPage.objects.get(pk=self.draft.pk).live)

        self.act(self.kabag, page, "approve")
        page = RegulationPage.objects.get(pk=self.draft.pk)
        self.assertTrue(page.live)
        self.assertEqual(page.tentang, "Rancangan Tarif Parkir")
        self.assertEqual(
            self.mails_to(self.legal_user),
            [f'Disetujui dan diterbitkan: "{page.title}" (Pengesahan peraturan)'],
        )
        state = WorkflowState.objects.get(object_id=str(page.pk))
        self.assertEqual(state.status, WorkflowState.STATUS_APPROVED)
        comments = list(state.task_states.exclude(comment="").values_list("comment", flat=True))
        self.assertEqual(comments, ["Sudah sesuai teknik penyusunan."])


class ServiceReviewTests(ReviewTestCase):
    """An OPD editor's change to a live service → Bagian Organisasi → live, or back with a comment."""

    NEW_SUMMARY = "Penerbitan akta kelahiran bagi penduduk Balikpapan."

    def test_rejection_sends_it_back_then_approval_publishes(self):
        """The live service is unchanged until the Bagian Organisasi approves the resubmitted change."""
        self.submit(self.opd_editor, self.akta, summary=self.NEW_SUMMARY)
        self.assertEqual(
            self.mails_to(self.organisasi),
            [f'Menunggu tinjauan Anda (Tinjauan Bagian Organisasi): "{self.akta.title}"'],
        )
        self.assertEqual(ServicePage.objects.get(pk=self.akta.pk).summary, self.akta.summary)

        self.act(self.organisasi, self.akta, "reject", comment="Lengkapi waktu penyelesaian.")
        page = ServicePage.objects.get(pk=self.akta.pk)
        self.assertEqual(page.current_workflow_state.status, WorkflowState.STATUS_NEEDS_CHANGES)
        self.assertNotEqual(page.summary, self.NEW_SUMMARY)
        rejected = [m for m in mail.outbox if self.opd_editor.email in m.to]
        self.assertEqual(
            rejected[-1].subject, f'Perlu perubahan (Tinjauan Bagian Organisasi): "{page.title}"'
        )
        self.assertIn('Komentar peninjau: "Lengkapi waktu penyelesaian."', rejected[-1].body)
        self.assertIn("organisasi", rejected[-1].body)

        self.submit(self.opd_editor, page, summary=self.NEW_SUMMARY)  # resubmitted after the fix
        self.act(self.organisasi, page, "approve")
        page = ServicePage.objects.get(pk=self.akta.pk)
        self.assertEqual(page.summary, self.NEW_SUMMARY)
        self.assertFalse(page.has_unpublished_changes)
        self.assertEqual(
            self.mails_to(self.opd_editor)[-1],
            f'Disetujui dan diterbitkan: "{page.title}" (Tinjauan layanan)',
        )

    def test_the_legal_bureau_cannot_review_a_service(self):
        """Bagian Hukum's approval of a service in review is refused; the service stays in review."""
        self.submit(self.opd_editor, self.akta, summary=self.NEW_SUMMARY)
        self.act(self.legal_user, self.akta, "approve")
        page = ServicePage.objects.get(pk=self.akta.pk)
        self.assertTrue(page.workflow_in_progress)
        self.assertNotEqual(page.summary, self.NEW_SUMMARY)

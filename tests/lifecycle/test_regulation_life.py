"""Issue #13 end to end: the life of one Perwal, with time moved (time-machine).

Perwal X is drafted by the Bagian Hukum, reviewed, approved by the Kepala Bagian Hukum and published
on its tanggal pengundangan by the scheduled job; a Disdukcapil service relies on its Pasal 5. Perwal
Y amends X from a tanggal berlaku a month later: until then X stays "berlaku" and the service's OPD
editor is warned; on the date the daily jobs make X "diubah". Perwal Z then revokes X. Each step
asserts statuses, coverage, notifications, e-mails and who may edit, publish or approve.
"""

from datetime import date, datetime
from zoneinfo import ZoneInfo

import time_machine
from django.core import mail
from django.test import Client
from wagtail.models import WorkflowState
from wagtail.test.utils.form_data import inline_formset, nested_form_data, querydict_from_html

from registry.coverage.models import Finding, ServiceCoverage
from registry.history import actions
from registry.history.export import regulation_history
from registry.notifications.models import Notification, NotificationKind
from registry.ops import schedule
from registry.ops.models import RunOutcome
from registry.permissions import assign_opd_editor
from registry.regulations.choices import RelationKind, Status
from registry.regulations.models import RegulationIndexPage, RegulationPage, RegulationType
from registry.review.workflows import REGULATION_WORKFLOW
from registry.visibility import is_public
from tests import factories
from tests.admin.base import make_user
from tests.review.base import ReviewTestCase

WITA = ZoneInfo("Asia/Makassar")
LEGAL_REVIEW, KABAG_APPROVAL = (name for name, _group in REGULATION_WORKFLOW.steps)

#: The moments of the story, city time.
DRAFTED = datetime(2027, 2, 1, 9, 0, tzinfo=WITA)  # X drafted; promulgated on 8 February
PROMULGATED = datetime(2027, 2, 8, 0, 10, tzinfo=WITA)  # the five-minute job has run
AMENDED = datetime(2027, 3, 1, 10, 0, tzinfo=WITA)  # Y published, in force from 1 April
AMENDMENT_IN_FORCE = datetime(2027, 4, 1, 0, 30, tzinfo=WITA)  # the daily jobs have run
REVOKED = datetime(2027, 5, 3, 10, 0, tzinfo=WITA)  # Z published, in force at once


def travel(moment):
    """Stop the clock at ``moment``."""
    return time_machine.travel(moment, tick=False)


def _rights(**held):
    """Who may do what (see ``RegulationLifeTests.rights``); roles not named may do nothing."""
    roles = ("drafter", "reviewer", "kabag", "organisasi", "opd_editor", "evaluator")
    return {role: set(held.get(role, ())) for role in roles}


#: In the Bagian Hukum's step the bureau edits and reviews (Wagtail does not stop the submitter from
#: being one of the reviewers); the Kabag's step is out of its hands. Nobody publishes directly.
IN_LEGAL_REVIEW = _rights(drafter={"ubah", "tinjau"}, reviewer={"ubah", "tinjau"})
#: In the Kabag's step the page is locked for everybody else; the Kabag may correct it while
#: approving, as Wagtail lets a step's reviewers do.
IN_KABAG_APPROVAL = _rights(kabag={"ubah", "setujui"})
#: Live and out of review: the legal bureau edits (a change goes through review again).
OUT_OF_REVIEW = _rights(drafter={"ubah"}, reviewer={"ubah"})


class RegulationLifeTests(ReviewTestCase):
    """One Perwal from draft to revocation; the steps run in order in one test and share its state."""

    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.dpmptsp_editor = make_user("editor_dpmptsp")
        assign_opd_editor(cls.dpmptsp_editor, cls.dpmptsp)
        cls.people = {
            "drafter": cls.legal_user,
            "reviewer": cls.reviewer,
            "kabag": cls.kabag,
            "organisasi": cls.organisasi,
            "opd_editor": cls.opd_editor,
            "evaluator": cls.evaluator,
        }

    # --- helpers ---------------------------------------------------------------------------------

    def create_and_submit(self, nomor, tentang, penetapan, pengundangan, berlaku=None, relations=()):
        """As the drafter, post the admin's "add regulation" form with "submit for review"."""
        self.client.force_login(self.legal_user)
        url = f"/admin/pages/add/regulations/regulationpage/{RegulationIndexPage.objects.get().pk}/"
        data = querydict_from_html(self.client.get(url).content.decode(), form_id="page-edit-form")
        data.update(
            {
                "title": "",
                "slug": "",
                "regulation_type": str(RegulationType.objects.get(code="PERWAL").pk),
                "wilayah": "Kota Balikpapan",
                "nomor": nomor,
                "tahun": str(penetapan.year),
                "tentang": tentang,
                "tanggal_penetapan": penetapan.isoformat(),
                "tanggal_pengundangan": pengundangan.isoformat(),
                "tanggal_berlaku": berlaku.isoformat() if berlaku else "",
                "action-submit": "action-submit",
            }
        )
        if relations:
            rows = [
                {"kind": kind, "target": str(target.pk), "provision": "", "scope_text": ""}
                for kind, target in relations
            ]
            data.update(nested_form_data({"relations": inline_formset(rows)}))
        with self.captureOnCommitCallbacks(execute=True):
            response = self.client.post(url, data)
        self.assertEqual(response.status_code, 302, response.content.decode()[:2000])
        page = RegulationPage.objects.get(nomor=nomor, tahun=penetapan.year)
        self.assertEqual(page.owner, self.legal_user)
        return page

    def fresh(self, page):
        """``page`` as stored now."""
        return RegulationPage.objects.get(pk=page.pk)

    def rights(self, page):
        """What each person may do on ``page`` now: ubah, terbitkan, tinjau (step 1), setujui (step 2)."""
        page = self.fresh(page)
        task = page.current_workflow_task
        lock = page.get_lock()
        result = {}
        for role, user in self.people.items():
            perms = page.permissions_for_user(user)
            held = set()
            if perms.can_edit() and not (lock is not None and lock.for_user(user)):
                held.add("ubah")
            if perms.can_publish():
                held.add("terbitkan")
            if task is not None and task.specific.get_actions(page, user):
                held.add("tinjau" if task.name == LEGAL_REVIEW else "setujui")
            result[role] = held
        return result

    def step_name(self, page):
        """The name of ``page``'s current review step, or None."""
        task = self.fresh(page).current_workflow_task
        return task.name if task else None

    def review(self, page):
        """Bagian Hukum's reviewer approves, then the Kabag: the last approval publishes (or schedules)."""
        with self.captureOnCommitCallbacks(execute=True):
            self.act(self.reviewer, page, "approve", comment="Sesuai teknik penyusunan.")
        self.assertEqual(self.step_name(page), KABAG_APPROVAL)
        self.assertEqual(self.rights(page), IN_KABAG_APPROVAL)
        with self.captureOnCommitCallbacks(execute=True):
            self.act(self.kabag, page, "approve")
        self.assertIsNone(self.step_name(page))
        state = WorkflowState.objects.filter(object_id=str(page.pk)).latest("created_at")
        self.assertEqual(state.status, WorkflowState.STATUS_APPROVED)

    def run_job(self, name):
        """Run one scheduled job now; it must succeed. Returns its message."""
        with self.captureOnCommitCallbacks(execute=True):
            run = schedule.enqueue(schedule.JOBS_BY_NAME[name])
        self.assertEqual(run.outcome, RunOutcome.OK, run.message)
        return run.message

    def findings(self, service):
        """The coverage finding codes of ``service``."""
        return set(Finding.objects.filter(coverage_id=service.pk).values_list("code", flat=True))

    def notified(self, kind):
        """(username, service title) of each ``kind`` notification."""
        rows = Notification.objects.filter(kind=kind).order_by("pk")
        return [(n.recipient.username, n.service.title) for n in rows.select_related("recipient", "service")]

    def notice_mails(self, label):
        """The addressees of the notification e-mails whose subject names ``label``."""
        return [message.to for message in mail.outbox if f"] {label}:" in message.subject]

    # --- the story -------------------------------------------------------------------------------

    def test_life_of_a_perwal(self):
        """Draft → review → scheduled publication → amendment announced, then in force → revocation."""
        with travel(DRAFTED):
            x = self.step_1_drafted_reviewed_and_scheduled()
        with travel(PROMULGATED):
            service = self.step_2_published_on_its_pengundangan(x)
        with travel(AMENDED):
            y = self.step_3_amendment_announced(x, service)
        with travel(AMENDMENT_IN_FORCE):
            self.step_4_amendment_in_force(x, y, service)
        with travel(REVOKED):
            z = self.step_5_revoked(x, service)
            self.step_6_history(x, y, z)

    def step_1_drafted_reviewed_and_scheduled(self):
        """The drafter submits X; nobody publishes it directly; two approvals schedule it."""
        x = self.create_and_submit(
            "21", "Pelayanan Akta Kematian", date(2027, 2, 1), pengundangan=date(2027, 2, 8)
        )
        self.assertFalse(x.live)
        self.assertEqual(self.step_name(x), LEGAL_REVIEW)
        self.assertEqual(
            self.mails_to(self.reviewer), [f'Menunggu tinjauan Anda ({LEGAL_REVIEW}): "{x.title}"']
        )
        self.assertEqual(self.rights(x), IN_LEGAL_REVIEW)
        # The drafter's "Terbitkan" is refused: the post only saves a draft, the review goes on.
        self.client.force_login(self.legal_user)
        data = querydict_from_html(
            self.client.get(self.edit_url(x)).content.decode(), form_id="page-edit-form"
        )
        data["action-publish"] = "action-publish"
        self.client.post(self.edit_url(x), data)
        x = self.fresh(x)
        self.assertFalse(x.live)
        self.assertIsNone(x.latest_revision.approved_go_live_at)
        self.assertEqual(self.step_name(x), LEGAL_REVIEW)

        with self.captureOnCommitCallbacks(execute=True):
            self.act(self.reviewer, x, "approve", comment="Sesuai teknik penyusunan.")
        self.assertEqual(self.step_name(x), KABAG_APPROVAL)
        self.assertEqual(len(self.mails_to(self.kabag)), 1)
        self.assertEqual(self.rights(x), IN_KABAG_APPROVAL)
        for intruder in (self.opd_editor, self.reviewer, self.legal_user):
            self.act(intruder, x, "approve")
            self.assertEqual(self.step_name(x), KABAG_APPROVAL, intruder.username)
        self.assertIsNone(self.fresh(x).latest_revision.approved_go_live_at)

        with self.captureOnCommitCallbacks(execute=True):
            self.act(self.kabag, x, "approve")
        x = self.fresh(x)
        # The drafter hears it is approved and scheduled, not that it is already published.
        self.assertEqual(
            self.mails_to(self.legal_user),
            [f'Disetujui, terbit terjadwal 8 Februari 2027: "{x.title}" ({REGULATION_WORKFLOW.name})'],
        )
        self.assertIn("akan terbit otomatis pada 8 Februari 2027 00:00", mail.outbox[-1].body)
        go_live = datetime(2027, 2, 8, 0, 0, tzinfo=WITA)
        self.assertFalse(x.live)
        self.assertFalse(is_public(x))
        self.assertEqual(x.go_live_at, go_live)
        self.assertEqual(x.latest_revision.approved_go_live_at, go_live)
        self.assertIsNone(self.step_name(x))
        self.assertEqual(Client().get(x.url).status_code, 404)
        # The five-minute job before the date publishes nothing.
        self.run_job("publish_scheduled")
        self.assertFalse(self.fresh(x).live)
        return x

    def step_2_published_on_its_pengundangan(self, x):
        """After midnight on the pengundangan date the job publishes X; a service relies on its Pasal 5."""
        self.assertIn("1 revisi terjadwal diterbitkan", self.run_job("publish_scheduled"))
        x = self.fresh(x)
        self.assertTrue(x.live)
        self.assertTrue(is_public(x))
        self.assertEqual(x.status, Status.BERLAKU)
        response = Client().get(x.url)
        self.assertEqual(response.status_code, 200)
        self.assertIn(x.title, response.content.decode())
        self.assertEqual(self.rights(x), OUT_OF_REVIEW)
        with self.captureOnCommitCallbacks(execute=True):
            service = factories.service(
                self.disdukcapil,
                title="Akta Kematian",
                bases=[(x, "Pasal 5")],
                requirements=["Surat keterangan kematian"],
                steps=["Pengajuan berkas"],
            )
        self.assertTrue(ServiceCoverage.objects.filter(service_id=service.pk, live=True).exists())
        codes = self.findings(service)
        self.assertFalse(
            codes & {"NO_LEGAL_BASIS", "NO_LOCAL_BASIS", "BASIS_AMENDED", "BASIS_REVOKED"}, codes
        )
        self.assertFalse(Notification.objects.exists())
        return service

    def step_3_amendment_announced(self, x, service):
        """Y amends X from 1 April: X stays berlaku, says "akan diubah", and only Disdukcapil's editor is warned."""
        y = self.create_and_submit(
            "30",
            "Perubahan atas Peraturan Wali Kota Nomor 21 Tahun 2027",
            date(2027, 3, 1),
            pengundangan=date(2027, 3, 1),
            berlaku=date(2027, 4, 1),
            relations=[(RelationKind.MENGUBAH, x)],
        )
        self.assertFalse(y.live)
        self.assertEqual(self.step_name(y), LEGAL_REVIEW)
        self.assertEqual(self.rights(y), IN_LEGAL_REVIEW)
        mail.outbox.clear()
        self.review(y)
        y = self.fresh(y)
        self.assertTrue(y.live and is_public(y))
        self.assertIsNone(y.go_live_at, "promulgated today: published at once")
        self.run_job("apply_effective_relations")  # the daily job, the same day: nothing is in force yet

        x = self.fresh(x)
        self.assertEqual(x.status, Status.BERLAKU)
        html = Client().get(x.url).content.decode()
        self.assertIn("Akan diubah mulai 1 April 2027 dengan", html)
        self.assertIn(f'href="{y.url}"', html)
        self.assertNotIn("BASIS_AMENDED", self.findings(service))
        self.assertEqual(self.notified(NotificationKind.AKAN_DIUBAH), [("editor", "Akta Kematian")])
        warning = Notification.objects.get(kind=NotificationKind.AKAN_DIUBAH)
        self.assertEqual((warning.effective_on, warning.replacement_id), (date(2027, 4, 1), y.pk))
        self.assertIn("akan diubah oleh", warning.message())
        self.assertEqual(self.notice_mails("Dasar hukum akan diubah"), [[self.opd_editor.email]])
        others = (self.dpmptsp_editor, self.legal_user, self.reviewer, self.kabag, self.organisasi)
        for other in others:
            self.assertFalse(Notification.objects.filter(recipient=other).exists(), other.username)
            self.assertFalse([s for s in self.mails_to(other) if "Dasar hukum" in s], other.username)
        return y

    def step_4_amendment_in_force(self, x, y, service):
        """On Y's tanggal berlaku the daily jobs make X "diubah", flag the service and tell its editor."""
        self.assertEqual(self.fresh(x).status, Status.BERLAKU, "nothing changes before the job runs")
        mail.outbox.clear()
        self.assertIn("1 status peraturan berubah", self.run_job("apply_effective_relations"))
        self.assertIn("1 pemberitahuan baru", self.run_job("regulation_notifications"))
        x = self.fresh(x)
        self.assertEqual(x.status, Status.DIUBAH)
        self.assertEqual(x.amended_by, [y])
        self.assertIn("BASIS_AMENDED", self.findings(service))
        self.assertNotIn("BASIS_REVOKED", self.findings(service))
        self.assertEqual(self.notified(NotificationKind.DIUBAH), [("editor", "Akta Kematian")])
        self.assertEqual(self.notice_mails("Dasar hukum diubah"), [[self.opd_editor.email]])
        self.assertEqual(len(mail.outbox), 1)
        html = Client().get(x.url).content.decode()
        self.assertNotIn("Akan diubah mulai", html)
        # A second run the same day notifies nobody again.
        self.assertIn("0 pemberitahuan baru", self.run_job("regulation_notifications"))
        self.assertEqual(len(mail.outbox), 1)

    def step_5_revoked(self, x, service):
        """Z revokes X at once: after review X is "dicabut", the service is flagged, its editor told."""
        z = self.create_and_submit(
            "45",
            "Pelayanan Akta Kematian",
            date(2027, 5, 3),
            pengundangan=date(2027, 5, 3),
            relations=[(RelationKind.MENCABUT, x)],
        )
        self.assertEqual(self.rights(z), IN_LEGAL_REVIEW)
        self.assertEqual(self.fresh(x).status, Status.DIUBAH, "a draft revokes nothing")
        mail.outbox.clear()
        self.review(z)
        x = self.fresh(x)
        self.assertEqual(x.status, Status.DICABUT)
        self.assertIn("BASIS_REVOKED", self.findings(service))
        self.assertEqual(self.notified(NotificationKind.DICABUT), [("editor", "Akta Kematian")])
        self.assertEqual(self.notice_mails("Dasar hukum dicabut"), [[self.opd_editor.email]])
        html = Client().get(x.url).content.decode()
        self.assertIn("Dicabut oleh", html)
        self.assertIn(f'href="{z.url}"', html)
        # A revoked regulation is still the legal bureau's to correct, through review.
        self.assertEqual(self.rights(x), OUT_OF_REVIEW)
        self.assertEqual(self.rights(z), OUT_OF_REVIEW)
        return z

    def step_6_history(self, x, y, z):
        """X's history lists its review steps, its publication and the relations it received, with who."""
        history = regulation_history(x)
        self.assertEqual(
            [(row.action, row.user) for row in history],
            [
                ("wagtail.create", "hukum"),
                ("wagtail.edit", "hukum"),
                ("wagtail.workflow.start", "hukum"),
                ("wagtail.edit", "hukum"),  # the refused "Terbitkan" saved a draft
                ("wagtail.workflow.approve", "peninjau"),
                ("wagtail.workflow.approve", "kabag"),
                ("wagtail.publish.schedule", "kabag"),
                ("wagtail.publish.scheduled", "Sistem"),  # the publish_scheduled job
                (actions.BASIS_IN_CREATE, "Sistem"),  # the service built outside the admin
                (actions.INCOMING_RELATION_CREATE, "hukum"),  # Y drafted
                (actions.NOTIFICATIONS_SENT, "kabag"),  # Y's approval published it: "akan diubah"
                (actions.NOTIFICATIONS_SENT, "Sistem"),  # the daily sweep on 1 April: "diubah"
                (actions.INCOMING_RELATION_CREATE, "hukum"),  # Z drafted
                (actions.NOTIFICATIONS_SENT, "kabag"),  # Z's approval published it: "dicabut"
            ],
        )
        by_action = {}
        for row in history:
            by_action.setdefault(row.action, []).append(row)
        self.assertEqual(by_action["wagtail.workflow.approve"][0].comment, "Sesuai teknik penyusunan.")
        received = [row.message for row in by_action[actions.INCOMING_RELATION_CREATE]]
        self.assertIn(f"Diubah oleh {y.title}", received[0])
        self.assertIn(f"Dicabut oleh {z.title}", received[1])
        self.assertEqual(
            [row.message for row in by_action[actions.NOTIFICATIONS_SENT]],
            [
                f"Pemberitahuan '{label}' untuk Akta Kematian dikirim ke 1 editor OPD"
                for label in ("Dasar hukum akan diubah", "Dasar hukum diubah", "Dasar hukum dicabut")
            ],
        )

"""Scheduled publication (#13 item 2): a tanggal pengundangan ahead schedules the regulation's go-live."""

from datetime import date, datetime
from zoneinfo import ZoneInfo

import time_machine
from wagtail.test.utils.form_data import inline_formset, nested_form_data, querydict_from_html

from registry.ops import schedule
from registry.ops.models import RunOutcome
from registry.regulations.choices import RelationKind, Status
from registry.regulations.models import RegulationIndexPage, RegulationPage, RegulationType
from tests import factories
from tests.review.base import ReviewTestCase

WITA = ZoneInfo("Asia/Makassar")


class ScheduledPublicationTests(ReviewTestCase):
    """A Perwal promulgated next week passes its review; it goes live when the job runs then."""

    def setUp(self):
        self.client.force_login(self.legal_user)

    def _publish_new_perwal(self, pengundangan: date, **extra):
        """Create the Perwal as Bagian Hukum, submit it, and have both review steps approve it."""
        index = RegulationIndexPage.objects.get()
        url = f"/admin/pages/add/regulations/regulationpage/{index.pk}/"
        data = querydict_from_html(self.client.get(url).content.decode(), form_id="page-edit-form")
        data.update(
            {
                "title": "",
                "regulation_type": str(RegulationType.objects.get(code="PERWAL").pk),
                "wilayah": "Kota Balikpapan",
                "nomor": "15",
                "tahun": str(pengundangan.year),
                "tentang": "Tarif Parkir",
                "slug": "",
                "tanggal_penetapan": pengundangan.replace(day=1).isoformat(),
                "tanggal_pengundangan": pengundangan.isoformat(),
                "action-submit": "action-submit",
                **extra,
            }
        )
        response = self.client.post(url, data)
        self.assertEqual(response.status_code, 302, response.content.decode()[:2000])
        page = RegulationPage.objects.get(nomor="15", tahun=pengundangan.year)
        # The review: Bagian Hukum, then the Kepala Bagian Hukum, whose approval publishes (or schedules).
        for reviewer in (self.reviewer, self.kabag):
            self.assertEqual(self.act(reviewer, page, "approve").status_code, 302)
        self.client.force_login(self.legal_user)
        return RegulationPage.objects.get(pk=page.pk)

    def test_future_pengundangan_schedules_then_the_job_publishes(self):
        """Publishing before the pengundangan date schedules 00:00 WITA that day; the job publishes after it."""
        with time_machine.travel(datetime(2026, 12, 2, 10, tzinfo=WITA), tick=False):
            page = self._publish_new_perwal(date(2026, 12, 9))
            self.assertFalse(page.live)
            self.assertEqual(page.go_live_at, datetime(2026, 12, 9, 0, 0, tzinfo=WITA))
            revision = page.latest_revision
            self.assertEqual(revision.approved_go_live_at, datetime(2026, 12, 9, 0, 0, tzinfo=WITA))
            run = schedule.enqueue(schedule.JOBS_BY_NAME["publish_scheduled"])
            self.assertEqual(run.outcome, RunOutcome.OK, run.message)
            self.assertFalse(RegulationPage.objects.get(pk=page.pk).live)
        with time_machine.travel(datetime(2026, 12, 9, 0, 3, tzinfo=WITA), tick=False):
            run = schedule.enqueue(schedule.JOBS_BY_NAME["publish_scheduled"])
            self.assertEqual(run.outcome, RunOutcome.OK, run.message)
            self.assertIn("1 revisi terjadwal diterbitkan", run.message)
            self.assertTrue(RegulationPage.objects.get(pk=page.pk).live)

    def test_scheduled_revocation_applies_when_the_page_goes_live(self):
        """A scheduled regulation that revokes another changes nothing until it is published."""
        target = self.perwal
        relations = nested_form_data(
            {
                "relations": inline_formset(
                    [
                        {
                            "kind": RelationKind.MENCABUT,
                            "target": str(target.pk),
                            "provision": "",
                            "scope_text": "",
                        }
                    ]
                )
            }
        )
        with time_machine.travel(datetime(2026, 12, 2, 10, tzinfo=WITA), tick=False):
            self._publish_new_perwal(date(2026, 12, 9), **relations)
            self.assertEqual(RegulationPage.objects.get(pk=target.pk).status, Status.BERLAKU)
        with time_machine.travel(datetime(2026, 12, 9, 0, 3, tzinfo=WITA), tick=False):
            schedule.enqueue(schedule.JOBS_BY_NAME["publish_scheduled"])
            self.assertEqual(RegulationPage.objects.get(pk=target.pk).status, Status.DICABUT)

    def test_pengundangan_today_or_past_publishes_at_once(self):
        """A pengundangan date that is today publishes immediately, without a schedule."""
        with time_machine.travel(datetime(2026, 12, 2, 10, tzinfo=WITA), tick=False):
            page = self._publish_new_perwal(date(2026, 12, 2))
            self.assertTrue(page.live)
            self.assertIsNone(page.go_live_at)

    def test_edit_view_dates_a_relation_not_yet_in_effect(self):
        """The target's "Hubungan" tab says a revocation taking effect later starts on its date."""
        with time_machine.travel(datetime(2026, 12, 2, 10, tzinfo=WITA), tick=False):
            source = factories.regulation(
                "PERWAL",
                nomor="30",
                tahun=2026,
                tanggal_penetapan=date(2026, 11, 30),
                tanggal_berlaku=date(2027, 1, 1),
            )
            factories.relate(source, self.perwal, RelationKind.MENCABUT)
            html = self.client.get(self.edit_url(self.perwal)).content.decode()
            self.assertIn("belum berlaku; mulai 1 Januari 2027", html)

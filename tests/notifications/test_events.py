"""Issue #13 item 5: the OPD editors of a service hear when a regulation it relies on changes."""

from datetime import timedelta

from django.contrib.auth.models import Group
from django.core import mail
from django.test import TestCase
from django.utils import timezone
from wagtail.models import PageLogEntry

from registry.notifications.events import notify_all
from registry.notifications.models import Notification, NotificationKind
from registry.permissions import BAGIAN_HUKUM, assign_opd_editor, ensure_groups
from registry.regulations.choices import RelationKind
from tests import factories
from tests.admin.base import make_user


class RegulationChangeNotificationTests(TestCase):
    """Two OPDs, each with a service relying on its own Perwal; an editor per OPD and a legal user."""

    @classmethod
    def setUpTestData(cls):
        cls.disdukcapil = factories.opd()
        cls.dinkes = factories.opd(title="Dinas Kesehatan", abbreviation="Dinkes", slug="dinkes")
        cls.old = factories.regulation("PERWAL", nomor="48", tahun=2016, tentang="Standar Pelayanan Akta")
        cls.other = factories.regulation("PERWAL", nomor="12", tahun=2019, tentang="Imunisasi")
        cls.akta = factories.service(cls.disdukcapil, title="Akta Kelahiran", bases=[(cls.old, "Pasal 5")])
        cls.imunisasi = factories.service(cls.dinkes, title="Imunisasi Anak", bases=[(cls.other, "Pasal 2")])
        ensure_groups()
        cls.editor = make_user("editor")
        assign_opd_editor(cls.editor, cls.disdukcapil)
        cls.dinkes_editor = make_user("dinkes")
        assign_opd_editor(cls.dinkes_editor, cls.dinkes)
        cls.legal = make_user("hukum", Group.objects.get(name=BAGIAN_HUKUM))

    def revoke(self, kind=RelationKind.MENCABUT, provision="", **fields):
        """Publish a new Perwal holding ``kind`` towards the old one; returns the new Perwal."""
        tahun = fields.pop("tahun", 2024)
        new = factories.regulation(
            "PERWAL", nomor="7", tahun=tahun, tentang="Standar Pelayanan Baru", **fields
        )
        with self.captureOnCommitCallbacks(execute=True):
            factories.relate(new, self.old, kind, provision=provision)
        return new

    def test_revocation_notifies_only_the_editors_of_the_relying_service(self):
        """Only Disdukcapil's editor is told: not the other OPD's editor, not the legal bureau."""
        self.revoke()
        assert list(Notification.objects.values_list("recipient__username", flat=True)) == ["editor"]
        assert [message.to for message in mail.outbox] == [["editor@example.test"]]

    def test_notification_names_the_service_the_pasal_and_the_replacement(self):
        """The dashboard item and the e-mail say which service, which pasal and which regulation replaces it."""
        new = self.revoke()
        notification = Notification.objects.get()
        assert notification.kind == NotificationKind.DICABUT
        assert (notification.service, notification.regulation, notification.replacement) == (
            self.akta.page_ptr.specific,
            self.old.page_ptr.specific,
            new.page_ptr.specific,
        )
        text = notification.message()
        assert "Akta Kelahiran" in text and "(Pasal 5)" in text and "yang dicabut oleh" in text
        assert new.title in text and self.old.title in text
        message = mail.outbox[0]
        assert "Dasar hukum dicabut" in message.subject and "Akta Kelahiran" in message.subject
        assert text in message.body and f"/admin/pages/{new.pk}/edit/" in message.body
        assert notification.emailed_at is not None

    def test_partial_amendment_reads_as_such_with_the_affected_provision(self):
        """A partial amendment says "diubah sebagian" and names the provision it touches."""
        self.revoke(RelationKind.MENGUBAH_SEBAGIAN, provision="Pasal 5")
        notification = Notification.objects.get()
        assert notification.kind == NotificationKind.DIUBAH
        assert "yang diubah sebagian oleh" in notification.message()
        assert "Ketentuan yang terkena: Pasal 5." in notification.message()

    def test_republishing_never_notifies_twice(self):
        """Publishing the source again, or the daily sweep, adds no notification and no e-mail."""
        new = self.revoke()
        with self.captureOnCommitCallbacks(execute=True):
            new.save_revision().publish()
        assert notify_all() == []
        assert Notification.objects.count() == 1 and len(mail.outbox) == 1

    def test_a_draft_source_notifies_nobody(self):
        """A revoking regulation that is only a draft changes nothing yet, so nobody is told."""
        draft = factories.regulation("PERWAL", nomor="8", tahun=2024, tentang="Rancangan", live=False)
        with self.captureOnCommitCallbacks(execute=True):
            factories.relate(draft, self.old, RelationKind.MENCABUT, publish=False)
        assert notify_all() == []
        assert not Notification.objects.exists() and mail.outbox == []

    def test_a_private_source_notifies_nobody(self):
        """A published source under an unpublished parent is not public: nobody is told."""
        from registry.regulations.models import RegulationIndexPage

        hidden = factories.site_tree()[0].add_child(
            instance=RegulationIndexPage(title="Arsip", slug="arsip", live=False)
        )
        new = factories.regulation("PERWAL", nomor="9", tahun=2024, tentang="Rahasia")
        new.move(hidden, pos="last-child")
        new.refresh_from_db()
        with self.captureOnCommitCallbacks(execute=True):
            factories.relate(new, self.old, RelationKind.MENCABUT)
        assert not Notification.objects.exists()

    def test_implementing_relations_notify_nobody(self):
        """ "Melaksanakan" does not change what a service relies on."""
        self.revoke(RelationKind.MELAKSANAKAN)
        assert not Notification.objects.exists()

    def test_future_effective_date_warns_ahead_then_tells_again_once_in_force(self):
        """A later tanggal berlaku gives "akan dicabut mulai …"; that day the sweep tells it once more."""
        start = timezone.localdate() + timedelta(days=30)
        self.revoke(tanggal_berlaku=start)
        ahead = Notification.objects.get()
        assert ahead.kind == NotificationKind.AKAN_DICABUT and ahead.effective_on == start
        assert "yang akan dicabut oleh" in ahead.message() and str(start.year) in ahead.message()
        assert notify_all(today=start - timedelta(days=1)) == []
        with self.captureOnCommitCallbacks(execute=True):
            now = notify_all(today=start)
        assert [n.kind for n in now] == [NotificationKind.DICABUT]
        assert notify_all(today=start) == []
        assert len(mail.outbox) == 2

    def test_pengundangan_decides_when_there_is_no_tanggal_berlaku(self):
        """Without a tanggal berlaku, a future tanggal pengundangan schedules the change."""
        later = timezone.localdate() + timedelta(days=10)
        self.revoke(tahun=later.year, tanggal_pengundangan=later, tanggal_penetapan=later)
        assert Notification.objects.get().kind == NotificationKind.AKAN_DICABUT

    def test_editor_without_address_still_gets_the_dashboard_item(self):
        """No e-mail address: the notification is recorded, only the e-mail is skipped."""
        type(self.editor).objects.filter(pk=self.editor.pk).update(email="")
        self.revoke()
        assert Notification.objects.filter(recipient=self.editor).exists()
        assert mail.outbox == []

    def test_notifications_are_recorded_in_the_regulation_history(self):
        """The revoked regulation's history says who was told, about which service."""
        self.revoke()
        entry = PageLogEntry.objects.get(page=self.old, action="registry.notifications.sent")
        assert entry.data["services"] == ["Akta Kelahiran"] and entry.data["recipients"] == 1
        assert "Akta Kelahiran" in entry.message and "1 editor OPD" in entry.message

"""The dashboard panel "Pemberitahuan": one's own unread notifications, marked read one by one or all."""

from django.test import TestCase

from registry.notifications.models import Notification, NotificationKind
from registry.permissions import assign_opd_editor, ensure_groups
from tests import factories
from tests.admin.base import make_user


class NotificationsPanelTests(TestCase):
    """An editor with two unread notifications and another editor with none."""

    @classmethod
    def setUpTestData(cls):
        unit = factories.opd()
        cls.old = factories.regulation("PERWAL", nomor="48", tahun=2016, tentang="Akta Lama")
        cls.new = factories.regulation("PERWAL", nomor="7", tahun=2024, tentang="Akta Baru")
        cls.service = factories.service(unit, title="Akta Kelahiran", bases=[(cls.old, "Pasal 5")])
        ensure_groups()
        cls.editor = make_user("editor")
        assign_opd_editor(cls.editor, unit)
        cls.other = make_user("lain")
        assign_opd_editor(cls.other, unit)
        fields = {
            "service": cls.service,
            "regulation": cls.old,
            "replacement": cls.new,
            "provision": "Pasal 5",
        }
        cls.revoked = Notification.objects.create(
            recipient=cls.editor, kind=NotificationKind.DICABUT, relation_kind="mencabut", key="a", **fields
        )
        cls.amended = Notification.objects.create(
            recipient=cls.editor, kind=NotificationKind.DIUBAH, relation_kind="mengubah", key="b", **fields
        )

    def test_dashboard_lists_the_users_unread_notifications(self):
        """The editor sees both items, with the service, the pasal and the replacement."""
        self.client.force_login(self.editor)
        html = self.client.get("/admin/").content.decode()
        assert "Pemberitahuan" in html and "2 pemberitahuan belum dibaca" in html
        assert "Dasar hukum dicabut" in html and "Dasar hukum diubah" in html
        assert "Akta Kelahiran" in html and "(Pasal 5)" in html and self.new.title in html
        assert f"/admin/pages/{self.new.pk}/edit/" in html

    def test_someone_without_notifications_sees_no_panel(self):
        """Another editor of the same OPD has no panel: notifications are per person."""
        self.client.force_login(self.other)
        html = self.client.get("/admin/").content.decode()
        assert 'id="notifications' not in html and "Tandai dibaca" not in html

    def test_mark_one_read(self):
        """ "Tandai dibaca" marks that item only, and returns to the dashboard."""
        self.client.force_login(self.editor)
        response = self.client.post(f"/admin/pemberitahuan/{self.revoked.pk}/dibaca/", {"next": "/admin/"})
        assert response.status_code == 302 and response["Location"] == "/admin/"
        self.revoked.refresh_from_db()
        self.amended.refresh_from_db()
        assert self.revoked.read_at is not None and self.amended.read_at is None
        assert "1 pemberitahuan belum dibaca" in self.client.get("/admin/").content.decode()

    def test_mark_all_read_removes_the_panel(self):
        """ "Tandai semua dibaca" marks everything, and the panel is gone."""
        self.client.force_login(self.editor)
        self.client.post("/admin/pemberitahuan/dibaca/")
        assert not Notification.objects.filter(read_at__isnull=True).exists()
        assert "Tandai dibaca" not in self.client.get("/admin/").content.decode()

    def test_nobody_marks_another_persons_notification(self):
        """Another user's notification is not found, and stays unread."""
        self.client.force_login(self.other)
        response = self.client.post(f"/admin/pemberitahuan/{self.revoked.pk}/dibaca/")
        assert response.status_code == 404
        self.revoked.refresh_from_db()
        assert self.revoked.read_at is None

    def test_marking_needs_a_post(self):
        """A GET (a prefetching browser, a link) marks nothing."""
        self.client.force_login(self.editor)
        assert self.client.get(f"/admin/pemberitahuan/{self.revoked.pk}/dibaca/").status_code == 405

    def test_an_unsafe_next_goes_to_the_dashboard(self):
        """A "next" pointing off-site is ignored."""
        self.client.force_login(self.editor)
        response = self.client.post("/admin/pemberitahuan/dibaca/", {"next": "https://evil.example/"})
        assert response["Location"] == "/admin/"

"""Issue #13 item 5: an overdue Standar Pelayanan decree reminds its OPD once per threshold period."""

import pytest
from django.core import mail

from registry.notifications.models import Notification, NotificationKind
from registry.ops import schedule
from registry.ops.models import RunOutcome, ScheduledJobRun
from registry.permissions import assign_opd_editor
from tests import factories
from tests.ops.test_schedule import outdated_service

pytestmark = pytest.mark.django_db


def run_reminders():
    ScheduledJobRun.objects.all().delete()
    return schedule.enqueue(schedule.JOBS_BY_NAME["sp_review_reminders"])


def test_overdue_decree_notifies_the_opd_editors_once_per_period(django_user_model):
    """The OPD's editor gets a dashboard item and an e-mail; the next round repeats neither."""
    unit = factories.opd()
    other = factories.opd(title="Dinas Kesehatan", abbreviation="Dinkes")
    service = outdated_service(unit)
    editor = django_user_model.objects.create_user("editor", "editor@kota.example", "x")
    assign_opd_editor(editor, unit)
    stranger = django_user_model.objects.create_user("dinkes", "dinkes@kota.example", "x")
    assign_opd_editor(stranger, other)

    first = run_reminders()
    assert first.outcome == RunOutcome.OK, first.message
    notification = Notification.objects.get()
    assert (notification.recipient, notification.kind, notification.service_id) == (
        editor,
        NotificationKind.TINJAU_SP,
        service.pk,
    )
    assert "Keputusan" in notification.regulation.title and notification.review_years == 3
    assert "melewati batas peninjauan 3 tahun" in notification.message()
    assert notification.emailed_at is not None
    assert [message.to for message in mail.outbox] == [["editor@kota.example"]]
    assert "1 pemberitahuan baru" in first.message

    second = run_reminders()
    assert second.outcome == RunOutcome.OK
    assert Notification.objects.count() == 1 and len(mail.outbox) == 1
    assert "0 surel pengingat" in second.message and "0 pemberitahuan baru" in second.message


def test_a_new_editor_is_told_in_the_same_period(django_user_model):
    """An editor who joins later gets the reminder; the editor already told does not get it again."""
    unit = factories.opd()
    outdated_service(unit)
    first = django_user_model.objects.create_user("pertama", "satu@kota.example", "x")
    assign_opd_editor(first, unit)
    run_reminders()
    later = django_user_model.objects.create_user("kedua", "dua@kota.example", "x")
    assign_opd_editor(later, unit)
    run_reminders()
    assert sorted(Notification.objects.values_list("recipient__username", flat=True)) == ["kedua", "pertama"]
    assert [message.to for message in mail.outbox] == [["satu@kota.example"], ["dua@kota.example"]]

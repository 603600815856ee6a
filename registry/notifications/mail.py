"""The e-mails of notifications: one per recipient, listing what is new, sent by a task.

Publishing only queues :func:`send_notification_emails_task` once the transaction commits, so a slow
or unreachable mail server never holds up (or undoes) a publish. A notification is marked e-mailed
once its message is accepted by the mail backend; one that could not be sent is tried again by the
daily sweep (:func:`send_pending`).
"""

import logging
from collections import defaultdict

from django.conf import settings
from django.core.mail import EmailMessage, get_connection
from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django_tasks import task

from .models import Notification

logger = logging.getLogger(__name__)


def _admin_url(path: str) -> str:
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path


def _body(user, notifications) -> str:
    lines = [_("Yth. %(name)s,") % {"name": user.get_full_name() or user.get_username()}, ""]
    for notification in notifications:
        lines.append(f"- {notification.message()}")
        lines.append(
            "  "
            + _("Layanan: %(url)s") % {"url": _admin_url(f"/admin/pages/{notification.service_id}/edit/")}
        )
        if notification.replacement_id:
            lines.append(
                "  "
                + _("Peraturan pengganti: %(url)s")
                % {"url": _admin_url(f"/admin/pages/{notification.replacement_id}/edit/")}
            )
        lines.append("")
    lines += [
        _("Semua pemberitahuan ada di dasbor: %(url)s") % {"url": _admin_url("/admin/")},
        "",
        _("Pesan ini dikirim otomatis oleh %(site)s.") % {"site": settings.WAGTAIL_SITE_NAME},
    ]
    return "\n".join(lines)


def _subject(notifications) -> str:
    site = settings.WAGTAIL_SITE_NAME
    if len(notifications) == 1:
        only = notifications[0]
        return _("[%(site)s] %(kind)s: %(service)s") % {
            "site": site,
            "kind": only.get_kind_display(),
            "service": only.service.title,
        }
    return _("[%(site)s] %(n)s pemberitahuan tentang layanan Anda") % {"site": site, "n": len(notifications)}


def build_messages(notifications) -> list[tuple[EmailMessage, list[int]]]:
    """One Indonesian e-mail per recipient with an address, with the ids of the notifications it carries."""
    by_recipient = defaultdict(list)
    for notification in notifications:
        by_recipient[notification.recipient].append(notification)
    result = []
    with translation.override(settings.LANGUAGE_CODE):
        for user, items in by_recipient.items():
            if not (user.is_active and user.email):
                continue
            message = EmailMessage(subject=_subject(items), body=_body(user, items), to=[user.email])
            result.append((message, [item.pk for item in items]))
    return result


def send_pending(ids=None) -> int:
    """E-mail the notifications not e-mailed yet (those in ``ids``, or all); returns the e-mails sent."""
    pending = Notification.objects.filter(emailed_at__isnull=True).select_related(
        "recipient", "service", "regulation", "replacement"
    )
    if ids is not None:
        pending = pending.filter(pk__in=ids)
    sent = 0
    connection = get_connection()
    for message, carried in build_messages(list(pending.order_by("pk"))):
        try:
            sent += connection.send_messages([message]) or 0
        except OSError:  # an unreachable or refusing server: the next sweep tries again
            logger.exception("Could not e-mail notifications %s", carried)
            continue
        Notification.objects.filter(pk__in=carried).update(emailed_at=timezone.now())
    return sent


@task()
def send_notification_emails_task(ids: list[int]) -> int:
    """Task form of :func:`send_pending` for the given notifications (queue ``default``)."""
    return send_pending(ids)


def queue_emails(notifications) -> None:
    """Queue the e-mails of new notifications once the current transaction commits."""
    ids = [notification.pk for notification in notifications]
    if not ids:
        return

    def enqueue():
        try:
            send_notification_emails_task.enqueue(ids)
        except Exception:  # noqa: BLE001 - a broken queue must not fail a publish; the sweep resends
            logger.exception("Could not queue the e-mails of notifications %s", ids)

    transaction.on_commit(enqueue)

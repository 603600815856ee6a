"""The Indonesian e-mails about deletion requests (the workflow e-mails are Wagtail's own, with this
app's templates under ``templates/wagtailadmin/notifications/``).

Sent through Django's e-mail backend (the console on the development settings, ``locmem`` in tests),
to users with an address; a failure to send is logged and never undoes the request or decision.
"""

import logging

from django.conf import settings
from django.core.mail import EmailMessage, get_connection
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

logger = logging.getLogger(__name__)


def _addresses(users, exclude=None) -> list[str]:
    return sorted({u.email for u in users if u.is_active and u.email and u != exclude})


def _admin_url(path: str) -> str:
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path


def _send(subject: str, lines: list[str], recipients: list[str]) -> int:
    if not recipients:
        return 0
    lines += ["", _("Pesan ini dikirim otomatis oleh %(site)s.") % {"site": settings.WAGTAIL_SITE_NAME}]
    message = EmailMessage(
        subject=f"[{settings.WAGTAIL_SITE_NAME}] {subject}",
        body="\n".join(lines),
        from_email=getattr(settings, "WAGTAILADMIN_NOTIFICATION_FROM_EMAIL", None),
        to=recipients,
    )
    try:
        return get_connection().send_messages([message]) or 0
    except (OSError, ConnectionError):
        logger.exception("Deletion request e-mail not sent: %s", subject)
        return 0


def deletion_requested(request, deciders) -> int:
    """Tell ``deciders`` (users) that ``request`` waits for them; returns the number of e-mails sent."""
    with translation.override(settings.LANGUAGE_CODE):
        requester = request.requested_by
        lines = [
            _('%(user)s mengajukan penghapusan layanan "%(title)s".')
            % {"user": requester.get_full_name() or requester.get_username(), "title": request.page_title},
            "",
            _("Alasan: %(reason)s") % {"reason": request.reason},
            "",
            _("Putuskan permintaan ini di:") + " " + _admin_url(reverse("review_deletion_requests")),
        ]
        subject = _("Permintaan penghapusan layanan: %(title)s") % {"title": request.page_title}
        return _send(subject, lines, _addresses(deciders, exclude=requester))


def deletion_decided(request) -> int:
    """Tell the requester what was decided on ``request``; returns the number of e-mails sent."""
    requester = request.requested_by
    if requester is None:
        return 0
    with translation.override(settings.LANGUAGE_CODE):
        approved = request.status == request.Status.APPROVED
        decider = request.decided_by.get_full_name() or request.decided_by.get_username()
        if approved:
            subject = _("Penghapusan layanan disetujui: %(title)s") % {"title": request.page_title}
            lines = [_('%(user)s menyetujui penghapusan layanan "%(title)s"; layanan itu telah dihapus.')]
        else:
            subject = _("Penghapusan layanan ditolak: %(title)s") % {"title": request.page_title}
            lines = [_('%(user)s menolak penghapusan layanan "%(title)s"; layanan itu tetap terbit.')]
        lines = [lines[0] % {"user": decider, "title": request.page_title}]
        if request.comment:
            lines += ["", _("Komentar peninjau: %(comment)s") % {"comment": request.comment}]
        if not approved and request.page_id:
            lines += [
                "",
                _("Layanan:") + " " + _admin_url(reverse("wagtailadmin_pages:edit", args=[request.page_id])),
            ]
        return _send(subject, lines, _addresses([requester], exclude=request.decided_by))

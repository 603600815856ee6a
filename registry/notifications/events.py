"""Which events people must know about, recorded once each as notifications.

**A regulation a service relies on is amended or revoked.** When a *public* regulation (the
visibility rule) holds a relation that amends or revokes another one (mengubah, mencabut, and their
partial forms), every service whose legal basis cites the target is concerned, and the editors of
that service's Perangkat Daerah (its "Editor OPD – …" group, and only them) get a notification
naming the service, the pasal it cites and the replacement. When the source takes effect later
(its source's effective date per registry.regulations.effective, after today) the notification says "akan dicabut/diubah
mulai …"; the day it takes effect, the daily sweep notifies again that it now has.

**A Standar Pelayanan decree is past its review threshold.** :func:`record_sp_review` records one
notification per decree, service and threshold period (the reminder job in registry.ops calls it).

Each event has a key; with the recipient it is unique, so detecting an event again (a republish, the
daily sweep, a second reminder round) never notifies anybody twice.
"""

from datetime import date

from django.db import transaction
from django.utils import timezone
from wagtail.log_actions import log

from registry.history.actions import NOTIFICATIONS_SENT
from registry.permissions import opd_group
from registry.regulations import effective
from registry.regulations.choices import RelationKind
from registry.regulations.models import RegulationRelation
from registry.services.models import LegalBasis
from registry.visibility import is_public, public_q

from .mail import queue_emails
from .models import Notification, NotificationKind

#: The relation kinds that change what a service relies on: (kind now, kind when scheduled).
NOTIFYING_KINDS = {
    RelationKind.MENGUBAH: (NotificationKind.DIUBAH, NotificationKind.AKAN_DIUBAH),
    RelationKind.MENGUBAH_SEBAGIAN: (NotificationKind.DIUBAH, NotificationKind.AKAN_DIUBAH),
    RelationKind.MENCABUT: (NotificationKind.DICABUT, NotificationKind.AKAN_DICABUT),
    RelationKind.MENCABUT_SEBAGIAN: (NotificationKind.DICABUT, NotificationKind.AKAN_DICABUT),
}


class _Editors:
    """The active editors of each Perangkat Daerah, looked up once per OPD."""

    def __init__(self):
        self._by_opd = {}

    def __call__(self, opd_id) -> list:
        if opd_id not in self._by_opd:
            group = opd_group(opd_id) if opd_id else None
            self._by_opd[opd_id] = list(group.user_set.filter(is_active=True)) if group else []
        return self._by_opd[opd_id]


def _create(recipients, key: str, **fields) -> list[Notification]:
    """One notification per recipient that has not had this event yet."""
    created = []
    for user in recipients:
        notification, is_new = Notification.objects.get_or_create(recipient=user, key=key, defaults=fields)
        if is_new:
            created.append(notification)
    return created


def notify_relation(relation, today: date | None = None, editors=None) -> list[Notification]:
    """Notify the OPD editors of every service relying on ``relation``'s target; returns the new ones."""
    if relation.kind not in NOTIFYING_KINDS:
        return []
    today = today or effective.today()
    editors = editors or _Editors()
    takes_effect = effective.effective_date(relation)
    scheduled = takes_effect is not None and takes_effect > today
    kind = NOTIFYING_KINDS[relation.kind][1 if scheduled else 0]
    affected = relation.provision or relation.scope_text
    created = []
    bases = LegalBasis.objects.filter(regulation_id=relation.target_id).select_related("page")
    for basis in bases.order_by("page_id", "sort_order"):
        service = basis.page
        key = (
            f"{kind}:{relation.source_id}:{relation.target_id}:{relation.kind}:{service.pk}:{basis.provision}"
        )
        created += _create(
            editors(service.opd_id),
            key[:200],
            kind=kind,
            service=service,
            regulation_id=relation.target_id,
            provision=basis.provision,
            relation_kind=relation.kind,
            affected_provision=affected[:255],
            replacement_id=relation.source_id,
            effective_on=takes_effect if scheduled else None,
        )
    if created:
        _log_sent(relation.target, kind, created)
    return created


def _log_sent(regulation, kind, created) -> None:
    """Record in the regulation's history who was told (services by title, recipients by count)."""
    log(
        instance=regulation,
        action=NOTIFICATIONS_SENT,
        data={
            "kind": kind,
            "kind_label": str(NotificationKind(kind).label),
            "services": sorted({n.service.title for n in created}),
            "recipients": len({n.recipient_id for n in created}),
        },
    )


def notify_source(source, today: date | None = None) -> list[Notification]:
    """Notify for every amending or revoking relation ``source`` holds, when ``source`` is public."""
    if not is_public(source):
        return []
    editors, created = _Editors(), []
    relations = RegulationRelation.objects.filter(source=source, kind__in=NOTIFYING_KINDS)
    for relation in relations.select_related("source", "target"):
        created += notify_relation(relation, today, editors)
    queue_emails(created)
    return created


def notify_all(today: date | None = None) -> list[Notification]:
    """The daily sweep: notify what no publish has notified yet (a date reached, a section opened)."""
    editors, created = _Editors(), []
    relations = RegulationRelation.objects.filter(
        public_q("source__"),
        kind__in=NOTIFYING_KINDS,
        target__service_links__isnull=False,
    ).distinct()
    for relation in relations.select_related("source", "target").order_by("pk"):
        created += notify_relation(relation, today, editors)
    queue_emails(created)
    return created


def _years_between(start: date, end: date) -> int:
    years = end.year - start.year
    return years - 1 if (end.month, end.day) < (start.month, start.day) else years


def record_sp_review(finding, recipients, today: date | None = None) -> list[Notification]:
    """Notify ``recipients`` that ``finding``'s SK Standar Pelayanan is overdue (once per period).

    The period is how many whole thresholds have passed since the decree was established: a decree
    past 3 years is reminded of once, and again once it is past 6.
    """
    today = today or effective.today()
    decree = finding.regulation
    if decree is None:
        return []
    threshold = int(finding.message_params.get("n") or 0) or None
    established = decree.tanggal_penetapan or date(decree.tahun, 1, 1)
    period = _years_between(established, today) // threshold if threshold else 0
    service = finding.coverage.service
    return _create(
        recipients,
        f"{NotificationKind.TINJAU_SP}:{decree.pk}:{service.pk}:{period}",
        kind=NotificationKind.TINJAU_SP,
        service=service,
        regulation=decree,
        review_years=threshold,
    )


def unread_for(user):
    """The user's unread notifications, newest first, with what their messages show."""
    return Notification.objects.filter(recipient=user, read_at__isnull=True).select_related(
        "service", "regulation", "replacement"
    )


@transaction.atomic
def mark_read(user, ids=None) -> int:
    """Mark the user's notifications (all of them, or those in ``ids``) as read; returns how many."""
    unread = Notification.objects.filter(recipient=user, read_at__isnull=True)
    if ids is not None:
        unread = unread.filter(pk__in=ids)
    return unread.update(read_at=timezone.now())

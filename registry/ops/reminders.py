"""Reminders for Standar Pelayanan decrees past their review threshold (the SK_SP_OUTDATED rule).

The coverage rule ``SK_SP_OUTDATED`` (registry/coverage/rules.py, threshold in years in its
``RuleConfig``, 3 by default) already finds every published service whose newest SK Standar
Pelayanan is too old. This module turns those findings into one Indonesian e-mail per Perangkat
Daerah, sent to that OPD's editors and to the members of the review group
(``REGISTRY_SP_REVIEW_GROUP``, "Bagian Organisasi" by default, when an administrator created it).

Each of those people also gets a dashboard notification per decree and service
(registry.notifications). A notification is recorded once per decree, service and threshold period,
and the e-mail lists only what is new to its recipients: running the job again in the same period
sends nothing twice.
"""

from collections import defaultdict
from dataclasses import dataclass, field

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import EmailMessage, get_connection
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from registry.coverage.models import Finding
from registry.notifications.events import record_sp_review
from registry.notifications.models import Notification
from registry.permissions import opd_group

RULE_CODE = "SK_SP_OUTDATED"


@dataclass
class ReminderReport:
    """What one reminder round did."""

    emails: int = 0
    services: int = 0
    notifications: int = 0
    recipients: set[str] = field(default_factory=set)
    #: OPDs with overdue services but nobody to write to.
    unaddressed: list[str] = field(default_factory=list)

    def summary(self) -> str:
        text = _("%(emails)s surel pengingat untuk %(services)s layanan dikirim ke %(people)s penerima.") % {
            "emails": self.emails,
            "services": self.services,
            "people": len(self.recipients),
        }
        text += " " + _("%(n)s pemberitahuan baru.") % {"n": self.notifications}
        if self.unaddressed:
            text += " " + _("Tanpa penerima (tidak ada editor dengan alamat surel): %(opds)s.") % {
                "opds": ", ".join(self.unaddressed)
            }
        return text


def review_group_name() -> str:
    return getattr(settings, "REGISTRY_SP_REVIEW_GROUP", "Bagian Organisasi")


def _emails(users) -> list[str]:
    return sorted({user.email for user in users if user.is_active and user.email})


def overdue_by_opd() -> dict:
    """{OPD page: [finding, …]} for every published service whose SK Standar Pelayanan is overdue."""
    grouped = defaultdict(list)
    findings = (
        Finding.objects.filter(code=RULE_CODE, coverage__live=True, coverage__opd__isnull=False)
        .select_related("coverage__service", "coverage__opd", "regulation")
        .order_by("coverage__opd__title", "coverage__service__title")
    )
    for finding in findings:
        grouped[finding.coverage.opd].append(finding)
    return grouped


def _active(users) -> list:
    return [user for user in users if user.is_active]


def send_review_reminders() -> ReminderReport:
    """Record this round's notifications and e-mail what is new; returns what was done."""
    report = ReminderReport()
    User = get_user_model()
    reviewers = _active(User.objects.filter(groups__name=review_group_name()))
    today = timezone.localdate()
    outgoing = []
    with translation.override(settings.LANGUAGE_CODE):
        for opd, findings in overdue_by_opd().items():
            group = opd_group(opd)
            editors = _active(group.user_set.all()) if group else []
            people = {user.pk: user for user in [*editors, *reviewers]}
            report.services += len(findings)
            if not _emails(people.values()):
                report.unaddressed.append(opd.abbreviation or opd.title)
            fresh, told = [], set()
            for finding in findings:
                created = record_sp_review(finding, people.values(), today)
                report.notifications += len(created)
                if created:
                    fresh.append(finding)
                    told.update(created)
            recipients = _emails({n.recipient for n in told})
            if recipients:
                outgoing.append((_message(opd, fresh, recipients), [n.pk for n in told]))
                report.recipients.update(recipients)
        if outgoing:
            connection = get_connection()
            report.emails = connection.send_messages([message for message, _ids in outgoing]) or 0
            carried = [pk for _message_, ids in outgoing for pk in ids]
            Notification.objects.filter(pk__in=carried).update(emailed_at=timezone.now())
    return report


def _message(opd, findings, recipients) -> EmailMessage:
    base_url = settings.WAGTAILADMIN_BASE_URL.rstrip("/")
    lines = [
        _("Yth. pengelola layanan %(opd)s,") % {"opd": opd.title},
        "",
        _(
            "Standar Pelayanan layanan berikut ditetapkan dengan keputusan yang sudah melewati batas "
            "peninjauan. Mohon Standar Pelayanan dievaluasi dan ditetapkan kembali:"
        ),
        "",
    ]
    for finding in findings:
        service = finding.coverage.service
        lines.append(f"- {service.title}: {finding.message}")
        lines.append(f"  {base_url}/admin/pages/{service.pk}/edit/")
    lines += ["", _("Pesan ini dikirim otomatis oleh %(site)s.") % {"site": settings.WAGTAIL_SITE_NAME}]
    subject = _("[%(site)s] %(n)s Standar Pelayanan perlu ditinjau: %(opd)s") % {
        "site": settings.WAGTAIL_SITE_NAME,
        "n": len(findings),
        "opd": opd.abbreviation or opd.title,
    }
    return EmailMessage(subject=subject, body="\n".join(lines), to=recipients)

"""Reminders for Standar Pelayanan decrees past their review threshold (the SK_SP_OUTDATED rule).

The coverage rule ``SK_SP_OUTDATED`` (registry/coverage/rules.py, threshold in years in its
``RuleConfig``, 3 by default) already finds every published service whose newest SK Standar
Pelayanan is too old. This module turns those findings into one Indonesian e-mail per Perangkat
Daerah, sent to that OPD's editors and to the members of the review group
(``REGISTRY_SP_REVIEW_GROUP``, "Bagian Organisasi" by default, when an administrator created it).
"""

from collections import defaultdict
from dataclasses import dataclass, field

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import EmailMessage, get_connection
from django.utils import translation
from django.utils.translation import gettext as _

from registry.coverage.models import Finding
from registry.permissions import opd_group

RULE_CODE = "SK_SP_OUTDATED"


@dataclass
class ReminderReport:
    """What one reminder round did."""

    emails: int = 0
    services: int = 0
    recipients: set[str] = field(default_factory=set)
    #: OPDs with overdue services but nobody to write to.
    unaddressed: list[str] = field(default_factory=list)

    def summary(self) -> str:
        text = _("%(emails)s surel pengingat untuk %(services)s layanan dikirim ke %(people)s penerima.") % {
            "emails": self.emails,
            "services": self.services,
            "people": len(self.recipients),
        }
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
        .select_related("coverage__service", "coverage__opd")
        .order_by("coverage__opd__title", "coverage__service__title")
    )
    for finding in findings:
        grouped[finding.coverage.opd].append(finding)
    return grouped


def send_review_reminders() -> ReminderReport:
    """Send this round's reminders; returns what was sent (the caller records it)."""
    report = ReminderReport()
    User = get_user_model()
    reviewers = _emails(User.objects.filter(groups__name=review_group_name()))
    messages = []
    with translation.override(settings.LANGUAGE_CODE):
        for opd, findings in overdue_by_opd().items():
            group = opd_group(opd)
            editors = _emails(group.user_set.all()) if group else []
            recipients = sorted(set(editors) | set(reviewers))
            report.services += len(findings)
            if not recipients:
                report.unaddressed.append(opd.abbreviation or opd.title)
                continue
            messages.append(_message(opd, findings, recipients))
            report.recipients.update(recipients)
        if messages:
            connection = get_connection()
            report.emails = connection.send_messages(messages) or 0
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

"""The Django side of coverage texts: every finding, rule, severity and status is shown through here.

The rules and the ``Finding`` table hold message ids and parameters (:mod:`registry.coverage.messages`);
these helpers translate them with ``gettext`` in the active language at the moment they are shown:
admin reports and their CSV/XLSX exports, the service page's badge, the transparency page, the
evidence pack.
"""

from django.utils.translation import gettext, gettext_lazy

from . import messages
from .rulebase import CoverageStatus, Rule, Severity

#: Django choices with lazily translated labels, for model fields and filters.
SEVERITY_CHOICES = [(code, gettext_lazy(label)) for code, label in Severity.labels.items()]
STATUS_CHOICES = [(code, gettext_lazy(label)) for code, label in CoverageStatus.labels.items()]


def render(message_id: str, params=None) -> str:
    """A message in the active language (``gettext(message_id) % params``, typed parameters rendered)."""
    return messages.render(message_id, params, gettext)


def finding_message(finding) -> str:
    """What a finding (a ``Finding`` row or a ``FindingData``) says is wrong."""
    return render(finding.message_id, finding.message_params)


def finding_fix(finding) -> str:
    """How to fix a finding."""
    return render(finding.fix_id, finding.fix_params)


def rule_title(rule: Rule | None, code: str = "") -> str:
    """A rule's title (the code when the rule no longer exists)."""
    return gettext(rule.title) if rule else code


def rule_explanation(rule: Rule) -> str:
    return gettext(rule.explanation)


def rule_fix(rule: Rule) -> str:
    """A rule's generic fix."""
    return gettext(rule.fix)


def severity_label(code: str) -> str:
    label = Severity.labels.get(code)
    return gettext(label) if label else code


def status_label(code: str) -> str:
    label = CoverageStatus.labels.get(code)
    return gettext(label) if label else code

"""Template tags for showing coverage on the public site."""

from django import template

from ..models import Finding, ServiceCoverage
from ..rulebase import Severity

register = template.Library()


@register.inclusion_tag("coverage/includes/badge.html")
def coverage_badge(page):
    """A service's completeness badge with the reasons: ``{% coverage_badge page %}`` (two queries)."""
    coverage = ServiceCoverage.objects.filter(service_id=page.pk).first()
    # Always two queries, whether or not the service has been assessed yet, so page query counts stay fixed.
    findings = [
        item
        for item in Finding.objects.filter(coverage__service_id=page.pk).order_by("id")
        if item.severity != Severity.INFO
    ]
    return {"coverage": coverage, "findings": findings, "page": page}

"""Totals and percentages of coverage for the city and per Perangkat Daerah (public services only).

Public as :mod:`registry.visibility` says: the service and its ancestors live, no view restriction.
"""

from collections import Counter
from dataclasses import dataclass, field

from django.db.models import Count

from registry.services.models import PerangkatDaerahPage
from registry.visibility import hidden_section_paths, public_q

from .models import Finding, ServiceCoverage
from .rulebase import CoverageStatus


@dataclass
class Totals:
    """Service counts by coverage status for one scope (the city or one OPD)."""

    lengkap: int = 0
    sebagian: int = 0
    belum: int = 0
    opd_id: int | None = None
    title: str = ""
    abbreviation: str = ""
    slug: str = ""
    by_rule: dict = field(default_factory=dict)

    @property
    def total(self) -> int:
        return self.lengkap + self.sebagian + self.belum

    def percent(self, status: str) -> float:
        """The share of services with ``status``, in percent (one decimal)."""
        return round(100 * getattr(self, status) / self.total, 1) if self.total else 0.0

    @property
    def percent_lengkap(self) -> float:
        return self.percent(CoverageStatus.LENGKAP)

    @property
    def incomplete(self) -> int:
        """Services whose regulation is not complete (sebagian or belum)."""
        return self.sebagian + self.belum

    @property
    def percent_sebagian(self) -> float:
        return self.percent(CoverageStatus.SEBAGIAN)

    @property
    def percent_belum(self) -> float:
        return self.percent(CoverageStatus.BELUM)


def public_coverage(hidden_paths=None):
    """Coverage rows of the services the public may see."""
    return ServiceCoverage.objects.filter(live=True).filter(public_q("service__", hidden_paths))


def _status_counts(hidden_paths):
    return public_coverage(hidden_paths).values_list("opd_id", "status").annotate(n=Count("pk")).order_by()


def _rule_counts(hidden_paths):
    """(opd_id, code, services) for public services: how many services each rule hits."""
    return (
        Finding.objects.filter(coverage__live=True)
        .filter(public_q("coverage__service__", hidden_paths))
        .values_list("coverage__opd_id", "code")
        .annotate(n=Count("coverage_id", distinct=True))
        .order_by()
    )


def coverage_totals() -> tuple[Totals, list[Totals]]:
    """The city's totals and one :class:`Totals` per OPD with public services, by OPD name (4 queries)."""
    hidden = hidden_section_paths()
    city = Totals()
    per_opd: dict[int | None, Totals] = {}
    for opd_id, status, n in _status_counts(hidden):
        for scope in (city, per_opd.setdefault(opd_id, Totals(opd_id=opd_id))):
            setattr(scope, status, getattr(scope, status) + n)
    city_rules = Counter()
    for opd_id, code, n in _rule_counts(hidden):
        city_rules[code] += n
        if opd_id in per_opd:
            per_opd[opd_id].by_rule[code] = n
    city.by_rule = dict(city_rules)
    names = PerangkatDaerahPage.objects.filter(pk__in=[k for k in per_opd if k]).values_list(
        "pk", "title", "abbreviation", "slug"
    )
    for pk, title, abbreviation, slug in names:
        per_opd[pk].title, per_opd[pk].abbreviation, per_opd[pk].slug = title, abbreviation, slug
    if None in per_opd:
        per_opd[None].title = per_opd[None].abbreviation = "—"
    return city, sorted(per_opd.values(), key=lambda t: t.title.lower())

"""Totals and percentages of coverage for the city and per Perangkat Daerah (live services only)."""

from collections import Counter
from dataclasses import dataclass, field

from django.db.models import Count

from registry.services.models import PerangkatDaerahPage

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
    def percent_sebagian(self) -> float:
        return self.percent(CoverageStatus.SEBAGIAN)

    @property
    def percent_belum(self) -> float:
        return self.percent(CoverageStatus.BELUM)


def _status_counts():
    return (
        ServiceCoverage.objects.filter(live=True)
        .values_list("opd_id", "status")
        .annotate(n=Count("pk"))
        .order_by()
    )


def _rule_counts():
    """(opd_id, code, services) for live services: how many services each rule hits."""
    return (
        Finding.objects.filter(coverage__live=True)
        .values_list("coverage__opd_id", "code")
        .annotate(n=Count("coverage_id", distinct=True))
        .order_by()
    )


def coverage_totals() -> tuple[Totals, list[Totals]]:
    """The city's totals and one :class:`Totals` per OPD with services, by OPD name (3 queries)."""
    city = Totals()
    per_opd: dict[int | None, Totals] = {}
    for opd_id, status, n in _status_counts():
        for scope in (city, per_opd.setdefault(opd_id, Totals(opd_id=opd_id))):
            setattr(scope, status, getattr(scope, status) + n)
    city_rules = Counter()
    for opd_id, code, n in _rule_counts():
        city_rules[code] += n
        if opd_id in per_opd:
            per_opd[opd_id].by_rule[code] = n
    city.by_rule = dict(city_rules)
    names = PerangkatDaerahPage.objects.filter(pk__in=[k for k in per_opd if k]).values_list(
        "pk", "title", "abbreviation"
    )
    for pk, title, abbreviation in names:
        per_opd[pk].title, per_opd[pk].abbreviation = title, abbreviation
    if None in per_opd:
        per_opd[None].title = per_opd[None].abbreviation = "—"
    return city, sorted(per_opd.values(), key=lambda t: t.title.lower())

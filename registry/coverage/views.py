"""The public transparency page: coverage for the city and per OPD, its trend, and each OPD's services."""

from django.conf import settings
from django.db.models import Prefetch
from django.http import Http404
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views.decorators.cache import cache_control

from registry.services.models import PerangkatDaerahPage
from registry.visibility import hidden_section_paths, public_pages

from . import charts, display
from .history import trend_with_current
from .models import Finding
from .rulebase import CoverageStatus
from .rules import RULES
from .summary import Totals, coverage_totals, public_coverage

#: ``?urut=`` values of the OPD table: the sort key of each, and its default.
SORTS = {
    "nama": lambda scope: (scope.title.lower(),),
    "persen": lambda scope: (-scope.percent_lengkap, scope.title.lower()),
    "kurang": lambda scope: (-scope.incomplete, scope.title.lower()),
}
DEFAULT_SORT = "nama"

#: The OPD page lists the services that need work first.
STATUS_RANK = {CoverageStatus.BELUM: 0, CoverageStatus.SEBAGIAN: 1, CoverageStatus.LENGKAP: 2}


def sort_scopes(per_opd: list[Totals], key: str) -> list[Totals]:
    """The OPD rows in the order ``?urut=`` asks for (by name when it names no known order)."""
    return sorted(per_opd, key=SORTS.get(key, SORTS[DEFAULT_SORT]))


@cache_control(max_age=300, public=True)
def transparency(request):
    """/transparansi/: how many services have complete regulation, per OPD and over time."""
    city, per_opd = coverage_totals()
    city.label = settings.REGISTRY_CITY_NAME
    for scope in per_opd:
        scope.label = scope.abbreviation or scope.title
    sort = request.GET.get("urut", DEFAULT_SORT)
    sort = sort if sort in SORTS else DEFAULT_SORT
    per_opd = sort_scopes(per_opd, sort)
    trend = trend_with_current(city)
    context = {
        "city_name": settings.REGISTRY_CITY_NAME,
        "city": city,
        "per_opd": per_opd,
        "sort": sort,
        "opd_bars": [(scope, charts.stacked_bars([scope], width=300, label_width=0)) for scope in per_opd],
        "city_chart": charts.stacked_bars([city], width=300, label_width=0),
        "trend": trend,
        "trend_chart": charts.line_chart(
            (snap.date.strftime("%m/%Y"), snap.percent_lengkap) for snap in trend
        )
        if len(trend) > 1
        else None,
        "rules": [
            (display.rule_title(rule), display.rule_explanation(rule), city.by_rule[rule.code])
            for rule in RULES
            if city.by_rule.get(rule.code)
        ],
    }
    return render(request, "coverage/transparency.html", context)


@cache_control(max_age=300, public=True)
def transparency_opd(request, slug):
    """/transparansi/<opd>/: each public service of one OPD with its coverage status and the reasons."""
    hidden = hidden_section_paths()
    unit = public_pages(PerangkatDaerahPage.objects.filter(slug=slug), hidden).order_by("path").first()
    if unit is None:
        raise Http404(_("Perangkat daerah tidak ditemukan."))
    rows = list(
        public_coverage(hidden)
        .filter(service__opd=unit)
        .select_related("service")
        .prefetch_related(Prefetch("findings", queryset=Finding.objects.order_by("id")))
    )
    rows.sort(key=lambda row: (STATUS_RANK.get(row.status, 3), row.service.title.lower()))
    totals = Totals(opd_id=unit.pk, title=unit.title, abbreviation=unit.abbreviation, slug=unit.slug)
    for row in rows:
        setattr(totals, row.status, getattr(totals, row.status) + 1)
    totals.label = unit.abbreviation or unit.title
    context = {
        "city_name": settings.REGISTRY_CITY_NAME,
        "unit": unit,
        "totals": totals,
        "bar": charts.stacked_bars([totals], width=300, label_width=0),
        "services": [
            {
                "title": row.service.title,
                "url": row.service.get_url(request),
                "status": row.status,
                "status_label": row.get_status_display(),
                "reasons": [(finding.title, finding.message) for finding in row.findings.all()],
            }
            for row in rows
        ],
    }
    return render(request, "coverage/transparency_opd.html", context)

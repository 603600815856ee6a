"""The public transparency page: coverage for the city and per OPD, and its trend over time."""

from django.conf import settings
from django.shortcuts import render
from django.views.decorators.cache import cache_control

from . import charts, display
from .history import city_trend
from .rules import RULES
from .summary import coverage_totals


@cache_control(max_age=300, public=True)
def transparency(request):
    """/transparansi/: how many services have complete regulation, per OPD and over time."""
    city, per_opd = coverage_totals()
    city.label = settings.REGISTRY_CITY_NAME
    for scope in per_opd:
        scope.label = scope.abbreviation or scope.title
    trend = city_trend()
    context = {
        "city_name": settings.REGISTRY_CITY_NAME,
        "city": city,
        "per_opd": per_opd,
        "city_chart": charts.stacked_bars([city]),
        "opd_chart": charts.stacked_bars(per_opd),
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

"""The pure modules mirror the Django choices they cannot import."""

from registry.coverage import facts as f
from registry.coverage.charts import line_chart, stacked_bars
from registry.regulations.choices import IN_FORCE, RelationKind
from registry.services.components import DELIVERY_COMPONENTS, Component
from registry.services.models import ChannelKind, CostKind, LegalBasisRole


def test_constants_match_the_choices():
    """Statuses, relation kinds, roles, components and channel kinds are spelled as in the models."""
    assert {str(s) for s in IN_FORCE} == f.IN_FORCE_STATUSES
    assert f.REVOKES == RelationKind.MENCABUT and f.IMPLEMENTS == RelationKind.MELAKSANAKAN
    assert {RelationKind.MENGUBAH, RelationKind.MENGUBAH_SEBAGIAN} == f.AMENDS
    assert tuple(LegalBasisRole.values) == (f.ROLE_BASIS, f.ROLE_SK_SP, f.ROLE_SOP)
    assert tuple(Component.values) == f.COMPONENTS
    assert tuple(DELIVERY_COMPONENTS) == f.DELIVERY_COMPONENTS
    assert f.COST_CHARGED == CostKind.BERBAYAR and f.CHANNEL_ONLINE == ChannelKind.DARING


class Scope:
    def __init__(self, label, lengkap, sebagian, belum):
        self.label, self.lengkap, self.sebagian, self.belum = label, lengkap, sebagian, belum


def test_stacked_bars_fill_the_plot_width():
    """Each bar's segments add up to the plot width; an empty scope draws nothing."""
    chart = stacked_bars([Scope("A", 1, 1, 2), Scope("B", 0, 0, 0)], width=600, label_width=200)
    widths = [seg.width for seg in chart.rows[0].segments]
    assert abs(sum(widths) - 400) < 0.1
    assert [seg.percent for seg in chart.rows[0].segments] == [25.0, 25.0, 50.0]
    assert all(seg.width == 0 for seg in chart.rows[1].segments)


def test_line_chart_maps_percent_to_height():
    """0% sits on the bottom axis and 100% on the top one."""
    chart = line_chart([("01/2025", 0.0), ("02/2025", 100.0)], width=640, height=240, pad=40)
    assert chart.points[0].y == 200 and chart.points[1].y == 40
    assert chart.polyline == "40.0,200.0 600.0,40.0"

"""Geometry for the server-rendered SVG charts on the transparency page (pure; no Django).

The templates draw what these functions compute, so the charts need no JavaScript and each one
comes with a data table as its text alternative.
"""

from dataclasses import dataclass, field

STATUS_ORDER = ("lengkap", "sebagian", "belum")


@dataclass
class Segment:
    """One coloured part of a stacked bar."""

    status: str
    value: int
    percent: float
    x: float
    width: float


@dataclass
class BarRow:
    """One stacked bar (a scope: the city or an OPD)."""

    label: str
    total: int
    y: float
    segments: list[Segment] = field(default_factory=list)


@dataclass
class BarChart:
    """Stacked horizontal bars, one per scope, each 100% wide."""

    width: int
    height: int
    label_width: int
    bar_height: int
    rows: list[BarRow]

    @property
    def plot_width(self) -> int:
        return self.width - self.label_width


def stacked_bars(
    scopes, width: int = 640, label_width: int = 200, bar_height: int = 20, gap: int = 8
) -> BarChart:
    """Lay out one 100% bar per scope; ``scopes`` are objects with label, lengkap, sebagian, belum."""
    plot = width - label_width
    rows = []
    for i, scope in enumerate(scopes):
        total = scope.lengkap + scope.sebagian + scope.belum
        row = BarRow(label=scope.label, total=total, y=i * (bar_height + gap))
        x = float(label_width)
        for status in STATUS_ORDER:
            value = getattr(scope, status)
            share = value / total if total else 0.0
            row.segments.append(
                Segment(status, value, round(100 * share, 1), round(x, 2), round(plot * share, 2))
            )
            x += plot * share
        rows.append(row)
    height = max(len(rows) * (bar_height + gap) - gap, bar_height)
    return BarChart(width, height, label_width, bar_height, rows)


@dataclass
class LinePoint:
    """One point of the trend: a date label and the share of complete services."""

    label: str
    value: float
    x: float
    y: float


@dataclass
class LineChart:
    """The trend of "% lengkap" over time, on a 0–100 scale."""

    width: int
    height: int
    pad: int
    points: list[LinePoint]
    ticks: list[tuple[float, int]]

    @property
    def polyline(self) -> str:
        return " ".join(f"{p.x},{p.y}" for p in self.points)


def line_chart(series, width: int = 640, height: int = 240, pad: int = 40) -> LineChart:
    """Lay out ``series`` of (label, percent) pairs, oldest first, on a 0–100 y axis."""
    series = list(series)
    plot_w, plot_h = width - 2 * pad, height - 2 * pad
    step = plot_w / (len(series) - 1) if len(series) > 1 else 0
    points = [
        LinePoint(label, value, round(pad + i * step, 2), round(pad + plot_h * (1 - value / 100), 2))
        for i, (label, value) in enumerate(series)
    ]
    ticks = [(round(pad + plot_h * (1 - v / 100), 2), v) for v in (0, 25, 50, 75, 100)]
    return LineChart(width, height, pad, points, ticks)

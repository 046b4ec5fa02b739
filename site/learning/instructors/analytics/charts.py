"""Bar charts as plain inline SVG, computed here so templates only draw rectangles.

Why no chart library: the admin has no build step and a chart must be readable without
JavaScript, by a screen reader (role="img" with <title> and <desc>; the numbers are
also in a data table beside it) and on a 390 px phone (a viewBox that scales, few
labels, no hover-only values). Each bar carries its value as text above it.
"""

from dataclasses import dataclass, field

WIDTH, HEIGHT = 320, 150
TOP, BOTTOM, SIDE = 18, 22, 6
MAX_LABELS = 8  # past this many bars, only every n-th bar is labelled below the axis
MAX_ZERO_VALUES = 12  # past this many bars, a zero bar carries no value text (the table has it)


@dataclass
class Bar:
    label: str
    value: float
    x: float
    y: float
    width: float
    height: float
    show_label: bool
    text: str

    @property
    def middle(self):
        return round(self.x + self.width / 2, 2)

    @property
    def value_y(self):
        return round(self.y - 3, 2)


@dataclass
class BarChart:
    slug: str  # unique on the page: the ids of <title> and <desc>
    title: str
    description: str
    unit: str = ""
    bars: list = field(default_factory=list)
    width: int = WIDTH
    height: int = HEIGHT

    @property
    def baseline(self):
        return self.height - BOTTOM

    @property
    def label_y(self):
        return self.height - 8

    @property
    def empty(self):
        return not self.bars


def number_text(value, unit=""):
    if value is None:
        return "\u2013"  # an en dash, as the admin shows a missing figure
    shown = f"{value:.0f}" if float(value).is_integer() else f"{value:.1f}"
    return f"{shown}{unit}"


def bar_chart(slug, title, points, unit="", describe=""):
    """A BarChart of `points` [(label, value or None)], scaled to the largest value.
    `describe` is the sentence a screen reader hears; by default it names the highest
    and the lowest bar."""
    points = [(str(label), value) for label, value in points]
    chart = BarChart(slug, title, describe or summary(points, unit), unit)
    if not points:
        return chart
    top = max((float(v) for _, v in points if v is not None), default=0) or 1
    inner = WIDTH - 2 * SIDE
    step = inner / len(points)
    every = max(1, -(-len(points) // MAX_LABELS))
    plot = HEIGHT - TOP - BOTTOM
    for index, (label, value) in enumerate(points):
        height = plot * float(value or 0) / top
        chart.bars.append(
            Bar(
                label=label,
                value=value,
                x=round(SIDE + index * step + step * 0.12, 2),
                y=round(HEIGHT - BOTTOM - height, 2),
                width=round(step * 0.76, 2),
                height=round(height, 2),
                show_label=index % every == 0,
                text=(number_text(value, unit) if value or len(points) <= MAX_ZERO_VALUES else ""),
            )
        )
    return chart


def summary(points, unit):
    known = [(label, value) for label, value in points if value is not None]
    if not known:
        return "No figures yet."
    high = max(known, key=lambda point: point[1])
    low = min(known, key=lambda point: point[1])
    text = f"{len(points)} bars. Highest: {high[0]}, {number_text(high[1], unit)}."
    if low != high:
        text += f" Lowest: {low[0]}, {number_text(low[1], unit)}."
    return text

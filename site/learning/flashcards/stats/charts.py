"""Small accessible SVG charts for the stats page, rendered on the server.

Every chart is an ``<svg role="img">`` named by its ``<title>`` and ``<desc>``, and comes
with the same numbers as table rows (the template shows them in a ``<details>`` table),
so a screen reader or a printout loses nothing. Colours are CSS classes styled with the
site's custom properties (the flashcards-stats section of main.css), so dark mode follows
the theme. All text goes through ``format_html``: deck names and labels are escaped.
"""

import math
from dataclasses import dataclass

from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString

WIDTH, HEIGHT = 640, 220
LEFT, RIGHT, TOP, BOTTOM = 40, 8, 12, 28
PLOT = 260
STATE_ORDER = ("new", "learning", "review", "relearning", "suspended")


@dataclass(frozen=True)
class Chart:
    id: str
    title: str
    description: str
    svg: SafeString
    headers: tuple
    rows: list


def nice_ceiling(value):
    """A round axis maximum at or above `value` (1, 2, 5, 10, 20, 50 ...)."""
    if value <= 0:
        return 1
    magnitude = 10 ** math.floor(math.log10(value))
    for step in (1, 2, 5, 10):
        if value <= step * magnitude:
            return step * magnitude
    return 10 * magnitude


def svg_frame(chart_id, title, description, width, height, body):
    return format_html(
        '<svg class="chart" viewBox="0 0 {w} {h}" role="img" aria-labelledby="{id}-title '
        '{id}-desc" preserveAspectRatio="xMidYMid meet" xmlns="http://www.w3.org/2000/svg">'
        '<title id="{id}-title">{title}</title><desc id="{id}-desc">{desc}</desc>{body}</svg>',
        w=width,
        h=height,
        id=chart_id,
        title=title,
        desc=description,
        body=body,
    )


def short_date(day):
    return f"{day:%b} {day.day}"


def bar_chart(chart_id, title, description, points, unit):
    """Vertical bars, one per (date, count); the x axis labels every seventh day."""
    top = nice_ceiling(max((count for _, count in points), default=0))
    plot_w, plot_h = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM
    slot = plot_w / max(len(points), 1)
    bars, labels = [], []
    for index, (day, count) in enumerate(points):
        height = plot_h * count / top
        x = LEFT + index * slot
        bars.append(
            (
                f"{x + slot * 0.1:.1f}",
                f"{TOP + plot_h - height:.1f}",
                f"{slot * 0.8:.1f}",
                f"{height:.1f}",
                f"{short_date(day)}: {count} {unit}",
            )
        )
        if index % 7 == 0:
            labels.append((f"{x + slot / 2:.1f}", HEIGHT - 8, short_date(day)))
    grid = [(TOP + plot_h * (1 - fraction), round(top * fraction)) for fraction in (0, 0.5, 1)]
    body = (
        format_html_join(
            "",
            '<line class="chart__grid" x1="{}" x2="{}" y1="{}" y2="{}"/>'
            '<text class="chart__tick" x="{}" y="{}" text-anchor="end">{}</text>',
            (
                (LEFT, WIDTH - RIGHT, f"{y:.1f}", f"{y:.1f}", LEFT - 4, f"{y + 4:.1f}", value)
                for y, value in grid
            ),
        )
        + format_html_join(
            "",
            '<rect class="chart__bar" x="{}" y="{}" width="{}" height="{}">'
            "<title>{}</title></rect>",
            bars,
        )
        + format_html_join(
            "", '<text class="chart__tick" x="{}" y="{}" text-anchor="middle">{}</text>', labels
        )
    )
    rows = [(short_date(day), count) for day, count in points]
    svg = svg_frame(chart_id, title, description, WIDTH, HEIGHT, body)
    return Chart(chart_id, title, description, svg, ("Day", unit.capitalize()), rows)


def calibration_chart(chart_id, bins):
    """Predicted recall (x) against actual recall (y) per bin; on the diagonal is perfect."""
    size = PLOT + LEFT + RIGHT
    used = [item for item in bins if item.count]
    largest = max((item.count for item in used), default=1)

    def x(value):
        return LEFT + value * PLOT

    def y(value):
        return TOP + (1 - value) * PLOT

    points = format_html_join(
        "",
        '<circle class="chart__point" cx="{}" cy="{}" r="{}"><title>{}</title></circle>',
        (
            (
                f"{x(item.predicted):.1f}",
                f"{y(item.actual):.1f}",
                f"{3 + 7 * math.sqrt(item.count / largest):.1f}",
                f"Predicted {item.predicted:.0%}, recalled {item.actual:.0%} of {item.count}",
            )
            for item in used
        ),
    )
    ticks = format_html_join(
        "",
        '<text class="chart__tick" x="{}" y="{}" text-anchor="middle">{}</text>'
        '<text class="chart__tick" x="{}" y="{}" text-anchor="end">{}</text>',
        (
            (f"{x(v):.1f}", TOP + PLOT + 16, f"{v:.0%}", LEFT - 4, f"{y(v) + 4:.1f}", f"{v:.0%}")
            for v in (0, 0.5, 1)
        ),
    )
    body = format_html(
        '<rect class="chart__frame" x="{l}" y="{t}" width="{p}" height="{p}"/>'
        '<line class="chart__diagonal" x1="{l}" y1="{b}" x2="{r}" y2="{t}"/>{ticks}{points}',
        l=LEFT,
        t=TOP,
        p=PLOT,
        b=TOP + PLOT,
        r=LEFT + PLOT,
        ticks=ticks,
        points=points,
    )
    description = (
        "Each circle is a group of reviews: across, the recall the scheduler predicted; up, "
        "how often you actually recalled. Circles on the diagonal mean the predictions are right."
    )
    rows = [
        (
            f"{item.low:.0%} to {item.high:.0%}",
            item.count,
            f"{item.predicted:.0%}" if item.count else "none",
            f"{item.actual:.0%}" if item.count else "none",
        )
        for item in bins
    ]
    svg = svg_frame(chart_id, "Predicted and actual recall", description, size, size, body)
    headers = ("Predicted recall", "Reviews", "Average prediction", "Actually recalled")
    return Chart(chart_id, "Predicted and actual recall", description, svg, headers, rows)


def state_chart(chart_id, states):
    """One horizontal bar split by card state."""
    total = sum(states.get(name, 0) for name in STATE_ORDER)
    plot_w, x = WIDTH - 2 * RIGHT, RIGHT
    segments = []
    for name in STATE_ORDER:
        count = states.get(name, 0)
        width = plot_w * count / total if total else 0
        if width:
            segments.append((name, f"{x:.1f}", f"{width:.1f}", f"{name.capitalize()}: {count}"))
        x += width
    body = format_html_join(
        "",
        '<rect class="chart__segment chart__segment--{}" x="{}" y="8" width="{}" height="32">'
        "<title>{}</title></rect>",
        segments,
    )
    description = ", ".join(f"{states.get(name, 0)} {name}" for name in STATE_ORDER)
    rows = [(name.capitalize(), states.get(name, 0)) for name in (*STATE_ORDER, "known")]
    svg = svg_frame(chart_id, "Cards by state", description, WIDTH, 48, body)
    return Chart(chart_id, "Cards by state", description, svg, ("State", "Cards"), rows)


def stats_charts(stats):
    """The four charts of a FlashcardStats, in page order."""
    return {
        "reviews": bar_chart(
            "chart-reviews",
            "Reviews per day",
            f"{stats.review_count} reviews over the last {len(stats.reviews_per_day)} study days.",
            stats.reviews_per_day,
            "reviews",
        ),
        "calibration": calibration_chart("chart-calibration", stats.calibration),
        "states": state_chart("chart-states", stats.states),
        "forecast": bar_chart(
            "chart-forecast",
            "Due forecast",
            f"{stats.due_count} cards fall due over the next {len(stats.forecast)} study days.",
            stats.forecast,
            "cards due",
        ),
    }

"""The SVG charts parse as XML, are named for assistive technology, escape text, and
carry the same numbers as their tables."""

import datetime
import xml.etree.ElementTree as ET

from learning.flashcards.stats.charts import bar_chart, calibration_chart, nice_ceiling, state_chart
from learning.flashcards.stats.figures import CalibrationBin

SVG = "{http://www.w3.org/2000/svg}"
DAY = datetime.date(2026, 6, 1)


def parse(chart):
    root = ET.fromstring(str(chart.svg))  # noqa: S314 - our own output
    assert root.get("role") == "img"
    title, desc = root.find(f"{SVG}title"), root.find(f"{SVG}desc")
    assert root.get("aria-labelledby") == f"{title.get('id')} {desc.get('id')}"
    return root


def test_bar_chart_has_a_bar_and_a_row_per_day():
    points = [(DAY + datetime.timedelta(days=n), n * 3) for n in range(30)]
    chart = bar_chart("chart-x", "Reviews <per> day", "87 & more", points, "reviews")
    root = parse(chart)
    assert root.find(f"{SVG}title").text == "Reviews <per> day"
    bars = root.findall(f"{SVG}rect")
    assert len(bars) == 30
    assert bars[29].find(f"{SVG}title").text == "Jun 30: 87 reviews"
    assert float(bars[0].get("height")) == 0
    assert chart.rows[29] == ("Jun 30", 87)
    assert "&lt;per&gt;" in str(chart.svg)


def test_calibration_chart_draws_the_diagonal_and_used_bins():
    bins = [CalibrationBin(i / 10, (i + 1) / 10, 0, 0, 0.0) for i in range(10)]
    bins[9] = CalibrationBin(0.9, 1.0, 20, 18, 19.0)
    root = parse(calibration_chart("chart-cal", bins))
    assert root.find(f"{SVG}line").get("class") == "chart__diagonal"
    (point,) = root.findall(f"{SVG}circle")
    assert point.find(f"{SVG}title").text == "Predicted 95%, recalled 90% of 20"
    rows = calibration_chart("chart-cal", bins).rows
    assert rows[9] == ("90% to 100%", 20, "95%", "90%")
    assert rows[0] == ("0% to 10%", 0, "none", "none")


def test_state_chart_splits_one_bar_and_lists_known_cards():
    states = {"new": 5, "learning": 1, "review": 4, "relearning": 0, "suspended": 0, "known": 2}
    chart = state_chart("chart-states", states)
    segments = parse(chart).findall(f"{SVG}rect")
    assert [s.get("class").split("--")[1] for s in segments] == ["new", "learning", "review"]
    assert ("Known", 2) in chart.rows
    assert parse(state_chart("empty", {})).findall(f"{SVG}rect") == []


def test_axis_maximum_is_a_round_number():
    assert [nice_ceiling(v) for v in (0, 1, 3, 7, 12, 87, 101)] == [1, 1, 5, 10, 20, 100, 200]

"""Outdoor scenes: a trainer climbing out over a runway, and the weather pictures."""

import random

from .aircraft import draw_trainer
from .canvas import Canvas
from .sky import cloud, hills, runway

TERRAIN = ("#b9d3a8", "#9cc18a", "#86b174", "#6f9e61")
DAWN_TERRAIN = ("#c9b99b", "#a9b58c", "#8fa97a", "#789a68")
# The sky is painted a little below the horizon so the first hill line never shows a gap.
SKY_OVERLAP = 40


def trainer_over_runway(width, height, dawn=False):
    """A high-wing trainer climbing out over the runway it just left."""
    canvas = Canvas(width, height)
    horizon = height * 0.58
    if dawn:
        canvas.vertical_gradient("#274f7d", "#f2c48d", 0, horizon + SKY_OVERLAP)
        canvas.soft_glow(width * 0.78, horizon - 20, height * 0.18, "#ffe2a8", alpha=220)
        canvas.circle(width * 0.78, horizon - 20, height * 0.05, fill="#fff1cf")
        cloud_colour = "#f3e6dc"
    else:
        canvas.vertical_gradient("#7fb2e0", "#dcebf7", 0, horizon + SKY_OVERLAP)
        cloud_colour = "#ffffff"
    cloud(canvas, width * 0.16, height * 0.22, height * 0.07, cloud_colour)
    cloud(canvas, width * 0.62, height * 0.14, height * 0.05, cloud_colour)
    hills(canvas, horizon, DAWN_TERRAIN if dawn else TERRAIN)
    runway(canvas, height + 2, horizon + height * 0.06, width * 0.36, width * 0.2, width * 0.018)
    draw_trainer(canvas, (width * 0.6, height * 0.36), scale=height / 190, pitch=9)
    return canvas.finish()


def briefing(width, height):
    """Scattered cumulus over a field with a windsock: the weather a briefing describes, and
    a strip of coded report groups (a METAR) along the bottom."""
    canvas = Canvas(width, height)
    horizon = height * 0.68
    canvas.vertical_gradient("#5d9bd5", "#d6e8f6", 0, horizon + SKY_OVERLAP)
    canvas.soft_glow(width * 0.8, height * 0.2, height * 0.15, "#fff3c4", alpha=200)
    canvas.circle(width * 0.8, height * 0.2, height * 0.06, fill="#ffe9a3")
    for x, y, size in ((0.22, 0.3, 0.1), (0.55, 0.24, 0.08), (0.72, 0.42, 0.11), (0.35, 0.5, 0.07)):
        cloud(canvas, width * x, height * y, height * size)
    hills(canvas, horizon, TERRAIN[1:])
    pole_x, pole_top = width * 0.14, horizon - height * 0.06
    canvas.line([(pole_x, pole_top), (pole_x, horizon + height * 0.14)], "#3b4654", width=3)
    sock = [
        (pole_x, pole_top),
        (pole_x + height * 0.17, pole_top + height * 0.025),
        (pole_x + height * 0.17, pole_top + height * 0.055),
        (pole_x, pole_top + height * 0.08),
    ]
    canvas.polygon(sock, "#ea580c")
    for stripe in (0.06, 0.12):  # the white bands of a windsock
        x = pole_x + height * stripe
        canvas.line(
            [
                (x, pole_top + height * 0.01 * stripe / 0.06 * 0.9),
                (x, pole_top + height * (0.08 - 0.009 * stripe / 0.06)),
            ],
            "#ffffff",
            width=5,
        )
    band = height * 0.86
    canvas.rect(
        width * 0.06, band, width * 0.94, band + height * 0.09, fill="#0f2a44", radius=height * 0.02
    )
    groups = random.Random(7)  # noqa: S311 - picture layout, not security
    x = width * 0.09
    while x < width * 0.88:
        length = width * groups.choice((0.05, 0.07, 0.09, 0.04))
        canvas.rect(
            x,
            band + height * 0.035,
            min(x + length, width * 0.91),
            band + height * 0.055,
            fill="#9fd3ff",
            radius=2,
        )
        x += length + width * 0.02
    return canvas.finish()


def thunderstorm(width, height):
    """A towering cumulonimbus with its anvil, rain shaft and lightning, from a safe distance."""
    canvas = Canvas(width, height)
    horizon = height * 0.76
    canvas.vertical_gradient("#3f6f9e", "#c9dbe9", 0, horizon + SKY_OVERLAP)
    centre, base_y, top_y = width * 0.5, height * 0.6, height * 0.16
    # The anvil: a flat top sheared downwind (to the right).
    canvas.polygon(
        [
            (centre - width * 0.2, top_y + height * 0.06),
            (centre - width * 0.26, top_y),
            (centre + width * 0.42, top_y - height * 0.04),
            (centre + width * 0.16, top_y + height * 0.1),
        ],
        "#e3e9f0",
    )
    # The tower: a body narrowing upward, with cauliflower puffs along both sides.
    canvas.polygon(
        [
            (centre - width * 0.2, base_y),
            (centre - width * 0.1, top_y + height * 0.04),
            (centre + width * 0.1, top_y + height * 0.04),
            (centre + width * 0.2, base_y),
        ],
        "#f4f6f9",
    )
    steps = 6
    for i in range(steps):
        t = i / (steps - 1)
        y = base_y - height * 0.07 - t * (base_y - top_y - height * 0.12)
        half = width * (0.19 - 0.09 * t)
        r = height * (0.085 - 0.02 * t)
        canvas.circle(centre - half, y, r, fill="#d8e0ea")  # the shaded side
        canvas.circle(centre + half, y, r, fill="#ffffff")  # the side facing the sun
    canvas.rect(
        centre - width * 0.23,
        base_y - height * 0.05,
        centre + width * 0.23,
        base_y,
        fill="#7d8fa6",
        radius=height * 0.02,
    )
    rain = random.Random(3)  # noqa: S311 - picture layout, not security
    for _ in range(40):
        x = centre + rain.uniform(-0.19, 0.12) * width
        canvas.line(
            [(x, base_y), (x - height * 0.05, horizon + 6)], "#5d7088", width=1.6, alpha=160
        )
    bolt_x = centre + width * 0.08
    canvas.polygon(
        [
            (bolt_x, base_y),
            (bolt_x + 20, base_y),
            (bolt_x + 6, base_y + height * 0.07),
            (bolt_x + 22, base_y + height * 0.07),
            (bolt_x - 10, horizon + 4),
            (bolt_x - 2, base_y + height * 0.1),
            (bolt_x - 16, base_y + height * 0.1),
        ],
        "#facc15",
    )
    cloud(canvas, width * 0.1, height * 0.52, height * 0.05)
    hills(canvas, horizon, TERRAIN[2:])
    return canvas.finish()

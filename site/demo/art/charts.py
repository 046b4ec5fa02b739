"""Flat, top-down scenes: a sectional chart with airspace rings, an open logbook with a
checklist, a six-pack instrument panel and an airfoil in the wind."""

import math

from .aircraft import draw_top_view
from .canvas import Canvas, transform, wavy_ring

CHART_PAPER = "#f4efe1"
CLASS_B = "#1d4ed8"
CLASS_C_D = "#a21caf"


def airspace_chart(width, height):
    """Terrain contours, a Class B shelf around a towered airport, a dashed Class D ring
    and a course line flown past them, in the colours of a VFR sectional chart."""
    canvas = Canvas(width, height, CHART_PAPER)
    for i, colour in enumerate(("#e8e3c8", "#dfe0bb", "#d3d9ae", "#c6d0a1")):
        canvas.polygon(
            wavy_ring(
                width * 0.18, height * 0.8, height * (0.62 - i * 0.13), height * 0.04, phase=i
            ),
            colour,
        )
        canvas.polygon(
            wavy_ring(
                width * 0.9, height * 0.15, height * (0.45 - i * 0.1), height * 0.03, phase=2 + i
            ),
            colour,
        )
    canvas.line(
        [
            (0, height * 0.35),
            (width * 0.3, height * 0.42),
            (width * 0.55, height * 0.62),
            (width, height * 0.7),
        ],
        "#7fb8d8",
        width=5,
    )  # a river
    cx, cy = width * 0.5, height * 0.46
    for radius, line_width in ((0.42, 5), (0.29, 4), (0.16, 4)):
        canvas.circle(cx, cy, height * radius, outline=CLASS_B, width=line_width)
    canvas.circle(cx, cy, height * 0.05, fill=CLASS_B)
    for angle in (30, 100):
        ends = transform([(-height * 0.035, 0), (height * 0.035, 0)], angle, 1, (cx, cy))
        canvas.line(ends, "#ffffff", width=4)
    canvas.dashed_circle(width * 0.84, height * 0.78, height * 0.13, CLASS_B, width=3)
    canvas.circle(width * 0.84, height * 0.78, height * 0.025, fill=CLASS_C_D)
    course = [(width * 0.05, height * 0.92), (width * 0.95, height * 0.08)]
    canvas.dashed_line(*course, "#c2410c", width=4, dash=22, gap=12)
    draw_top_view(
        canvas,
        (width * 0.3, height * 0.69),
        scale=height / 150,
        heading=math.degrees(math.atan2(0.84 * height, 0.9 * width)),
        colour="#0f2a44",
    )
    return canvas.finish()


def logbook(width, height):
    """An open pilot logbook beside a checklist with ticked items, on a desk."""
    canvas = Canvas(width, height, "#2b4a66")
    canvas.rect(width * 0.06, height * 0.14, width * 0.62, height * 0.9, fill="#0f2a44", radius=14)
    for left in (0.08, 0.345):
        x0, x1 = width * left, width * (left + 0.255)
        canvas.rect(x0, height * 0.17, x1, height * 0.87, fill="#fbfaf5", radius=6)
        for row in range(12):
            y = height * (0.25 + row * 0.05)
            canvas.line([(x0 + 10, y), (x1 - 10, y)], "#b9c6d3", width=1.5)
        for col in (0.3, 0.55, 0.78):
            x = x0 + (x1 - x0) * col
            canvas.line([(x, height * 0.2), (x, height * 0.84)], "#d7dee6", width=1.5)
        canvas.rect(
            x0 + 10, height * 0.19, x1 - 10, height * 0.225, fill="#c2410c", alpha=200, radius=3
        )
    board = (width * 0.68, height * 0.1, width * 0.94, height * 0.92)
    canvas.rect(*board, fill="#8b5e34", radius=12)
    canvas.rect(
        board[0] + 14, board[1] + 30, board[2] - 14, board[3] - 14, fill="#ffffff", radius=4
    )
    canvas.rect(width * 0.77, height * 0.07, width * 0.85, height * 0.14, fill="#9ca3af", radius=6)
    for row in range(6):
        y = height * (0.25 + row * 0.11)
        box = width * 0.715
        canvas.rect(box, y - 11, box + 22, y + 11, fill=None, outline="#0b4f8a", width=2.5)
        if row < 4:
            canvas.line([(box + 4, y), (box + 10, y + 7), (box + 20, y - 9)], "#15803d", width=4)
        canvas.line([(box + 36, y), (width * (0.9 - 0.03 * (row % 3)), y)], "#4a5868", width=4)
    canvas.line([(width * 0.5, height * 0.95), (width * 0.66, height * 0.62)], "#facc15", width=9)
    canvas.line([(width * 0.5, height * 0.95), (width * 0.515, height * 0.92)], "#22303f", width=9)
    return canvas.finish()


def instrument_panel(width, height):
    """The six-pack: the basic flight instruments an examiner asks you to interpret."""
    canvas = Canvas(width, height, "#1f2933")
    canvas.rect(width * 0.04, height * 0.06, width * 0.96, height * 0.94, fill="#2d3a46", radius=22)
    radius = min(width / 7.6, height / 5.6)
    for i in range(6):
        cx = width * (0.2 + 0.3 * (i % 3))
        cy = height * (0.29 + 0.42 * (i // 3))
        canvas.circle(cx, cy, radius + 7, fill="#111820")
        gauge_face(canvas, i, cx, cy, radius)
    return canvas.finish()


def gauge_face(canvas, kind, cx, cy, r):
    """One round instrument: the attitude indicator shows sky and ground, the others a dial."""
    if kind == 1:
        canvas.circle(cx, cy, r, fill="#7c4a21")
        canvas.half_disc(cx, cy, r, 184, "#3b82c4")  # the sky half, banked a little
        canvas.line(
            [
                (cx - r * 0.5, cy + 2),
                (cx - r * 0.15, cy + 2),
                (cx, cy + r * 0.12),
                (cx + r * 0.15, cy + 2),
                (cx + r * 0.5, cy + 2),
            ],
            "#facc15",
            width=4,
        )
        return
    canvas.circle(cx, cy, r, fill="#0b1117")
    for tick in range(36):
        inner = r * (0.78 if tick % 3 == 0 else 0.86)
        ends = transform([(inner, 0), (r * 0.94, 0)], tick * 10, 1, (cx, cy))
        canvas.line(ends, "#e5e7eb", width=2.5 if tick % 3 == 0 else 1.2)
    needle = transform([(-r * 0.12, 0), (r * 0.72, 0)], 40 + kind * 57, 1, (cx, cy))
    canvas.line(needle, "#ffffff", width=4)
    if kind == 3:
        canvas.polygon(
            transform([(-r * 0.4, 0), (r * 0.4, 0), (0, -r * 0.08)], 0, 1, (cx, cy)), "#f97316"
        )
    canvas.circle(cx, cy, r * 0.07, fill="#9ca3af")


def thickness(t):
    """Half-thickness of a 12 % NACA four-digit section at `t` along the chord (0 to 1)."""
    return 0.6 * (0.2969 * math.sqrt(t) - 0.126 * t - 0.3516 * t**2 + 0.2843 * t**3 - 0.1015 * t**4)


def wing_section(chord, camber=0.04, steps=40):
    """Outline of a cambered wing section, leading edge on the left, around its quarter chord."""
    stations = [i / steps for i in range(steps + 1)]
    mean = [camber * math.sin(math.pi * t) for t in stations]
    upper = [
        ((t - 0.3) * chord, -(m + thickness(t)) * chord)
        for t, m in zip(stations, mean, strict=True)
    ]
    lower = [
        ((t - 0.3) * chord, -(m - thickness(t) * 0.6) * chord)
        for t, m in zip(stations, mean, strict=True)
    ]
    return upper + lower[::-1]


def airfoil(width, height):
    """A wing section at an angle of attack with streamlines bending over it and the lift
    and drag arrows: aerodynamics on a blueprint."""
    canvas = Canvas(width, height, "#0d3b66")
    for x in range(0, width, 40):
        canvas.line([(x, 0), (x, height)], "#1b4f80", width=1)
    for y in range(0, height, 40):
        canvas.line([(0, y), (width, y)], "#1b4f80", width=1)
    chord, centre = width * 0.5, (width * 0.46, height * 0.6)
    for row in range(-4, 5):
        y0 = centre[1] + (row + 0.5) * height * 0.08
        lift = height * 0.11 * math.exp(-abs(row + 0.5) * 0.45) * (-1 if row < 0 else 0.35)
        line = []
        for i in range(61):
            x = width * i / 60
            d = (x - centre[0]) / (chord * 0.55)
            line.append((x, y0 + lift * math.exp(-d * d)))
        canvas.line(line, "#7cc4f5", width=2.2, alpha=210)
    canvas.polygon(
        transform(wing_section(chord), -7, 1, centre), "#e8f1fa", outline="#ffffff", width=2
    )
    base = (centre[0], centre[1] - height * 0.05)
    top = height * 0.1
    canvas.line([base, (base[0], top + 20)], "#fb923c", width=6)
    canvas.polygon([(base[0] - 15, top + 22), (base[0] + 15, top + 22), (base[0], top)], "#fb923c")
    tip = base[0] + width * 0.17
    canvas.line([base, (tip - 14, base[1])], "#facc15", width=5)
    canvas.polygon([(tip - 18, base[1] - 11), (tip - 18, base[1] + 11), (tip, base[1])], "#facc15")
    return canvas.finish()

"""A high-wing trainer seen from the side and a small top-view plane for chart scenes.

Shapes are drawn around (0, 0) in a 100-unit-long frame, nose to the right, so a scene
can place, tilt and scale the same aeroplane anywhere.
"""

from .canvas import transform

FUSELAGE = [
    (50, 0),
    (44, -7),
    (30, -9),
    (22, -15),
    (-4, -15),
    (-14, -9),
    (-50, -7),
    (-52, -3),
    (-14, 5),
    (30, 8),
    (46, 5),
]
FIN = [(-36, -7), (-45, -27), (-54, -27), (-52, -7)]
STABILIZER = [(-34, -5), (-58, -7), (-58, -3), (-34, -2)]
WING = [(26, -16), (20, -20), (-6, -19), (-9, -16), (-6, -15), (24, -15)]
FRONT_WINDOW = [(28, -9), (21, -14), (10, -14), (10, -8)]
REAR_WINDOW = [(8, -14), (-3, -14), (-10, -9), (8, -8)]
STRIPE = [(46, -1), (-49, -5), (-50, -3), (44, 2)]
PROPELLER = [(51, -16), (53, -16), (53, 16), (51, 16)]
# Top view: wing across, fuselage along, tail plane at the back.
TOP_VIEW = [
    (0, -14),
    (2, -3),
    (13, -3),
    (13, 3),
    (2, 3),
    (0, 14),
    (-2, 3),
    (-10, 3),
    (-12, 6),
    (-14, 6),
    (-13, 0),
    (-14, -6),
    (-12, -6),
    (-10, -3),
    (-2, -3),
]


def draw_trainer(canvas, at, scale=1.0, pitch=0.0, body="#ffffff", trim="#c2410c"):
    """The trainer with its nose `pitch` degrees up, its centre at `at`."""

    def place(points):
        return transform(points, pitch, scale, at)

    canvas.polygon(place(STABILIZER), "#d9dee5")
    canvas.polygon(place(FIN), trim)
    canvas.polygon(place(FUSELAGE), body, outline="#22303f", width=max(1, scale * 0.8))
    canvas.polygon(place(STRIPE), trim)
    canvas.polygon(place(FRONT_WINDOW), "#9cc3e4")
    canvas.polygon(place(REAR_WINDOW), "#9cc3e4")
    strut = place([(4, -16), (11, 5)])
    canvas.line(strut, "#4a5868", width=max(1, scale * 1.2))
    canvas.polygon(place(WING), body, outline="#22303f", width=max(1, scale * 0.8))
    for leg, wheel, radius in (((12, 6), (16, 15), 4.2), ((40, 6), (41, 14), 3.6)):
        canvas.line(place([leg, wheel]), "#22303f", width=max(1, scale * 1.4))
        ((cx, cy),) = place([wheel])
        canvas.circle(cx, cy, radius * scale, fill="#1c2530")
    canvas.polygon(place(PROPELLER), "#4a5868", alpha=110)
    ((sx, sy),) = place([(51, 0)])
    canvas.circle(sx, sy, 3 * scale, fill="#22303f")


def draw_top_view(canvas, at, scale=1.0, heading=0.0, colour="#0b4f8a"):
    """A small aeroplane seen from above, flying toward `heading` degrees (0 = right)."""
    canvas.polygon(transform(TOP_VIEW, heading, scale, at), colour)

"""Drawing helpers for the demo artwork: a 2x canvas, gradients, rotated shapes.

Pillow draws polygons without anti-aliasing, so every picture is drawn at twice its size
and reduced by averaging each 2x2 block of pixels: edges come out smooth and the picture is the same
pixels on every run (nothing here depends on time, fonts or randomness that is not seeded).
"""

import math

from PIL import Image, ImageDraw

SCALE = 2


def hex_rgb(colour):
    colour = colour.lstrip("#")
    return tuple(int(colour[i : i + 2], 16) for i in (0, 2, 4))


def mix(a, b, t):
    """The colour a fraction `t` of the way from `a` to `b` (both "#rrggbb")."""
    a, b = hex_rgb(a), hex_rgb(b)
    return tuple(round(x + (y - x) * t) for x, y in zip(a, b, strict=True))


class Canvas:
    """A picture of `width` x `height` final pixels, drawn in units of final pixels.

    Coordinates and sizes passed to the methods are in final pixels; the canvas
    multiplies them by SCALE, so scenes read as if drawn at their real size.
    """

    def __init__(self, width, height, background="#ffffff"):
        self.width, self.height = width, height
        self.image = Image.new("RGB", (width * SCALE, height * SCALE), hex_rgb(background))
        self.draw = ImageDraw.Draw(self.image, "RGBA")

    @staticmethod
    def _points(points):
        return [(x * SCALE, y * SCALE) for x, y in points]

    @staticmethod
    def _fill(colour, alpha=255):
        if colour is None:
            return None
        rgb = hex_rgb(colour) if isinstance(colour, str) else colour
        return (*rgb, alpha)

    def vertical_gradient(self, top, bottom, y0=0, y1=None):
        """Fill the band from y0 to y1 with a top-to-bottom blend of two colours: one
        pixel wide, then stretched across (much faster than a line per row)."""
        y1 = self.height if y1 is None else y1
        rows = max(1, round((y1 - y0) * SCALE))
        column = Image.new("RGB", (1, rows))
        column.putdata([mix(top, bottom, row / max(1, rows - 1)) for row in range(rows)])
        self.image.paste(column.resize((self.image.width, rows)), (0, round(y0 * SCALE)))

    def polygon(self, points, fill, alpha=255, outline=None, width=1):
        self.draw.polygon(
            self._points(points),
            fill=self._fill(fill, alpha),
            outline=self._fill(outline),
            width=round(width * SCALE),
        )

    def rect(self, x0, y0, x1, y1, fill, alpha=255, radius=0, outline=None, width=1):
        box = [x0 * SCALE, y0 * SCALE, x1 * SCALE, y1 * SCALE]
        self.draw.rounded_rectangle(
            box,
            radius=radius * SCALE,
            fill=self._fill(fill, alpha),
            outline=self._fill(outline),
            width=round(width * SCALE),
        )

    def circle(self, cx, cy, r, fill=None, alpha=255, outline=None, width=1):
        box = [(cx - r) * SCALE, (cy - r) * SCALE, (cx + r) * SCALE, (cy + r) * SCALE]
        self.draw.ellipse(
            box,
            fill=self._fill(fill, alpha),
            outline=self._fill(outline),
            width=round(width * SCALE),
        )

    def half_disc(self, cx, cy, r, start, fill):
        """The half of a disc from `start` degrees clockwise round to `start` + 180."""
        box = [(cx - r) * SCALE, (cy - r) * SCALE, (cx + r) * SCALE, (cy + r) * SCALE]
        self.draw.pieslice(box, start, start + 180, fill=self._fill(fill))

    def line(self, points, colour, width=1, alpha=255):
        self.draw.line(
            self._points(points),
            fill=self._fill(colour, alpha),
            width=round(width * SCALE),
            joint="curve",
        )

    def dashed_line(self, start, end, colour, width=1, dash=12, gap=8):
        (x0, y0), (x1, y1) = start, end
        length = math.hypot(x1 - x0, y1 - y0)
        step, at = dash + gap, 0.0
        while at < length:
            a, b = at / length, min(at + dash, length) / length
            self.line(
                [
                    (x0 + (x1 - x0) * a, y0 + (y1 - y0) * a),
                    (x0 + (x1 - x0) * b, y0 + (y1 - y0) * b),
                ],
                colour,
                width,
            )
            at += step

    def dashed_circle(self, cx, cy, r, colour, width=2, dashes=48):
        box = [(cx - r) * SCALE, (cy - r) * SCALE, (cx + r) * SCALE, (cy + r) * SCALE]
        sweep = 360 / dashes
        for i in range(dashes):
            start = i * sweep
            self.draw.arc(
                box, start, start + sweep * 0.6, fill=self._fill(colour), width=round(width * SCALE)
            )

    def soft_glow(self, cx, cy, r, colour, alpha=90, grid=64):
        """A halo fading out from (cx, cy), for the sun: a small radial fade, stretched
        smoothly to size and blended in (much cheaper than blurring the whole picture)."""
        rgb, half = hex_rgb(colour), grid / 2
        halo = Image.new("RGBA", (grid, grid))
        halo.putdata(
            [
                (
                    *rgb,
                    round(
                        alpha * max(0.0, 1 - math.hypot(x + 0.5 - half, y + 0.5 - half) / half) ** 2
                    ),
                )
                for y in range(grid)
                for x in range(grid)
            ]
        )
        side = round(2 * r * SCALE)
        halo = halo.resize((side, side), Image.Resampling.BILINEAR)
        self.image.paste(halo, (round((cx - r) * SCALE), round((cy - r) * SCALE)), halo)

    def finish(self):
        """The picture at its final size, smoothed by the downscale."""
        return self.image.reduce(SCALE)


def transform(points, angle=0.0, scale=1.0, at=(0, 0)):
    """Points of a shape drawn around (0, 0), rotated by `angle` degrees (counter-
    clockwise on screen), scaled and moved to `at`."""
    rad = math.radians(-angle)
    cos, sin = math.cos(rad), math.sin(rad)
    ox, oy = at
    return [(ox + (x * cos - y * sin) * scale, oy + (x * sin + y * cos) * scale) for x, y in points]


def wavy_ring(cx, cy, r, wobble, phase=0.0, lobes=5, steps=120):
    """A closed, gently wobbling outline around (cx, cy): a contour line or a hill."""
    points = []
    for i in range(steps):
        t = 2 * math.pi * i / steps
        radius = r + wobble * math.sin(lobes * t + phase) + wobble * 0.5 * math.sin(3 * t - phase)
        points.append((cx + radius * math.cos(t), cy + radius * 0.7 * math.sin(t)))
    return points


def ridge(width, base_y, amplitude, waves, phase=0.0, bottom=None, steps=96):
    """A hill line across the whole width, closed down to `bottom`: one layer of terrain."""
    bottom = base_y + 1000 if bottom is None else bottom
    points = [
        (
            width * i / steps,
            base_y
            - amplitude
            * (
                0.6 * math.sin(waves * math.pi * i / steps + phase)
                + 0.4 * math.sin(waves * 2.3 * math.pi * i / steps + phase * 1.7)
            ),
        )
        for i in range(steps + 1)
    ]
    return [*points, (width, bottom), (0, bottom)]

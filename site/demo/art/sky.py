"""Sky, terrain and runway pieces shared by the outdoor scenes."""

from .canvas import ridge


def cloud(canvas, x, y, size, colour="#ffffff"):
    """A fair-weather cumulus: overlapping puffs on a flat base at height `y`."""
    puffs = ((-0.9, -0.25, 0.45), (-0.35, -0.6, 0.6), (0.3, -0.5, 0.55), (0.85, -0.2, 0.4))
    for dx, dy, r in puffs:
        canvas.circle(x + dx * size, y + dy * size, r * size, fill=colour)
    canvas.rect(x - 1.25 * size, y - 0.3 * size, x + 1.2 * size, y, fill=colour, radius=0.15 * size)


def hills(canvas, horizon, layers):
    """Layers of rolling terrain from the horizon down, farthest first, like the tinted
    elevation bands of a sectional chart."""
    for i, colour in enumerate(layers):
        base = horizon + i * (canvas.height - horizon) / (len(layers) + 0.5)
        amplitude = 18 - i * 3
        canvas.polygon(
            ridge(canvas.width, base, amplitude, 3 + i, phase=i * 1.3, bottom=canvas.height), colour
        )


def runway(canvas, near_y, far_y, centre_x, near_half, far_half):
    """A runway seen from its approach end, narrowing toward the horizon."""
    left_near, right_near = centre_x - near_half, centre_x + near_half
    left_far, right_far = centre_x - far_half, centre_x + far_half
    canvas.polygon(
        [(left_far, far_y), (right_far, far_y), (right_near, near_y), (left_near, near_y)],
        "#4b5563",
    )
    depth = near_y - far_y
    # Threshold bars across the near end.
    bars = 8
    for i in range(bars):
        t0, t1 = (i + 0.2) / bars, (i + 0.7) / bars
        top = near_y - depth * 0.06
        x0 = left_near + (right_near - left_near) * t0
        x1 = left_near + (right_near - left_near) * t1
        shrink = near_half - (near_half - far_half) * 0.06
        tx0 = centre_x + (x0 - centre_x) * shrink / near_half
        tx1 = centre_x + (x1 - centre_x) * shrink / near_half
        canvas.polygon([(x0, near_y - 2), (x1, near_y - 2), (tx1, top), (tx0, top)], "#f3f4f6")
    # Centre line dashes, shorter and thinner toward the far end.
    at = 0.12
    while at < 0.95:
        length = 0.07 * (1 - at * 0.6)
        y0, y1 = near_y - depth * at, near_y - depth * (at + length)
        canvas.line([(centre_x, y0), (centre_x, y1)], "#f3f4f6", width=max(1, 5 * (1 - at)))
        at += length * 1.9

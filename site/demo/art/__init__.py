"""Artwork drawn for the demo: course, category and home hero pictures.

Drawn with Pillow from code (not uploaded SVG, which a browser would run scripts from if
one ever slipped in; and not photos we would need rights to). Each picture is a plain
PNG, so Wagtail makes renditions of it (crops, WebP) like any uploaded photo. The same
code draws the same pixels on every run; `library.demo_image` stores each one once.
"""

from functools import lru_cache
from io import BytesIO

from .charts import airfoil, airspace_chart, instrument_panel, logbook
from .outdoor import briefing, thunderstorm, trainer_over_runway


def dawn_departure(width, height):
    return trainer_over_runway(width, height, dawn=True)


SCENES = {
    "trainer_over_runway": trainer_over_runway,
    "dawn_departure": dawn_departure,
    "briefing": briefing,
    "thunderstorm": thunderstorm,
    "airspace_chart": airspace_chart,
    "logbook": logbook,
    "instrument_panel": instrument_panel,
    "airfoil": airfoil,
}


@lru_cache(maxsize=len(SCENES))
def png_bytes(scene, width, height):
    """The scene as PNG bytes. Cached per process: the test suite loads the demo many
    times, and drawing is the slow part."""
    buffer = BytesIO()
    SCENES[scene](width, height).save(buffer, "PNG", compress_level=3)
    return buffer.getvalue()

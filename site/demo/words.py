"""Reading the demo's words: JSON files under demo/data, one folder per app.

Kept as data so an instructor can review lessons, questions and cards without reading
code; the loaders turn the few non-JSON values (dates, prices) back into Python.
"""

import datetime
import json
from decimal import Decimal
from pathlib import Path

DATA = Path(__file__).resolve().parent / "data"


def read(*parts):
    """The parsed JSON file at demo/data/<parts...>."""
    return json.loads(DATA.joinpath(*parts).read_text(encoding="utf-8"))


def date(text):
    return datetime.date.fromisoformat(text)


def decimal(text):
    return Decimal(text)

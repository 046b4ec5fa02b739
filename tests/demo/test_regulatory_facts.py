"""Regulatory numbers in the demo content that a student pilot will rely on, pinned so a
later edit cannot bring back an outdated figure.

BasicMed: the FAA's final rule of 18 November 2024 (89 FR 90572, carrying out section
828 of the FAA Reauthorization Act of 2024) allows aircraft of up to 7 occupants and a
maximum certificated takeoff weight of 12,500 lb, with up to 6 passengers; the pilot
holds a U.S. driver's license (14 CFR 61.23(c)(3)) and keeps the course certificate in
the logbook (14 CFR 68.3(b)(1)).
"""

import json
import re

from demo.words import DATA

REGULATIONS = (
    DATA / "courses" / "private-pilot-checkride-prep" / "regulations-and-the-pilot-in-command.json"
)


def plain(html):
    return re.sub(r"<[^>]+>", "", html)


def texts(value):
    """Every string inside a JSON value."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from texts(item)
    elif isinstance(value, list):
        for item in value:
            yield from texts(item)


def test_basicmed_limits_are_the_2024_ones():
    (basicmed,) = [
        plain(text)
        for text in texts(json.loads(REGULATIONS.read_text()))
        if "BasicMed (14 CFR" in text
    ]
    for figure in ("7 occupants", "12,500 lb", "6 passengers", "18,000 ft MSL", "250 KIAS"):
        assert figure in basicmed
    assert "6,000" not in basicmed
    assert "5 passengers" not in basicmed
    assert "driver's license" in basicmed


def test_no_demo_text_says_basicmed_pilots_carry_anything_but_a_drivers_license():
    deck = json.loads((DATA / "flashcards" / "deck.json").read_text())
    (card,) = [card for card in deck["cards"] if card["key"] == "docs-pilot"]
    assert "U.S. driver's license" in card["back"]
    assert "BasicMed documents" not in card["back"]

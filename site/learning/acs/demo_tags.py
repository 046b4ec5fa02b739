"""Demo ACS tags on the demo lessons and the official flashcard deck, so the demo
learner's coverage page shows studied and retained elements.

Runs after the courses, ACS, flashcards and orals demos. Only codes of the demo subset
(PA.I.B, PA.I.C, PA.I.E, PA.IX.C, PA.XI.A) are used, so it works with or without the
full PDF; an editor's own tags are never replaced (only untagged items are tagged).
"""

from learning.courses.models import LessonPage
from learning.flashcards.models import Flashcard

from .models import AcsElement

LESSON_CODES = {
    "The airspace classes, A through G": ["PA.I.E.K1"],
    "VFR weather minimums (14 CFR 91.155)": ["PA.I.E.K1", "PA.I.E.K4"],
    "Special use airspace and TFRs": ["PA.I.E.K3"],
    "Lab: plan a route through a Class C shelf": ["PA.I.E.K1", "PA.I.E.K2"],
    "Reading a METAR, field by field": ["PA.I.C.K2a"],
    "Decoding TAFs and change groups": ["PA.I.C.K2c"],
    "Weather charts: prog charts, G-AIRMETs and SIGMETs": ["PA.I.C.K2b", "PA.I.C.K2g"],
    "Aircraft documents and required equipment": ["PA.I.B.K1a", "PA.I.B.K1b", "PA.I.B.K3"],
    "Standard, abbreviated and outlook briefings": ["PA.I.C.K1"],
    "What a standard briefing covers, in order": ["PA.I.C.K1"],
    "Where to find aviation weather": ["PA.I.C.K1", "PA.I.C.K2"],
    "Flight categories and personal minimums": ["PA.I.C.R1", "PA.I.C.R1b"],
}
# The first matching card tag decides a card's elements.
CARD_TAG_CODES = [
    ("special-vfr", ["PA.I.E.K4"]),
    ("vfr-minimums", ["PA.I.E.K1"]),
    ("airspace", ["PA.I.E.K1"]),
    ("metar", ["PA.I.C.K2a"]),
    ("taf", ["PA.I.C.K2c"]),
    ("fog", ["PA.I.C.K3j"]),
    ("fronts", ["PA.I.C.K3e"]),
    ("thunderstorms", ["PA.I.C.K3h"]),
    ("atmosphere", ["PA.I.C.K3a"]),
    ("inspections", ["PA.I.B.K1b"]),
    ("documents", ["PA.I.B.K1a"]),
    ("transponder", ["PA.I.B.K3"]),
    ("night", ["PA.XI.A.K3"]),
]
DECK_NAME = "Private Pilot Essentials"


def load(stdout):
    elements = {element.code: element for element in AcsElement.objects.filter(archived=False)}
    lessons = 0
    for lesson in LessonPage.objects.live().filter(
        title__in=LESSON_CODES, acs_elements__isnull=True
    ):
        found = [elements[code] for code in LESSON_CODES[lesson.title] if code in elements]
        if found:
            # Through a published revision, as an editor would: the editor form (which
            # reads the latest revision) then shows the same tags.
            draft = lesson.get_latest_revision_as_object()
            draft.acs_elements = found
            draft.save_revision().publish()
            lessons += 1
    cards = 0
    untagged = Flashcard.objects.filter(deck__name=DECK_NAME, deck__course__isnull=False)
    for card in untagged.filter(acs_elements__isnull=True):
        tags = set(card.tag_list)
        codes = next((codes for tag, codes in CARD_TAG_CODES if tag in tags), [])
        found = [elements[code] for code in codes if code in elements]
        if found:
            card.acs_elements.set(found)
            cards += 1
    stdout.write(f"  ACS tags: {lessons} lessons and {cards} flashcards tagged")

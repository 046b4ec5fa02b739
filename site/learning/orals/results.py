"""What the result page shows: score, per-area breakdown, items, cards made, gaps.

A fixed number of queries however many items the session holds.
"""

import dataclasses

from django.urls import NoReverseMatch, reverse

from learning.flashcards.models import Deck, DeckPurpose

from .models import Grade
from .services import score_for

STUDY_PATH = "/flashcards/study/"


@dataclasses.dataclass
class AreaResult:
    code: str
    title: str
    items: list

    @property
    def score(self):
        return score_for([item.grade for item in self.items])

    def count(self, grade):
        return sum(1 for item in self.items if item.grade == grade)

    @property
    def satisfactory(self):
        return self.count(Grade.SATISFACTORY)

    @property
    def unsatisfactory(self):
        return self.count(Grade.UNSATISFACTORY)

    @property
    def needs_review(self):
        return self.count(Grade.NEEDS_REVIEW)


def study_url(deck):
    if deck is None:
        return None
    try:
        path = reverse("flashcards_study")
    except NoReverseMatch:
        path = STUDY_PATH
    return f"{path}?deck={deck.pk}"


def result_context(session):
    items = list(
        session.items.select_related("element__task__area__standard", "question", "flashcard")
    )
    areas = {}
    for item in items:
        area = item.element.task.area
        areas.setdefault(area.pk, AreaResult(area.code, area.title, [])).items.append(item)
    cards = [item for item in items if item.flashcard_id]
    deck = None
    if cards:
        deck = Deck.objects.filter(owner=session.user_id, purpose=DeckPurpose.ORAL_REVIEW).first()
    return {
        "session": session,
        "items": items,
        "areas": list(areas.values()),
        "cards": cards,
        "study_url": study_url(deck),
        "gaps": [item for item in items if item.question_id is None],
        "ungraded": [item for item in items if not item.grade],
    }

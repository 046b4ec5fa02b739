"""The demo loads accurate questions for the demo ACS subset and one finished mock oral."""

import io

from django.contrib.auth import get_user_model

import pytest

from demo.loaders import accounts as accounts_demo
from demo.loaders import acs as acs_demo
from demo.loaders import orals as demo
from learning.flashcards.models import Deck, DeckPurpose
from learning.orals.access import can_grade_others
from learning.orals.models import (
    Grade,
    MockOralItem,
    MockOralSection,
    MockOralSession,
    OralQuestion,
    Scenario,
)

pytestmark = pytest.mark.django_db


def load_all():
    out = io.StringIO()
    accounts_demo.load(out)
    acs_demo.load(out)
    demo.load(out)
    return out.getvalue()


def counts():
    return (
        Scenario.objects.count(),
        OralQuestion.objects.count(),
        MockOralSection.objects.count(),
        MockOralSession.objects.count(),
        MockOralItem.objects.count(),
    )


def test_demo_is_complete_and_idempotent():
    load_all()
    first = counts()
    assert first[1] >= 20
    areas = {
        element.task.area.numeral
        for question in OralQuestion.objects.prefetch_related("elements__task__area")
        for element in question.elements.all()
    }
    assert {"I", "IX", "XI"} <= areas
    session = MockOralSession.objects.get(user__email="learner@demo.test")
    assert session.completed_at is not None
    assert session.score is not None
    missed = session.items.filter(grade=Grade.UNSATISFACTORY)
    assert missed.exists()
    assert all(item.flashcard_id for item in missed)
    deck = Deck.objects.get(owner=session.user, purpose=DeckPurpose.ORAL_REVIEW)
    assert deck.cards.count() == missed.count()
    scenario = Scenario.objects.get(title="Saturday trip to Redmond with two friends")
    assert "91.409(a)" in scenario.planted_problem
    assert scenario.questions.count() >= 6
    assert not scenario.questions.filter(follow_up_satisfactory="").exists()
    assert OralQuestion.objects.filter(scenario=None).exclude(follow_up_satisfactory="").exists()
    assert session.scenario == scenario
    instructor = get_user_model().objects.get(email="instructor@demo.test")
    assert can_grade_others(instructor)
    load_all()
    assert counts() == first
    assert deck.cards.count() == missed.count()

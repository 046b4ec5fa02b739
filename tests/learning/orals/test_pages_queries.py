"""Session, result and history pages cost the same queries for 5 or 30 items/sessions,
with a scenario, knowledge-test codes, follow-ups and reviewed questions."""

import datetime
import re

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

import pytest

from accounts.factories import UserFactory
from learning.acs.factories import make_tree
from learning.acs.models import AcsElement
from learning.flashcards.services import add_oral_review_card
from learning.orals.models import Grade, MockOralItem, MockOralSession, OralQuestion

from .conftest import add_scenario

pytestmark = pytest.mark.django_db


def reviewer():
    user = UserFactory(first_name="Rita", last_name="Reviewer")
    user.profile.faa_certificate_number = "1234567"
    user.profile.save()
    return user


def session_with(user, standard, count, finished):
    now = timezone.now()
    elements = list(AcsElement.objects.order_by("pk")[:count])
    session = MockOralSession.objects.create(
        user=user,
        standard=standard,
        started_at=now,
        completed_at=now if finished else None,
        score=50 if finished else None,
        scenario=add_scenario(standard),
        knowledge_test_codes=[element.code for element in elements[::2]],
    )
    session.deferred_tasks.set({element.task for element in elements[-2:]})
    checked_by = reviewer()
    for order, element in enumerate(elements, start=1):
        question = OralQuestion.objects.create(
            prompt=f"Q {order}",
            key_points="a\nb",
            reviewed_by=checked_by,
            current_as_of=now.date(),
            follow_up_satisfactory="Deeper?",
        )
        question.elements.add(element)
        grade = Grade.UNSATISFACTORY if order % 2 else Grade.SATISFACTORY
        card = add_oral_review_card(user, front="f", back="b") if finished and order % 2 else None
        MockOralItem.objects.create(
            session=session,
            element=element,
            question=question,
            order=order,
            grade=grade,
            answer_grade=grade,
            follow_up="Deeper?" if grade == Grade.SATISFACTORY else "",
            graded_at=now,
            flashcard=card,
        )
    return session


def count_queries(client, url):
    """Queries of a second visit (the first also loads the site and its settings)."""
    client.get(url)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


@pytest.mark.parametrize(("page", "finished"), [("orals_session", False), ("orals_result", True)])
def test_session_and_result_pages_are_flat(
    signed_in, learner, page, finished, django_assert_max_num_queries
):
    standard = make_tree(areas=3, tasks=2, knowledge=4, risks=1, skills=0)
    few = session_with(learner, standard, 5, finished)
    small = count_queries(signed_in, reverse(page, args=[few.pk]))
    MockOralSession.objects.all().delete()
    many = session_with(learner, standard, 30, finished)
    assert count_queries(signed_in, reverse(page, args=[many.pk])) == small
    assert small <= 15
    with django_assert_max_num_queries(15):
        text = signed_in.get(reverse(page, args=[many.pk]) + "?q=1").content.decode()
    assert "Reviewed by Rita Reviewer" in text or page == "orals_result"
    assert "From your knowledge test" in text


def test_history_page_shows_trend_and_is_flat(signed_in, learner, standard):
    def finished_sessions(count):
        MockOralSession.objects.all().delete()
        for index in range(count):
            session = session_with(learner, standard, 4, finished=False)
            session.completed_at = timezone.now() - datetime.timedelta(days=count - index)
            session.score = 50
            session.save()

    finished_sessions(2)
    few = count_queries(signed_in, reverse("orals_home"))
    finished_sessions(8)
    assert count_queries(signed_in, reverse("orals_home")) == few
    text = signed_in.get(reverse("orals_home")).content.decode()
    assert "Score per area of operation" in text
    assert "PA.I Area I" in text
    assert "<polyline" in text
    assert len(re.findall(r'href="/orals/sessions/\d+/result/"', text)) == 8

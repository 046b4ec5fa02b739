"""Correlative questioning: grading an answer shows the follow-up for that grade; the
follow-up's grade becomes the element's; items sharing a question are asked once."""

import random

from django.urls import reverse

import pytest

from learning.acs.models import AcsElement, AcsTask
from learning.orals import services
from learning.orals.models import Grade, OralQuestion

pytestmark = pytest.mark.django_db

DEEPER = "DEEPER: and what if the registration expired last month?"
SIMPLER = "SIMPLER: where is the airworthiness certificate kept?"


@pytest.fixture
def session(standard, learner, task):
    OralQuestion.objects.filter(elements__task=task).update(
        follow_up_satisfactory=DEEPER, follow_up_unsatisfactory=SIMPLER
    )
    session, _ = services.start_session(
        learner, standard, task_ids=[task.pk], planned_minutes=15, rng=random.Random(1)
    )
    return session


def grade(client, session, item, value, part="answer"):
    url = reverse("orals_grade", args=[session.pk, item.pk])
    return client.post(url, {"grade": value, "part": part})


def test_grade_then_follow_up_then_its_grade_counts(signed_in, session):
    item = session.items.filter(question__isnull=False).order_by("order").first()
    page_url = reverse("orals_session", args=[session.pk])
    number = item.order
    before = signed_in.get(f"{page_url}?q={number}").content.decode()
    assert DEEPER not in before
    assert SIMPLER not in before

    response = grade(signed_in, session, item, Grade.SATISFACTORY)
    assert response.url.endswith(f"?q={number}")  # stays for the follow-up
    text = signed_in.get(response.url).content.decode()
    assert DEEPER in text
    assert SIMPLER not in text
    assert "Its grade becomes the element's" in text
    item.refresh_from_db()
    assert (item.grade, item.answer_grade, item.follow_up) == (
        Grade.SATISFACTORY,
        Grade.SATISFACTORY,
        DEEPER,
    )

    response = grade(signed_in, session, item, Grade.UNSATISFACTORY, part="follow_up")
    assert not response.url.endswith(f"?q={number}")  # moves on
    item.refresh_from_db()
    assert (item.answer_grade, item.follow_up_grade, item.grade) == (
        Grade.SATISFACTORY,
        Grade.UNSATISFACTORY,
        Grade.UNSATISFACTORY,
    )


def test_regrading_the_answer_picks_the_other_follow_up(signed_in, session):
    item = session.items.filter(question__isnull=False).first()
    grade(signed_in, session, item, Grade.SATISFACTORY)
    grade(signed_in, session, item, Grade.SATISFACTORY, part="follow_up")
    grade(signed_in, session, item, Grade.NEEDS_REVIEW)
    item.refresh_from_db()
    assert (item.follow_up, item.follow_up_grade, item.grade) == (
        SIMPLER,
        "",
        Grade.NEEDS_REVIEW,
    )


def test_follow_up_before_the_answer_and_junk_parts_are_refused(signed_in, session):
    item = session.items.filter(question__isnull=False).first()
    early = grade(signed_in, session, item, Grade.SATISFACTORY, part="follow_up")
    assert early.status_code == 409
    assert "Grade the answer first" in early.content.decode()
    junk = grade(signed_in, session, item, Grade.SATISFACTORY, part="bonus")
    assert junk.status_code == 400
    item.refresh_from_db()
    assert item.grade == ""


def test_another_learner_cannot_grade_a_follow_up(client, session, other):
    item = session.items.filter(question__isnull=False).first()
    services.grade_item(session.user, session.pk, item.pk, Grade.SATISFACTORY)
    client.force_login(other)
    assert grade(client, session, item, Grade.NEEDS_REVIEW, "follow_up").status_code == 404
    item.refresh_from_db()
    assert item.follow_up_grade == ""


def test_a_question_on_two_elements_is_asked_once_with_two_grades(signed_in, learner, standard):
    task = AcsTask.objects.get(code="PA.II.A")
    OralQuestion.objects.filter(elements__task=task).delete()
    shared = OralQuestion.objects.create(prompt="SHARED: knowledge and risk", key_points="a")
    shared.elements.set(AcsElement.objects.filter(code__in=["PA.II.A.K1", "PA.II.A.R1"]))
    session, _ = services.start_session(
        learner, standard, task_ids=[task.pk], planned_minutes=15, rng=random.Random(2)
    )
    items = list(session.items.order_by("order"))
    asked = [item for item in items if item.question_id == shared.pk]
    assert len(asked) == 2
    assert asked[1].order == asked[0].order + 1  # consecutive
    groups = services.question_groups(items)
    number = next(n for n, group in enumerate(groups, 1) if group[0].question_id == shared.pk)
    text = signed_in.get(reverse("orals_session", args=[session.pk]) + f"?q={number}")
    text = text.content.decode()
    assert text.count("SHARED: knowledge and risk") == 1
    assert "This question covers 2 ACS elements: grade each one." in text
    for item in asked:
        assert reverse("orals_grade", args=[session.pk, item.pk]) in text
    assert f"Question {number} of {len(groups)}" in text

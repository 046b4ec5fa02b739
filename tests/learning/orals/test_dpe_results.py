"""Results as an examiner gives them: each task Satisfactory or Unsatisfactory with the
elements that made it so, and a pass only when every task is satisfactory."""

import random

from django.urls import reverse

import pytest

from learning.acs.models import AcsTask
from learning.orals import services
from learning.orals.models import Grade

from .conftest import PLANTED

pytestmark = pytest.mark.django_db


def start(learner, standard, codes=("PA.I.A", "PA.I.B"), **kwargs):
    tasks = AcsTask.objects.filter(code__in=codes)
    session, _ = services.start_session(
        learner,
        standard,
        task_ids=[task.pk for task in tasks],
        planned_minutes=15,
        rng=random.Random(3),
        **kwargs,
    )
    return session


def grade_all(learner, session, grades):
    """``grades``: {element code: grade}; every other item satisfactory."""
    for item in session.items.select_related("element"):
        value = grades.get(item.element.code, Grade.SATISFACTORY)
        services.grade_item(learner, session.pk, item.pk, value)
    services.finish_session(learner, session.pk)


def test_all_satisfactory_would_pass(signed_in, learner, standard):
    session = start(learner, standard)
    grade_all(learner, session, {})
    text = signed_in.get(reverse("orals_result", args=[session.pk])).content.decode()
    assert "You would pass this oral" in text
    assert text.count('orals-badge--satisfactory">Satisfactory</span> <strong>PA.I.') == 2


def test_needs_review_fails_its_task_and_is_named(signed_in, learner, standard):
    session = start(learner, standard)
    weak = session.items.filter(element__task__code="PA.I.B").select_related("element").first()
    grade_all(learner, session, {weak.element.code: Grade.NEEDS_REVIEW})
    text = signed_in.get(reverse("orals_result", args=[session.pk])).content.decode()
    assert "You would not pass this oral yet" in text
    assert "1 of 2 tasks unsatisfactory." in text
    assert 'orals-badge--unsatisfactory">Unsatisfactory</span> <strong>PA.I.B</strong>' in text
    assert f"<strong>{weak.element.code}</strong> (needs review)" in text
    assert 'orals-badge--satisfactory">Satisfactory</span> <strong>PA.I.A</strong>' in text
    assert "both count against the task" in text


def test_an_ungraded_element_leaves_its_task_incomplete(signed_in, learner, standard):
    session = start(learner, standard)
    first = session.items.order_by("order").first()
    services.grade_item(learner, session.pk, first.pk, Grade.SATISFACTORY)
    services.finish_session(learner, session.pk)
    text = signed_in.get(reverse("orals_result", args=[session.pk])).content.decode()
    assert "You would not pass this oral yet" in text
    assert 'orals-badge--incomplete">Incomplete</span>' in text


def test_no_acs_compliance_claims_beyond_the_planner(signed_in, learner, standard):
    session = start(learner, standard)
    grade_all(learner, session, {})
    text = signed_in.get(reverse("orals_result", args=[session.pk])).content.decode()
    assert "As the ACS requires of examiners" not in text


def test_scenario_shown_and_its_problem_hidden_until_finished(
    signed_in, learner, standard, scenario
):
    session = start(learner, standard, scenario_id=scenario.pk)
    assert session.scenario == scenario
    page = signed_in.get(reverse("orals_session", args=[session.pk])).content.decode()
    assert "Your flight: Trip to Redmond" in page
    assert "KRDM 151556Z 32008KT" in page
    assert "!RDM 08/021 RDM RWY 11/29 CLSD" in page
    assert PLANTED not in page
    grade_all(learner, session, {})
    result = signed_in.get(reverse("orals_result", args=[session.pk])).content.decode()
    assert PLANTED in result

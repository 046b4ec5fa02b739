"""A learner's coverage on the standard page: studied, tested, retained, readiness."""

from datetime import UTC, datetime, timedelta

from django.urls import reverse

import pytest

from learning.acs.tree import load_tree
from learning.assessments import services as quiz
from learning.assessments.factories import make_assessment, single
from learning.courses.factories import make_catalog, make_course, make_lesson, make_module
from learning.enrollments.factories import complete, enroll
from learning.flashcards.factories import DeckFactory, FlashcardFactory
from learning.flashcards.models import CardState, CardStateKind, StudySettings
from learning.learner.coverage import apply_coverage
from tests.learning.acs.standard_fixtures import count_queries, element

pytestmark = pytest.mark.django_db
NOW = datetime.now(UTC)


@pytest.fixture
def course(db):
    course = make_course(make_catalog(), title="Private Pilot Prep")
    course.module = make_module(course, title="Preflight")
    return course


def tag(obj, *codes):
    obj.acs_elements.set([element(code) for code in codes])
    obj.save()


def answer_quiz(user, course, right_codes, wrong_codes):
    lesson = make_lesson(course.module, title="Preflight quiz", lesson_type="quiz")
    questions = [single("Right?", "Yes", "No"), single("Wrong?", "Yes", "No")]
    assessment = make_assessment(lesson, questions, randomize_questions=False)
    first, second = assessment.questions.order_by("sort_order")
    tag(first, *right_codes)
    tag(second, *wrong_codes)
    enroll(user, course)
    attempt, _ = quiz.start_attempt(user, assessment)
    quiz.save_answer(user, attempt.pk, first.pk, [first.choices.get(is_correct=True).pk])
    quiz.save_answer(user, attempt.pk, second.pk, [second.choices.get(is_correct=False).pk])
    return attempt


def card_state(user, code, stability, days_since_review):
    card = FlashcardFactory(deck=DeckFactory(owner=user))
    card.acs_elements.set([element(code)])
    last = NOW - timedelta(days=days_since_review)
    return CardState.objects.create(
        user=user,
        card=card,
        state=CardStateKind.REVIEW,
        step=None,
        stability=stability,
        difficulty=5.0,
        last_review=last,
        due=last + timedelta(days=stability),
        reps=3,
    )


@pytest.fixture
def progress(standard, course, learner):
    """Lesson on PA.I.A.K1 completed; K2 answered right, R1 wrong; a card on PA.I.B.K1
    well retained and one on PA.I.B.K2 forgotten."""
    lesson = make_lesson(course.module, title="Certificates", access_level="registered")
    tag(lesson, "PA.I.A.K1")
    enroll(learner, course)
    complete(learner, [lesson])
    attempt = answer_quiz(learner, course, ["PA.I.A.K2"], ["PA.I.A.R1"])
    quiz.submit_attempt(learner, attempt.pk)
    card_state(learner, "PA.I.B.K1", stability=300.0, days_since_review=2)
    card_state(learner, "PA.I.B.K2", stability=2.0, days_since_review=60)
    return learner


def marks(areas):
    found = {}
    for area in areas:
        for node in area.nodes():
            flags = {"studied": node.studied, "tested": node.tested, "retained": node.retained}
            found[node.element.code] = {name for name, on in flags.items() if on}
    return found


def coverage(user, standard):
    return apply_coverage(load_tree(standard), user, standard, now=NOW)


def test_each_source_marks_only_its_own_elements(standard, progress):
    found = marks(coverage(progress, standard))
    assert found["PA.I.A.K1"] == {"studied"}
    assert found["PA.I.A.K2"] == {"tested"}
    assert found["PA.I.B.K1"] == {"retained"}
    assert found["PA.I.A.R1"] == set()
    assert found["PA.I.B.K2"] == set()
    assert {code for code, flags in found.items() if flags} == {
        "PA.I.A.K1",
        "PA.I.A.K2",
        "PA.I.B.K1",
    }


def test_readiness_counts_tested_and_retained_fully_and_studied_half(standard, progress):
    area_one, area_two = coverage(progress, standard)
    # 13 current elements in area I (7 in I.A with K3a, 6 in I.B): (0.5 + 1 + 1) / 13.
    assert area_one.readiness == round(100 * 2.5 / 13)
    assert area_two.readiness == 0
    task_a = area_one.tasks[0]
    assert task_a.counts == {"total": 7, "studied": 1, "tested": 1, "retained": 0}


def test_an_unsubmitted_attempt_does_not_count_as_tested(standard, course, learner):
    answer_quiz(learner, course, ["PA.II.A.K1"], [])
    assert marks(coverage(learner, standard))["PA.II.A.K1"] == set()


def test_retention_follows_the_learners_own_target(standard, learner):
    state = card_state(learner, "PA.II.A.K1", stability=10.0, days_since_review=10)
    StudySettings.objects.create(user=learner, desired_retention=0.95)
    assert marks(coverage(learner, standard))["PA.II.A.K1"] == set()
    StudySettings.objects.filter(user=learner).update(desired_retention=0.85)
    assert marks(coverage(learner, standard))["PA.II.A.K1"] == {"retained"}
    assert state.reps == 3


def test_the_page_shows_marks_counts_readiness_and_the_legend(client, standard, progress):
    client.force_login(progress)
    html = client.get(reverse("acs_standard", args=[standard.slug])).content.decode()
    assert "Your coverage" in html
    assert "1 studied, 1 tested, 0 retained of 7 elements" in html
    assert "0 studied, 0 tested, 1 retained of 6 elements" in html
    assert f'value="{round(100 * 2.5 / 13)}"' in html
    assert "<meter" in html


def test_another_learner_sees_none_of_their_marks(client, standard, progress, other_learner):
    assert not any(marks(coverage(other_learner, standard)).values())
    client.force_login(other_learner)
    html = client.get(reverse("acs_standard", args=[standard.slug])).content.decode()
    assert "0 studied, 0 tested, 0 retained of 7 elements" in html
    assert "0% ready" in html
    assert "19% ready" not in html


def test_marks_cost_no_extra_queries(client, standard, progress, other_learner):
    client.force_login(other_learner)
    count_queries(client, standard.slug)
    empty = count_queries(client, standard.slug)
    client.force_login(progress)
    count_queries(client, standard.slug)
    assert count_queries(client, standard.slug) == empty

"""A course with a quiz lesson and its assessment (one question of every type)."""

import pytest

from learning.acs.factories import make_tree
from learning.assessments.factories import make_assessment, single, true_false
from learning.courses.factories import make_catalog, make_course, make_lesson, make_module
from learning.enrollments.factories import enroll

QUESTIONS = [
    single("Which airspace needs a clearance to enter?", "Class B", "Class E", "Class G"),
    {
        "type": "multiple",
        "text": "<p>Which are required for Class C entry?</p>",
        "choices": [("Two-way radio", True), ("Mode C transponder", True), ("A clearance", False)],
    },
    true_false("VFR cloud clearance in Class B is clear of clouds.", True),
    {
        "type": "short_answer",
        "text": "<p>What does METAR stand for?</p>",
        "accepted": ["Meteorological Aerodrome Report", "aviation routine weather report"],
    },
    {
        "type": "numeric",
        "text": "<p>Standard pressure in inches of mercury?</p>",
        "answer": "29.92",
        "tolerance": "0.01",
    },
]


@pytest.fixture
def quiz_lesson(db):
    course = make_course(make_catalog(), title="Private Pilot Prep")
    module = make_module(course, title="Airspace")
    make_lesson(module, title="Class B", access_level="guest")
    lesson = make_lesson(module, title="Airspace quiz", lesson_type="quiz")
    lesson.course = course
    return lesson


@pytest.fixture
def acs_tree(db):
    """ACS elements PA.I.A.K1 .. PA.III.E.S1, so banks and files can be tagged."""
    return make_tree(areas=3, tasks=5)


@pytest.fixture
def assessment(quiz_lesson, acs_tree):
    return make_assessment(
        quiz_lesson, QUESTIONS, passing_score=60, max_attempts=3, time_limit_minutes=10
    )


@pytest.fixture
def enrolled(quiz_lesson, learner):
    return enroll(learner, quiz_lesson.course)

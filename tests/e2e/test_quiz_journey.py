"""A learner takes a quiz in Chromium: start it from the lesson page, answer as they go
(each answer autosaves), reload in the middle without losing anything, submit, and
read the score."""

import re

import pytest
from playwright.sync_api import expect

from accounts.factories import TEST_PASSWORD, UserFactory
from learning.assessments.factories import make_assessment, single, true_false
from learning.courses.factories import make_catalog, make_course, make_lesson, make_module
from learning.enrollments.factories import enroll

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

QUESTIONS = [
    single("Which airspace needs a clearance to enter?", "Class B", "Class E", "Class G"),
    true_false("VFR cloud clearance in Class B is clear of clouds.", True),
    {
        "type": "multiple",
        "text": "<p>Which are required for Class C entry?</p>",
        "choices": [("Two-way radio", True), ("Mode C transponder", True), ("A clearance", False)],
    },
    {
        "type": "short_answer",
        "text": "<p>What does METAR stand for?</p>",
        "accepted": ["Meteorological Aerodrome Report"],
    },
    {
        "type": "numeric",
        "text": "<p>Standard pressure in inches of mercury?</p>",
        "answer": "29.92",
        "tolerance": "0.01",
    },
]


@pytest.fixture
def quiz_lesson():
    course = make_course(make_catalog(), title="Private Pilot Prep")
    module = make_module(course, title="Airspace")
    lesson = make_lesson(module, title="Airspace quiz", lesson_type="quiz")
    make_assessment(
        lesson, QUESTIONS, title="Airspace check", passing_score=60, time_limit_minutes=10
    )
    user = UserFactory(email="quinn@example.test", first_name="Quinn", last_name="Quiz")
    enroll(user, course)
    return lesson


def log_in(page, email):
    page.goto("/accounts/login/")
    page.get_by_label("Email").fill(email)
    page.get_by_label("Password").fill(TEST_PASSWORD)
    page.get_by_role("button", name="Log in").click()
    page.wait_for_url("**/")


def question(page, text):
    return page.locator("fieldset[data-question]", has_text=text)


def saved(fieldset):
    expect(fieldset.locator("[data-save-status]")).to_have_text("Saved")


def test_learner_takes_a_quiz_reloads_midway_and_sees_the_score(page, quiz_lesson):
    log_in(page, "quinn@example.test")
    page.goto(quiz_lesson.url)
    page.get_by_test_id("quiz-panel").get_by_role("button", name="Start the quiz").click()
    page.wait_for_url(re.compile(r"/learn/attempts/\d+/$"))
    expect(page.locator("[data-countdown-clock]")).to_have_text(re.compile(r"^(9:\d\d|10:00)$"))

    airspace = question(page, "needs a clearance")
    airspace.get_by_label("Class B").check()
    clouds = question(page, "cloud clearance")
    clouds.get_by_label("True").check()
    saved(airspace)
    saved(clouds)

    page.reload()
    expect(question(page, "needs a clearance").get_by_label("Class B")).to_be_checked()
    expect(question(page, "cloud clearance").get_by_label("True")).to_be_checked()

    entry = question(page, "Class C entry")
    entry.get_by_label("Two-way radio").check()
    entry.get_by_label("Mode C transponder").check()
    question(page, "METAR").get_by_label("Your answer").fill("meteorological aerodrome report")
    question(page, "Standard pressure").get_by_label("Your answer").fill("29.92")

    page.once("dialog", lambda dialog: dialog.accept())
    page.get_by_role("button", name="Submit my answers").click()
    page.wait_for_url(re.compile(r"/learn/attempts/\d+/result/$"))
    score = page.get_by_test_id("quiz-score")
    expect(score).to_contain_text("Passed")
    expect(score).to_contain_text("5 of 5 points (100%)")

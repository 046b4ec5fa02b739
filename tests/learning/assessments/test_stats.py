"""Instructor insight: the numbers for known attempts, who may see them, the attempts
listing and its export, and query counts that do not grow with attempts or questions."""

import datetime
import itertools

from django.contrib.auth.models import Permission
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

import pytest

from accounts.factories import UserFactory
from learning.assessments import services
from learning.assessments.admin import stats
from learning.assessments.factories import make_assessment, make_question, single
from learning.assessments.models import Question
from learning.courses.factories import make_course
from learning.courses.models import CourseInstructor
from learning.enrollments.factories import enroll

pytestmark = pytest.mark.django_db

T0 = datetime.datetime(2025, 6, 1, 12, 0, tzinfo=datetime.UTC)
INDEX = reverse("assessments_statistics")
ATTEMPTS = reverse("assessments_attempt_modeladmin_index")


def detail(assessment_id):
    return reverse("assessments_assessment_statistics", args=[assessment_id])


def take(assessment, answers, seconds=None, user=None):
    """One attempt by a new enrolled learner. `answers` maps a question type to choice
    texts (a list) or a text answer; `seconds` until submitting, or None to leave it open."""
    user = user or UserFactory()
    enroll(user, assessment.lesson.course)
    attempt, _ = services.start_attempt(user, assessment, now=T0)
    questions = {q.question_type: q for q in Question.objects.filter(pk__in=attempt.question_ids)}
    for kind, given in answers.items():
        question = questions[kind]
        if isinstance(given, list):
            ids = list(question.choices.filter(text__in=given).values_list("pk", flat=True))
            services.save_answer(user, attempt.pk, question.pk, ids, now=T0)
        else:
            services.save_answer(user, attempt.pk, question.pk, [], given, now=T0)
    if seconds is not None:
        services.submit_attempt(user, attempt.pk, now=T0 + datetime.timedelta(seconds=seconds))
    return attempt


ALL_RIGHT = {
    "single": ["Class B"],
    "multiple": ["Two-way radio", "Mode C transponder"],
    "true_false": ["True"],
    "short_answer": "meteorological aerodrome report",
    "numeric": "29.92",
}


@pytest.fixture
def known_attempts(assessment):
    take(assessment, ALL_RIGHT, 60)  # 100%
    take(assessment, {**ALL_RIGHT, "short_answer": "no idea", "numeric": ""}, 120)  # 60%
    take(assessment, {"single": ["Class E"]}, 180)
    take(
        assessment,
        {
            "single": ["Class E"],
            "multiple": ["Two-way radio", "A clearance"],
            "true_false": ["False"],
        },
        240,
    )
    take(assessment, {"single": ["Class G"], "multiple": ["Two-way radio"]}, 300)
    for _ in range(2):  # still open: they count as attempts, not in any grade
        take(assessment, {"single": ["Class G"]})
    return assessment


def test_summary_of_known_attempts(known_attempts):
    summary = stats.summary(known_attempts)
    assert (summary.attempts, summary.submitted, summary.passed) == (7, 5, 2)
    assert summary.pass_rate == 40
    assert summary.average_percentage == 32
    assert summary.average_seconds == 180


def test_question_statistics_of_known_attempts(known_attempts):
    by_type = {s.question.question_type: s for s in stats.question_stats(known_attempts)}
    figures = {
        kind: (s.drawn, s.answered, s.correct, s.percent_correct) for kind, s in by_type.items()
    }
    assert figures == {
        "single": (5, 5, 2, 40),
        "multiple": (5, 4, 2, 40),
        "true_false": (5, 3, 2, 40),
        "short_answer": (5, 2, 1, 20),
        "numeric": (5, 1, 1, 20),
    }
    # The open attempts' two "Class G" picks do not count: "Class E" was chosen twice.
    wrong_pick = by_type["single"].most_chosen_wrong
    assert (wrong_pick.text, wrong_pick.count) == ("Class E", 2)
    assert by_type["multiple"].most_chosen_wrong.text == "A clearance"
    assert by_type["true_false"].most_chosen_wrong.text == "False"
    assert by_type["numeric"].most_chosen_wrong is None
    assert not any(s.needs_review for s in by_type.values())  # under 10 answers each


@pytest.mark.parametrize(
    ("drawn", "correct", "flagged"),
    [(10, 2, True), (10, 3, False), (10, 10, True), (20, 19, False), (9, 0, False), (0, 0, False)],
)
def test_review_flag_needs_ten_answers_and_an_extreme_rate(drawn, correct, flagged):
    stat = stats.QuestionStat(Question(), drawn=drawn, answered=drawn, correct=correct)
    assert stat.needs_review is flagged


def test_no_attempts_gives_empty_figures(assessment):
    summary = stats.summary(assessment)
    assert (summary.attempts, summary.pass_rate, summary.average_percentage) == (0, None, None)
    assert all(s.percent_correct is None for s in stats.question_stats(assessment))


def admin_user(*codenames):
    user = UserFactory()
    names = ("access_admin", *codenames)
    user.user_permissions.add(*Permission.objects.filter(codename__in=names))
    return user


@pytest.fixture
def instructor_client(client, quiz_lesson):
    """An instructor credited on the quiz's course (so its attempts are theirs to see)."""
    instructor = admin_user("view_assessment")
    CourseInstructor.objects.create(page=quiz_lesson.course, user=instructor)
    client.force_login(instructor)
    return client


def test_statistics_page_shows_the_numbers_and_flags_bad_items(instructor_client, assessment):
    for _ in range(10):  # everyone misses the single-choice question: a suspicious key
        take(assessment, {**ALL_RIGHT, "single": ["Class G"]}, 90)
    response = instructor_client.get(detail(assessment.pk))
    html = response.content.decode()
    assert response.status_code == 200
    assert "Statistics: Airspace quiz" in html
    assert "0.0%" in html  # percent correct of the single-choice question
    assert html.count("Review this item</span>") == 5  # 0% once, 100% four times
    assert "Class G <span" in html
    assert "(chosen 10 times)" in html
    assert "1 min 30 s" in html
    assert f"{ATTEMPTS}?assessment__id__exact={assessment.pk}" in html


def test_statistics_index_lists_assessments_with_headline_numbers(instructor_client, assessment):
    take(assessment, ALL_RIGHT, 60)
    take(assessment, {}, 60)
    html = instructor_client.get(INDEX).content.decode()
    assert f'href="{detail(assessment.pk)}"' in html
    assert "50.0%" in html  # pass rate
    assert "Airspace quiz" in html


@pytest.mark.parametrize("codename", ["view_assessment", "change_assessment"])
def test_either_assessment_permission_opens_statistics(client, assessment, codename):
    client.force_login(admin_user(codename))
    assert client.get(INDEX).status_code == 200
    assert client.get(detail(assessment.pk)).status_code == 200
    home = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "Quiz statistics" in home
    assert "Quiz attempts" in home
    assert client.get(ATTEMPTS).status_code == 200


def test_admin_users_without_the_permission_get_a_403(client, assessment):
    attempt = take(assessment, ALL_RIGHT, 60)
    client.force_login(admin_user())
    for url in (INDEX, detail(assessment.pk)):
        response = client.get(url)
        assert response.status_code == 403
        assert "Only instructors and staff" in response.content.decode()
    home = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "Quiz statistics" not in home
    assert "Quiz attempts" not in home
    for url in (
        ATTEMPTS,
        ATTEMPTS + "?export=csv",
        reverse("assessments_attempt_modeladmin_inspect", args=[attempt.pk]),
    ):
        response = client.get(url)
        assert response.status_code != 200
        assert not response.has_header("Content-Disposition")


def test_learners_and_guests_never_see_statistics(client, assessment, learner):
    login = f"/accounts/login/?next={detail(assessment.pk)}"
    for who in (None, learner):  # a guest, then a learner (no admin access)
        if who:
            client.force_login(who)
        response = client.get(detail(assessment.pk))
        assert (response.status_code, response["Location"]) == (302, login)
        assert "Statistics:" not in response.content.decode()


@pytest.mark.parametrize("assessment_id", [0, 999_999, 10**12])
def test_unknown_assessment_is_a_404(instructor_client, assessment, assessment_id):
    """The sweep in tests/test_unknown_ids.py asks as a superuser; a credited instructor
    with only the view permission must not learn more from an unknown id."""
    url = detail(1).replace("/1/", f"/{assessment_id}/", 1)
    response = instructor_client.get(url)
    assert response.status_code == 404
    assert "Page not found" in response.content.decode()


def queries_for(client, url):
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def test_query_count_does_not_grow_with_attempts_or_questions(instructor_client, assessment):
    wrong = {"single": ["Class E"], "multiple": ["A clearance"], "true_false": ["False"]}
    answer_sets = itertools.cycle([ALL_RIGHT, wrong, {}])
    for _ in range(3):
        take(assessment, next(answer_sets), 60)
    few = queries_for(instructor_client, detail(assessment.pk))
    for _ in range(27):
        take(assessment, next(answer_sets), 60)
    for order in range(5, 10):
        make_question(assessment, single(f"Extra {order}?", "Yes", "No"), order)
    assert queries_for(instructor_client, detail(assessment.pk)) == few


def test_index_query_count_does_not_grow_with_assessments(instructor_client, assessment):
    take(assessment, ALL_RIGHT, 60)
    few = queries_for(instructor_client, INDEX)
    for number in range(4):
        make_assessment(None, [single("Q?", "A", "B")], title=f"Quiz {number}")
    assert queries_for(instructor_client, INDEX) == few


def test_attempts_listing_filters_searches_and_exports(instructor_client, assessment):
    passer = UserFactory(email="passer@example.com")
    take(assessment, ALL_RIGHT, 60, user=passer)
    take(assessment, {}, 60, user=UserFactory(email="=cmd@example.com"))
    html = instructor_client.get(ATTEMPTS).content.decode()
    assert "passer@example.com" in html
    assert "5 / 5" in html
    passed_only = instructor_client.get(ATTEMPTS, {"passed__exact": "1"}).content.decode()
    assert "passer@example.com" in passed_only
    assert "=cmd@example.com" not in passed_only
    searched = instructor_client.get(ATTEMPTS, {"q": "passer"}).content.decode()
    assert "=cmd@example.com" not in searched
    export = instructor_client.get(ATTEMPTS, {"export": "csv"})
    rows = b"".join(export.streaming_content).decode().splitlines()
    assert rows[0].startswith("Learner,Assessment,Attempt Number,Started At,Submitted At")
    assert rows[0].endswith("Percentage (%),Passed,Time taken (seconds)")
    passer_row = next(row for row in rows if row.startswith("passer@example.com,"))
    assert passer_row.startswith("passer@example.com,Airspace quiz,1,")
    assert passer_row.endswith(",False,5.00,5.00,100.00,True,60")
    assert any(row.startswith("'=cmd@example.com") for row in rows)  # no formula injection


def test_an_instructor_sees_only_the_attempts_of_courses_they_teach(client, assessment):
    attempt = take(assessment, ALL_RIGHT, 60, user=UserFactory(email="taker@example.com"))
    other_course = make_course(assessment.lesson.course.get_parent(), title="Other course")
    uncredited, elsewhere = admin_user("view_assessment"), admin_user("change_assessment")
    CourseInstructor.objects.create(page=other_course, user=elsewhere)
    for instructor in (uncredited, elsewhere):
        client.force_login(instructor)
        listing = client.get(ATTEMPTS)
        assert listing.status_code == 200
        assert "taker@example.com" not in listing.content.decode()
        export = client.get(ATTEMPTS, {"export": "csv"})
        assert "taker@example.com" not in b"".join(export.streaming_content).decode()
        for action in ("inspect", "history"):
            url = reverse(f"assessments_attempt_modeladmin_{action}", args=[attempt.pk])
            assert client.get(url).status_code == 404, action
    CourseInstructor.objects.create(page=assessment.lesson.course, user=elsewhere)
    assert "taker@example.com" in client.get(ATTEMPTS).content.decode()
    inspect = reverse("assessments_attempt_modeladmin_inspect", args=[attempt.pk])
    assert "taker@example.com" in client.get(inspect).content.decode()


def test_attempts_cannot_be_created_or_edited_in_the_admin(client, assessment):
    attempt = take(assessment, ALL_RIGHT, 60)
    admin = UserFactory(is_staff=True, is_superuser=True)
    client.force_login(admin)
    create = client.get(reverse("assessments_attempt_modeladmin_create"))
    edit = client.get(reverse("assessments_attempt_modeladmin_edit", args=[attempt.pk]))
    assert create.status_code != 200
    assert edit.status_code != 200
    inspect = client.get(reverse("assessments_attempt_modeladmin_inspect", args=[attempt.pk]))
    assert attempt.user.email in inspect.content.decode()

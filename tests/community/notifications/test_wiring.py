"""Every app tells the right person about what matters, through its real write path:
one notification per event, a specific text and a link to the thing, never to the
person who caused it."""

import random

from django.contrib.auth.models import Group, Permission
from django.urls import reverse

import pytest

from accounts.factories import SubscriptionFactory, UserFactory
from accounts.models import Subscription
from community.gouge import services as gouge
from community.notifications.models import Notification
from community.reviews import services as reviews
from learning.assessments import services as quizzes
from learning.assessments.factories import make_assessment, true_false
from learning.courses.factories import make_catalog, make_course, make_lesson, make_module
from learning.courses.models import CourseInstructor
from learning.enrollments import services as enrollments
from learning.enrollments.models import Certificate
from learning.orals import services as orals
from learning.orals.models import Grade
from snippets.factories import ExaminerFactory
from tests.community.gouge.conftest import report_fields
from tests.learning.orals.conftest import make_instructor, standard, task  # noqa: F401

pytestmark = pytest.mark.django_db


def notes(user, kind):
    return list(Notification.objects.filter(recipient=user, kind=kind))


def only(user, kind):
    rows = notes(user, kind)
    assert len(rows) == 1, [row.text for row in rows]
    return rows[0]


@pytest.fixture
def teacher(db):
    return UserFactory(first_name="Ida", last_name="Instructor")


@pytest.fixture
def course(teacher):
    course = make_course(make_catalog(), title="Weather Basics", has_certificate=True)
    module = make_module(course, title="Reports")
    course.lessons = [
        make_lesson(module, title="METARs", access_level="guest"),
        make_lesson(module, title="TAFs", access_level="guest"),
    ]
    CourseInstructor.objects.create(page=course, user=teacher)
    return course


def finish(learner, course):
    enrollments.enroll(learner, course)
    for lesson in course.lessons:
        enrollments.complete_lesson(learner, lesson)


def test_instructors_hear_of_a_new_enrollment_once(course, teacher, learner):
    enrollments.enroll(learner, course)
    enrollments.enroll(learner, course)  # a double click
    note = only(teacher, "new_enrollment")
    assert note.text == "Lee Learner enrolled in “Weather Basics”"
    assert f"course__id__exact={course.pk}" in note.url
    assert note.actor == learner
    assert notes(learner, "new_enrollment") == []


def test_finishing_tells_instructors_and_issues_a_certificate(course, teacher, learner):
    finish(learner, course)
    finished = only(teacher, "course_finished")
    assert finished.text == "Lee Learner finished “Weather Basics”"
    certificate = Certificate.objects.get(enrollment__user=learner)
    issued = only(learner, "certificate_issued")
    assert issued.text == "Your certificate for “Weather Basics” is ready"
    assert issued.url == certificate.get_verification_path()
    assert issued.target == certificate
    assert notes(learner, "course_finished") == []


def test_a_private_learner_finishing_is_not_reported(course, teacher, learner):
    learner.preferences.show_progress_to_instructors = False
    learner.preferences.save()
    finish(learner, course)
    assert notes(teacher, "course_finished") == []
    assert len(notes(learner, "certificate_issued")) == 1


def test_a_lesson_published_for_the_first_time_reaches_enrolled_learners(
    course, learner, other_learner, commit
):
    enrollments.enroll(learner, course)
    enrollments.enroll(other_learner, course)
    enrollments.leave(other_learner, course)
    with commit():
        lesson = make_lesson(course.get_children().first(), title="PIREPs", publish=True)
    note = only(learner, "lesson_published")
    assert note.text == "New lesson in “Weather Basics”: PIREPs"
    assert note.url == lesson.url
    assert notes(other_learner, "lesson_published") == []
    with commit():
        lesson.save_revision().publish()  # an edit re-published is not news
    assert len(notes(learner, "lesson_published")) == 1


def test_a_graded_quiz_shows_the_score(course, learner):
    enrollments.enroll(learner, course)
    assessment = make_assessment(
        course.lessons[0],
        title="Weather services",
        questions=[
            true_false("A METAR is a forecast.", False),
            true_false("TAF is a forecast.", True),
        ],
    )
    attempt, _ = quizzes.start_attempt(learner, assessment, rng=random.Random(1))
    for question in assessment.questions.all():
        wrong = question.choices.get(is_correct=False)
        right = question.choices.get(is_correct=True)
        pick = right if "TAF" in question.text else wrong
        quizzes.save_answer(learner, attempt.pk, question.pk, [pick.pk])
    quizzes.submit_attempt(learner, attempt.pk)
    note = only(learner, "quiz_graded")
    assert note.text == "Your quiz “Weather services” was graded: 1/2 (not passed)"
    assert note.url == reverse("quiz_result", args=[attempt.pk])


def test_a_mock_oral_graded_by_an_instructor_is_reported_to_the_learner(
    learner,
    standard,  # noqa: F811
    task,  # noqa: F811
):
    course = make_course(make_catalog(), title="Checkride Prep")
    enrollments.enroll(learner, course)
    grader = make_instructor(course.get_parent(), teaches=[course])
    session, _ = orals.start_session(
        learner, standard, task_ids=[task.pk], planned_minutes=15, rng=random.Random(2)
    )
    for item in session.items.all():
        orals.grade_item(grader, session.pk, item.pk, Grade.SATISFACTORY)
    orals.finish_session(grader, session.pk)
    note = only(learner, "oral_graded")
    assert note.text.startswith("Ida Instructor graded your mock oral (")
    assert note.text.endswith("): 100%")
    assert note.url == reverse("orals_result", args=[session.pk])
    assert notes(grader, "oral_graded") == []


def test_a_learner_grading_their_own_oral_gets_no_notification(learner, standard, task):  # noqa: F811
    session, _ = orals.start_session(
        learner, standard, task_ids=[task.pk], planned_minutes=15, rng=random.Random(2)
    )
    item = session.items.first()
    orals.grade_item(learner, session.pk, item.pk, Grade.SATISFACTORY)
    orals.finish_session(learner, session.pk)
    assert notes(learner, "oral_graded") == []


@pytest.fixture
def gouge_moderator(db):
    group, _ = Group.objects.get_or_create(name="Moderators")
    group.permissions.add(*Permission.objects.filter(content_type__app_label="gouge"))
    user = UserFactory(first_name="Mo", last_name="Derator")
    user.groups.add(group)
    return user


def test_gouge_decisions_reach_the_author(learner, gouge_moderator):
    examiner = ExaminerFactory(name="Alex Rivera")
    first = gouge.submit_report(learner, examiner, report_fields())
    second = gouge.submit_report(
        learner, examiner, report_fields(checkride_date=first.checkride_date.replace(day=3))
    )
    gouge.moderate([first], gouge_moderator, approve=True)
    gouge.moderate([first], gouge_moderator, approve=True)  # unchanged: nobody told twice
    gouge.moderate([second], gouge_moderator, approve=False, note="Please leave out names.")
    published, rejected = sorted(notes(learner, "gouge_decision"), key=lambda n: n.pk)
    assert published.text == "Your checkride report on Alex Rivera is published"
    assert published.url == reverse("examiner_detail", args=[examiner.slug])
    assert rejected.text == (
        "Your checkride report on Alex Rivera was not published. "
        "The moderator's note: Please leave out names."
    )
    assert rejected.url == reverse("gouge_edit", args=[second.pk])
    assert rejected.actor == gouge_moderator


def test_review_moderation_tells_the_author_and_publication_the_instructors(
    course, teacher, learner, gouge_moderator
):
    enrollments.enroll(learner, course)
    review = reviews.submit_review(learner, course, 5, "Clear and useful", "The METAR lesson " * 5)
    assert notes(teacher, "new_review") == []  # waiting for moderation
    reviews.approve([review.pk], gouge_moderator)
    reviews.approve([review.pk], gouge_moderator)  # already published: nothing new
    told = only(learner, "review_update")
    assert told.text == "Your review of “Weather Basics” is published"
    assert told.url == reverse("course_reviews", args=[course.pk])
    new = only(teacher, "new_review")
    assert new.text == "New 5-star review of “Weather Basics”: Clear and useful"
    assert new.actor == learner
    reviews.reject([review.pk], gouge_moderator)
    assert notes(learner, "review_update")[0].text == (
        "Your review of “Weather Basics” was not published"
    )


def test_subscription_events_notify_the_member_once_each(learner):
    subscription = SubscriptionFactory(user=learner)
    note = only(learner, "subscription")
    assert note.text.startswith("Your Premium membership is active")
    assert note.url == reverse("account_settings")
    subscription.save()  # nothing changed
    assert len(notes(learner, "subscription")) == 1
    subscription.status = Subscription.Status.CANCELED
    subscription.save()
    subscription.status = Subscription.Status.EXPIRED
    subscription.save()
    texts = [n.text for n in notes(learner, "subscription")]
    assert texts[:2] == [
        "Your Premium membership has expired",
        "Your Premium membership was canceled",
    ]

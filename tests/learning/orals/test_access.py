"""Instructors grade only the mock orals of learners in courses they can edit, and only
when the learner shares their progress; everyone else gets a 404 as for a missing id."""

import random

from django.urls import reverse

import pytest

from accounts.factories import UserFactory
from learning.courses.factories import make_catalog, make_course
from learning.enrollments.models import Enrollment
from learning.flashcards.models import Deck, DeckPurpose
from learning.orals import services
from learning.orals.models import Grade

from .conftest import make_instructor

pytestmark = pytest.mark.django_db


@pytest.fixture
def session(learner, standard, task):
    session, _ = services.start_session(
        learner, standard, task_ids=[task.pk], planned_minutes=15, rng=random.Random(2)
    )
    return session


def refused_everywhere(client, user, session):
    """Every page and write of ``session`` answers 404 to ``user``; nothing is graded."""
    client.force_login(user)
    item = session.items.first()
    assert client.get(reverse("orals_session", args=[session.pk])).status_code == 404
    assert client.get(reverse("orals_result", args=[session.pk])).status_code == 404
    graded = client.post(
        reverse("orals_grade", args=[session.pk, item.pk]), {"grade": Grade.SATISFACTORY}
    )
    assert graded.status_code == 404
    assert client.post(reverse("orals_finish", args=[session.pk])).status_code == 404
    assert client.post(reverse("orals_abandon", args=[session.pk])).status_code == 404
    item.refresh_from_db()
    session.refresh_from_db()
    assert item.grade == ""
    assert session.completed_at is None
    return True


def test_the_instructor_of_the_learners_course_grades_it(
    client, enrolled, instructor, learner, session
):
    client.force_login(instructor)
    page = client.get(reverse("orals_session", args=[session.pk]))
    assert page.status_code == 200
    text = page.content.decode()
    assert "Mock oral of Lee Learner" in text
    assert "Abandon this mock oral" not in text  # only the learner abandons
    item = session.items.first()
    graded = client.post(
        reverse("orals_grade", args=[session.pk, item.pk]), {"grade": Grade.UNSATISFACTORY}
    )
    assert graded.status_code == 302
    assert client.post(reverse("orals_finish", args=[session.pk])).status_code == 302
    session.refresh_from_db()
    assert session.graded_by == instructor
    assert session.score == 0
    assert Deck.objects.get(owner=learner, purpose=DeckPurpose.ORAL_REVIEW).cards.count() == 1
    assert client.get(reverse("orals_result", args=[session.pk])).status_code == 200


def test_an_instructor_without_the_course_gets_404(client, enrolled, session):
    other_catalog = make_catalog(title="Other school", slug="other-school")
    make_course(other_catalog, title="Someone else's course")
    # Django staff with every mock oral permission, as in the reviewer's report.
    assert refused_everywhere(client, make_instructor(other_catalog, is_staff=True), session)
    assert refused_everywhere(client, make_instructor(catalog=None, is_staff=True), session)


def test_a_learner_who_hides_progress_is_not_graded(client, enrolled, instructor, learner, session):
    learner.preferences.show_progress_to_instructors = False
    learner.preferences.save()
    assert refused_everywhere(client, instructor, session)


def test_a_dropped_enrollment_ends_the_instructors_access(client, enrolled, instructor, session):
    enrolled.status = Enrollment.Status.DROPPED
    enrolled.save()
    assert refused_everywhere(client, instructor, session)


def test_teaching_the_course_is_not_enough_without_the_grading_permission(
    client, enrolled, course, session
):
    teacher = make_instructor(course.get_parent(), grader=False, teaches=[course])
    assert refused_everywhere(client, teacher, session)


def test_editing_every_course_page_is_not_teaching(client, enrolled, course, session):
    """The demo's Instructors group may edit every course page; an instructor credited
    on no course, or on another one, opens, grades and finishes nobody's mock oral."""
    other_course = make_course(course.get_parent(), title="Commercial Pilot Prep")
    uncredited = make_instructor(course.get_parent())
    assert refused_everywhere(client, uncredited, session)
    elsewhere = make_instructor(course.get_parent(), teaches=[other_course])
    assert refused_everywhere(client, elsewhere, session)


def test_an_uncredited_instructor_finds_no_session_in_the_admin(client, enrolled, course, session):
    client.force_login(make_instructor(course.get_parent()))
    listing = client.get(reverse("orals_mockoralsession_modeladmin_index"))
    assert listing.status_code == 200
    assert reverse("orals_session", args=[session.pk]) not in listing.content.decode()
    for action in ("inspect", "history"):
        url = reverse(f"orals_mockoralsession_modeladmin_{action}", args=[session.pk])
        assert client.get(url).status_code == 404, action


def test_completed_enrollments_still_count(enrolled, instructor, session):
    enrolled.status = Enrollment.Status.COMPLETED
    enrolled.save()
    item = session.items.first()
    services.grade_item(instructor, session.pk, item.pk, Grade.SATISFACTORY)
    item.refresh_from_db()
    assert item.grade == Grade.SATISFACTORY


def test_superusers_grade_every_session(client, session):
    admin = UserFactory(is_staff=True, is_superuser=True)
    client.force_login(admin)
    assert client.get(reverse("orals_session", args=[session.pk])).status_code == 200
    item = session.items.first()
    services.grade_item(admin, session.pk, item.pk, Grade.NEEDS_REVIEW)
    services.finish_session(admin, session.pk)
    session.refresh_from_db()
    assert session.score == 50


def test_admin_listing_and_inspect_show_only_the_instructors_learners(
    client, enrolled, instructor, other, standard, task, session
):
    stranger, _ = services.start_session(other, standard, task_ids=[task.pk])
    client.force_login(instructor)
    listing = client.get(reverse("orals_mockoralsession_modeladmin_index"))
    assert listing.status_code == 200
    text = listing.content.decode()
    assert reverse("orals_session", args=[session.pk]) in text
    assert reverse("orals_session", args=[stranger.pk]) not in text
    inspect = "orals_mockoralsession_modeladmin_inspect"
    assert client.get(reverse(inspect, args=[session.pk])).status_code == 200
    assert client.get(reverse(inspect, args=[stranger.pk])).status_code == 404  # not listed

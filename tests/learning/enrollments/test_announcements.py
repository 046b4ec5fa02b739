"""Course announcements: an instructor writes one in the admin for a course they teach,
and every learner enrolled in it hears of it once, from Celery, never in the request."""

from django.contrib.auth.models import Group
from django.urls import reverse

import pytest

from community.notifications.models import Notification
from learning.courses.factories import make_catalog, make_course
from learning.courses.models import CourseInstructor
from learning.courses.permissions import grant_course_editing
from learning.enrollments import announcements, services
from learning.enrollments.models import Announcement
from tests.roles import ROLE_FACTORIES

pytestmark = pytest.mark.django_db

LIST = reverse("enrollments_announcements")
NEW = reverse("enrollments_announcement_new")


@pytest.fixture
def course(db):
    return make_course(make_catalog(), title="Weather Basics")


@pytest.fixture
def teacher(course):
    teacher = ROLE_FACTORIES["instructor"]()
    grant_course_editing(Group.objects.get(name="Instructors"), course.get_parent())
    CourseInstructor.objects.create(page=course, user=teacher)
    return teacher


def enroll_many(course, count):
    from accounts.factories import UserFactory

    people = [UserFactory() for _ in range(count)]
    for person in people:
        services.enroll(person, course)
    return people


def test_posting_notifies_every_enrolled_learner_once(client, course, teacher, commit):
    learners = enroll_many(course, 3)
    services.leave(learners[2], course)
    client.force_login(teacher)
    form = client.get(NEW)
    assert form.status_code == 200
    assert "Weather Basics (2 learners)" in form.content.decode()
    with commit():
        response = client.post(
            NEW, {"course": course.pk, "title": "Checkride week", "body": "Bring your logbook."}
        )
    assert response.status_code == 302
    announcement = Announcement.objects.get()
    assert (announcement.author, announcement.recipient_count) == (teacher, 2)
    assert announcement.sent_at is not None
    rows = Notification.objects.filter(kind="announcement")
    assert sorted(rows.values_list("recipient_id", flat=True)) == sorted(
        person.pk for person in learners[:2]
    )
    assert {row.text for row in rows} == {"Weather Basics: Checkride week"}
    assert {row.url for row in rows} == {course.url}
    with commit():
        assert announcements.send_announcement(announcement.pk) == 0  # a retried task
    assert rows.count() == 2
    listing = client.get(LIST).content.decode()
    assert "Checkride week" in listing
    assert "2 learners" in listing


def test_bad_input_is_a_400_and_stores_nothing(client, course, teacher):
    other = make_course(course.get_parent(), title="Someone else's course")
    client.force_login(teacher)
    for data in [
        {"course": course.pk, "title": "", "body": "x"},
        {"course": course.pk, "title": "T" * 121, "body": "x"},
        {"course": "nope", "title": "T", "body": "x"},
        {"course": other.pk, "title": "T", "body": "x"},  # not their course
        {"course": course.pk, "title": "T", "body": "x" * 5001},
    ]:
        assert client.post(NEW, data).status_code == 400, data
    assert not Announcement.objects.exists()


@pytest.mark.parametrize("role", sorted(ROLE_FACTORIES))
def test_every_role(client, course, role):
    user = ROLE_FACTORIES[role]()
    client.force_login(user)
    response = client.get(LIST)
    menu = client.get(reverse("wagtailadmin_home")).content.decode()
    if role == "admin":
        assert response.status_code == 200
        assert client.get(NEW).status_code == 200
        assert "Announcements" in menu
    elif role == "learner":
        assert response.status_code == 302  # no admin access: to the admin login
    else:
        # Instructors who teach no course (they see the menu item, which costs no
        # query), marketers and moderators.
        assert response.status_code == 403
        assert client.get(NEW).status_code == 403
        assert client.post(NEW, {"course": course.pk, "title": "T", "body": "B"}).status_code == 403
        assert ("Announcements" in menu) == (role == "instructor")
    assert not Announcement.objects.exists()


def test_an_instructor_sees_only_their_courses_announcements(client, course, teacher):
    other = make_course(course.get_parent(), title="Instrument Rating")
    Announcement.objects.create(course=other, title="Hidden news", body="x")
    Announcement.objects.create(course=course, author=teacher, title="Our news", body="x")
    client.force_login(teacher)
    html = client.get(LIST).content.decode()
    assert "Our news" in html
    assert "Hidden news" not in html
    assert "Announcements" in client.get(reverse("wagtailadmin_home")).content.decode()


@pytest.mark.parametrize("count", [1, 20])
def test_the_list_costs_the_same_for_1_or_20(
    client, course, teacher, count, django_assert_max_num_queries
):
    for n in range(count):
        Announcement.objects.create(course=course, author=teacher, title=f"News {n}", body="x")
    client.force_login(teacher)
    client.get(LIST)
    with django_assert_max_num_queries(16):
        assert client.get(LIST).status_code == 200

"""Staff browse enrollments, progress and the activity log in the Wagtail admin (filter,
search, CSV export); nobody edits them by hand; courses with learners are not deleted."""

import csv
import io
from html import unescape

from django.contrib.auth.models import Permission
from django.urls import reverse

import pytest

from accounts.factories import UserFactory
from learning.courses.factories import make_course
from learning.courses.models import CourseInstructor
from learning.enrollments import services
from learning.enrollments.models import Enrollment, UserActivity

ENROLLMENTS = reverse("enrollments_enrollment_modeladmin_index")
PROGRESS = reverse("enrollments_lessonprogress_modeladmin_index")
ACTIVITY = reverse("enrollments_useractivity_modeladmin_index")


@pytest.fixture
def admin_user(db):
    return UserFactory(is_staff=True, is_superuser=True)


@pytest.fixture
def studied(course, learner, other_learner):
    services.enroll(learner, course)
    services.complete_lesson(learner, course.lessons[0])
    services.enroll(other_learner, course)
    services.leave(other_learner, course)


def test_staff_list_filter_and_search_enrollments(client, admin_user, studied, learner):
    client.force_login(admin_user)
    html = client.get(ENROLLMENTS).content.decode()
    assert learner.email in html
    assert "Private Pilot Prep" in html
    dropped = client.get(ENROLLMENTS, {"status__exact": "dropped"}).content.decode()
    assert learner.email not in dropped
    found = client.get(ENROLLMENTS, {"q": learner.email}).content.decode()
    assert learner.email in found


def test_enrollments_export_as_csv(client, admin_user, studied, learner, other_learner):
    client.force_login(admin_user)
    response = client.get(ENROLLMENTS, {"export": "csv"})
    body = b"".join(response.streaming_content).decode()
    rows = list(csv.DictReader(io.StringIO(body)))
    by_email = {row["Learner"]: row for row in rows}
    assert by_email[learner.email]["Progress Percentage"] == "16"
    assert by_email[other_learner.email]["Status"] == "dropped"


def test_progress_and_activity_listings_show_what_learners_did(client, admin_user, studied):
    client.force_login(admin_user)
    assert "Class B" in client.get(PROGRESS).content.decode()
    activity = client.get(ACTIVITY).content.decode()
    assert "Completed a lesson" in activity
    assert "Left a course" in activity


def test_there_is_no_add_or_edit_for_progress(client, admin_user, studied, learner):
    client.force_login(admin_user)
    enrollment = Enrollment.objects.get(user=learner)
    create = reverse("enrollments_enrollment_modeladmin_create")
    edit = reverse("enrollments_enrollment_modeladmin_edit", args=[enrollment.pk])
    for ask, path in ((client.get, create), (client.post, edit)):
        refused = ask(path, {"status": "completed"})
        assert (refused.status_code, refused["Location"]) == (302, reverse("wagtailadmin_home"))
        home = client.get(refused["Location"]).content.decode()
        assert "Sorry, you do not have permission to access this area." in home
    enrollment.refresh_from_db()
    assert enrollment.status == Enrollment.Status.ACTIVE


def test_instructors_see_only_the_learners_of_courses_they_teach(client, course, studied, learner):
    """With the view permissions and page rights on every course, an instructor credited
    on another course sees no enrollment, progress or activity of this one's learners."""
    instructor = UserFactory()
    codenames = ["access_admin", "view_enrollment", "view_lessonprogress", "view_useractivity"]
    instructor.user_permissions.add(*Permission.objects.filter(codename__in=codenames))
    other_course = make_course(course.get_parent(), title="Commercial Pilot Prep")
    CourseInstructor.objects.create(page=other_course, user=instructor)
    client.force_login(instructor)
    enrollment = Enrollment.objects.get(user=learner)
    progress, activity = enrollment.progress.get(), UserActivity.objects.filter(user=learner)[0]
    for listing in (ENROLLMENTS, PROGRESS, ACTIVITY):
        response = client.get(listing, {"export": "csv"})
        assert learner.email not in b"".join(response.streaming_content).decode(), listing
    for model, obj in (("enrollment", enrollment), ("lessonprogress", progress)):
        for action in ("inspect", "history"):
            url = reverse(f"enrollments_{model}_modeladmin_{action}", args=[obj.pk])
            assert client.get(url).status_code == 404, url
    url = reverse("enrollments_useractivity_modeladmin_history", args=[activity.pk])
    assert client.get(url).status_code == 404
    CourseInstructor.objects.create(page=course, user=instructor)
    assert learner.email in client.get(ENROLLMENTS).content.decode()
    assert "Class B" in client.get(PROGRESS).content.decode()
    url = reverse("enrollments_enrollment_modeladmin_inspect", args=[enrollment.pk])
    assert client.get(url).status_code == 200


def test_learners_cannot_see_the_listings(client, learner, studied):
    client.force_login(learner)
    response = client.get(ENROLLMENTS)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))


def test_a_course_with_enrolled_learners_is_not_deleted(client, admin_user, course, studied):
    client.force_login(admin_user)
    response = client.post(reverse("wagtailadmin_pages:delete", args=[course.pk]), follow=True)
    assert "Unpublish instead" in response.content.decode()
    assert Enrollment.objects.filter(course=course).count() == 2
    course.refresh_from_db()  # still there


def test_a_lesson_holding_learners_notes_is_not_deleted(client, admin_user, course, learner):
    from learning.enrollments.models import Note

    lesson = course.lessons[3]
    Note.objects.create(user=learner, lesson=lesson, text="Remember the TAF groups")
    client.force_login(admin_user)
    response = client.post(reverse("wagtailadmin_pages:delete", args=[lesson.pk]), follow=True)
    assert "Learners have progress or notes in “METARs”" in unescape(response.content.decode())
    assert Note.objects.filter(lesson=lesson).exists()


def test_a_lesson_nobody_has_touched_can_be_deleted(client, admin_user, course, studied):
    from learning.courses.models import LessonPage

    lesson = course.lessons[3]
    client.force_login(admin_user)
    client.post(reverse("wagtailadmin_pages:delete", args=[lesson.pk]))
    assert not LessonPage.objects.filter(pk=lesson.pk).exists()

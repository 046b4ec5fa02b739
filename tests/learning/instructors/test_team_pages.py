"""Wagtail page rights follow the course team: an instructor edits and publishes only the
course trees where an active row gives them the edit right; the Instructors role alone
only creates new courses, whose creator becomes their lead."""

from django.urls import reverse

from wagtail.models import Page
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

import pytest

from accounts.factories import UserFactory
from accounts.roles import ensure_roles, instructors_group
from learning.courses.factories import make_lesson, make_module
from learning.courses.models import CourseInstructor, CoursePage, LessonPage
from learning.courses.permissions import grant_course_editing
from learning.courses.team_access import sync_every_course, team_group

pytestmark = pytest.mark.django_db
EDITORS = ("lead", "co")
REFUSED = ("assistant", "outsider", "learner")


def edit_url(page):
    return reverse("wagtailadmin_pages:edit", args=[page.pk])


def fresh(user):
    """The user again, without Wagtail's cached page permissions."""
    return type(user).objects.get(pk=user.pk)


def a_lesson(course):
    return LessonPage.objects.descendant_of(course).first()


def may_edit(client, user, page):
    client.force_login(user)
    response = client.get(edit_url(page))
    return response.status_code == 200 and "Editing" in response.text


@pytest.mark.parametrize("who", EDITORS)
def test_the_editing_team_opens_and_publishes_the_course_and_its_lessons(client, team, who):
    user = getattr(team, who)
    for page in (team.course, a_lesson(team.course)):
        assert may_edit(client, user, page)
        assert page.permissions_for_user(fresh(user)).can_publish()
    assert not may_edit(client, user, team.other_course)


@pytest.mark.parametrize("who", REFUSED)
def test_everyone_else_is_refused_the_course_tree(client, team, who):
    user = getattr(team, who)
    for page in (team.course, a_lesson(team.course)):
        client.force_login(user)
        response = client.get(edit_url(page))
        assert response.status_code == 302  # to the admin home or the login page
        assert not page.permissions_for_user(fresh(user)).can_publish()
        refused = client.post(edit_url(page), {"title": "Hijacked", "action-publish": "1"})
        assert refused.status_code in (302, 403)
    assert Page.objects.get(pk=team.course.pk).title == "Private Pilot Checkride"


def test_anonymous_visitors_are_sent_to_log_in(client, team):
    response = client.get(edit_url(team.course))
    assert response.status_code == 302
    assert "login/?next=" in response["Location"]


def test_the_explorer_offers_no_edit_link_to_another_course(client, team):
    client.force_login(team.outsider)
    listing = client.get(reverse("wagtailadmin_explore", args=[team.course.get_parent().pk]))
    assert listing.status_code == 200
    assert edit_url(team.other_course) in listing.text
    assert edit_url(team.course) not in listing.text


def test_an_outsider_cannot_add_a_lesson_inside_another_course(client, team):
    module = team.course.get_children().first()
    client.force_login(team.outsider)
    add = reverse("wagtailadmin_pages:add", args=["courses", "lessonpage", module.pk])
    response = client.get(add)
    assert response.status_code == 302
    assert client.get(response["Location"]).status_code == 200
    own_module = make_module(team.other_course, title="Weather")
    own_add = reverse("wagtailadmin_pages:add", args=["courses", "lessonpage", own_module.pk])
    assert client.get(own_add).status_code == 200


@pytest.mark.parametrize(
    "change", [{"is_active": False}, {"can_edit_content": False}], ids=["inactive", "no-edit"]
)
def test_losing_the_edit_right_takes_the_tree_away(client, team, change):
    row = CourseInstructor.objects.get(page=team.course, user=team.co)
    for name, value in change.items():
        setattr(row, name, value)
    row.save()
    assert not may_edit(client, team.co, team.course)
    assert may_edit(client, team.lead, team.course)


def test_removing_a_row_takes_the_tree_away_and_deleting_the_course_drops_its_group(client, team):
    CourseInstructor.objects.filter(page=team.course, user=team.co).delete()
    assert not may_edit(client, team.co, team.course)
    other = team.other_course.pk  # no enrollments: it may be deleted
    assert team_group(other) is not None
    CoursePage.objects.get(pk=other).delete()
    assert team_group(other) is None
    assert team_group(team.course.pk) is not None


def test_the_team_group_holds_exactly_the_editing_members_and_sync_is_idempotent(team):
    group = team_group(team.course.pk)
    assert set(group.user_set.all()) == {team.lead, team.co}
    group.user_set.add(team.outsider)  # added by hand: taken out by the next sync
    sync_every_course()
    sync_every_course()
    assert set(team_group(team.course.pk).user_set.all()) == {team.lead, team.co}
    assert team_group(team.course.pk).page_permissions.count() == 5


def new_course_form():
    return nested_form_data(
        {
            "title": "Commercial Pilot Oral Prep",
            "slug": "commercial-oral",
            "summary": "The commercial oral, area by area.",
            "description": rich_text("<p>For commercial applicants.</p>"),
            "level": "advanced",
            "price": "0",
            "requirements": streamfield([]),
            "skills": streamfield([]),
            "learning_objectives": streamfield([]),
            "instructors-TOTAL_FORMS": "0",
            "instructors-INITIAL_FORMS": "0",
            "instructors-MIN_NUM_FORMS": "0",
            "instructors-MAX_NUM_FORMS": "1000",
        }
    )


def test_an_instructor_who_creates_a_course_leads_it(client, team):
    creator = UserFactory()
    creator.groups.add(instructors_group())
    client.force_login(creator)
    catalog = team.course.get_parent()
    add = reverse("wagtailadmin_pages:add", args=["courses", "coursepage", catalog.pk])
    response = client.post(add, new_course_form())
    assert response.status_code == 302
    course = CoursePage.objects.get(slug="commercial-oral")
    row = CourseInstructor.objects.get(page=course, user=creator)
    assert row.role == CourseInstructor.Role.LEAD
    assert (row.can_edit_content, row.can_manage_students, row.can_view_analytics) == (
        True,
        True,
        True,
    )
    assert may_edit(client, creator, course)
    lesson = make_lesson(make_module(course), title="Ground reference")
    assert lesson.permissions_for_user(fresh(creator)).can_publish()
    assert not may_edit(client, creator, team.course)


def test_ensure_roles_takes_back_the_old_catalog_wide_edit_rights(team):
    catalog = team.course.get_parent()
    old = UserFactory()
    old.groups.add(instructors_group())
    grant_course_editing(instructors_group(), catalog)  # what older databases held
    assert team.course.permissions_for_user(fresh(old)).can_edit()
    ensure_roles()
    ensure_roles()
    assert not team.course.permissions_for_user(fresh(old)).can_edit()
    assert catalog.permissions_for_user(fresh(old)).can_add_subpage()
    held = set(
        instructors_group()
        .page_permissions.filter(page=catalog)
        .values_list("permission__codename", flat=True)
    )
    assert held == {"add_page"}

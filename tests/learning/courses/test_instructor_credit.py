"""Only a course's lead (or an administrator) changes its team: being credited opens the
course's learner records and its page tree, so a co-instructor who may publish the
course must not credit anyone, change a right or remove a colleague. Active revenue
shares never add up to more than 100 %."""

from django.urls import reverse

from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

import pytest

from accounts.factories import UserFactory
from learning.courses.factories import make_catalog, make_course
from learning.courses.models import CourseInstructor
from learning.courses.teaching import taught_courses
from learning.instructors.factories import instructor

pytestmark = pytest.mark.django_db
Role = CourseInstructor.Role


def row(user, role=Role.CO_INSTRUCTOR, share="0", active=True, **rights):
    """One team row as the "Instructors" panel posts it (unticked boxes are absent)."""
    fields = {"user": user.pk, "role": role, "revenue_share_percentage": share}
    flags = {"is_active": active, "can_edit_content": True, "can_manage_students": True}
    flags |= {"can_view_analytics": True} | rights
    return fields | {name: "on" for name, on in flags.items() if on}


def saved_rows(course):
    """The course's team exactly as saved, ready to post back unchanged."""
    rows = []
    for saved in CourseInstructor.objects.filter(page=course).order_by("sort_order", "pk"):
        rights = {
            name: getattr(saved, name)
            for name in ("can_edit_content", "can_manage_students", "can_view_analytics")
        }
        rows.append(
            {"id": saved.pk}
            | row(
                saved.user,
                saved.role,
                str(saved.revenue_share_percentage),
                saved.is_active,
                **rights,
            )
        )
    return rows


def edit_form(course, rows, initial=None):
    initial = CourseInstructor.objects.filter(page=course).count() if initial is None else initial
    return nested_form_data(
        {
            "title": "Commercial Pilot Oral Prep",
            "slug": "commercial-oral",
            "summary": "The commercial oral, area by area.",
            "description": rich_text("<p>For commercial applicants.</p>"),
            "level": "advanced",
            "price": "99.00",
            "requirements": streamfield([]),
            "skills": streamfield([]),
            "learning_objectives": streamfield([]),
            "instructors": inline_formset(rows, initial=initial),
            "action-publish": "publish",
        }
    )


@pytest.fixture
def course():
    return make_course(make_catalog(publish=True), publish=True, slug="commercial-oral")


def post(client, course, data):
    return client.post(reverse("wagtailadmin_pages:edit", args=[course.pk]), data)


def test_a_co_instructor_cannot_credit_anyone(client, course):
    lead = instructor(course, Role.LEAD)
    co = instructor(course, Role.CO_INSTRUCTOR)
    newcomer = instructor()
    client.force_login(co)
    assert client.get(reverse("wagtailadmin_pages:edit", args=[course.pk])).status_code == 200

    response = post(client, course, edit_form(course, [*saved_rows(course), row(newcomer)]))

    assert response.status_code == 200  # the form again, with the reason
    assert "Only the course&#x27;s lead instructor or an administrator" in response.text
    assert set(CourseInstructor.objects.values_list("user", flat=True)) == {lead.pk, co.pk}
    assert not taught_courses(newcomer).exists()


def untick_the_leads_right(rows, lead, co):
    del next(r for r in rows if r["user"] == lead.pk)["can_manage_students"]


def promote_themselves(rows, lead, co):
    next(r for r in rows if r["user"] == co.pk)["role"] = Role.LEAD


def remove_the_lead(rows, lead, co):
    next(r for r in rows if r["user"] == lead.pk)["DELETE"] = "1"


@pytest.mark.parametrize("change", [untick_the_leads_right, promote_themselves, remove_the_lead])
def test_a_co_instructor_cannot_change_a_saved_row(client, course, change):
    lead = instructor(course, Role.LEAD)
    co = instructor(course, Role.CO_INSTRUCTOR)
    client.force_login(co)
    rows = saved_rows(course)
    change(rows, lead, co)

    response = post(client, course, edit_form(course, rows))

    assert "Only the course&#x27;s lead instructor or an administrator" in response.text
    assert CourseInstructor.objects.get(user=lead).can_manage_students
    assert CourseInstructor.objects.get(user=co).role == Role.CO_INSTRUCTOR


def test_a_co_instructor_still_publishes_the_course_with_the_team_untouched(client, course):
    instructor(course, Role.LEAD)
    co = instructor(course, Role.CO_INSTRUCTOR)
    client.force_login(co)

    response = post(client, course, edit_form(course, saved_rows(course)))

    assert response.status_code == 302
    course.refresh_from_db()
    assert course.summary == "The commercial oral, area by area."
    assert CourseInstructor.objects.filter(page=course).count() == 2


def test_the_lead_credits_an_assistant(client, course):
    lead = instructor(course, Role.LEAD)
    newcomer = instructor()
    client.force_login(lead)
    assistant = row(newcomer, Role.ASSISTANT, can_edit_content=False, can_view_analytics=False)

    response = post(client, course, edit_form(course, [*saved_rows(course), assistant]))

    assert response.status_code == 302
    added = CourseInstructor.objects.get(page=course, user=newcomer)
    assert (added.role, added.can_edit_content, added.can_manage_students) == (
        Role.ASSISTANT,
        False,
        True,
    )
    assert taught_courses(newcomer).filter(pk=course.pk).exists()


def test_an_administrator_credits_an_instructor(client, course):
    newcomer = instructor()
    client.force_login(UserFactory(is_staff=True, is_superuser=True))
    response = post(client, course, edit_form(course, [row(newcomer, Role.LEAD)]))
    assert response.status_code == 302
    assert taught_courses(newcomer).filter(pk=course.pk).exists()


def test_active_revenue_shares_over_100_percent_are_refused(client, course):
    lead = instructor(course, Role.LEAD)
    co = instructor()
    client.force_login(lead)
    rows = saved_rows(course)
    rows[0]["revenue_share_percentage"] = "60"

    refused = post(client, course, edit_form(course, [*rows, row(co, share="45")]))

    assert refused.status_code == 200
    assert "revenue shares add up to 105 %; at most 100 %" in refused.text
    assert not CourseInstructor.objects.filter(user=co).exists()

    # An inactive colleague's share does not count.
    accepted = post(client, course, edit_form(course, [*rows, row(co, share="45", active=False)]))
    assert accepted.status_code == 302
    assert CourseInstructor.objects.get(user=co).revenue_share_percentage == 45


def test_a_share_out_of_range_is_a_field_error(client, course):
    lead = instructor(course, Role.LEAD)
    client.force_login(lead)
    rows = saved_rows(course)
    rows[0]["revenue_share_percentage"] = "150"
    response = post(client, course, edit_form(course, rows))
    assert response.status_code == 200
    assert "Ensure this value is less than or equal to 100" in response.text
    assert CourseInstructor.objects.get(user=lead).revenue_share_percentage == 0

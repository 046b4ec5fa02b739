"""Hand-made submissions of the course page form's "Instructors" panel: only the lead
(or a superuser) changes the team, whatever the rows say."""

from django.forms.models import model_to_dict

from wagtail.blocks import StreamBlock

import pytest

from learning.courses.forms import ONLY_LEADS_CHANGE_TEAM
from learning.courses.models import CourseInstructor, CoursePage

pytestmark = pytest.mark.django_db
FIELDS = (
    "id",
    "user",
    "role",
    "is_active",
    "can_edit_content",
    "can_manage_students",
    "can_view_analytics",
    "revenue_share_percentage",
)


def team_data(rows, initial=None):
    data = {
        "instructors-TOTAL_FORMS": str(len(rows)),
        "instructors-INITIAL_FORMS": str(len(rows) if initial is None else initial),
        "instructors-MIN_NUM_FORMS": "0",
        "instructors-MAX_NUM_FORMS": "1000",
    }
    for index, row in enumerate(rows):
        for name, value in row.items():
            if value is True:
                value = "on"
            elif value is False or value is None:
                continue
            data[f"instructors-{index}-{name}"] = str(value)
        data[f"instructors-{index}-ORDER"] = str(index + 1)
    return data


def current_rows(course):
    rows = CourseInstructor.objects.filter(page=course).order_by("pk")
    return [{name: model_to_dict(row, FIELDS)[name] for name in FIELDS} for row in rows]


def team_error(course, user, rows, **kwargs):
    course = CoursePage.objects.get(pk=course.pk)
    form_class = CoursePage.get_edit_handler().get_form_class()
    data = team_data(rows, **kwargs)
    for name, field in form_class.base_fields.items():
        if isinstance(getattr(field, "block", None), StreamBlock):
            data[f"{name}-count"] = "0"
    form = form_class(data, instance=course, for_user=user)
    form.is_valid()
    return ONLY_LEADS_CHANGE_TEAM in form.non_field_errors()


def test_unchanged_rows_pass_for_a_co_instructor(team):
    assert not team_error(team.course, team.co, current_rows(team.course))


@pytest.mark.parametrize("attack", ["demote_lead", "delete_lead", "grant_self", "add_outsider"])
def test_a_co_instructor_cannot_change_the_team(team, attack):
    rows = current_rows(team.course)
    lead = next(row for row in rows if row["user"] == team.lead.pk)
    mine = next(row for row in rows if row["user"] == team.co.pk)
    if attack == "demote_lead":
        lead["is_active"] = False
    elif attack == "delete_lead":
        lead["DELETE"] = True
    elif attack == "grant_self":
        mine["role"] = CourseInstructor.Role.LEAD
    else:
        rows.append({"user": team.outsider.pk, "role": "assistant", "can_manage_students": True})
        assert team_error(team.course, team.co, rows, initial=len(rows) - 1)
        return
    assert team_error(team.course, team.co, rows)
    assert not team_error(team.course, team.lead, rows)


def test_a_row_id_of_another_course_is_a_new_row(team):
    rows = current_rows(team.course)
    foreign = CourseInstructor.objects.get(page=team.other_course, user=team.outsider)
    rows[0]["id"] = foreign.pk
    rows[0]["user"] = team.co.pk
    assert team_error(team.course, team.co, rows)

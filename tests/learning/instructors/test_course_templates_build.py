"""New course from template, save course as template, and copying a course."""

from django.contrib.auth.models import Group, Permission

from wagtail.models import GroupPagePermission, Page

import pytest

from accounts.factories import UserFactory
from learning.courses.models import CourseInstructor, CoursePage, LessonPage, ModulePage
from learning.instructors.course_templates.placeholders import missing_placeholders
from learning.instructors.course_templates.services import (
    TemplateRefused,
    create_course_from_template,
)
from learning.instructors.models import CourseTemplate

NEW = "/admin/instructors/templates/new-course/"
DATA = {
    "modules": [
        {
            "title": "Preflight",
            "lessons": [
                {"title": "Weather", "access_level": "guest", "blocks": [{"type": "heading"}]},
                {"title": "NOTAMs", "blocks": [{"type": "paragraph"}, {"type": "video"}]},
            ],
        },
        {"title": "Maneuvers", "lessons": [{"title": "Steep turns", "blocks": []}]},
    ]
}


def may_add_courses(user, catalog):
    group, _ = Group.objects.get_or_create(name=f"Editors of {catalog.pk}")
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    for codename in ("add_page", "change_page"):
        GroupPagePermission.objects.get_or_create(
            group=group, page=catalog, permission=Permission.objects.get(codename=codename)
        )
    user.groups.add(group)


@pytest.fixture
def template(team):
    return CourseTemplate.objects.create(name="Checkride prep", template_data=DATA)


def test_every_lesson_block_has_a_placeholder():
    assert missing_placeholders() == []


def test_new_course_from_template_builds_an_unpublished_tree(client, team, template):
    catalog = team.course.get_parent()
    may_add_courses(team.lead, catalog)
    client.force_login(team.lead)
    data = {"template": template.pk, "catalog": catalog.pk, "title": "Commercial Pilot"}
    response = client.post(NEW, data)
    course = CoursePage.objects.get(title="Commercial Pilot")
    assert response.status_code == 302
    assert response["Location"].endswith(f"/pages/{course.pk}/edit/")
    tree = Page.objects.descendant_of(course, inclusive=True)
    assert tree.count() == 6
    assert not tree.filter(live=True).exists()
    assert all(page.latest_revision_id for page in tree)
    assert list(ModulePage.objects.child_of(course).values_list("title", flat=True)) == [
        "Preflight",
        "Maneuvers",
    ]
    notams = LessonPage.objects.get(title="NOTAMs")
    assert [block.block_type for block in notams.body] == ["paragraph", "video"]
    assert "Replace:" in str(notams.body[0].value)
    assert LessonPage.objects.get(title="Weather").access_level == "guest"
    lead = CourseInstructor.objects.get(page=course)
    assert (lead.user, lead.role) == (team.lead, CourseInstructor.Role.LEAD)
    assert lead.can_edit_content
    assert lead.can_manage_students
    assert lead.can_view_analytics
    assert "instructors" in str(course.latest_revision.content)  # a publish keeps the lead
    assert CourseTemplate.objects.get(pk=template.pk).usage_count == 1
    assert client.get(team.course.url.replace(team.course.slug, course.slug)).status_code == 404


def test_catalog_the_user_cannot_add_to_is_refused(client, team, template):
    """Credited on a course, but without page rights on any catalog."""
    teacher = UserFactory()
    teacher.user_permissions.add(Permission.objects.get(codename="access_admin"))
    CourseInstructor.objects.create(page=team.course, user=teacher, role="lead")
    client.force_login(teacher)
    catalog = team.course.get_parent()
    assert "You may not add courses to any catalog" in client.get(NEW).content.decode()
    response = client.post(NEW, {"template": template.pk, "catalog": catalog.pk, "title": "X"})
    assert response.status_code == 200
    assert not CoursePage.objects.filter(title="X").exists()
    with pytest.raises(TemplateRefused):
        create_course_from_template(teacher, template, catalog, "X")
    assert not CoursePage.objects.filter(title="X").exists()


def test_bad_ids_are_form_errors(client, team, template):
    catalog = team.course.get_parent()
    may_add_courses(team.lead, catalog)
    client.force_login(team.lead)
    for data in (
        {"template": 999999, "catalog": catalog.pk, "title": "X"},
        {"template": template.pk, "catalog": "abc", "title": "X"},
        {"template": template.pk, "catalog": team.course.pk, "title": "X"},
    ):
        response = client.post(NEW, data)
        assert response.status_code == 200
        assert "valid choice" in response.content.decode()
    assert not CoursePage.objects.filter(title="X").exists()


def test_save_course_as_template_keeps_the_skeleton_only(client, team):
    lesson = LessonPage.objects.descendant_of(team.course).first()
    lesson.body = [("paragraph", "<p>SECRET lesson words</p>")]
    lesson.save()
    client.force_login(team.lead)
    url = "/admin/instructors/templates/from-course/"
    response = client.post(url, {"course": team.course.pk, "name": "From PPL"})
    assert response.status_code == 302
    saved = CourseTemplate.objects.get(name="From PPL")
    modules = saved.template_data["modules"]
    assert [m["title"] for m in modules] == ["Module 1", "Module 2"]
    assert [lesson["title"] for lesson in modules[0]["lessons"]][:1] == ["Lesson 1.1"]
    assert "SECRET" not in str(saved.template_data)
    assert modules[0]["lessons"][0]["blocks"][0]["type"] == "paragraph"
    assert saved.created_by == team.lead


def test_save_as_template_refuses_a_course_without_edit_right(client, team):
    client.force_login(team.outsider)
    url = "/admin/instructors/templates/from-course/"
    response = client.post(url, {"course": team.course.pk, "name": "Stolen"})
    assert response.status_code == 200
    assert "valid choice" in response.content.decode()
    client.force_login(team.assistant)  # credited, but no edit-content right
    assert client.post(url, {"course": team.course.pk, "name": "Stolen"}).status_code == 200
    assert not CourseTemplate.objects.filter(name="Stolen").exists()


def test_copying_a_course_credits_the_copier_only(client, team):
    catalog = team.course.get_parent()
    may_add_courses(team.co, catalog)
    GroupPagePermission.objects.get_or_create(
        group=team.co.groups.get(name__startswith="Editors of"),
        page=catalog,
        permission=Permission.objects.get(codename="publish_page"),
    )
    client.force_login(team.co)
    response = client.post(
        f"/admin/pages/{team.course.pk}/copy/",
        {
            "new_title": "PPL copy",
            "new_slug": "ppl-copy",
            "new_parent_page": catalog.pk,
            "copy_subpages": "on",
            "publish_copies": "on",
        },
    )
    assert response.status_code == 302
    copy = CoursePage.objects.get(slug="ppl-copy")
    team_rows = CourseInstructor.objects.filter(page=copy)
    assert [(row.user, row.role) for row in team_rows] == [(team.co, CourseInstructor.Role.LEAD)]
    assert not Page.objects.descendant_of(copy, inclusive=True).filter(live=True).exists()
    assert str(team.lead.pk) not in str(
        [row.get("user") for row in copy.latest_revision.content.get("instructors", [])]
    )
    assert CourseInstructor.objects.filter(page=team.course).count() == 3  # original intact

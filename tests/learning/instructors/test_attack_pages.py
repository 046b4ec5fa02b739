"""Attacks on the course page tree through Wagtail's other page actions (copy, move,
delete): an instructor who may not edit a course's content must not add, move or remove
pages inside it, whatever the Instructors role's catalog-wide add right lets Wagtail
allow."""

from django.urls import reverse

from wagtail.models import Page

import pytest

from learning.courses.factories import make_lesson
from learning.courses.models import CourseInstructor, LessonPage

pytestmark = pytest.mark.django_db


def a_module(course):
    return course.get_children().first()


def lessons_in(course):
    return LessonPage.objects.descendant_of(course).count()


def test_an_outsider_cannot_copy_a_lesson_into_another_course(client, team):
    source = LessonPage.objects.descendant_of(team.other_course).first()
    before = lessons_in(team.course)
    client.force_login(team.outsider)
    client.post(
        reverse("wagtailadmin_pages:copy", args=[source.pk]),
        {
            "new_title": "Planted",
            "new_slug": "planted",
            "new_parent_page": a_module(team.course).pk,
        },
    )
    assert lessons_in(team.course) == before
    assert not LessonPage.objects.filter(slug="planted").exists()


def test_an_outsider_cannot_move_their_own_draft_into_another_course(client, team):
    own = make_lesson(a_module(team.other_course), title="Mine", slug="mine")
    Page.objects.filter(pk=own.pk).update(owner=team.outsider, live=False)
    before = lessons_in(team.course)
    client.force_login(team.outsider)
    client.post(reverse("wagtailadmin_pages:move_confirm", args=[own.pk, a_module(team.course).pk]))
    assert lessons_in(team.course) == before


def test_a_former_instructor_cannot_delete_their_draft_inside_the_course(client, team):
    draft = make_lesson(a_module(team.course), title="Draft", slug="draft")
    Page.objects.filter(pk=draft.pk).update(owner=team.co, live=False)
    row = CourseInstructor.objects.get(page=team.course, user=team.co)
    row.is_active = False
    row.save()
    client.force_login(team.co)
    client.post(reverse("wagtailadmin_pages:delete", args=[draft.pk]))
    assert LessonPage.objects.filter(pk=draft.pk).exists()


def test_a_former_instructor_cannot_bulk_delete_their_draft_inside_the_course(client, team):
    draft = make_lesson(a_module(team.course), title="Draft", slug="draft")
    Page.objects.filter(pk=draft.pk).update(owner=team.co, live=False)
    row = CourseInstructor.objects.get(page=team.course, user=team.co)
    row.is_active = False
    row.save()
    client.force_login(team.co)
    url = reverse("wagtail_bulk_action", args=["wagtailcore", "page", "delete"])
    client.post(f"{url}?id={draft.pk}")
    assert LessonPage.objects.filter(pk=draft.pk).exists()


def test_the_lead_still_copies_and_deletes_inside_their_course(client, team):
    source = LessonPage.objects.descendant_of(team.course).first()
    client.force_login(team.lead)
    client.post(
        reverse("wagtailadmin_pages:copy", args=[source.pk]),
        {"new_title": "Copied", "new_slug": "copied", "new_parent_page": source.get_parent().pk},
    )
    copied = LessonPage.objects.get(slug="copied")
    client.post(reverse("wagtailadmin_pages:delete", args=[copied.pk]))
    assert not LessonPage.objects.filter(slug="copied").exists()

"""Wagtail admin hooks of this part (imported by learning.instructors.wagtail_hooks):
the roster, student and note URLs, and the "My students" menu item for whoever manages
at least one course's students."""

from django.urls import path, reverse

from wagtail import hooks

from learning.courses.teaching import MANAGE_STUDENTS, holds_right

from ..menus import ShownTo
from . import export, notes, student, views


def manages_students(user):
    return user.is_superuser or holds_right(user, MANAGE_STUDENTS)


@hooks.register("register_admin_urls")
def register_roster_urls():
    return [
        path("instructors/students/", views.RosterIndexView.as_view(), name="instructors_rosters"),
        path(
            "instructors/courses/<id:course_id>/roster/",
            views.RosterView.as_view(),
            name="instructors_roster",
        ),
        path(
            "instructors/courses/<id:course_id>/roster/export/",
            export.roster_csv,
            name="instructors_roster_csv",
        ),
        path(
            "instructors/students/<id:user_id>/",
            student.StudentView.as_view(),
            name="instructors_student",
        ),
        path(
            "instructors/students/<id:user_id>/notes/",
            notes.AddNoteView.as_view(),
            name="instructors_student_note_add",
        ),
        path(
            "instructors/students/<id:user_id>/notes/<id:note_id>/",
            notes.EditNoteView.as_view(),
            name="instructors_student_note_edit",
        ),
        path(
            "instructors/students/<id:user_id>/notes/<id:note_id>/delete/",
            notes.DeleteNoteView.as_view(),
            name="instructors_student_note_delete",
        ),
    ]


@hooks.register("register_admin_menu_item")
def register_my_students_menu_item():
    return ShownTo(
        "My students",
        reverse("instructors_rosters"),
        icon_name="group",
        order=205,
        shown_to=manages_students,
    )

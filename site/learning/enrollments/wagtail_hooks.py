"""Enrollments in the Wagtail admin, and a guard that keeps learners' history."""

from django.contrib import messages
from django.db.models import Q
from django.shortcuts import redirect
from django.urls import path, reverse

from wagtail import hooks
from wagtail.admin.menu import MenuItem

from wagtail_modeladmin.options import ModelAdminGroup, modeladmin_register

from learning.courses.models import CoursePage, LessonPage

from .announcement_admin import AnnouncementCreateView, AnnouncementListView
from .certificates.admin import CertificateAdmin
from .enrollment_admin import EnrollmentAdmin, LessonProgressAdmin, UserActivityAdmin
from .visits import AFTER_WAGTAIL_PRIVACY_CHECK, record_lesson_view

# Held by the Instructors role (accounts.roles, its oral grading) and by superusers.
TEACHING_PERMISSION = "orals.change_mockoralsession"


class LearningGroup(ModelAdminGroup):
    menu_label = "Learners"
    menu_icon = "group"
    menu_order = 750
    items = [EnrollmentAdmin, LessonProgressAdmin, CertificateAdmin, UserActivityAdmin]


modeladmin_register(LearningGroup)


class AnnouncementsMenuItem(MenuItem):
    """Shown to the roles that teach (a permission check the menu has cached already,
    so no admin page pays a query for it); the views check the courses themselves."""

    def is_shown(self, request):
        return request.user.has_perm(TEACHING_PERMISSION)


@hooks.register("register_admin_urls")
def register_announcement_urls():
    return [
        path("announcements/", AnnouncementListView.as_view(), name="enrollments_announcements"),
        path(
            "announcements/new/",
            AnnouncementCreateView.as_view(),
            name="enrollments_announcement_new",
        ),
    ]


@hooks.register("register_admin_menu_item")
def register_announcements_menu_item():
    return AnnouncementsMenuItem(
        "Announcements", reverse("enrollments_announcements"), icon_name="mail", order=760
    )


def learner_history_below(pages):
    """Titles of courses or lessons among `pages`, or below them, that hold learners'
    enrollments, progress or notes (deleting them would erase that history)."""
    under = Q()
    for page in pages:
        under |= Q(path__startswith=page.path)
    courses = CoursePage.objects.filter(under, enrollments__isnull=False)
    lessons = LessonPage.objects.filter(under).filter(
        Q(progress__isnull=False) | Q(notes__isnull=False)
    )
    titles = list(courses.values_list("title", flat=True).distinct()[:3])
    return titles or list(lessons.values_list("title", flat=True).distinct()[:3])


def refuse_deleting_learner_history(request, pages):
    titles = learner_history_below(pages)
    if not titles:
        return None
    messages.error(
        request,
        "Learners have progress or notes in "
        + ", ".join(f"“{title}”" for title in titles)
        + ". Unpublish instead: deleting would erase their progress, notes and certificates.",
    )
    return redirect("wagtailadmin_explore", pages[0].get_parent().pk)


@hooks.register("before_delete_page")
def keep_learner_history(request, page):
    return refuse_deleting_learner_history(request, [page])


@hooks.register("before_bulk_action")
def keep_learner_history_in_bulk(request, action_type, objects, action_class_instance):
    if action_type == "delete" and objects and hasattr(objects[0], "path"):
        return refuse_deleting_learner_history(request, objects)
    return None


hooks.register("before_serve_page", record_lesson_view, order=AFTER_WAGTAIL_PRIVACY_CHECK)

"""Enrollments in the Wagtail admin, and a guard that keeps learners' history."""

from django.contrib import messages
from django.shortcuts import redirect

from wagtail import hooks

from wagtail_modeladmin.options import ModelAdminGroup, modeladmin_register

from .certificate_admin import CertificateAdmin
from .enrollment_admin import EnrollmentAdmin, LessonProgressAdmin, UserActivityAdmin
from .models import Enrollment


class LearningGroup(ModelAdminGroup):
    menu_label = "Learners"
    menu_icon = "group"
    menu_order = 750
    items = [EnrollmentAdmin, LessonProgressAdmin, CertificateAdmin, UserActivityAdmin]


modeladmin_register(LearningGroup)


def enrolled_below(pages):
    """Courses among `pages` or below them that learners are enrolled in."""
    paths = [page.path for page in pages]
    enrollments = Enrollment.objects.none()
    for path in paths:
        enrollments |= Enrollment.objects.filter(course__path__startswith=path)
    return enrollments.values_list("course__title", flat=True).distinct()


def refuse_deleting_enrolled_courses(request, pages):
    titles = list(enrolled_below(pages)[:3])
    if not titles:
        return None
    messages.error(
        request,
        "Learners are enrolled in "
        + ", ".join(f"“{title}”" for title in titles)
        + ". Unpublish the course instead: deleting it would erase their progress"
        " and certificates.",
    )
    return redirect("wagtailadmin_explore", pages[0].get_parent().pk)


@hooks.register("before_delete_page")
def keep_enrolled_courses(request, page):
    return refuse_deleting_enrolled_courses(request, [page])


@hooks.register("before_bulk_action")
def keep_enrolled_courses_in_bulk(request, action_type, objects, action_class_instance):
    if action_type == "delete" and objects and hasattr(objects[0], "path"):
        return refuse_deleting_enrolled_courses(request, objects)
    return None

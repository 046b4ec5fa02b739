"""Copying a course with Wagtail's own copy view makes a new draft course whose only
team member is the person who copied it.

Wagtail copies a page's child rows, and a course's team (CourseInstructor) is one, so a
plain copy would hand the original's instructors (and their access to its learners'
future records) a course they never agreed to teach. It would also carry them in the
copied revision, so publishing the copy would bring them back. After the copy, each
course in the new tree therefore loses its copied team, credits the copier as lead
with every right, is unpublished with its pages (a copy starts as a draft whatever the
"publish copies" box said) and gets a fresh revision holding the new team. An alias of a
course is refused: it would keep mirroring the original, team included.
"""

from django.contrib import messages
from django.db import transaction
from django.shortcuts import redirect

from wagtail.actions.unpublish_page import UnpublishPageAction
from wagtail.models import Page

from learning.courses.models import CourseInstructor, CoursePage

from .services import credit_lead


def courses_in(page):
    return CoursePage.objects.filter(path__startswith=page.path, depth__gte=page.depth)


def refuse_course_alias(request, page):
    """before_copy_page hook: an alias of a course (or of a tree holding one) is refused."""
    if request.method == "POST" and request.POST.get("alias") and courses_in(page).exists():
        messages.error(request, "A course cannot be aliased: copy it instead.")
        return redirect("wagtailadmin_explore", page.get_parent().pk)
    return None


def reteam_copy(request, page, new_page):
    """after_copy_page hook."""
    courses = list(courses_in(new_page))
    if not courses:
        return
    with transaction.atomic():
        live = Page.objects.descendant_of(new_page, inclusive=True).live().specific()
        for page_copy in live.defer_streamfields():
            UnpublishPageAction(page_copy, user=request.user).execute(skip_permission_checks=True)
        for course in courses:
            CourseInstructor.objects.filter(page=course).exclude(user=request.user).delete()
            credit_lead(course, request.user)
            CoursePage.objects.get(pk=course.pk).save_revision(user=request.user)

"""Course templates' write paths: a new draft course from a template, a template from a
course, and the team of a copied course.

A course built from a template is a tree of unpublished pages (course, modules,
lessons), each with a draft revision, so it opens in the Wagtail editor like any draft
and nothing reaches learners until someone publishes it. Its creator is credited as lead
with every right before the course's first revision is saved, so the revision (which a
later publish restores, child rows included) carries the credit too. It all happens in
one transaction: a failure leaves no half-built course and no usage counted.
"""

from django.db import transaction
from django.db.models import F
from django.utils.text import slugify

from core.fragments import Refused
from learning.courses.models import CourseInstructor, CoursePage, LessonPage, ModulePage

from ..models import CourseTemplate
from .data import validate_template_data
from .skeleton import course_skeleton

LEAD_RIGHTS = {
    "role": CourseInstructor.Role.LEAD,
    "is_active": True,
    "can_edit_content": True,
    "can_manage_students": True,
    "can_view_analytics": True,
}
COURSE_SUMMARY = "Replace: two or three sentences for the catalog."


class TemplateRefused(Refused):
    pass


def free_slug(parent, title):
    """A slug for a new child of `parent` no sibling uses ("title", "title-2", ...)."""
    base = (slugify(title) or "course")[:240]
    taken = set(parent.get_children().filter(slug__startswith=base).values_list("slug", flat=True))
    slug, number = base, 2
    while slug in taken:
        slug, number = f"{base}-{number}", number + 1
    return slug


def add_draft(parent, page, user):
    page.slug = free_slug(parent, page.title)
    page.live = False
    page.has_unpublished_changes = True
    parent.add_child(instance=page)
    return page


def credit_lead(course, user):
    """`user` as the course's lead with every right (created or updated)."""
    row, _ = CourseInstructor.objects.update_or_create(page=course, user=user, defaults=LEAD_RIGHTS)
    return row


def create_course_from_template(user, template, catalog, title):
    """Build the draft course; returns it. Refuses a catalog `user` may not add to."""
    if not catalog.permissions_for_user(user).can_add_subpage():
        raise TemplateRefused("You may not add courses to this catalog.", status=403)
    if not template.is_active:
        raise TemplateRefused("This template is no longer offered.", status=404)
    data = validate_template_data(template.template_data)
    with transaction.atomic():
        summary = (template.description or COURSE_SUMMARY)[:400]
        course = add_draft(catalog, CoursePage(title=title, summary=summary), user)
        credit_lead(course, user)
        for module_data in data["modules"]:
            module = add_draft(course, ModulePage(title=module_data["title"]), user)
            for lesson_data in module_data["lessons"]:
                lesson = LessonPage(
                    title=lesson_data["title"],
                    summary=lesson_data["summary"]
                    or f"Replace: what {lesson_data['title']} teaches.",
                    access_level=lesson_data["access_level"],
                    body=[(block["type"], block["value"]) for block in lesson_data["blocks"]],
                )
                add_draft(module, lesson, user).save_revision(user=user)
            module.save_revision(user=user)
        course = CoursePage.objects.get(pk=course.pk)  # totals recounted, team attached
        course.save_revision(user=user)
        CourseTemplate.objects.filter(pk=template.pk).update(usage_count=F("usage_count") + 1)
    return course


def save_course_as_template(user, course, name, description=""):
    """A new template holding `course`'s skeleton (see skeleton.py)."""
    data = validate_template_data(course_skeleton(course))
    return CourseTemplate.objects.create(
        name=name,
        description=description,
        template_type=CourseTemplate.TemplateType.GROUND_SCHOOL,
        template_data=data,
        created_by=user,
    )

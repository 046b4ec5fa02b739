"""Wagtail page permissions that follow a course's team.

Who may edit a course's page tree is decided on the course page itself, in its
"Instructors" panel: an active CourseInstructor row with `can_edit_content`. Wagtail only
knows group page permissions, so each course gets one group of its own ("Course team
#<id>: <title>") holding accounts.roles.PAGE_EDITING on the course page (and so on its
modules and lessons), whose members are exactly the users such a row credits.
`sync_course_team()` makes it so and is idempotent; signals.py calls it whenever a row is
saved or deleted (modelcluster saves an InlinePanel's rows one by one on publish), the
group goes when its course is deleted, and `manage.py sync_course_teams` brings existing
databases in step. The group is found again by its "Course team #<id>:" prefix, so a
renamed course keeps its group (renamed with it).

The Instructors role itself only adds new courses to a catalog (accounts.roles); an
admin should not put users in these groups by hand: the next sync takes them out.
"""

from django.contrib.auth.models import Group, Permission
from django.db import IntegrityError, transaction

from wagtail.models import GroupPagePermission

from accounts.roles import PAGE_EDITING

from .models import CourseInstructor, CoursePage

GROUP_PREFIX = "Course team #"
NAME_LENGTH = Group._meta.get_field("name").max_length


def group_key(course_id):
    """The stable start of a course team group's name."""
    return f"{GROUP_PREFIX}{course_id}:"


def group_name(course):
    return f"{group_key(course.pk)} {course.title}"[:NAME_LENGTH]


def team_group(course_id):
    """The course's team group, or None while it has none."""
    return Group.objects.filter(name__startswith=group_key(course_id)).order_by("pk").first()


def editor_ids(course_id):
    """Users whose active row on the course lets them edit its content."""
    return set(
        CourseInstructor.objects.filter(
            page_id=course_id, is_active=True, can_edit_content=True
        ).values_list("user_id", flat=True)
    )


def _named_group(course):
    """The course's group under its current name, created when missing."""
    name = group_name(course)
    group = team_group(course.pk)
    if group is None:
        try:
            with transaction.atomic():
                return Group.objects.create(name=name)
        except IntegrityError:  # a parallel sync made it first
            return Group.objects.get(name=name)
    if group.name != name:
        group.name = name
        group.save(update_fields=["name"])
    return group


def sync_course_team(course):
    """Make the course's team group hold page editing on the course, with exactly the
    users allowed to edit its content as members. Running it again changes nothing."""
    with transaction.atomic():
        group = _named_group(course)
        rights = Permission.objects.filter(
            content_type__app_label="wagtailcore", codename__in=PAGE_EDITING
        )
        for permission in rights:
            GroupPagePermission.objects.get_or_create(
                group=group, page_id=course.pk, permission=permission
            )
        group.user_set.set(editor_ids(course.pk))
    return group


def sync_members(course_id):
    """Only the members, for a row deleted while its course may itself be going away
    (page rights must not be re-created for a page about to be deleted)."""
    group = team_group(course_id)
    if group is not None:
        group.user_set.set(editor_ids(course_id))


def drop_course_team(course_id):
    """Delete the course's team group (its page rights go with it)."""
    Group.objects.filter(name__startswith=group_key(course_id)).delete()


def sync_every_course():
    """Every course's team group in step, and no group left for a deleted course.
    Returns the number of courses synced."""
    courses = list(CoursePage.objects.only("pk", "title"))
    for course in courses:
        sync_course_team(course)
    known = {group_key(course.pk) for course in courses}
    for group in Group.objects.filter(name__startswith=GROUP_PREFIX):
        key = group.name.split(":", 1)[0] + ":"
        if key not in known:
            group.delete()
    return len(courses)

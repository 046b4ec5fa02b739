"""Course teams for tests and the demo: instructors credited on a course with a role and
rights, as the course page's "Instructors" panel would save them."""

from accounts.factories import UserFactory
from accounts.roles import instructors_group
from learning.courses.models import CourseInstructor

# The rights each role gets unless a test says otherwise (the editor's defaults).
ROLE_RIGHTS = {
    CourseInstructor.Role.LEAD: {
        "can_edit_content": True,
        "can_manage_students": True,
        "can_view_analytics": True,
    },
    CourseInstructor.Role.CO_INSTRUCTOR: {
        "can_edit_content": True,
        "can_manage_students": True,
        "can_view_analytics": True,
    },
    CourseInstructor.Role.ASSISTANT: {
        "can_edit_content": False,
        "can_manage_students": True,
        "can_view_analytics": False,
    },
}


def credit(user, course, role=CourseInstructor.Role.LEAD, **rights):
    """Put `user` on `course`'s team (created or updated), in the Instructors group."""
    user.groups.add(instructors_group())
    fields = {**ROLE_RIGHTS[role], **rights, "role": role}
    row, _ = CourseInstructor.objects.update_or_create(page=course, user=user, defaults=fields)
    return row


def instructor(course=None, role=CourseInstructor.Role.LEAD, **rights):
    """A new instructor, credited on `course` when one is given."""
    user = UserFactory(first_name="Casey", last_name="Instructor")
    user.groups.add(instructors_group())
    if course is not None:
        credit(user, course, role, **rights)
    return user

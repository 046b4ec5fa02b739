"""Who may start a conversation with whom.

The rule is explicit and the same in both directions, so nobody can message an
arbitrary user by id:
- a learner and the credited instructors of a course the learner is enrolled in
  (an active or completed enrollment; a dropped one no longer counts);
- anyone and staff (superusers, Django staff and the Moderators group);
- staff and anyone who has signed in at least once.
Inactive accounts are never contacts, and a Block either way refuses.
"""

from django.contrib.auth import get_user_model
from django.db.models import Q

from accounts.roles import MODERATORS
from accounts.standing import load_permissions
from learning.courses.models import CourseInstructor
from learning.enrollments.models import Enrollment

from .models import Block

# The Moderators role holds it (accounts.roles); asking for it reads the cached
# permission sets instead of querying group membership on every send.
MODERATION_PERMISSION = "chat.change_messagereport"


def staff_ids():
    """A subquery of the ids of staff users (see the module docstring)."""
    User = get_user_model()
    return User.objects.filter(
        Q(is_staff=True) | Q(is_superuser=True) | Q(groups__name=MODERATORS.name)
    ).values("pk")


def is_staff(user):
    if not (getattr(user, "is_authenticated", False) and user.is_active):
        return False
    if user.is_staff or user.is_superuser:
        return True
    load_permissions(user)
    return user.has_perm(MODERATION_PERMISSION)


def current_enrollments():
    return Enrollment.objects.exclude(status=Enrollment.Status.DROPPED)


def blocked_either_way(user):
    """Ids of the people `user` blocks or is blocked by, as one condition on User.pk."""
    return Q(pk__in=Block.objects.filter(blocker=user).values("blocked_id")) | Q(
        pk__in=Block.objects.filter(blocked=user).values("blocker_id")
    )


def contacts_for(user):
    """Everyone `user` may start a conversation with, as a User queryset."""
    User = get_user_model()
    if not (getattr(user, "is_authenticated", False) and user.is_active):
        return User.objects.none()
    my_courses = current_enrollments().filter(user=user).values("course_id")
    taught = CourseInstructor.objects.filter(user=user).values("page_id")
    allowed = (
        Q(pk__in=CourseInstructor.objects.filter(page_id__in=my_courses).values("user_id"))
        | Q(pk__in=current_enrollments().filter(course_id__in=taught).values("user_id"))
        | Q(pk__in=staff_ids())
    )
    if is_staff(user):
        allowed |= Q(last_login__isnull=False)
    return (
        User.objects.filter(allowed, is_active=True)
        .exclude(pk=user.pk)
        .exclude(blocked_either_way(user))
        .order_by("first_name", "last_name", "email")
    )


def can_message(sender, recipient):
    """Whether `sender` may start a conversation with `recipient`."""
    if recipient is None or getattr(recipient, "pk", None) is None:
        return False
    return contacts_for(sender).filter(pk=recipient.pk).exists()


def is_blocked_between(user, other):
    return Block.objects.filter(
        Q(blocker=user, blocked=other) | Q(blocker=other, blocked=user)
    ).exists()


def teaches(user, course_id):
    return CourseInstructor.objects.filter(user=user, page_id=course_id).exists()

"""Who may keep an instructor profile: members of the Instructors group, anyone credited
on a course (courses.teaching, the one rule for "who teaches") and superusers. Only a
superuser edits someone else's profile; everyone else reaches their own through a URL
that carries no id, so there is no other profile to guess."""

from accounts.roles import INSTRUCTORS
from learning.courses.teaching import teaches_any


def may_keep_profile(user):
    """Asked by two admin menu items on every admin page, so the answer is kept on the
    user object (request.user lives for one request)."""
    if not (getattr(user, "is_authenticated", False) and user.is_active):
        return False
    if user.is_superuser or teaches_any(user):
        return True
    cached = getattr(user, "_in_instructors_group", None)
    if cached is None:
        cached = user.groups.filter(name=INSTRUCTORS.name).exists()
        user._in_instructors_group = cached
    return cached


def may_edit_any_profile(user):
    return bool(getattr(user, "is_authenticated", False) and user.is_active and user.is_superuser)

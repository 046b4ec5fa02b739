"""One user per role, for tests that try an admin view with every role the site has.

The groups exist after migrate (accounts/roles.py creates them in post_migrate).
"""

from django.contrib.auth.models import Group

from accounts.factories import UserFactory


def member_of(group_name):
    """A fresh user in the named group (Instructors, Marketers, Moderators)."""
    user = UserFactory()
    user.groups.add(Group.objects.get(name=group_name))
    return user


ROLE_FACTORIES = {
    "learner": UserFactory,
    "instructor": lambda: member_of("Instructors"),
    "marketer": lambda: member_of("Marketers"),
    "moderator": lambda: member_of("Moderators"),
    "admin": lambda: UserFactory(is_staff=True, is_superuser=True),
}

"""Who sees the instructor kinds in their settings: members of the Instructors group
(accounts.roles) and superusers. Asked by group, so this app never imports courses."""

from accounts.roles import INSTRUCTORS


def instructs(user):
    return user.is_superuser or user.groups.filter(name=INSTRUCTORS.name).exists()

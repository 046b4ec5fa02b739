"""Who a user is to the site, decided in one place.

- A *verified learner* has signed in and confirmed an email address: enrolling, quizzes,
  flashcards, mock orals, reviews and gouge all ask for it.
- *Staff* are the people who may use the Wagtail admin (instructors, marketers,
  moderators, administrators). They see every tier of content (accounts.tiers) and the
  editors' tools. Django's `is_staff` flag only opens /django-admin/ and means nothing
  else here; Wagtail instructors do not have it.

`learner_required` is the gate of every learner feature's views. It lives here, not in
core with the refusal helpers it builds on, because core sits below accounts.

Staff standing is asked on every signed-in page (the tier rule, then Wagtail's user bar),
and Django answers a permission check with two queries (the user's own permissions and
their groups'). So a user's permission sets are kept in the Django cache and handed to
Django's per-object permission cache (`load_permissions`): a page view then asks the
database nothing. Every change that can alter anyone's permissions (group membership,
a group's or a user's permissions, deleting a group or a permission) starts a new
generation, at once and again when it commits, so the next request reads fresh sets.
Superusers are never cached: the user row already says they may do everything.
"""

from functools import wraps

from django.contrib.auth import get_user_model
from django.contrib.auth.backends import ModelBackend
from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from django.core.cache import cache
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.dispatch import receiver

from allauth.account.models import EmailAddress

from core.fragments import refusal, sign_in_required
from core.generations import Generation

ADMIN_ACCESS = "wagtailadmin.access_admin"
UNVERIFIED = "Confirm your email address first: we sent you a link when you signed up."


def has_verified_email(user):
    return bool(
        getattr(user, "is_authenticated", False)
        and EmailAddress.objects.filter(user=user, verified=True).exists()
    )


# Set at log-in (accounts.signals): templates read it instead of asking for permissions.
STAFF_MEMBER_SESSION_KEY = "staff_member"


def is_staff_member(user):
    """Whether `user` may use the Wagtail admin: exactly `user.has_perm(ADMIN_ACCESS)`
    for an active user, answered from the cached permission sets."""
    if not (getattr(user, "is_authenticated", False) and user.is_active):
        return False
    load_permissions(user)
    return user.has_perm(ADMIN_ACCESS)


PERMISSIONS_GENERATION_KEY = "accounts:permissions:generation"
PERMISSIONS_TIMEOUT = 24 * 60 * 60
# Where Django's ModelBackend keeps a user object's permission sets for its lifetime.
USER_PERMS, GROUP_PERMS, ALL_PERMS = "_user_perm_cache", "_group_perm_cache", "_perm_cache"


def _permissions_key(user_id):
    return f"accounts:permissions:{user_id}"


PERMISSIONS = Generation(PERMISSIONS_GENERATION_KEY)


def load_permissions(user):
    """Give `user` (an active, saved, non-superuser account) the permission sets Django's
    ModelBackend would read, from the cache when the current generation has them, else
    from the database (and remember them). One cache round trip, no query, when warm."""
    if not user.is_active or user.is_superuser or user.pk is None or hasattr(user, ALL_PERMS):
        return
    key = _permissions_key(user.pk)
    found = cache.get_many([PERMISSIONS_GENERATION_KEY, key])
    generation = PERMISSIONS.current(found.get(PERMISSIONS_GENERATION_KEY))
    entry = found.get(key)
    if entry is not None and entry[0] == generation:
        setattr(user, USER_PERMS, set(entry[1]))
        setattr(user, GROUP_PERMS, set(entry[2]))
        setattr(user, ALL_PERMS, set(entry[1]) | set(entry[2]))
        return
    backend = ModelBackend()
    own, from_groups = backend.get_user_permissions(user), backend.get_group_permissions(user)
    setattr(user, ALL_PERMS, own | from_groups)
    cache.set(key, (generation, frozenset(own), frozenset(from_groups)), PERMISSIONS_TIMEOUT)


def forget_permissions():
    """Start a new generation now (this transaction's own reads) and once the change
    commits (other requests may have cached the old sets meanwhile)."""
    PERMISSIONS.renew()


def _permission_relations():
    user_model = get_user_model()
    return (
        user_model.groups.through,
        user_model.user_permissions.through,
        Group.permissions.through,
    )


@receiver(m2m_changed, dispatch_uid="accounts_permissions_membership")
def permissions_membership_changed(sender, action, **kwargs):
    if action.startswith("post_") and sender in _permission_relations():
        forget_permissions()


@receiver(post_delete, sender=Group, dispatch_uid="accounts_permissions_group_deleted")
@receiver(post_save, sender=Permission, dispatch_uid="accounts_permissions_permission_saved")
@receiver(post_delete, sender=Permission, dispatch_uid="accounts_permissions_permission_deleted")
@receiver(post_save, sender=ContentType, dispatch_uid="accounts_permissions_type_saved")
@receiver(post_delete, sender=ContentType, dispatch_uid="accounts_permissions_type_deleted")
def permissions_definitions_changed(sender, **kwargs):
    forget_permissions()


def learner_required(message, back_after_post, unverified=UNVERIFIED):
    """sign_in_required (guests go to log in and come back; a Refused the view raises is
    answered as a refusal), then a confirmed email address: a 403 refusal saying
    `unverified` otherwise."""
    signed_in = sign_in_required(message, back_after_post)

    def decorator(view):
        @signed_in
        @wraps(view)
        def wrapper(request, *args, **kwargs):
            if not has_verified_email(request.user):
                return refusal(request, unverified, status=403)
            return view(request, *args, **kwargs)

        return wrapper

    return decorator

"""Who a user is to the site, decided in one place.

- A *verified learner* has signed in and confirmed an email address: enrolling, quizzes,
  flashcards, mock orals, reviews and gouge all ask for it.
- *Staff* are the people who may use the Wagtail admin (instructors, marketers,
  moderators, administrators). They see every tier of content (accounts.tiers) and the
  editors' tools. Django's `is_staff` flag only opens /django-admin/ and means nothing
  else here; Wagtail instructors do not have it.

`learner_required` is the gate of every learner feature's views. It lives here, not in
core with the refusal helpers it builds on, because core sits below accounts.
"""

from functools import wraps

from allauth.account.models import EmailAddress

from core.fragments import refusal, sign_in_required

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
    return bool(
        getattr(user, "is_authenticated", False) and user.is_active and user.has_perm(ADMIN_ACCESS)
    )


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

"""Demo users for `load_demo`: one per kind of person who uses Groundschool.

Only load_demo creates them; the password comes from DEMO_PASSWORD (default
"groundschool") and is reset on every run, so the README's logins always work. The
instructor joins the Instructors role; the marketer's roles come with the site settings
and community loaders.
"""

import os

from django.contrib.auth import get_user_model
from django.utils import timezone

from allauth.account.models import EmailAddress

from accounts.models import Subscription
from accounts.roles import instructors_group
from demo.words import read

DEFAULT_DEMO_PASSWORD = "groundschool"  # noqa: S105 - public demo logins, documented in the README

DEMO_USERS = read("accounts", "users.json")


def demo_password():
    return os.environ.get("DEMO_PASSWORD") or DEFAULT_DEMO_PASSWORD


def upsert_user(email, name, password, certificate=("", "")):
    """Create or refresh a demo user. The password is set only when it differs: a new
    hash changes the session hash Django checks, so `make run` again would sign
    everyone out. `certificate` is (grade, number): the instructor's names them as the
    reviewer of the demo lessons and quizzes."""
    user, _ = get_user_model().objects.get_or_create(email=email)
    first, _, last = name.partition(" ")
    user.first_name, user.last_name = first, last
    if not user.check_password(password):
        user.set_password(password)
    user.save()
    profile = user.profile
    profile.display_name = name
    profile.faa_certificate_grade, profile.faa_certificate_number = certificate
    profile.save(update_fields=["display_name", "faa_certificate_grade", "faa_certificate_number"])
    EmailAddress.objects.update_or_create(
        user=user, email=email, defaults={"verified": True, "primary": True}
    )
    return user


def load(stdout):
    password = demo_password()
    users = {
        spec["email"]: upsert_user(
            spec["email"],
            spec["name"],
            password,
            (spec.get("faa_certificate_grade", ""), spec.get("faa_certificate_number", "")),
        )
        for spec in DEMO_USERS
    }

    Subscription.objects.update_or_create(
        user=users["premium@demo.test"],
        defaults={
            "tier": Subscription.Tier.PREMIUM,
            "status": Subscription.Status.ACTIVE,
            "start_date": timezone.now() - timezone.timedelta(days=30),
            "end_date": None,
            "auto_renew": True,
            "payment_method": "demo",
        },
    )
    users["instructor@demo.test"].groups.add(instructors_group())
    admin = users["admin@demo.test"]
    admin.is_staff = admin.is_superuser = True
    admin.save(update_fields=["is_staff", "is_superuser"])

    for spec in DEMO_USERS:
        stdout.write(f"  {spec['email']:<24} {spec['role']}")
    return users

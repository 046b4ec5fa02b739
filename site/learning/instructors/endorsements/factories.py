"""Endorsements for tests and the demo: an instructor profile able to sign, and a signed
endorsement written through the service (so texts, names and notifications are real)."""

import datetime
import uuid

from django.utils import timezone
from django.utils.text import slugify

from learning.instructors.models import Endorsement, InstructorProfile

from .access import endorsing_course_id
from .services import sign_endorsement


def cfi_profile(user, *, display_name=None, number="3456789CFI", valid_days=365, **fields):
    """A profile with a CFI number and privileges valid `valid_days` more (negative:
    lapsed that many days ago)."""
    name = display_name or user.get_full_name() or user.email.split("@")[0]
    defaults = {
        "display_name": name,
        "slug": slugify(f"{name}-{user.pk}"),
        "cfi_certificate_number": number,
        "cfi_expiration": timezone.localdate() + datetime.timedelta(days=valid_days),
        **fields,
    }
    profile, _ = InstructorProfile.objects.update_or_create(user=user, defaults=defaults)
    return profile


def signed_endorsement(instructor, student, kind=Endorsement.Kind.PRESOLO_KNOWLEDGE, **details):
    """An endorsement `instructor` signs today for `student` (a profile is made if none)."""
    if not InstructorProfile.objects.filter(
        user=instructor, cfi_certificate_number__gt=""
    ).exists():
        cfi_profile(instructor)
    profile = InstructorProfile.objects.get(user=instructor)
    endorsement, _ = sign_endorsement(
        instructor=instructor,
        student=student,
        course_id=endorsing_course_id(instructor, student),
        kind=kind,
        details={"aircraft": "Cessna 172S", **details},
        signed_on=timezone.localdate(),
        signature=profile.display_name,
        token=uuid.uuid4(),
    )
    return endorsement

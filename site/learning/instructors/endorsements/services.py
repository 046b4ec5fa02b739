"""Writing and revoking endorsements: the only code that creates or changes one.

Signing freezes the text: it is rendered once from the student's and the instructor's
records (texts.py) and stored with the names, CFI number and date it shows, so the
record reads the same after a profile changes. A double submit (two clicks, a retry,
the back button) must not endorse twice: the form carries a one-time token and the
verification hash is derived from it (an HMAC with the secret key, so the public hash
reveals nothing), which the unique constraint on the hash turns into exactly one row.
Revoking sets the revocation fields once, under a row lock; guards.py refuses any
other change to a stored endorsement.
"""

import hashlib
import hmac

from django.conf import settings
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone

from community.notifications.services import notify
from core.fragments import Refused
from learning.instructors.models import Endorsement

from . import texts
from .access import signing_profile


class EndorsementRefused(Refused):
    pass


def hash_for_token(instructor, token):
    """The verification hash of the endorsement this instructor signs with this form."""
    message = f"endorsement:{instructor.pk}:{token}".encode()
    return hmac.new(settings.SECRET_KEY.encode(), message, hashlib.sha256).hexdigest()


def student_name(student):
    """The student's full name as their account gives it (first and last name), else the
    name they show on the site."""
    return student.get_full_name().strip() or student.display_name


def sign_endorsement(*, instructor, student, course_id, kind, details, signed_on, signature, token):
    """(endorsement, created). Re-checks the instructor's credentials; the view has
    already checked access, the password and the form."""
    profile, problem = signing_profile(instructor)
    if problem:
        raise EndorsementRefused(problem, status=403)
    verification_hash = hash_for_token(instructor, token)
    existing = Endorsement.objects.filter(verification_hash=verification_hash).first()
    if existing is not None:
        return existing, False
    spec = texts.spec_for(kind)
    details = {field.name: (details.get(field.name) or "").strip() for field in spec.fields}
    name = student_name(student)
    endorsement = Endorsement(
        verification_hash=verification_hash,
        student=student,
        instructor=instructor,
        course_id=course_id,
        kind=kind,
        regulation=spec.regulation,
        details=details,
        text=texts.full_text(
            kind,
            name,
            details,
            signed_on=signed_on,
            signature=signature,
            cfi_number=profile.cfi_certificate_number,
            cfi_expiration=profile.cfi_expiration,
        ),
        student_name=name,
        instructor_name=profile.display_name,
        cfi_certificate_number=profile.cfi_certificate_number,
        cfi_expiration=profile.cfi_expiration,
        signed_on=signed_on,
        signature=signature,
    )
    try:
        with transaction.atomic():
            endorsement.save(force_insert=True)
            notify(
                [student],
                "endorsement",
                text=f"{profile.display_name} endorsed your logbook: "
                f"{endorsement.get_kind_display()}.",
                url=reverse("endorsement_list"),
                actor=instructor,
                target=endorsement,
            )
    except IntegrityError:
        existing = Endorsement.objects.filter(verification_hash=verification_hash).first()
        if existing is None:
            raise
        return existing, False
    return endorsement, True


def revoke_endorsement(endorsement_id, *, by, reason):
    """Revoke once, with a reason; returns the endorsement and whether this call
    revoked it (False when it already was)."""
    reason = (reason or "").strip()
    if not reason:
        raise EndorsementRefused("Say why the endorsement is revoked.")
    with transaction.atomic():
        endorsement = Endorsement.objects.select_for_update().get(pk=endorsement_id)
        if endorsement.is_revoked:
            return endorsement, False
        endorsement.revoked_at = timezone.now()
        endorsement.revoked_by = by
        endorsement.revoke_reason = reason[:1_000]
        endorsement.save(update_fields=["revoked_at", "revoked_by", "revoke_reason"])
        notify(
            [endorsement.student_id],
            "endorsement",
            text=f"{endorsement.instructor_name} revoked your endorsement "
            f"“{endorsement.get_kind_display()}”: {endorsement.revoke_reason}",
            url=reverse("endorsement_list"),
            actor=by,
            target=endorsement,
        )
    return endorsement, True

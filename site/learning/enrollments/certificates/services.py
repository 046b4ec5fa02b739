"""Issuing and revoking certificates: each enrollment earns at most one."""

from django.db import IntegrityError, transaction
from django.utils import timezone

from core.outbox import enqueue

from .. import notifying
from ..models import ActivityType, Certificate, UserActivity


def issue_certificate(enrollment):
    """The enrollment's certificate, issued now if it has none. Returns (certificate,
    created). The one-to-one constraint decides between parallel callers."""
    existing = Certificate.objects.filter(enrollment=enrollment).first()
    if existing is not None:
        return existing, False
    try:
        with transaction.atomic():
            certificate = Certificate.objects.create(
                enrollment=enrollment,
                holder_name=enrollment.user.display_name,
                course_title=enrollment.course.title,
            )
    except IntegrityError:
        return Certificate.objects.get(enrollment=enrollment), False
    UserActivity.objects.create(
        user=enrollment.user,
        type=ActivityType.CERTIFICATE_ISSUED,
        course=enrollment.course,
        data={"certificate_number": certificate.certificate_number},
    )
    schedule_pdf(certificate)
    notifying.certificate_issued(certificate)
    return certificate, True


def revoke_certificate(certificate, reason, at=None):
    """Mark the certificate revoked with the reason given; its PDF is made again."""
    reason = (reason or "").strip()
    if not reason:
        raise ValueError("Give a reason for revoking the certificate.")
    with transaction.atomic():
        certificate = Certificate.objects.select_for_update().get(pk=certificate.pk)
        if not certificate.is_valid:
            return certificate
        certificate.is_valid = False
        certificate.revocation_date = at or timezone.now()
        certificate.revocation_reason = reason
        certificate.save(update_fields=["is_valid", "revocation_date", "revocation_reason"])
    schedule_pdf(certificate)
    return certificate


def schedule_pdf(certificate):
    """Render the certificate's PDF in a Celery task once the transaction commits."""

    from ..tasks import render_certificate_pdf

    enqueue(render_certificate_pdf, certificate.pk)

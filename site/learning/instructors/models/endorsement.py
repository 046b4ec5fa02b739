"""Digital logbook endorsements (AC 61-65): written once, revoked with a reason, never
edited."""

import secrets

from django.conf import settings
from django.db import models
from django.utils import timezone


def new_verification_hash():
    return secrets.token_hex(16)


class Endorsement(models.Model):
    """One signed endorsement. The text is frozen at signing (filled from the student's
    and the instructor's records by learning.instructors.endorsements), so the record
    reads the same forever; only the revocation fields change afterwards."""

    class Kind(models.TextChoices):
        KNOWLEDGE_TEST = "knowledge_test", "Knowledge test"
        PRESOLO_KNOWLEDGE = "presolo_knowledge", "Pre-solo aeronautical knowledge"
        PRESOLO_FLIGHT = "presolo_flight", "Pre-solo flight training"
        SOLO_90_DAYS = "solo_90_days", "Solo flight (each additional 90-day period)"
        SOLO_CROSS_COUNTRY = "solo_cross_country", "Solo cross-country training"
        SOLO_XC_FLIGHT = "solo_xc_flight", "Solo cross-country flight"
        CLASS_B_AIRSPACE = "class_b_airspace", "Solo flight in Class B airspace"
        CLASS_B_AIRPORT = "class_b_airport", "Solo takeoff and landing at a Class B airport"
        PRACTICAL_TEST = "practical_test", "Practical test prerequisites"
        PRIVATE_PRACTICAL = "private_practical", "Private pilot practical test"

    verification_hash = models.CharField(
        max_length=64, unique=True, default=new_verification_hash, editable=False
    )
    student = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="endorsements"
    )
    instructor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="endorsements_given"
    )
    course = models.ForeignKey(
        "courses.CoursePage", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    kind = models.CharField(max_length=30, choices=Kind.choices)
    regulation = models.CharField(max_length=120, help_text="e.g. 14 CFR 61.87(b)")
    details = models.JSONField(
        default=dict, blank=True, help_text="What the instructor filled in (aircraft, route...)."
    )
    text = models.TextField(help_text="The endorsement as signed, frozen.")
    student_name = models.CharField(max_length=150)
    instructor_name = models.CharField(max_length=150)
    cfi_certificate_number = models.CharField(max_length=20)
    cfi_expiration = models.DateField(null=True, blank=True)
    signed_on = models.DateField(help_text="The date written in the endorsement.")
    signature = models.CharField(max_length=150, help_text="The name the instructor typed.")
    signed_at = models.DateTimeField(default=timezone.now)
    revoked_at = models.DateTimeField(null=True, blank=True)
    revoked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    revoke_reason = models.TextField(max_length=1_000, blank=True)

    class Meta:
        ordering = ["-signed_at"]
        indexes = [
            models.Index(fields=["student", "-signed_at"]),
            models.Index(fields=["instructor", "-signed_at"]),
        ]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(revoked_at__isnull=True) | ~models.Q(revoke_reason=""),
                name="instructors_endorsement_revoked_with_reason",
            )
        ]

    def __str__(self):
        return f"{self.get_kind_display()} for {self.student_name}"

    @property
    def is_revoked(self):
        return self.revoked_at is not None

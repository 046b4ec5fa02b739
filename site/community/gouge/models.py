"""Checkride reports ("gouge") about examiners, flags on them, and each examiner's
aggregates recomputed from the approved reports."""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone

from snippets.models.examiner import Certificate

TEXT_MAX_LENGTH = 4_000
ACS_CODES_MAX_LENGTH = 300


class Outcome(models.TextChoices):
    PASS = "pass", "Passed"
    FAIL = "fail", "Did not pass"
    DISCONTINUED = "discontinued", "Discontinued"


class Difficulty(models.IntegerChoices):
    EASY = 1, "Easy"
    MODERATE = 2, "Moderate"
    HARD = 3, "Hard"


class Status(models.TextChoices):
    PENDING = "pending", "Awaiting moderation"
    APPROVED = "approved", "Published"
    REJECTED = "rejected", "Not published"


def one_to_five():
    return [MinValueValidator(1), MaxValueValidator(5)]


class GougeReport(models.Model):
    """One applicant's account of one checkride; public only once a moderator approves.

    Shown publicly without the author's name ("Private pilot applicant, March 2026").
    """

    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="gouge_reports"
    )
    examiner = models.ForeignKey(
        "snippets.Examiner", on_delete=models.CASCADE, related_name="gouge_reports"
    )
    checkride_date = models.DateField()
    certificate = models.CharField(
        "certificate or rating sought", max_length=16, choices=Certificate.choices
    )
    outcome = models.CharField(max_length=16, choices=Outcome.choices)
    overall_rating = models.PositiveSmallIntegerField(validators=one_to_five())
    oral_difficulty = models.PositiveSmallIntegerField(choices=Difficulty.choices)
    flight_difficulty = models.PositiveSmallIntegerField(choices=Difficulty.choices)
    stress_level = models.PositiveSmallIntegerField(validators=one_to_five())
    what_came_up = models.TextField(max_length=TEXT_MAX_LENGTH)
    unexpected_elements = models.TextField(max_length=TEXT_MAX_LENGTH, blank=True)
    acs_codes = models.CharField(
        "ACS codes asked",
        max_length=ACS_CODES_MAX_LENGTH,
        blank=True,
        help_text="Comma-separated, e.g. PA.I.C, PA.VII.B.K2.",
    )
    status = models.CharField(max_length=12, choices=Status.choices, default=Status.PENDING)
    moderation_note = models.TextField(blank=True)
    moderated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    moderated_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-checkride_date", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["author", "examiner", "checkride_date"], name="gouge_one_report_per_ride"
            ),
            models.CheckConstraint(
                condition=models.Q(overall_rating__gte=1, overall_rating__lte=5)
                & models.Q(stress_level__gte=1, stress_level__lte=5)
                & models.Q(oral_difficulty__gte=1, oral_difficulty__lte=3)
                & models.Q(flight_difficulty__gte=1, flight_difficulty__lte=3),
                name="gouge_scales_in_range",
            ),
        ]
        indexes = [
            models.Index(fields=["examiner", "status", "-checkride_date"]),
            models.Index(fields=["status", "created_at"]),
        ]

    def __str__(self):
        ride = self.get_certificate_display()
        return f"{ride} checkride with {self.examiner} on {self.checkride_date}"

    @property
    def acs_code_list(self):
        return [code.strip() for code in self.acs_codes.split(",") if code.strip()]

    @property
    def pseudonym(self):
        """How the public sees the author: "Private pilot applicant, March 2026"."""
        return f"{self.get_certificate_display()} applicant, {self.checkride_date:%B %Y}"


class GougeFlag(models.Model):
    """Someone thinks a report has a problem; moderators see flagged reports first."""

    report = models.ForeignKey(GougeReport, on_delete=models.CASCADE, related_name="flags")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    reason = models.TextField(max_length=1_000)
    resolved = models.BooleanField(default=False)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(fields=["report", "user"], name="gouge_flag_once_per_user")
        ]

    def __str__(self):
        return f"Flag on report {self.report_id} by {self.user}"


class ExaminerStats(models.Model):
    """An examiner's aggregates over approved reports, recomputed by tasks.py (never
    incremented). Stored even below the display threshold; pages decide what to show."""

    examiner = models.OneToOneField(
        "snippets.Examiner", on_delete=models.CASCADE, primary_key=True, related_name="gouge_stats"
    )
    report_count = models.PositiveIntegerField(default=0)
    pass_count = models.PositiveIntegerField(default=0)
    decided_count = models.PositiveIntegerField(
        default=0, help_text="Approved reports that passed or failed (not discontinued)."
    )
    pass_rate = models.FloatField(null=True, blank=True)
    pass_rate_low = models.FloatField(null=True, blank=True, help_text="95% Wilson interval.")
    pass_rate_high = models.FloatField(null=True, blank=True)
    average_rating = models.FloatField(null=True, blank=True)
    average_oral_difficulty = models.FloatField(null=True, blank=True)
    average_flight_difficulty = models.FloatField(null=True, blank=True)
    average_stress = models.FloatField(null=True, blank=True)
    top_acs_areas = models.JSONField(default=list, blank=True)
    last_report_date = models.DateField(null=True, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name_plural = "examiner stats"

    def __str__(self):
        return f"{self.examiner}: {self.report_count} approved reports"

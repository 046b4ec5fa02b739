"""An instructor's private notes on a student, and cohorts (a flight school class)."""

from django.conf import settings
from django.db import models
from django.utils import timezone


class StudentNote(models.Model):
    """A private note: only its author ever reads it, never the student."""

    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    student = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+"
    )
    body = models.TextField(max_length=5_000)
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["author", "student", "-created_at"])]

    def __str__(self):
        return f"Note on {self.student_id} by {self.author_id}"


class Cohort(models.Model):
    """A class of learners taken through one or more courses together. Its instructors
    manage it; enrolling its members needs the manage-students right on each course."""

    name = models.CharField(max_length=150)
    description = models.TextField(max_length=2_000, blank=True)
    courses = models.ManyToManyField("courses.CoursePage", related_name="+", blank=True)
    instructors = models.ManyToManyField(settings.AUTH_USER_MODEL, related_name="cohorts_taught")
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    starts_on = models.DateField(null=True, blank=True)
    archived = models.BooleanField(default=False)
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self):
        return self.name


class CohortMember(models.Model):
    """A learner in a cohort, or an invitation to an email without an account yet (the
    account is linked when that email signs up and is verified)."""

    class Status(models.TextChoices):
        INVITED = "invited", "Invited"
        ACTIVE = "active", "Active"
        REMOVED = "removed", "Removed"

    cohort = models.ForeignKey(Cohort, on_delete=models.CASCADE, related_name="members")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="cohort_memberships",
    )
    email = models.EmailField()
    name = models.CharField(max_length=150, blank=True)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.ACTIVE)
    invited_at = models.DateTimeField(null=True, blank=True)
    joined_at = models.DateTimeField(null=True, blank=True)
    removed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["name", "email"]
        constraints = [
            models.UniqueConstraint(fields=["cohort", "email"], name="instructors_cohort_email")
        ]
        indexes = [models.Index(fields=["email", "status"])]

    def __str__(self):
        return f"{self.email} in {self.cohort_id}"

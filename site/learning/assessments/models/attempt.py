"""What learners do: an attempt with its draw fixed at the start, and one answer per
drawn question, saved as they go and graded on the server at submission."""

from django.conf import settings
from django.db import models
from django.utils import timezone


class Attempt(models.Model):
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="attempts"
    )
    assessment = models.ForeignKey(
        "assessments.Assessment", on_delete=models.CASCADE, related_name="attempts"
    )
    attempt_number = models.PositiveSmallIntegerField()
    question_ids = models.JSONField(default=list, help_text="The drawn questions, in order.")
    choice_order = models.JSONField(
        default=dict, help_text="Question id -> the choice ids in the order shown."
    )
    started_at = models.DateTimeField(default=timezone.now)
    deadline = models.DateTimeField(null=True, blank=True)
    submitted_at = models.DateTimeField(null=True, blank=True)
    auto_submitted = models.BooleanField(default=False)
    time_taken = models.PositiveIntegerField(null=True, blank=True, help_text="Seconds.")
    score = models.DecimalField(max_digits=8, decimal_places=2, null=True, blank=True)
    max_score = models.DecimalField(max_digits=8, decimal_places=2, default=0)
    percentage = models.DecimalField(max_digits=5, decimal_places=2, null=True, blank=True)
    passed = models.BooleanField(null=True)
    ip_address = models.GenericIPAddressField(null=True, blank=True)
    user_agent = models.CharField(max_length=300, blank=True)
    # An instructor's written feedback on the whole attempt (learning.instructors.grading
    # writes it; the learner's result page shows it). The grade itself never changes.
    instructor_feedback = models.TextField(max_length=4_000, blank=True)
    feedback_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    feedback_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-started_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["user", "assessment", "attempt_number"], name="assessments_attempt_number"
            )
        ]
        indexes = [
            models.Index(fields=["submitted_at", "deadline"]),
            # The admin's attempt list, newest first: read backwards, no sort of every attempt.
            models.Index(fields=["started_at", "id"], name="assessments_attempt_recent"),
        ]

    def __str__(self):
        return f"{self.user} · {self.assessment} · attempt {self.attempt_number}"

    @property
    def is_submitted(self):
        return self.submitted_at is not None


class AttemptAnswer(models.Model):
    attempt = models.ForeignKey(Attempt, on_delete=models.CASCADE, related_name="answers")
    question = models.ForeignKey(
        "assessments.Question", on_delete=models.CASCADE, related_name="answers"
    )
    selected_choices = models.JSONField(default=list, blank=True)
    text_answer = models.CharField(max_length=500, blank=True)
    is_correct = models.BooleanField(null=True)
    points_earned = models.DecimalField(max_digits=8, decimal_places=2, default=0)
    answered_at = models.DateTimeField(default=timezone.now)
    feedback = models.TextField(
        max_length=2_000, blank=True, help_text="Instructor feedback for this answer."
    )

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["attempt", "question"], name="assessments_answer_once")
        ]

    def __str__(self):
        return f"Answer to {self.question_id} in attempt {self.attempt_id}"

"""Tells a learner their quiz was graded: most useful when the attempt was submitted
for them because its time ran out (services.submit_expired_attempts)."""

from decimal import Decimal

from django.urls import reverse

from community.notifications.services import notify


def points(value):
    """8, 8.5 or 10: a score without trailing zeros."""
    return f"{Decimal(value).normalize():f}"


def attempt_graded(attempt):
    score = f"{points(attempt.score)}/{points(attempt.max_score)}"
    verdict = "passed" if attempt.passed else "not passed"
    return notify(
        [attempt.user_id],
        "quiz_graded",
        text=f"Your quiz “{attempt.assessment.title}” was graded: {score} ({verdict})",
        url=reverse("quiz_result", args=[attempt.pk]),
        target=attempt,
    )

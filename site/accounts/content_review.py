"""Who vouched for a piece of teaching content, and when it was last checked.

Student pilots rely on every number we show, so lessons, question banks and decks carry
the instructor who reviewed them (with their FAA certificate) and the date the content
was current as of. Content models inherit ``ReviewedContent``; the staff list of content
due for review reads ``CONTENT_REVIEW_MAX_AGE_DAYS``.
"""

import datetime

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone

DEFAULT_MAX_AGE_DAYS = 365


def max_review_age():
    return datetime.timedelta(
        days=getattr(settings, "CONTENT_REVIEW_MAX_AGE_DAYS", DEFAULT_MAX_AGE_DAYS)
    )


def review_due_before(today=None):
    """Content current as of a date before this one is due for review."""
    return (today or timezone.localdate()) - max_review_age()


def reviewer_credit(user):
    """ "Ida Instructor, CFI 1234567": the name and certificate shown to learners."""
    if user is None:
        return ""
    profile = getattr(user, "profile", None)
    number = getattr(profile, "faa_certificate_number", "")
    grade = getattr(profile, "faa_certificate_grade", "")
    certificate = " ".join(part for part in (grade, number) if part)
    return f"{user.display_name}, {certificate}" if certificate else user.display_name


def has_certificate(user):
    profile = getattr(user, "profile", None)
    return bool(getattr(profile, "faa_certificate_number", ""))


class ReviewedContent(models.Model):
    """Mixin for content an instructor vouches for: reviewed by whom, current as of when."""

    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        limit_choices_to={"profile__faa_certificate_number__gt": ""},
        help_text="The instructor who checked this content against its sources. "
        "Only accounts with an FAA certificate number on their profile can be chosen.",
    )
    current_as_of = models.DateField(
        null=True,
        blank=True,
        help_text="The date the content was last checked against the regulations and the ACS.",
    )

    class Meta:
        abstract = True

    def clean(self):
        super().clean()
        if self.reviewed_by_id and not has_certificate(self.reviewed_by):
            raise ValidationError(
                {"reviewed_by": "The reviewer needs an FAA certificate number on their profile."}
            )
        if self.current_as_of and self.current_as_of > timezone.localdate():
            raise ValidationError({"current_as_of": "The review date cannot be in the future."})
        if self.current_as_of and not self.reviewed_by_id:
            raise ValidationError({"reviewed_by": "Say who reviewed the content."})

    @property
    def review_is_due(self):
        return self.current_as_of is None or self.current_as_of < review_due_before()

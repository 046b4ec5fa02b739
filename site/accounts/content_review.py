"""Who vouched for a piece of teaching content, and when it was last checked.

Student pilots rely on every number we show, so lessons, question banks, decks and oral
questions carry the instructor who reviewed them (with their FAA certificate) and the
date the content was current as of. Content models inherit ``ReviewedContent``; the
staff list of content due for review (accounts.review_list) reads
``CONTENT_REVIEW_MAX_AGE_DAYS`` (default 365, from the environment variable of the same
name).

The list finds every model that inherits ``ReviewedContent`` through the app registry,
so apps above accounts join it without accounts importing them. A model whose rows are
not all teaching content narrows what the list shows through the classmethod
``reviewable()``. By default it leaves out the rows a learner owns (a non-null
``owner``, the field named by ``review_owner_field``): a flashcard deck a learner made is
theirs, nobody reviews it, and its name is not the staff's business; so only course
decks are listed. Override ``reviewable()`` for any other rule.
"""

import datetime

from django import forms
from django.apps import apps
from django.conf import settings
from django.contrib.auth import get_user_model
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


def reviewers():
    """The accounts an editor may name as reviewer: those with a certificate number."""
    return (
        get_user_model()
        .objects.filter(is_active=True, profile__faa_certificate_number__gt="")
        .select_related("profile")
        .order_by("profile__display_name", "email")
    )


def load_reviewer(obj):
    """Fetch `obj`'s reviewer with their profile in one query (two when read lazily),
    for an object whose queryset could not select_related it (a Wagtail page is
    fetched by the page router)."""
    field = type(obj)._meta.get_field("reviewed_by")
    if obj.reviewed_by_id and not field.is_cached(obj):
        reviewer = get_user_model().objects.select_related("profile").filter(pk=obj.reviewed_by_id)
        field.set_cached_value(obj, reviewer.first())
    return obj


class ReviewerChoiceField(forms.ModelChoiceField):
    """The reviewer select, each option as learners will read it: "Ida Instructor, CFI
    3456789" (an email address says nothing about a certificate)."""

    def label_from_instance(self, obj):
        return reviewer_credit(obj)


class ReviewerForeignKey(models.ForeignKey):
    """A foreign key to the reviewer whose form field names each choice by its credit,
    with the profiles fetched in the same query. It migrates as a plain ForeignKey, so
    changing how the select reads never asks for a migration."""

    def formfield(self, **kwargs):
        field = super().formfield(**{"form_class": ReviewerChoiceField, **kwargs})
        field.queryset = field.queryset.select_related("profile").order_by(
            "profile__display_name", "email"
        )
        return field

    def deconstruct(self):
        name, _path, args, kwargs = super().deconstruct()
        return name, "django.db.models.ForeignKey", args, kwargs


class ReviewedContent(models.Model):
    """Mixin for content an instructor vouches for: reviewed by whom, current as of when."""

    reviewed_by = ReviewerForeignKey(
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
        if self.reviewed_by_id and not self.current_as_of:
            raise ValidationError({"current_as_of": "Say when the content was reviewed."})

    @property
    def review_is_due(self):
        return self.current_as_of is None or self.current_as_of < review_due_before()

    # A row with this field set belongs to one learner (their own deck): it is theirs,
    # not teaching content, and stays off the review list. Models without the field
    # list every row.
    review_owner_field = "owner"

    @classmethod
    def reviewable(cls):
        """The rows that are teaching content someone must review: every row except
        those a learner owns (review_owner_field). Override it for any other rule."""
        rows = cls._default_manager.all()
        field_names = {field.name for field in cls._meta.get_fields()}
        if cls.review_owner_field in field_names:
            rows = rows.filter(**{f"{cls.review_owner_field}__isnull": True})
        return rows


def reviewed_models():
    """Every installed concrete model that inherits ReviewedContent, by verbose name."""
    found = [
        model
        for model in apps.get_models()
        if issubclass(model, ReviewedContent) and not model._meta.abstract
    ]
    return sorted(found, key=lambda model: str(model._meta.verbose_name))


def model_key(model):
    """ "courses.lessonpage": how the list's type filter names a model."""
    return model._meta.label_lower


def due_for_review(models_=None, today=None):
    """Every reviewable row never reviewed or current as of a date older than the
    configured age, oldest first (never reviewed before all), with its reviewer and
    profile: one query per model, whatever the number of rows."""
    cutoff = review_due_before(today)
    rows = []
    for model in models_ if models_ is not None else reviewed_models():
        due = model.reviewable().filter(
            models.Q(current_as_of__isnull=True) | models.Q(current_as_of__lt=cutoff)
        )
        rows.extend(due.select_related("reviewed_by__profile"))
    return sorted(rows, key=lambda row: (row.current_as_of is not None, row.current_as_of, row.pk))

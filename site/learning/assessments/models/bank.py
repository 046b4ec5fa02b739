"""What instructors write: an assessment, its question bank and each question's choices.

Assessment and Question are ClusterableModels, so the Wagtail editor edits the whole
bank (questions with their choices, nested) in one form and saves it in one go.
"""

from decimal import Decimal

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone

from modelcluster.fields import ParentalKey, ParentalManyToManyField
from modelcluster.models import ClusterableModel
from wagtail.fields import RichTextField
from wagtail.models import Orderable

from accounts.content_review import ReviewedContent

QUESTION_FEATURES = ["bold", "italic", "ol", "ul", "link", "image", "superscript", "subscript"]


class QuestionType(models.TextChoices):
    SINGLE = "single", "Single choice"
    MULTIPLE = "multiple", "Multiple choice (several may be right)"
    TRUE_FALSE = "true_false", "True / false"
    SHORT_ANSWER = "short_answer", "Short answer"
    NUMERIC = "numeric", "Numeric"


CHOICE_TYPES = {QuestionType.SINGLE, QuestionType.MULTIPLE, QuestionType.TRUE_FALSE}


class Assessment(ReviewedContent, ClusterableModel):
    """A quiz attached to one lesson, with the rules every attempt follows, and the
    instructor who last checked its question bank (ReviewedContent, whose clean() hands
    on to ClusterableModel's through super())."""

    title = models.CharField(max_length=200)
    instructions = RichTextField(blank=True, features=["bold", "italic", "ol", "ul", "link"])
    lesson = models.OneToOneField(
        "courses.LessonPage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="assessment",
        help_text="The quiz lesson this assessment belongs to (one quiz per lesson).",
    )
    passing_score = models.PositiveSmallIntegerField(
        "passing score (%)", default=70, validators=[MaxValueValidator(100)]
    )
    max_attempts = models.PositiveSmallIntegerField(default=3, help_text="0 means unlimited.")
    time_limit_minutes = models.PositiveSmallIntegerField(
        default=0, validators=[MaxValueValidator(600)], help_text="0 means no time limit."
    )
    randomize_questions = models.BooleanField("randomize question order", default=True)
    questions_per_attempt = models.PositiveSmallIntegerField(
        default=0, help_text="Draw this many questions from the bank for each attempt; 0 = all."
    )
    shuffle_choices = models.BooleanField(default=True)
    show_results_immediately = models.BooleanField(default=True)
    show_correct_answers = models.BooleanField(
        "show correct answers after submitting", default=True
    )
    required_for_certificate = models.BooleanField(default=True)
    min_wait_minutes = models.PositiveIntegerField(
        "minimum wait between attempts (minutes)", default=0
    )
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["title"]

    def __str__(self):
        return self.title

    @property
    def is_timed(self):
        return self.time_limit_minutes > 0


class Question(ClusterableModel, Orderable):
    assessment = ParentalKey(Assessment, on_delete=models.CASCADE, related_name="questions")
    question_type = models.CharField(
        max_length=16, choices=QuestionType.choices, default=QuestionType.SINGLE
    )
    text = RichTextField(features=QUESTION_FEATURES)
    points = models.PositiveSmallIntegerField(
        default=1, validators=[MinValueValidator(1), MaxValueValidator(100)]
    )
    explanation = models.TextField(blank=True, help_text="Shown after submitting, if allowed.")
    acs_elements = ParentalManyToManyField(
        "acs.AcsElement", blank=True, related_name="questions", verbose_name="ACS elements"
    )
    accepted_answers = models.TextField(
        blank=True, help_text="Short answer: one accepted answer per line."
    )
    case_sensitive = models.BooleanField(default=False)
    ignore_whitespace = models.BooleanField(
        default=True,
        help_text="Short answer: treat runs of spaces as one, ignore leading/trailing.",
    )
    numeric_answer = models.DecimalField(max_digits=14, decimal_places=4, null=True, blank=True)
    numeric_tolerance = models.DecimalField(
        max_digits=14,
        decimal_places=4,
        null=True,
        blank=True,
        validators=[MinValueValidator(Decimal("0"))],
        help_text="Numeric: answers within plus or minus this are correct.",
    )

    class Meta(Orderable.Meta):
        pass

    def __str__(self):
        from django.utils.html import strip_tags

        return strip_tags(self.text)[:80] or f"Question {self.pk}"

    @property
    def has_choices(self):
        return self.question_type in CHOICE_TYPES

    @property
    def accepted_answer_list(self):
        return [line.strip() for line in self.accepted_answers.splitlines() if line.strip()]

    def clean(self):
        super().clean()
        if self.question_type == QuestionType.SHORT_ANSWER and not self.accepted_answer_list:
            raise ValidationError({"accepted_answers": "Give at least one accepted answer."})
        if self.question_type == QuestionType.NUMERIC:
            errors = {}
            if self.numeric_answer is None:
                errors["numeric_answer"] = "Give the correct number."
            if self.numeric_tolerance is None:
                errors["numeric_tolerance"] = "Give a tolerance (0 for an exact answer)."
            if errors:
                raise ValidationError(errors)


class Choice(Orderable):
    question = ParentalKey(Question, on_delete=models.CASCADE, related_name="choices")
    text = models.CharField(max_length=500)
    is_correct = models.BooleanField("correct", default=False)
    explanation = models.CharField(max_length=500, blank=True)

    def __str__(self):
        return self.text

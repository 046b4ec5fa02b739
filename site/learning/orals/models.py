"""Mock oral exams: sections of the ACS, a bank of examiner-style questions, and each
learner's sessions with a grade per planned ACS element."""

from django.conf import settings
from django.db import models


class Difficulty(models.IntegerChoices):
    EASY = 1, "Easy"
    MODERATE = 2, "Moderate"
    HARD = 3, "Hard"


class MockOralSection(models.Model):
    """A named group of ACS tasks to rehearse together, usually one Area of Operation."""

    standard = models.ForeignKey("acs.AcsStandard", on_delete=models.CASCADE, related_name="+")
    name = models.CharField(max_length=200)
    description = models.TextField(blank=True)
    tasks = models.ManyToManyField("acs.AcsTask", related_name="oral_sections")
    order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["standard", "order", "name"]
        verbose_name = "mock oral section"

    def __str__(self):
        return self.name


class OralQuestion(models.Model):
    """A question an examiner might ask, with what a satisfactory answer covers."""

    prompt = models.TextField(max_length=2_000)
    key_points = models.TextField(
        max_length=4_000, help_text="What a satisfactory answer covers, one point per line."
    )
    reference = models.CharField(max_length=200, blank=True, help_text="e.g. 14 CFR 91.155")
    elements = models.ManyToManyField(
        "acs.AcsElement", related_name="oral_questions", verbose_name="ACS elements"
    )
    difficulty = models.PositiveSmallIntegerField(
        choices=Difficulty.choices, default=Difficulty.MODERATE
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    is_active = models.BooleanField(default=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["pk"]
        verbose_name = "oral question"

    def __str__(self):
        return self.prompt[:80]

    @property
    def key_point_list(self):
        return [line.strip() for line in self.key_points.splitlines() if line.strip()]


class MockOralSession(models.Model):
    """One rehearsal of the oral exam over a chosen scope of tasks."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="mock_orals"
    )
    standard = models.ForeignKey("acs.AcsStandard", on_delete=models.PROTECT, related_name="+")
    acs_type = models.CharField(
        "ACS type", max_length=200, help_text="e.g. Private Pilot Airplane, as on the day."
    )
    sections = models.ManyToManyField(MockOralSection, blank=True, related_name="+")
    tasks = models.ManyToManyField("acs.AcsTask", related_name="+")
    planned_minutes = models.PositiveSmallIntegerField(default=30)
    started_at = models.DateTimeField()
    completed_at = models.DateTimeField(null=True, blank=True)
    score = models.PositiveSmallIntegerField(null=True, blank=True)
    graded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        help_text="An instructor who graded this session, if not the learner.",
    )

    class Meta:
        ordering = ["-started_at", "-pk"]
        verbose_name = "mock oral session"
        indexes = [models.Index(fields=["user", "-started_at"], name="orals_session_user")]

    def __str__(self):
        return f"Mock oral of {self.user} on {self.started_at:%Y-%m-%d}"


class Grade(models.TextChoices):
    SATISFACTORY = "satisfactory", "Satisfactory"
    UNSATISFACTORY = "unsatisfactory", "Unsatisfactory"
    NEEDS_REVIEW = "needs_review", "Needs review"


class MockOralItem(models.Model):
    """One planned ACS element of a session, the question asked for it and its grade."""

    session = models.ForeignKey(MockOralSession, on_delete=models.CASCADE, related_name="items")
    element = models.ForeignKey("acs.AcsElement", on_delete=models.PROTECT, related_name="+")
    question = models.ForeignKey(
        OralQuestion, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    order = models.PositiveSmallIntegerField()
    grade = models.CharField(max_length=16, choices=Grade.choices, blank=True)
    graded_at = models.DateTimeField(null=True, blank=True)
    flashcard = models.ForeignKey(
        "flashcards.Flashcard", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        ordering = ["session", "order"]
        constraints = [
            models.UniqueConstraint(fields=["session", "element"], name="orals_item_unique"),
        ]

    def __str__(self):
        return f"{self.session_id}: {self.element_id}"

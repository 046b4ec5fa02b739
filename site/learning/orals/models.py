"""Mock oral exams: sections of the ACS, a bank of examiner-style questions, the
scenarios an examiner builds the oral around, and each learner's sessions with a grade
per planned ACS element."""

from django.conf import settings
from django.db import models

from accounts.content_review import ReviewedContent
from learning.acs.models import AirplaneClass


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


class Grade(models.TextChoices):
    SATISFACTORY = "satisfactory", "Satisfactory"
    UNSATISFACTORY = "unsatisfactory", "Unsatisfactory"
    NEEDS_REVIEW = "needs_review", "Needs review"


class Scenario(ReviewedContent):
    """A flight an examiner asks the applicant to plan, as in a real oral: route, date,
    airplane, people aboard, the weather and NOTAMs of the day and a records excerpt.
    The evaluator's plan of action "must include scenario(s)" and questions ask the
    applicant to "apply and/or correlate" knowledge to them (FAA-S-ACS-6C, Appendix 1).

    ``planted_problem`` is the answer to the records excerpt (the thing that makes the
    airplane unairworthy or the flight illegal): learners see it only once the session
    is finished, so it must never be rendered on an open session.
    """

    standard = models.ForeignKey("acs.AcsStandard", on_delete=models.CASCADE, related_name="+")
    airplane_class = models.CharField(
        max_length=4, choices=AirplaneClass.choices, default=AirplaneClass.ASEL
    )
    title = models.CharField(max_length=200)
    route = models.CharField(max_length=200, help_text="e.g. KHIO direct KRDM")
    airports = models.TextField(
        max_length=2_000, blank=True, help_text="Departure, destination and alternates."
    )
    flight_date = models.DateField()
    aircraft = models.CharField(max_length=200, help_text="e.g. Cessna 172S N54321")
    performance = models.TextField(
        max_length=4_000, blank=True, help_text="Weights, fuel, speeds, takeoff and landing data."
    )
    passengers = models.TextField(max_length=2_000, blank=True, help_text="People and baggage.")
    metars = models.TextField("METARs", max_length=4_000, blank=True)
    tafs = models.TextField("TAFs", max_length=4_000, blank=True)
    pireps = models.TextField("PIREPs", max_length=2_000, blank=True)
    winds_aloft = models.TextField(max_length=2_000, blank=True)
    notams = models.TextField("NOTAMs and TFRs", max_length=4_000, blank=True)
    records = models.TextField(
        "Logbook or maintenance records excerpt",
        max_length=4_000,
        blank=True,
        help_text="Plant one problem in it for the applicant to find.",
    )
    planted_problem = models.TextField(
        max_length=2_000,
        help_text="The problem planted in the records and why it matters, with its "
        "reference. Learners see it only after they finish.",
    )
    is_active = models.BooleanField(default=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["standard", "title"]
        verbose_name = "oral scenario"

    def __str__(self):
        return self.title

    @property
    def weather_sections(self):
        """(label, text) of the weather package parts that are filled in."""
        parts = [
            ("METARs", self.metars),
            ("TAFs", self.tafs),
            ("PIREPs", self.pireps),
            ("Winds aloft", self.winds_aloft),
        ]
        return [(label, text) for label, text in parts if text]


class OralQuestion(ReviewedContent):
    """A question an examiner might ask, with what a satisfactory answer covers and the
    follow-up an examiner asks next, which depends on how the answer went (correlative
    questioning): deeper after a good answer, simpler after a weak one."""

    prompt = models.TextField(max_length=2_000)
    key_points = models.TextField(
        max_length=4_000, help_text="What a satisfactory answer covers, one point per line."
    )
    reference = models.CharField(max_length=200, blank=True, help_text="e.g. 14 CFR 91.155")
    elements = models.ManyToManyField(
        "acs.AcsElement", related_name="oral_questions", verbose_name="ACS elements"
    )
    scenario = models.ForeignKey(
        Scenario,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="questions",
        help_text="Set when the question refers to a scenario: it is asked only in "
        "sessions built on that scenario, in preference to general questions.",
    )
    follow_up_satisfactory = models.TextField(
        max_length=2_000, blank=True, help_text="Asked after a satisfactory answer: go deeper."
    )
    follow_up_unsatisfactory = models.TextField(
        max_length=2_000,
        blank=True,
        help_text="Asked after an unsatisfactory or needs-review answer: probe the gap simply.",
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

    @property
    def element_ids(self):
        """The element pks this question covers (the planner's interface); read from a
        prefetched ``elements`` when there is one."""
        cache = getattr(self, "_prefetched_objects_cache", {})
        if "elements" in cache:
            return {element.pk for element in cache["elements"]}
        if not hasattr(self, "_element_ids"):
            self._element_ids = set(self.elements.values_list("pk", flat=True))
        return self._element_ids

    def follow_up_for(self, grade):
        """The follow-up prompt for an answer graded ``grade`` ("" when none)."""
        if grade == Grade.SATISFACTORY:
            return self.follow_up_satisfactory.strip()
        return self.follow_up_unsatisfactory.strip()


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
    airplane_class = models.CharField(
        max_length=4, choices=AirplaneClass.choices, default=AirplaneClass.ASEL
    )
    scenario = models.ForeignKey(
        Scenario, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    knowledge_test_codes = models.JSONField(
        default=list,
        blank=True,
        help_text="ACS codes from the learner's Airman Knowledge Test Report: asked for sure.",
    )
    skipped_tasks = models.ManyToManyField(
        "acs.AcsTask", blank=True, related_name="+", help_text="Tasks not for this class."
    )
    deferred_tasks = models.ManyToManyField(
        "acs.AcsTask", blank=True, related_name="+", help_text="Tasks left for another session."
    )
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
        indexes = [
            models.Index(fields=["user", "-started_at"], name="orals_session_user"),
            # The admin's session list across learners, newest first, without a full sort.
            models.Index(fields=["started_at", "id"], name="orals_session_recent"),
        ]

    def __str__(self):
        return f"Mock oral of {self.user} on {self.started_at:%Y-%m-%d}"


class MockOralItem(models.Model):
    """One planned ACS element of a session, the question asked for it and its grade.

    ``grade`` is the element's final grade, the one every score reads: the answer's
    grade, replaced by the follow-up's once the follow-up is graded. ``answer_grade``
    keeps the answer's own grade and ``follow_up`` the prompt chosen from it.
    """

    session = models.ForeignKey(MockOralSession, on_delete=models.CASCADE, related_name="items")
    element = models.ForeignKey("acs.AcsElement", on_delete=models.PROTECT, related_name="+")
    question = models.ForeignKey(
        OralQuestion, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    order = models.PositiveSmallIntegerField()
    grade = models.CharField(max_length=16, choices=Grade.choices, blank=True)
    graded_at = models.DateTimeField(null=True, blank=True)
    answer_grade = models.CharField(max_length=16, choices=Grade.choices, blank=True)
    follow_up = models.TextField(blank=True)
    follow_up_grade = models.CharField(max_length=16, choices=Grade.choices, blank=True)
    flashcard = models.ForeignKey(
        "flashcards.Flashcard", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    # An instructor's comment on this element, for a learner who shares their progress
    # (orals.access); learning.instructors.grading writes it, the results page shows it.
    instructor_comment = models.TextField(max_length=2_000, blank=True)
    commented_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    commented_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["session", "order"]
        constraints = [
            models.UniqueConstraint(fields=["session", "element"], name="orals_item_unique"),
        ]

    def __str__(self):
        return f"{self.session_id}: {self.element_id}"

    @property
    def follow_up_pending(self):
        return bool(self.follow_up) and not self.follow_up_grade

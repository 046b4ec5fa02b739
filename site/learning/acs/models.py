"""The Airman Certification Standards as tables: standard > area > task > element.

Codes are the FAA's own (``PA.I.D.K4``); every tag elsewhere (lessons, questions,
flashcards, oral questions) points at an ``AcsElement`` so an unknown code cannot exist.
"""

from django.db import models


class ElementKind(models.TextChoices):
    KNOWLEDGE = "K", "Knowledge"
    RISK = "R", "Risk management"
    SKILL = "S", "Skill"


class AcsStandard(models.Model):
    """One ACS document, e.g. PA = Private Pilot Airplane (FAA-S-ACS-6C)."""

    code = models.CharField(max_length=8, unique=True, help_text="Code prefix, e.g. PA.")
    title = models.CharField(max_length=200)
    document_id = models.CharField("FAA document", max_length=40, help_text="e.g. FAA-S-ACS-6C")
    revision_date = models.DateField(null=True, blank=True)
    slug = models.SlugField(max_length=40, unique=True)
    imported_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["code"]
        verbose_name = "ACS standard"

    def __str__(self):
        return f"{self.title} ({self.document_id})"


class AcsArea(models.Model):
    """An Area of Operation, numbered with a roman numeral (I, II ... XII)."""

    standard = models.ForeignKey(AcsStandard, on_delete=models.CASCADE, related_name="areas")
    numeral = models.CharField(max_length=6)
    title = models.CharField(max_length=200)
    order = models.PositiveSmallIntegerField()

    class Meta:
        ordering = ["standard", "order"]
        verbose_name = "ACS area of operation"
        constraints = [
            models.UniqueConstraint(fields=["standard", "numeral"], name="acs_area_unique"),
        ]

    def __str__(self):
        return f"{self.code}. {self.title}"

    @property
    def code(self):
        return f"{self.standard.code}.{self.numeral}"


class AcsTask(models.Model):
    """A Task within an area (lettered A, B ...), with its references and objective."""

    area = models.ForeignKey(AcsArea, on_delete=models.CASCADE, related_name="tasks")
    letter = models.CharField(max_length=2)
    code = models.CharField(max_length=20, unique=True, help_text="e.g. PA.I.D")
    title = models.CharField(max_length=200)
    references = models.TextField(blank=True)
    objective = models.TextField(blank=True)
    order = models.PositiveSmallIntegerField()

    class Meta:
        ordering = ["area__standard", "area__order", "order"]
        verbose_name = "ACS task"
        constraints = [
            models.UniqueConstraint(fields=["area", "letter"], name="acs_task_unique"),
        ]

    def __str__(self):
        return f"{self.code} {self.title}"


class AcsElement(models.Model):
    """One knowledge, risk-management or skill element, or a lettered sub-element of one.

    Archived elements are codes the FAA has removed: kept so old tags and grades still
    resolve, never offered for new tagging or planned into a mock oral.
    """

    task = models.ForeignKey(AcsTask, on_delete=models.CASCADE, related_name="elements")
    parent = models.ForeignKey(
        "self", on_delete=models.CASCADE, null=True, blank=True, related_name="children"
    )
    code = models.CharField(max_length=24, unique=True, help_text="e.g. PA.I.D.K3a")
    kind = models.CharField(max_length=1, choices=ElementKind.choices)
    text = models.TextField()
    order = models.PositiveSmallIntegerField(default=0)
    archived = models.BooleanField(default=False)

    class Meta:
        ordering = ["task", "order"]
        verbose_name = "ACS element"
        indexes = [models.Index(fields=["task", "kind"], name="acs_element_task_kind")]

    def __str__(self):
        return f"{self.code} {self.text[:80]}"

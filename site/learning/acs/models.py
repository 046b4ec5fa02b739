"""The Airman Certification Standards as tables: standard > area > task > element.

Codes are the FAA's own (``PA.I.D.K4``); every tag elsewhere (lessons, questions,
flashcards, oral questions) points at an ``AcsElement`` so an unknown code cannot exist.

Besides the printed text, tasks and elements carry what the mock-oral planner needs:
the airplane classes a Task (or element) applies to and the sub-element minimums its
Notes set (both derived on import, importer/notes.py), and reviewed flags from
``data/<document>.flags.json`` (importer/flags.py): whether a skill element can be
evaluated on the ground, crosswind elements, "select at least one" groups.
"""

from django.db import models


class AirplaneClass(models.TextChoices):
    """The class ratings of the Private Pilot Airplane ACS (14 CFR 61.5(b)(2)), in the
    order the ACS prints them; the importer, the planner and the mock oral share them."""

    ASEL = "ASEL", "Airplane single-engine land"
    ASES = "ASES", "Airplane single-engine sea"
    AMEL = "AMEL", "Airplane multiengine land"
    AMES = "AMES", "Airplane multiengine sea"


CLASS_CODES = tuple(AirplaneClass.values)
ALL_CLASSES = ",".join(CLASS_CODES)


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
    notes = models.TextField(
        blank=True, db_default="", help_text="The Task's Notes as printed, one per line."
    )
    airplane_classes = models.CharField(
        max_length=19,
        default=ALL_CLASSES,
        db_default=ALL_CLASSES,
        help_text="Classes the Task applies to, e.g. ASES,AMES (from its heading).",
    )
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
    airplane_classes = models.CharField(
        max_length=19,
        default=ALL_CLASSES,
        db_default=ALL_CLASSES,
        help_text="Classes the element applies to (its own mark, else its Task's).",
    )
    min_sub_elements = models.PositiveSmallIntegerField(
        null=True,
        blank=True,
        help_text="From the Task's Notes: if selected, assess at least this many sub-elements.",
    )
    ground_evaluable = models.BooleanField(
        "can be evaluated on the ground",
        default=False,
        db_default=False,
        help_text="Skill elements only: the applicant can show it in the oral (planned "
        "into every mock oral of its Task).",
    )
    ground_evaluable_edited = models.BooleanField(
        default=False,
        db_default=False,
        editable=False,
        help_text="Set by an edit in the admin; import_acs then keeps the edited value.",
    )
    crosswind = models.BooleanField(
        default=False,
        db_default=False,
        help_text="A crosswind element: tested orally when no crosswind exists "
        "(Note to PA.IV.A and PA.IV.B).",
    )
    choice_group = models.CharField(
        max_length=60,
        blank=True,
        db_default="",
        help_text="Elements of one Task sharing a group: at least one is assessed "
        "(a 'select at least one' Note).",
    )

    class Meta:
        ordering = ["task", "order"]
        verbose_name = "ACS element"
        indexes = [models.Index(fields=["task", "kind"], name="acs_element_task_kind")]

    def __str__(self):
        return f"{self.code} {self.text[:80]}"

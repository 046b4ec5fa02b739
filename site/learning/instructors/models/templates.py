"""Course templates: a saved module/lesson skeleton a new course starts from."""

from django.conf import settings
from django.db import models
from django.utils import timezone


class CourseTemplate(models.Model):
    """`template_data` is {"modules": [{"title", "lessons": [{"title", "summary",
    "access_level", "blocks": [{"type", "value"}]}]}]}: block placeholders are lesson
    StreamField blocks with prompt text for the author to replace
    (learning.instructors.course_templates validates and builds it)."""

    class TemplateType(models.TextChoices):
        CHECKRIDE = "checkride", "Checkride preparation"
        KNOWLEDGE_TEST = "knowledge_test", "Knowledge test preparation"
        GROUND_SCHOOL = "ground_school", "Ground school"
        PROFICIENCY = "proficiency", "Proficiency and currency"
        BLANK = "blank", "Blank"

    name = models.CharField(max_length=200)
    description = models.TextField(max_length=2_000, blank=True)
    template_type = models.CharField(
        max_length=30, choices=TemplateType.choices, default=TemplateType.GROUND_SCHOOL
    )
    template_data = models.JSONField(default=dict)
    tags = models.JSONField(default=list, blank=True)
    is_active = models.BooleanField(default=True)
    usage_count = models.PositiveIntegerField(default=0)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_date = models.DateTimeField(default=timezone.now)
    updated_date = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return self.name

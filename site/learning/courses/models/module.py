"""A module groups a course's lessons into a chapter; tree order is learning order."""

from django.core.validators import MaxValueValidator
from django.db import models

from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index

from pages.base import BasePage

from ..outline import course_outline
from .tree import tree_context


class ModulePage(BasePage):
    description = RichTextField(blank=True, features=["bold", "italic", "link", "ul", "ol"])
    duration_minutes = models.PositiveIntegerField(
        null=True,
        blank=True,
        validators=[MaxValueValidator(10_000)],
        help_text="Leave blank to show the sum of the module's lesson durations.",
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("description"),
        FieldPanel("duration_minutes"),
    ]
    search_fields = [*Page.search_fields, index.SearchField("description")]

    parent_page_types = ["courses.CoursePage"]
    subpage_types = ["courses.LessonPage"]
    template = "learning/courses/module_page.html"

    class Meta:
        verbose_name = "module"

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(tree_context(self, request))
        outline = course_outline(context["course"])
        context.update(outline=outline, module=outline.module_for(self))
        return context

"""A module groups a course's lessons into a chapter; tree order is learning order."""

from django.core.validators import MaxValueValidator
from django.db import models

from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index

from pages.base import BasePage

from ..render_cache import cached_outline
from .lesson import LessonPage
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
        outline = cached_outline(context["course"])
        module = outline.module_for(self)
        lessons = module.lessons if module else []
        # Teasers only this page shows: one query rather than in every cached outline.
        teasers = dict(
            LessonPage.objects.filter(pk__in=[lesson.pk for lesson in lessons]).values_list(
                "pk", "summary"
            )
        )
        context.update(
            outline=outline,
            module=module,
            lessons_with_teasers=[(lesson, teasers.get(lesson.pk, "")) for lesson in lessons],
        )
        return context

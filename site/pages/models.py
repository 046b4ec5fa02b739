"""Site pages every Groundschool install has: the home page and plain content pages."""

from django.db import models

from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index

from .blocks import ContentStreamBlock


class HomePage(Page):
    """The site root; later issues add curated sections (featured courses, testimonials)."""

    hero_heading = models.CharField(max_length=120, default="Pass your checkride with confidence")
    hero_text = models.TextField(
        max_length=400,
        blank=True,
        help_text="One or two sentences under the heading.",
    )
    body = StreamField(ContentStreamBlock(), blank=True)

    content_panels = [
        *Page.content_panels,
        FieldPanel("hero_heading"),
        FieldPanel("hero_text"),
        FieldPanel("body"),
    ]
    search_fields = [*Page.search_fields, index.SearchField("hero_text"), index.SearchField("body")]

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = ["pages.StandardPage", "courses.CourseIndexPage"]
    max_count = 1


class StandardPage(Page):
    """About, terms, privacy: an introduction and free-form content."""

    intro = RichTextField(blank=True, features=["bold", "italic", "link"])
    body = StreamField(ContentStreamBlock(), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro"), FieldPanel("body")]
    search_fields = [*Page.search_fields, index.SearchField("intro"), index.SearchField("body")]

    parent_page_types = ["pages.HomePage", "pages.StandardPage"]
    subpage_types = ["pages.StandardPage"]

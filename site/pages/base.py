"""BasePage: the SEO fields every Groundschool page type carries.

Wagtail already gives each page a title tag override (`seo_title`) and a meta
description (`search_description`); this adds the image social networks show when a
page is shared, and one place that decides each page's description.
"""

from django.db import models

from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.models import Page

from core.storage import shareable_images


class BasePage(Page):
    social_image = models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        limit_choices_to=shareable_images,
        help_text="Shown when the page is shared (1200x630 works everywhere). "
        "Defaults to the site's social image.",
    )

    promote_panels = [
        *Page.promote_panels,
        MultiFieldPanel([FieldPanel("social_image")], heading="Social sharing"),
    ]

    class Meta:
        abstract = True

    def get_meta_description(self):
        """The editor's description, else the page's own teaser text where it has one."""
        return self.search_description or getattr(self, "summary", "") or ""

    def get_social_image(self):
        return self.social_image

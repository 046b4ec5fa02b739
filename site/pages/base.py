"""BasePage: the SEO fields every Groundschool page type carries.

Wagtail already gives each page a title tag override (`seo_title`) and a meta
description (`search_description`); this adds the image social networks show when a
page is shared, and one place that decides each page's description.
"""

from django.core.exceptions import FieldDoesNotExist
from django.db import models
from django.utils.html import strip_tags
from django.utils.text import Truncator

from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page, PageViewRestriction

from core.storage import shareable_images

from . import content_generation  # noqa: F401  (connects the cache invalidation signals)
from .routing import RESTRICTIONS_ATTR

# Search engines show about this many characters of a description.
DESCRIPTION_LENGTH = 160


class BasePage(Page):
    # The field whose text stands in for a description nobody wrote (rich text is flattened).
    description_field = "summary"

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

    @classmethod
    def routing_queryset(cls):
        """How pages.routing reads this page type when it serves one: page types add the
        related rows their template always shows (select_related), saving a query each."""
        return cls.objects.all()

    def get_view_restrictions(self):
        """Wagtail's answer, without its two queries when the page was routed from the
        cache: the route remembered which restrictions apply (usually none), and those
        are read fresh, so a login or password prompt still shows exactly as before."""
        restriction_ids = getattr(self, RESTRICTIONS_ATTR, None)
        if restriction_ids is None:
            return super().get_view_restrictions()
        if not restriction_ids:
            return PageViewRestriction.objects.none()
        return PageViewRestriction.objects.filter(pk__in=restriction_ids)

    def get_meta_description(self):
        """The editor's description, else the page's own teaser text where it has one.

        A page with no description is shown by search engines with whatever text they
        pick from the page (often the menu), so every page type names a teaser field.
        """
        if self.search_description:
            return self.search_description
        try:
            field = self._meta.get_field(self.description_field)
        except FieldDoesNotExist:
            return ""
        teaser = str(field.value_from_object(self) or "")
        if isinstance(field, RichTextField):
            teaser = strip_tags(teaser)  # a plain-text "<oral>" stays, escaped by the template
        return Truncator(" ".join(teaser.split())).chars(DESCRIPTION_LENGTH)

    def get_social_image(self):
        return self.social_image

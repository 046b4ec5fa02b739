"""Snippets: editorial records that pages point at rather than contain."""

from django.db import models
from django.utils.text import slugify

from wagtail.admin.panels import FieldPanel
from wagtail.search import index


class Category(index.Indexed, models.Model):
    """A subject area courses are filed under (airspace, weather, regulations ...).

    Minimal for now; the home page and snippets issue adds icons, hierarchy and featuring.
    """

    name = models.CharField(max_length=80, unique=True)
    slug = models.SlugField(
        max_length=80, unique=True, blank=True, help_text="Used in catalog filter links."
    )
    description = models.TextField(max_length=500, blank=True)

    panels = [FieldPanel("name"), FieldPanel("slug"), FieldPanel("description")]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta:
        ordering = ["name"]
        verbose_name_plural = "categories"

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = slugify(self.name)[:80]
        super().save(*args, **kwargs)

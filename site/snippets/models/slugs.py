"""Slugs made from a record's name, checked in the editor rather than by the database."""

from django.core.exceptions import ValidationError
from django.utils.text import slugify


class AutoSlugMixin:
    """Fills a blank `slug` from `name` and reports the two ways that can fail as errors on
    the slug field: a name with no letters or digits (emoji, punctuation) slugifies to "",
    and two different names can slugify alike ("Weather" and "Weather!"). Without these
    checks the editor would see a server error from the unique constraint instead."""

    def slug_from_name(self):
        max_length = self._meta.get_field("slug").max_length
        return slugify(self.name or "")[:max_length].strip("-")

    def fill_slug(self):
        if not self.slug:
            self.slug = self.slug_from_name()
        if not self.slug:
            raise ValidationError(
                {
                    "slug": f"“{self.name}” has no letters or digits to make a web address "
                    "from. Enter a slug, such as “flight-basics”."
                }
            )

    def clean(self):
        super().clean()
        self.fill_slug()
        clash = type(self)._default_manager.filter(slug=self.slug).exclude(pk=self.pk)
        if clash.exists():
            raise ValidationError(
                {
                    "slug": f"The web address “{self.slug}” is already used by another "
                    f"{self._meta.verbose_name}. Enter a different slug."
                }
            )

    def save(self, *args, **kwargs):
        self.fill_slug()
        super().save(*args, **kwargs)

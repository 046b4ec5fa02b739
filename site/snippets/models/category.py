"""Categories: the subject areas courses are filed under, in a shallow hierarchy."""

from django.core.exceptions import ValidationError
from django.db import models

from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.images import get_image_model_string
from wagtail.search import index

from core.storage import shareable_images

from .slugs import AutoSlugMixin


class CategoryIcon(models.TextChoices):
    """Heroicons a category may show beside its name.

    A short, curated list of outline icons shipped with the site, rather than free text:
    emoji render as empty boxes on machines without an emoji font, and an unknown icon
    name would break the page that draws it. Each value must be a heroicons name.
    """

    ACADEMIC_CAP = "academic-cap", "Graduation cap"
    BOLT = "bolt", "Lightning bolt"
    BOOK_OPEN = "book-open", "Open book"
    CHART_BAR = "chart-bar", "Bar chart"
    CHECKLIST = "clipboard-document-check", "Checklist"
    CLOUD = "cloud", "Cloud"
    COG = "cog-6-tooth", "Gear"
    GLOBE = "globe-americas", "Globe"
    MAP = "map", "Map"
    PAPER_AIRPLANE = "paper-airplane", "Paper airplane"
    SCALE = "scale", "Scales"
    SHIELD_CHECK = "shield-check", "Shield with a check"
    SIGNAL = "signal", "Radio signal"
    SUN = "sun", "Sun"
    WRENCH = "wrench-screwdriver", "Wrench and screwdriver"


class Category(AutoSlugMixin, index.Indexed, models.Model):
    """A subject area courses are filed under (airspace, weather, regulations ...).

    Categories may nest (Weather > Thunderstorms); `clean()` refuses a parent that would
    make a loop. Inactive categories stay attached to their courses but are hidden from
    the public site; featured ones fill the home page's category section by default.
    """

    name = models.CharField(max_length=80, unique=True)
    slug = models.SlugField(
        max_length=80,
        unique=True,
        blank=True,
        help_text="The category's web address, /categories/<slug>/. Leave blank to make it "
        "from the name.",
    )
    description = models.TextField(max_length=500, blank=True)
    icon = models.CharField(
        max_length=40,
        blank=True,
        choices=CategoryIcon.choices,
        help_text="A small picture shown beside the name where the category has no image.",
    )
    image = models.ForeignKey(
        get_image_model_string(),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        limit_choices_to=shareable_images,
        help_text="A wide picture (16:9) for the category's tile and page. Its alt text is "
        "not read out there, because the category's name sits right beside it.",
    )
    parent = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="children",
        help_text="Leave empty for a top-level category.",
    )
    sort_order = models.IntegerField(
        default=0, help_text="Lower numbers come first; ties are sorted by name."
    )
    featured = models.BooleanField(
        default=False,
        help_text="Shown on the home page when no categories are hand-picked there.",
    )
    active = models.BooleanField(
        default=True, help_text="Inactive categories are hidden from the public site."
    )

    panels = [
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldPanel("description"),
        FieldPanel("image"),
        FieldRowPanel([FieldPanel("icon"), FieldPanel("sort_order")]),
        FieldPanel("parent"),
        MultiFieldPanel([FieldPanel("featured"), FieldPanel("active")], heading="Visibility"),
    ]
    search_fields = [
        index.SearchField("name"),
        index.AutocompleteField("name"),
        index.SearchField("description"),
        index.FilterField("name"),
        index.FilterField("sort_order"),
        index.FilterField("featured"),
        index.FilterField("active"),
        index.FilterField("parent"),
    ]

    class Meta:
        ordering = ["sort_order", "name"]
        verbose_name_plural = "categories"

    def __str__(self):
        return self.name

    @classmethod
    def parent_ids(cls):
        """{id: parent id} for every category, in one query (categories are few)."""
        return dict(cls.objects.values_list("pk", "parent_id"))

    def descendants_and_self(self):
        """Ids of this category and every category below it, nearest first.

        One query, then a walk over the hierarchy in memory that visits each category at
        most once, so even a loop written straight into the database cannot hang it.
        """
        if self.pk is None:
            return []
        children = {}
        for pk, parent_id in self.parent_ids().items():
            children.setdefault(parent_id, []).append(pk)
        ids, seen, level = [], set(), [self.pk]
        while level:
            ids.extend(level)
            seen.update(level)
            level = [child for pk in level for child in children.get(pk, []) if child not in seen]
        return ids

    def clean(self):
        super().clean()
        if self.parent_id is None or self.pk is None:
            return
        if self.parent_id == self.pk:
            raise ValidationError({"parent": "A category cannot be its own parent."})
        if self.parent_id in self.descendants_and_self():
            raise ValidationError(
                {
                    "parent": f"“{self.parent}” is filed under “{self}”, so it cannot also "
                    "be its parent. Choose a category outside this branch."
                }
            )

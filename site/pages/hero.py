"""The hero band shared by the home page and campaign landing pages."""

from django.db import models

from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel

from core.storage import shareable_images


class HeroFields(models.Model):
    hero_heading = models.CharField(max_length=120, default="Pass your checkride with confidence")
    hero_text = models.TextField(
        max_length=400, blank=True, help_text="One or two sentences under the heading."
    )
    hero_cta_label = models.CharField(
        "button label", max_length=40, blank=True, help_text="Leave empty for no button."
    )
    hero_cta_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name="button links to",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    hero_image = models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        limit_choices_to=shareable_images,
    )

    hero_panels = [
        MultiFieldPanel(
            [
                FieldPanel("hero_heading"),
                FieldPanel("hero_text"),
                FieldRowPanel([FieldPanel("hero_cta_label"), FieldPanel("hero_cta_page")]),
                FieldPanel("hero_image"),
            ],
            heading="Hero",
        )
    ]

    class Meta:
        abstract = True

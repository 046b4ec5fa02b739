"""Site-wide settings marketers edit under Settings in the Wagtail admin.

SiteBranding holds what the site calls itself (name, logo, footer text, the image and
legal name used when pages are shared or described to search engines); SiteNavigation
holds the main and footer menus and the social links. Both are per Site. Saving either
one invalidates the cached header and footer (pages.navigation).
"""

from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.db import models

from wagtail import blocks
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.blocks import StructBlockValidationError
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import StreamField

from core.storage import shareable_images

from .blocks import LinkTargetBlock
from .content_generation import ENTRY_SECONDS, content_generation
from .routing import site_for_request

DEFAULT_FOOTER_TEXT = "Groundschool: ground school, flashcards and mock orals for FAA checkrides."

SOCIAL_PLATFORMS = [
    ("youtube", "YouTube"),
    ("instagram", "Instagram"),
    ("facebook", "Facebook"),
    ("linkedin", "LinkedIn"),
    ("x", "X (Twitter)"),
    ("bluesky", "Bluesky"),
    ("mastodon", "Mastodon"),
    ("tiktok", "TikTok"),
]


class MenuLinkBlock(LinkTargetBlock):
    """One menu entry: a label and a page on this site or a URL."""

    label = blocks.CharBlock(
        required=False, max_length=40, help_text="Defaults to the page title for page links."
    )

    class Meta:
        icon = "link"
        label = "Link"
        form_classname = "struct-block menu-link-block"

    def clean(self, value):
        value = super().clean(value)
        if value.get("url") and not value.get("label"):
            raise StructBlockValidationError(
                block_errors={"label": ValidationError("A link to a URL needs a label.")}
            )
        return value


class SocialLinkBlock(blocks.StructBlock):
    platform = blocks.ChoiceBlock(choices=SOCIAL_PLATFORMS)
    url = blocks.URLBlock(label="URL", max_length=500, help_text="The full profile address.")

    class Meta:
        icon = "site"
        label = "Social link"


def menu_field(help_text):
    return StreamField([("link", MenuLinkBlock())], blank=True, help_text=help_text)


@register_setting(icon="image")
class SiteBranding(BaseSiteSetting):
    site_name = models.CharField(max_length=60, default="Groundschool")
    logo = models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        limit_choices_to=shareable_images,
        help_text="Shown 28 pixels high beside the site name. Leave empty for the plane mark.",
    )
    footer_text = models.TextField(max_length=500, blank=True, default=DEFAULT_FOOTER_TEXT)
    default_social_image = models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        limit_choices_to=shareable_images,
        help_text="Used when a shared page has no social image of its own (1200x630).",
    )
    organization_name = models.CharField(
        "organization legal name",
        max_length=120,
        blank=True,
        help_text="The company's legal name, for search engines (schema.org Organization) "
        "and the footer's copyright line. Defaults to the site name.",
    )

    select_related = ["logo", "default_social_image"]

    panels = [
        MultiFieldPanel([FieldPanel("site_name"), FieldPanel("logo")], heading="Identity"),
        FieldPanel("footer_text"),
        MultiFieldPanel(
            [FieldPanel("default_social_image"), FieldPanel("organization_name")],
            heading="Sharing and search engines",
        ),
    ]

    class Meta:
        verbose_name = "site branding"
        verbose_name_plural = "site branding"

    def __str__(self):
        return f"Branding for {self.site}"

    @classmethod
    def for_request(cls, request):
        """Wagtail's per-request settings lookup, read from the cache: every page shows
        the branding, and it changes rarely. Keyed by the content generation, which a
        branding save renews (pages.content_generation), as does any image change."""
        attr_name = cls.get_cache_attr_name()
        if hasattr(request, attr_name):
            return getattr(request, attr_name)
        site = site_for_request(request)
        if site is None:
            return super().for_request(request)
        key = f"site-branding:{content_generation()}:{site.pk}"
        branding = cache.get(key)
        if branding is None:
            branding = cls.for_site(site)
            cache.set(key, branding, ENTRY_SECONDS)
        branding._request = request
        setattr(request, attr_name, branding)
        return branding

    @property
    def legal_name(self):
        return self.organization_name or self.site_name


@register_setting(icon="list-ul")
class SiteNavigation(BaseSiteSetting):
    main_menu = menu_field("The header links, in order. Empty: Home, Courses and Search.")
    footer_menu = menu_field("The footer links, in order.")
    social_links = StreamField(
        [("social", SocialLinkBlock())], blank=True, help_text="Shown in the footer, in order."
    )

    panels = [FieldPanel("main_menu"), FieldPanel("footer_menu"), FieldPanel("social_links")]

    class Meta:
        verbose_name = "navigation menus"
        verbose_name_plural = "navigation menus"

    @classmethod
    def for_request(cls, request):
        """Wagtail's lookup, with the Site taken from the cache first (pages.routing): the
        menus are built on a fragment-cache miss, and whichever lookup runs first on a
        request decides whether it pays the Site query."""
        site_for_request(request)
        return super().for_request(request)

    def __str__(self):
        return f"Navigation for {self.site}"

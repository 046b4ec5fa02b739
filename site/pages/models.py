"""Site pages every Groundschool install has: the home page and plain content pages."""

from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index

# FormPage and the site settings live beside their logic; importing them here registers
# them with Django, and pages.navigation connects the receivers that keep menus fresh.
from . import navigation  # noqa: F401
from .base import BasePage
from .blocks import ContentStreamBlock
from .forms_pages import FormField, FormPage  # noqa: F401
from .hero import HeroFields
from .home_blocks import HomeSectionsBlock
from .site_settings import SiteBranding, SiteNavigation  # noqa: F401


class HomePage(HeroFields, BasePage):
    """The site root: a hero, then sections marketers arrange (pages.home_blocks)."""

    body = StreamField(HomeSectionsBlock(), blank=True)
    description_field = "hero_text"

    content_panels = [*Page.content_panels, *HeroFields.hero_panels, FieldPanel("body")]
    search_fields = [*Page.search_fields, index.SearchField("hero_text")]

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = [
        "pages.StandardPage",
        "pages.LandingPage",
        "pages.FormPage",
        "courses.CourseIndexPage",
    ]
    max_count = 1
    template = "pages/home_page.html"


class LandingPage(HeroFields, BasePage):
    """A campaign page built from the same sections as the home page."""

    body = StreamField(HomeSectionsBlock(), blank=True)
    description_field = "hero_text"

    content_panels = [*Page.content_panels, *HeroFields.hero_panels, FieldPanel("body")]
    search_fields = [*Page.search_fields, index.SearchField("hero_text")]

    parent_page_types = ["pages.HomePage"]
    subpage_types = []
    template = "pages/home_page.html"


class StandardPage(BasePage):
    """About, terms, privacy: an introduction and free-form content."""

    intro = RichTextField(blank=True, features=["bold", "italic", "link"])
    body = StreamField(ContentStreamBlock(), blank=True)
    description_field = "intro"

    content_panels = [*Page.content_panels, FieldPanel("intro"), FieldPanel("body")]
    search_fields = [*Page.search_fields, index.SearchField("intro"), index.SearchField("body")]

    parent_page_types = ["pages.HomePage", "pages.StandardPage"]
    subpage_types = ["pages.StandardPage"]

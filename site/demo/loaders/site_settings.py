"""Demo site settings for `load_demo`: branding, navigation menus and a contact form, words
in demo/data/pages/site_settings.json; and the demo marketer in the Marketers role.

Runs after the pages and courses loaders so the pages the menus point at exist. Like
every demo loader it never overwrites an editor's work: a menu or footer text is filled
only while it is empty, and the contact page only when its slug is free.
"""

from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.auth import get_user_model

from wagtail.models import Page, Site

from accounts.roles import marketers_group
from demo.words import read
from pages.forms_pages import FormField, FormPage
from pages.site_settings import DEFAULT_FOOTER_TEXT, SiteBranding, SiteNavigation

WORDS = read("pages", "site_settings.json")
FOOTER_TEXT = WORDS["footer_text"]
CONTACT_PAGE = WORDS["contact_page"]
CONTACT_FIELDS = WORDS["contact_fields"]


def contact_page(home):
    """The contact FormPage under the home page, created if its slug is free."""
    existing = home.get_children().filter(slug=CONTACT_PAGE["slug"]).first()
    if existing is not None:
        return existing.specific, False
    page = FormPage(
        **CONTACT_PAGE,
        form_fields=[FormField(sort_order=i, **spec) for i, spec in enumerate(CONTACT_FIELDS)],
    )
    home.add_child(instance=page)
    page.save_revision().publish()
    return page, True


def link(label, page=None, url=""):
    """A main or footer menu entry in StreamField's stored form."""
    value = {"label": label, "page": page.pk if page else None, "url": url}
    return {"type": "link", "value": value}


def live_child(home, slug):
    return Page.objects.child_of(home).live().filter(slug=slug).first()


# What pages' migration names the default site before anyone has set it.
PLACEHOLDER_HOST = ("localhost", 80)


def serve_site_at_site_url(site):
    """Point the default site at SITE_URL while it still has the migration's placeholder.

    Wagtail builds sitemap.xml and every full page URL from the Site's hostname and
    port, so `make run` listed http://localhost/ pages that nothing serves. A host an
    editor has set in Settings > Sites is left alone.
    """
    if (site.hostname, site.port) != PLACEHOLDER_HOST:
        return
    served = urlsplit(settings.SITE_URL)
    site.hostname = served.hostname
    site.port = served.port or (443 if served.scheme == "https" else 80)
    site.save(update_fields=["hostname", "port"])


def load(stdout):
    site = Site.objects.get(is_default_site=True)
    serve_site_at_site_url(site)
    home = site.root_page
    contact, created = contact_page(home)
    marketer = get_user_model().objects.filter(email="marketer@demo.test").first()
    if marketer is not None:
        marketer.groups.add(marketers_group())

    branding = SiteBranding.for_site(site)
    if branding.footer_text == DEFAULT_FOOTER_TEXT:  # still the text a fresh install has
        branding.footer_text = FOOTER_TEXT
        branding.save()

    courses, about = live_child(home, "courses"), live_child(home, "about")
    premium, privacy = live_child(home, "premium"), live_child(home, "privacy")
    main = [
        link("Courses", courses) if courses else None,
        link("Examiners", url="/examiners/"),
        link("ACS", url="/acs/"),
        link("About", about) if about else None,
        link("Contact", contact),
        link("Search", url="/search/"),
    ]
    footer = [
        link("About", about) if about else None,
        link("Premium membership", premium)
        if premium
        else link("Premium membership", url=settings.PREMIUM_URL),
        link("Contact", contact),
        link("Privacy", privacy) if privacy else None,
    ]
    nav = SiteNavigation.for_site(site)
    changed = []
    if not nav.main_menu:
        nav.main_menu = [item for item in main if item]
        changed.append("main menu")
    if not nav.footer_menu:
        nav.footer_menu = [item for item in footer if item]
        changed.append("footer menu")
    if changed:
        nav.save()
    stdout.write(
        f"  site settings: contact page /contact/ ({'added' if created else 'kept'}), "
        f"{', '.join(changed) or 'menus kept'}"
    )

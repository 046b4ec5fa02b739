"""Demo pages for `load_demo`: the home page (hero with its picture, curated sections) and an
About page, words in demo/data/pages, the hero picture from demo.art.

Runs after the courses loader, so the hero and the call-to-action band can link to the
catalog.
"""

import copy

from wagtail.models import Page, Site

from demo.art.library import home_hero_image
from demo.words import read
from pages.models import HomePage, StandardPage

HOME = read("pages", "home.json")
ABOUT = read("pages", "about.json")
HOME_BODY = HOME["body"]
HOME_SECTIONS = HOME["sections"]


def call_to_action(catalog):
    return {
        "type": "call_to_action",
        "value": {**HOME["call_to_action"], "link": {"page": catalog.pk, "url": ""}},
    }


def load(stdout):
    """Fill in pages nobody has edited yet; never overwrite an editor's work."""
    site = Site.objects.get(is_default_site=True)
    home = site.root_page.specific
    if not isinstance(home, HomePage):
        raise RuntimeError("The default site's root page is not a HomePage; run migrate first.")
    if home.latest_revision_id is None:  # still exactly as the migration created it
        catalog = Page.objects.child_of(home).filter(slug="courses").first()
        home.hero_text = HOME["hero_text"]
        home.hero_image = home_hero_image()
        body = copy.deepcopy([*HOME_BODY, *HOME_SECTIONS])
        if catalog is not None:
            home.hero_cta_label, home.hero_cta_page = HOME["hero_cta_label"], catalog
            body.append(call_to_action(catalog))
        home.body = body
        home.save_revision().publish()

    if not StandardPage.objects.child_of(home).filter(slug=ABOUT["slug"]).exists():
        about = StandardPage(**copy.deepcopy(ABOUT))
        home.add_child(instance=about)
        about.save_revision().publish()
    stdout.write(f"  pages: {home.title} (/), {ABOUT['title']} (/{ABOUT['slug']}/)")

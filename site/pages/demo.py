"""Demo pages for `load_demo`: the home page (hero and curated sections) and an About page.

Runs after the courses demo, so the hero and the call-to-action band can link to the catalog.
"""

from wagtail.models import Page, Site

from .models import HomePage, StandardPage

HOME_SECTIONS = [
    {"type": "featured_courses", "value": {"heading": "Start here", "courses": [], "limit": 3}},
    {"type": "featured_categories", "value": {"heading": "Study by topic", "categories": []}},
    {
        "type": "testimonials",
        "value": {"heading": "What pilots say", "testimonials": [], "limit": 3},
    },
    {"type": "stats", "value": {"heading": "Groundschool in numbers"}},
]


def call_to_action(catalog):
    return {
        "type": "call_to_action",
        "value": {
            "heading": "Your checkride, without surprises",
            "text": "Start with the free weather course; upgrade when you are ready.",
            "button_label": "Browse the courses",
            "link": {"page": catalog.pk, "url": ""},
        },
    }


HOME_BODY = [
    {"type": "heading", "value": {"text": "Study the way the examiner tests", "level": "h2"}},
    {
        "type": "paragraph",
        "value": (
            "<p>Every checkride follows the Airman Certification Standards. Groundschool "
            "organises lessons, flashcards and mock oral exams around the same areas of "
            "operation, so you always know what is left to study.</p>"
        ),
    },
]

ABOUT_BODY = [
    {
        "type": "paragraph",
        "value": (
            "<p>Groundschool was started by flight instructors who wanted their students "
            "to walk into the oral exam calm and prepared. Lessons are written and "
            "reviewed by certificated instructors and cite the regulations and FAA "
            "handbooks they draw on.</p>"
        ),
    },
]


def load(stdout):
    """Fill in pages nobody has edited yet; never overwrite an editor's work."""
    site = Site.objects.get(is_default_site=True)
    home = site.root_page.specific
    if not isinstance(home, HomePage):
        raise RuntimeError("The default site's root page is not a HomePage; run migrate first.")
    if home.latest_revision_id is None:  # still exactly as the migration created it
        catalog = Page.objects.child_of(home).filter(slug="courses").first()
        home.hero_text = (
            "Ground school lessons, spaced-repetition flashcards and mock oral exams, "
            "built around the FAA Airman Certification Standards."
        )
        body = [*HOME_BODY, *HOME_SECTIONS]
        if catalog is not None:
            home.hero_cta_label, home.hero_cta_page = "Browse the courses", catalog
            body.append(call_to_action(catalog))
        home.body = body
        home.save_revision().publish()

    if not StandardPage.objects.child_of(home).filter(slug="about").exists():
        about = StandardPage(
            title="About Groundschool",
            slug="about",
            intro="<p>Checkride preparation made by instructors, for applicants.</p>",
            body=ABOUT_BODY,
        )
        home.add_child(instance=about)
        about.save_revision().publish()
    stdout.write(f"  pages: {home.title} (/), About Groundschool (/about/)")

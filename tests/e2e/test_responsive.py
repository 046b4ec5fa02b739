"""Every page type on a phone, in Chromium: nothing scrolls sideways at 360 and 390 px, and
the page's primary action (or, on a content page, its heading) is on the first screen.

Loading the demo takes long, and every browser test flushes the database afterwards, so
the pages are opened once per module (`phone_visits`) and each page and width is then
its own test that reads what the browser saw.
"""

from dataclasses import dataclass

from django.core.management import call_command
from django.test import Client

import pytest

from accounts.models import User
from learning.acs.links import task_url
from learning.acs.models import AcsStandard
from learning.courses.models import CoursePage, LessonPage, ModulePage
from pages.models import StandardPage
from snippets.models import Category, Examiner
from tests.conftest import restore_migrated_content

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PHONES = {360: 780, 390: 844}
LEARNER = "learner@demo.test"


@dataclass(frozen=True)
class PageCase:
    name: str
    primary: str  # CSS selector of the primary action, or the heading of a content page
    signed_in: bool = False


PAGES = [
    PageCase("home", ".hero .button--primary"),
    PageCase("catalog", ".course-card"),
    PageCase("category", "main h1"),
    PageCase("course", "[data-primary-action]"),
    PageCase("module", "main h1"),
    PageCase("free preview lesson", "main h1"),
    PageCase("acs index", "main h1"),
    PageCase("acs standard", "main h1"),
    PageCase("acs task", "main h1"),
    PageCase("standard page", "main h1"),
    PageCase("examiners", "[data-testid=examiner-card]"),
    PageCase("examiner", "main h1"),
    PageCase("search", "#search-q"),
    PageCase("login", "main form [type=submit]"),
    PageCase("signup", "main form [type=submit]"),
    PageCase("dashboard", "main h1", signed_in=True),
    PageCase("flashcards home", "main a.button--primary", signed_in=True),
    PageCase("study", ".study-reveal__button", signed_in=True),
    PageCase("orals home", "main h1", signed_in=True),
    PageCase("account settings", "main h1", signed_in=True),
]


def demo_urls():
    """Where each page type lives in the demo content."""
    course = CoursePage.objects.live().get(slug="private-pilot-checkride-prep")
    return {
        "home": "/",
        "catalog": "/courses/",
        "category": f"/categories/{Category.objects.order_by('pk').first().slug}/",
        "course": course.url,
        "module": ModulePage.objects.live().child_of(course).first().url,
        "free preview lesson": LessonPage.objects.live().filter(is_free_preview=True).first().url,
        "acs index": "/acs/",
        "acs standard": f"/acs/{AcsStandard.objects.order_by('pk').first().slug}/",
        "acs task": task_url("PA.I.C"),
        "standard page": StandardPage.objects.live().get(slug="about").url,
        "examiners": "/examiners/",
        "examiner": f"/examiners/{Examiner.objects.order_by('name').first().slug}/",
        "search": "/search/?q=airspace",
        "login": "/accounts/login/",
        "signup": "/accounts/signup/",
        "dashboard": "/dashboard/",
        "flashcards home": "/flashcards/",
        "study": "/flashcards/study/",
        "orals home": "/orals/",
        "account settings": "/accounts/settings/",
    }


def session_cookie(live_server):
    """The demo learner's session, made by Django's test client instead of the login form."""
    client = Client()
    client.force_login(User.objects.get(email=LEARNER))
    cookie = client.cookies["sessionid"]
    return {"name": "sessionid", "value": cookie.value, "url": live_server.url}


def measure(page, url, selector):
    page.goto(url)
    sizes = page.evaluate(
        "[document.documentElement.scrollWidth, document.documentElement.clientWidth]"
    )
    target = page.locator(selector).first
    top = target.bounding_box()["y"] if target.count() else None
    return {"scroll_width": sizes[0], "client_width": sizes[1], "primary_top": top}


@pytest.fixture(scope="module")
def phone_visits(browser, live_server, django_db_setup, django_db_blocker):
    """Open every page at every phone width once; {(page name, width): what was seen}."""
    seen = {}
    with django_db_blocker.unblock():
        restore_migrated_content()
        call_command("load_demo", stdout=open("/dev/null", "w"))  # noqa: SIM115
        urls = demo_urls()
        cookie = session_cookie(live_server)
        for width, height in PHONES.items():
            for signed_in in (False, True):
                context = browser.new_context(
                    base_url=live_server.url, viewport={"width": width, "height": height}
                )
                if signed_in:
                    context.add_cookies([cookie])
                page = context.new_page()
                page.set_default_timeout(15_000)
                for case in PAGES:
                    if case.signed_in == signed_in:
                        seen[case.name, width] = measure(page, urls[case.name], case.primary)
                context.close()
    return seen


@pytest.mark.parametrize("width", list(PHONES))
@pytest.mark.parametrize("case", PAGES, ids=[case.name for case in PAGES])
def test_page_fits_the_phone_and_shows_its_primary_action(phone_visits, case, width):
    seen = phone_visits[case.name, width]
    assert seen["scroll_width"] <= seen["client_width"], f"{case.name} scrolls sideways"
    assert seen["primary_top"] is not None, f"{case.primary} is missing on {case.name}"
    assert seen["primary_top"] < PHONES[width], f"{case.primary} is below the first screen"

"""The guest page cache forgets a page as soon as anything it shows changes: pages
published, unpublished, moved or deleted, scheduled publishing, snippets, settings,
page privacy, redirects and moderation of reviews and checkride reports."""

import datetime

from django.core.management import call_command
from django.test import Client
from django.utils import timezone

from wagtail.contrib.redirects.models import Redirect
from wagtail.models import PageViewRestriction, Site

import pytest

from accounts.factories import UserFactory
from community.gouge import services as gouge
from community.gouge.models import Difficulty, Outcome
from community.reviews import services as reviews
from community.reviews.models import Review
from learning.courses.factories import make_catalog, make_course
from pages.site_settings import SiteBranding
from snippets.factories import ExaminerFactory
from snippets.models.examiner import Certificate

pytestmark = pytest.mark.django_db


def guest_get(path):
    """A first-time visitor (no cookies at all)."""
    return Client().get(path)


def cached(path):
    """Fetch twice as a guest; the second must come from the cache."""
    guest_get(path)
    response = guest_get(path)
    assert response["X-Page-Cache"] == "hit"
    return response


@pytest.fixture
def catalog():
    return make_catalog()


@pytest.fixture
def course(catalog):
    return make_course(catalog, title="Crosswind Landings", slug="crosswind")


def test_publishing_a_change_shows_at_once(course):
    cached(course.url)
    course.title = "Gusty Crosswind Landings"
    course.save_revision().publish()
    response = guest_get(course.url)
    assert response["X-Page-Cache"] == "miss"
    assert "Gusty Crosswind Landings" in response.content.decode()


def test_a_scheduled_revision_shows_once_it_goes_live(course):
    cached(course.url)
    course.title = "Night Crosswinds"
    course.save_revision(approved_go_live_at=timezone.now() + datetime.timedelta(hours=1))
    assert "Night Crosswinds" not in cached(course.url).content.decode()
    later = timezone.now() + datetime.timedelta(hours=2)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(timezone, "now", lambda: later)
        call_command("publish_scheduled")
    assert "Night Crosswinds" in guest_get(course.url).content.decode()


def test_unpublishing_or_deleting_a_page_takes_it_down_at_once(catalog, course):
    other = make_course(catalog, title="Short Fields", slug="short-fields")
    cached(course.url)
    cached(other.url)
    course.unpublish()
    other.delete()
    assert guest_get("/courses/crosswind/").status_code == 404
    assert guest_get("/courses/short-fields/").status_code == 404


def test_moving_a_page_sends_its_old_address_to_the_new_one(course):
    cached(course.url)
    cached("/courses/")
    elsewhere = make_catalog(title="Archive", slug="archive")
    course.move(elsewhere, pos="last-child")
    old = guest_get("/courses/crosswind/")
    assert (old.status_code, old["Location"]) == (301, "/archive/crosswind/")
    assert "Crosswind Landings" not in guest_get("/courses/").content.decode()
    assert "Crosswind Landings" in guest_get("/archive/crosswind/").content.decode()


def test_making_a_page_private_keeps_guests_out_at_once(course):
    cached(course.url)
    PageViewRestriction.objects.create(page=course, restriction_type=PageViewRestriction.LOGIN)
    response = guest_get(course.url)
    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]


def test_saving_a_snippet_shows_at_once():
    examiner = ExaminerFactory(name="Alex Rivera", certificates=[Certificate.PRIVATE])
    cached("/examiners/")
    examiner.name = "Alexandra Rivera"
    examiner.save()
    assert "Alexandra Rivera" in guest_get("/examiners/").content.decode()


def test_saving_a_site_setting_shows_at_once(course):
    cached(course.url)
    branding = SiteBranding.for_site(Site.objects.get(is_default_site=True))
    branding.footer_text = "Fly safe, study smart."
    branding.save()
    assert "Fly safe, study smart." in guest_get(course.url).content.decode()


def test_saving_a_redirect_purges(course):
    cached(course.url)
    Redirect.add_redirect("/old-crosswind/", course)
    assert guest_get(course.url)["X-Page-Cache"] == "miss"


def test_an_approved_review_shows_on_the_course_page_at_once(course, commit):
    review = Review.objects.create(
        user=UserFactory(),
        course=course,
        rating=5,
        title="Best crosswind drills",
        text="Clear, short and exactly what my examiner asked.",
    )
    assert "Best crosswind drills" not in cached(course.url).content.decode()
    with commit():
        reviews.approve([review], moderator=None)
    assert "Best crosswind drills" in guest_get(course.url).content.decode()


def test_an_approved_checkride_report_shows_on_the_examiner_page_at_once():
    examiner = ExaminerFactory(name="Alex Rivera", certificates=[Certificate.PRIVATE])
    fields = {
        "checkride_date": datetime.date(2026, 11, 2),
        "certificate": Certificate.PRIVATE,
        "outcome": Outcome.PASS,
        "overall_rating": 4,
        "oral_difficulty": Difficulty.MODERATE,
        "flight_difficulty": Difficulty.EASY,
        "stress_level": 3,
        "what_came_up": "Steep turns over the lighthouse, then a diversion.",
        "unexpected_elements": "",
        "acs_codes": "",
    }
    report = gouge.submit_report(UserFactory(), examiner, fields)
    page = f"/examiners/{examiner.slug}/"
    assert "lighthouse" not in cached(page).content.decode()
    gouge.moderate([report], moderator=None, approve=True)
    assert "lighthouse" in guest_get(page).content.decode()

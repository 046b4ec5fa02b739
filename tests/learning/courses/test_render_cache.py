"""Cached outlines, breadcrumbs, lesson bodies and branding follow every change: each
test views a page (filling the caches), changes the content, and views it again.
The guest page cache is off so each response is rendered."""

from wagtail.models import Page, Site

import pytest

from accounts.factories import UserFactory
from community.reviews.models import Review
from community.reviews.services import approve
from learning.courses.factories import make_catalog, make_course, make_lesson, make_module
from learning.courses.models import LessonPage
from pages.site_settings import SiteBranding

from .conftest import SENTINELS, gated, paragraph


@pytest.fixture(autouse=True)
def without_page_cache(settings):
    settings.PAGE_CACHE_ENABLED = False


@pytest.fixture
def course(db):
    course = make_course(make_catalog(), title="Weather Theory", publish=True)
    module = make_module(course, title="Fronts", publish=True)
    for title in ("Cold fronts", "Warm fronts"):
        make_lesson(module, title=title, access_level="guest", publish=True)
    return course


def lesson_titled(title):
    return LessonPage.objects.get(title=title)


def html(client, url):
    client.get(url)  # fills the caches
    response = client.get(url)
    assert response.status_code == 200
    return response.content.decode()


def test_published_lesson_change_shows_on_lesson_and_outline(client, course):
    lesson = lesson_titled("Cold fronts")
    html(client, lesson.url)
    lesson.title = "Cold fronts and squall lines"
    lesson.body = [paragraph("xyznewbody")]
    lesson.save_revision().publish()
    page = html(client, lesson.url)
    assert "xyznewbody" in page
    assert "Cold fronts and squall lines" in html(client, course.url)


def test_unpublished_lesson_leaves_outline_and_404s(client, course):
    lesson = lesson_titled("Warm fronts")
    assert "Warm fronts" in html(client, course.url)
    lesson.unpublish()
    assert "Warm fronts" not in html(client, course.url)
    assert client.get(lesson.url).status_code == 404


def test_reordered_lessons_show_in_the_new_order(client, course):
    first, second = lesson_titled("Cold fronts"), lesson_titled("Warm fronts")
    page = html(client, course.url)
    assert page.index("Cold fronts") < page.index("Warm fronts")
    second.move(first, pos="left")
    page = html(client, course.url)
    assert page.index("Warm fronts") < page.index("Cold fronts")


def test_moved_lesson_shows_its_new_address_in_the_outline(client, course):
    lesson = lesson_titled("Warm fronts")
    html(client, course.url)
    other = make_module(course, title="Clouds", publish=True)
    lesson.move(other, pos="last-child")
    moved = Page.objects.get(pk=lesson.pk)
    page = html(client, course.url)
    assert f'href="{moved.url}"' in page
    assert f'href="{lesson.url}"' not in page


def test_breadcrumbs_follow_a_renamed_course(client, course):
    lesson = lesson_titled("Cold fronts")
    html(client, lesson.url)
    course.title = "Weather for Pilots"
    course.save_revision().publish()
    assert f'<a href="{course.url}">Weather for Pilots</a>' in html(client, lesson.url)


def test_gated_section_added_later_reaches_premium_only(client, course, premium_user):
    lesson = lesson_titled("Cold fronts")
    html(client, lesson.url)
    lesson.body = [gated("premium", SENTINELS["gated_premium"])]
    lesson.save_revision().publish()
    client.force_login(premium_user)
    assert SENTINELS["gated_premium"] in html(client, lesson.url)  # premium renders first
    client.logout()
    guest_page = html(client, lesson.url)
    assert SENTINELS["gated_premium"] not in guest_page
    assert 'data-testid="tier-cta"' in guest_page


def test_approved_review_updates_the_course_rating(client, course, commit):
    assert "aggregateRating" not in html(client, course.url)
    review = Review.objects.create(
        user=UserFactory(),
        course=course,
        rating=4,
        title="Clear",
        text="Explains fronts better than any book I have read so far.",
    )
    with commit():
        approve([review], UserFactory())
    assert '"ratingCount": 1' in html(client, course.url)


def test_branding_save_shows_the_new_site_name(client, course):
    html(client, course.url)
    branding = SiteBranding.for_site(Site.objects.get(is_default_site=True))
    branding.site_name = "Skyward Ground School"
    branding.save()
    assert "Skyward Ground School" in html(client, course.url)

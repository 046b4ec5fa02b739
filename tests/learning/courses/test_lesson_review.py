"""A lesson names the instructor who reviewed it and the date it is current as of,
under its title, for every visitor; editors set both on the lesson's settings tab,
choosing among certificate holders only; a copied lesson starts unreviewed."""

import datetime

from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

import pytest
from bs4 import BeautifulSoup

from accounts.factories import UserFactory
from learning.courses.factories import make_catalog, make_course, make_lesson, make_module

pytestmark = pytest.mark.django_db

REVIEWED_ON = datetime.date(2026, 11, 2)


def certified(name="Ida Instructor", number="3456789"):
    user = UserFactory()
    user.profile.display_name = name
    user.profile.faa_certificate_grade, user.profile.faa_certificate_number = "CFI", number
    user.profile.save()
    return user


@pytest.fixture
def module():
    return make_module(make_course(make_catalog(), title="Private Pilot Prep"), title="Airspace")


@pytest.fixture
def reviewed(module):
    return make_lesson(
        module,
        title="Class B airspace",
        access_level="guest",
        reviewed_by=certified(),
        current_as_of=REVIEWED_ON,
    )


def review_line(response):
    line = BeautifulSoup(response.content, "html.parser").select_one(".page-header .content-review")
    return " ".join(line.get_text().split()) if line else None


def test_every_visitor_reads_who_reviewed_the_lesson_and_when(client, reviewed, learner):
    expected = "Reviewed by Ida Instructor, CFI 3456789 · current as of 2 Nov 2026"
    assert review_line(client.get(reviewed.url)) == expected
    client.force_login(learner)
    assert review_line(client.get(reviewed.url)) == expected


def test_a_lesson_nobody_reviewed_shows_no_review_line(client, module):
    lesson = make_lesson(module, title="Unreviewed", access_level="guest")
    assert review_line(client.get(lesson.url)) is None


def test_a_review_older_than_the_configured_age_says_it_is_due(client, reviewed, settings):
    settings.CONTENT_REVIEW_MAX_AGE_DAYS = 7
    assert review_line(client.get(reviewed.url)).endswith("· due for review")


def test_the_reviewer_comes_with_the_page_at_no_extra_query(client, module, reviewed, settings):
    """The page router reads the lesson with its reviewer and profile (routing_queryset)."""
    settings.PAGE_CACHE_ENABLED = False  # count the rendering, not the guest page cache
    unreviewed = make_lesson(module, title="Class C airspace", access_level="guest")

    def count(url):
        client.get(url)
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url).status_code == 200
        return len(queries)

    assert count(reviewed.url) == count(unreviewed.url)


def test_a_copied_lesson_starts_unreviewed(reviewed):
    copy = reviewed.copy(update_attrs={"slug": "class-b-copy", "title": "Class B (copy)"})
    copy.refresh_from_db()
    assert copy.reviewed_by is None
    assert copy.current_as_of is None
    reviewed.refresh_from_db()
    assert reviewed.current_as_of == REVIEWED_ON


def test_cleaning_checks_the_review_and_still_runs_wagtails_own_checks(module, reviewed):
    clash = make_lesson(module, title="Other", slug="other")
    clash.slug = reviewed.slug
    clash.reviewed_by = UserFactory()  # no certificate
    clash.current_as_of = timezone.localdate() + datetime.timedelta(days=1)
    with pytest.raises(ValidationError) as error:
        clash.full_clean()
    assert "reviewed_by" in error.value.message_dict
    clash.reviewed_by, clash.current_as_of = reviewed.reviewed_by, REVIEWED_ON
    with pytest.raises(ValidationError) as error:
        clash.full_clean()
    assert set(error.value.message_dict) == {"slug"}  # Wagtail's sibling slug check


def test_the_editor_offers_only_certificate_holders_named_by_their_credit(client, reviewed):
    certified(name="Cal Checkairman", number="7654321")
    UserFactory(email="no.certificate@example.test")
    client.force_login(UserFactory(is_staff=True, is_superuser=True))
    html = client.get(reverse("wagtailadmin_pages:edit", args=[reviewed.pk])).content
    select = BeautifulSoup(html, "html.parser").select_one("select[name=reviewed_by]")
    options = [option.get_text(strip=True) for option in select.select("option") if option["value"]]
    assert options == ["Cal Checkairman, CFI 7654321", "Ida Instructor, CFI 3456789"]
    assert b"current_as_of" in html

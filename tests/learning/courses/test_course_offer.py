"""The course page says what enrolling does for each viewer, and never a price.

Enrolling is free until payments exist, so a course with a list price and a running
discount must not show "$149", "$119" or "until ..." beside its free Enroll button:
each viewer reads what the button does for them, at the top of the page, before the
outline and the reviews."""

import datetime
import json
import re
from decimal import Decimal

from django.urls import reverse
from django.utils import timezone

import pytest

from learning.courses.factories import make_catalog, make_course, make_lesson, make_module
from learning.courses.services import refresh_course_totals
from learning.enrollments.models import Enrollment

CHARGE_WORDS = ("$", "<del>", "until ")


@pytest.fixture
def priced_course(db):
    """A course with a list price and a discount, three open lessons and one premium."""
    course = make_course(
        make_catalog(),
        title="Commercial Maneuvers",
        price=Decimal("149.00"),
        discount_price=Decimal("119.00"),
        discount_ends=timezone.localdate() + datetime.timedelta(days=30),
    )
    module = make_module(course, title="Performance maneuvers")
    make_lesson(module, title="Steep spirals", access_level="guest")
    make_lesson(module, title="Chandelles")
    make_lesson(module, title="Lazy eights")
    make_lesson(module, title="Eights on pylons", access_level="premium")
    refresh_course_totals(course.pk)
    course.refresh_from_db()
    return course


def top_of_page(html):
    """The page up to the course outline: what a visitor reads first."""
    return html.split('id="outline-heading"')[0]


def offer_text(html):
    match = re.search(r'data-testid="course-offer">(.*?)</div>', html, re.S)
    assert match, "the course page states what enrolling gives"
    return " ".join(re.sub(r"<[^>]+>", " ", match.group(1)).split())


def assert_no_charge(html):
    for word in CHARGE_WORDS:
        assert word not in html, word


def test_a_guest_reads_that_a_free_account_enrolls_them(client, priced_course):
    html = client.get(priced_course.url).content.decode()
    top = top_of_page(html)
    assert offer_text(top) == (
        "Free to enroll With a free account. 3 of 4 lessons included; 1 needs Premium. "
        "No card needed."
    )
    assert "data-primary-action>Sign up free to enroll</a>" in top
    assert_no_charge(html)


def test_a_registered_learner_enrolls_for_free_as_the_page_says(
    client, priced_course, registered_user
):
    client.force_login(registered_user)
    html = client.get(priced_course.url).content.decode()
    top = top_of_page(html)
    assert offer_text(top) == (
        "Free to enroll 3 of 4 lessons included; 1 needs Premium. No card needed."
    )
    assert "data-primary-action>Enroll for free</button>" in top
    assert_no_charge(html)

    client.post(reverse("enroll", args=[priced_course.pk]))
    assert Enrollment.objects.filter(user=registered_user, course=priced_course).exists()


def test_a_premium_member_reads_that_the_course_is_included(client, priced_course, premium_user):
    client.force_login(premium_user)
    html = client.get(priced_course.url).content.decode()
    assert offer_text(top_of_page(html)) == (
        "Included with Premium All 4 lessons included. Nothing extra to pay."
    )
    assert_no_charge(html)


def test_an_enrolled_learner_sees_continue_at_the_top(client, priced_course, registered_user):
    client.force_login(registered_user)
    client.post(reverse("enroll", args=[priced_course.pk]))
    top = top_of_page(client.get(priced_course.url).content.decode())
    assert "data-primary-action>Start: Steep spirals</a>" in top
    assert 'data-testid="course-offer"' not in top


def test_the_phone_bar_repeats_the_offer_and_the_control(client, priced_course, registered_user):
    html = client.get(priced_course.url).content.decode()
    bar = html.split('data-testid="enroll-bar"')[1]
    assert "Free to enroll" in bar
    assert "Sign up to enroll" in bar
    client.force_login(registered_user)
    bar = client.get(priced_course.url).content.decode().split('data-testid="enroll-bar"')[1]
    assert f'action="{reverse("enroll", args=[priced_course.pk])}"' in bar
    assert ">Enroll</button>" in bar
    assert "1 lesson needs Premium" in bar


def test_structured_data_offers_the_course_for_free(client, priced_course):
    html = client.get(priced_course.url).content.decode()
    scripts = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    course = next(data for data in map(json.loads, scripts) if data.get("@type") == "Course")
    assert course["offers"]["price"] == "0"
    assert course["offers"]["category"] == "Partially Free"

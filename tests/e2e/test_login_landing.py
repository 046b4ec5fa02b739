"""Logging in from the header lands a learner on their dashboard and an instructor in
the Wagtail admin, in Chromium."""

from django.contrib.auth.models import Group

import pytest

from accounts.factories import TEST_PASSWORD, UserFactory

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def log_in_from_the_header(page, user):
    page.goto("/")
    page.get_by_role("link", name="Log in").first.click()
    page.get_by_label("Email").fill(user.email)
    page.get_by_label("Password").fill(TEST_PASSWORD)
    page.get_by_role("button", name="Log in").click()


def test_a_learner_lands_on_their_dashboard(page):
    learner = UserFactory(first_name="Robin", last_name="Rotate")
    log_in_from_the_header(page, learner)
    page.wait_for_url("**/dashboard/")
    assert page.get_by_test_id("header-user-name").inner_text() == learner.display_name
    assert page.get_by_role("heading", level=1).is_visible()


def test_an_instructor_lands_in_the_admin(page):
    instructor = UserFactory()
    instructor.groups.add(Group.objects.get(name="Instructors"))
    log_in_from_the_header(page, instructor)
    page.wait_for_url("**/admin/")
    assert "Dashboard" in page.title()

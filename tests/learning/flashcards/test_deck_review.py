"""An official deck names the instructor who reviewed it and when: shown on the deck page
and the study screen at no extra query, set in the admin by those who edit the deck."""

import datetime

from django.urls import reverse

import pytest

from accounts.factories import UserFactory
from accounts.roles import instructors_group, marketers_group, moderators_group
from learning.courses.factories import make_catalog, make_course
from learning.enrollments.factories import enroll
from learning.flashcards import services
from learning.flashcards.factories import DeckFactory, FlashcardFactory
from learning.instructors.factories import credit

from .conftest import make_deck

REVIEWED_ON = datetime.date(2026, 11, 20)
CREDIT = "Reviewed by Ida Instructor, CFI 1234567"


def certified(name="Ida Instructor", number="1234567"):
    first, last = name.split()
    user = UserFactory(first_name=first, last_name=last)
    user.profile.faa_certificate_grade = "CFI"
    user.profile.faa_certificate_number = number
    user.profile.save()
    return user


@pytest.fixture
def catalog(db):
    return make_catalog(publish=True)


@pytest.fixture
def official(catalog):
    course = make_course(catalog, publish=True)
    deck = DeckFactory(owner=None, course=course, name="Essentials", is_public=True)
    FlashcardFactory.create_batch(3, deck=deck)
    deck.reviewed_by, deck.current_as_of = certified(), REVIEWED_ON
    deck.save()
    return deck


def test_the_deck_page_and_study_screen_show_the_review(signed_in, learner, official):
    enroll(learner, official.course)
    services.start_studying(learner, official)
    for path in (f"/flashcards/decks/{official.pk}/", f"/flashcards/study/?deck={official.pk}"):
        html = signed_in.get(path).content.decode()
        assert CREDIT in html, path
        assert 'datetime="2026-11-20"' in html, path


def test_a_learners_own_deck_shows_no_review_line(signed_in, learner):
    deck = make_deck(learner, cards=2)
    for path in (f"/flashcards/decks/{deck.pk}/", f"/flashcards/study/?deck={deck.pk}"):
        html = signed_in.get(path).content.decode()
        assert "Reviewed by" not in html
        assert "content-review" not in html


def test_the_review_line_costs_no_query(
    signed_in, learner, official, django_assert_max_num_queries
):
    """The same count with and without a reviewer: the line reads the select_related
    reviewer and profile."""
    enroll(learner, official.course)
    services.start_studying(learner, official)
    path = f"/flashcards/study/?deck={official.pk}"
    signed_in.get(path)
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as reviewed:
        signed_in.get(path)
    official.reviewed_by, official.current_as_of = None, None
    official.save()
    with CaptureQueriesContext(connection) as unreviewed:
        signed_in.get(path)
    assert len(reviewed) == len(unreviewed)
    deck_page = f"/flashcards/decks/{official.pk}/"
    signed_in.get(deck_page)
    with CaptureQueriesContext(connection) as page_unreviewed:
        signed_in.get(deck_page)
    official.reviewed_by, official.current_as_of = certified("Al Examiner", "7654321"), REVIEWED_ON
    official.save()
    with CaptureQueriesContext(connection) as page_reviewed:
        assert "Al Examiner" in signed_in.get(deck_page).content.decode()
    assert len(page_reviewed) == len(page_unreviewed)


def edit_form(deck, **fields):
    return {
        "name": deck.name,
        "description": deck.description,
        "course": deck.course_id,
        "category": "",
        "is_public": "on",
        **fields,
    }


def staff(client, group):
    user = UserFactory()
    user.groups.add(group)
    client.force_login(user)
    return user


@pytest.mark.parametrize("role", ["learner", "marketer", "moderator"])
def test_only_deck_editors_may_set_the_reviewer(client, official, catalog, role):
    edit = reverse("flashcards_deck_modeladmin_edit", args=[official.pk])
    if role == "learner":
        client.force_login(UserFactory())
    else:
        staff(client, {"marketer": marketers_group, "moderator": moderators_group}[role]())
    for response in (
        client.get(edit),
        client.post(edit, edit_form(official, reviewed_by="", current_as_of="")),
    ):
        assert response.status_code == 302
        if role == "learner":
            assert response["Location"].startswith("/accounts/login/")
        else:  # Wagtail's refusal: back to the dashboard, which says why
            assert response["Location"] == reverse("wagtailadmin_home")
    official.refresh_from_db()
    assert official.reviewed_by is not None


def test_an_instructor_sets_a_certified_reviewer_in_the_admin(client, official, catalog):
    # An instructor edits the decks of the courses whose content they may edit.
    credit(staff(client, instructors_group()), official.course)
    edit = reverse("flashcards_deck_modeladmin_edit", args=[official.pk])
    uncertified = UserFactory(first_name="No", last_name="Certificate")
    refused = client.post(edit, edit_form(official, reviewed_by=uncertified.pk, current_as_of=""))
    assert refused.status_code == 200
    official.refresh_from_db()
    assert official.reviewed_by.profile.faa_certificate_number == "1234567"
    reviewer = certified("Cam Checker", "5550001")
    saved = client.post(
        edit, edit_form(official, reviewed_by=reviewer.pk, current_as_of="2026-12-01")
    )
    assert saved.status_code == 302
    official.refresh_from_db()
    assert (official.reviewed_by, official.current_as_of) == (reviewer, datetime.date(2026, 12, 1))


def test_an_admin_may_clear_the_review(admin_client, official):
    edit = reverse("flashcards_deck_modeladmin_edit", args=[official.pk])
    saved = admin_client.post(edit, edit_form(official, reviewed_by="", current_as_of=""))
    assert saved.status_code == 302
    official.refresh_from_db()
    assert (official.reviewed_by, official.current_as_of) == (None, None)

"""The reviewer credit learners read, the certificate an editor enters on the account
page (and a learner cannot), and the review age taken from the settings."""

import datetime

from django.urls import reverse

import pytest

from accounts.content_review import review_due_before, reviewer_credit, reviewers
from accounts.factories import UserFactory
from accounts.roles import instructors_group

pytestmark = pytest.mark.django_db

SETTINGS = reverse("account_settings")


def certified(name="Ida Instructor", grade="CFI", number="3456789", **fields):
    user = UserFactory(**fields)
    profile = user.profile
    profile.display_name = name
    profile.faa_certificate_grade, profile.faa_certificate_number = grade, number
    profile.save()
    return user


def profile_post(**fields):
    data = {
        "profile-display_name": "Ida Instructor",
        "profile-bio": "",
        "profile-location": "",
        "profile-birth_date": "",
        "prefs-timezone": "UTC",
        "prefs-language": "en-us",
        "prefs-theme": "system",
        "prefs-study_reminder_frequency": "daily",
    }
    data.update({f"profile-{name}": value for name, value in fields.items()})
    return data


def test_the_credit_names_the_reviewer_and_their_certificate():
    assert reviewer_credit(certified()) == "Ida Instructor, CFI 3456789"
    assert reviewer_credit(certified(name="Sam Sky", grade="", number="")) == "Sam Sky"
    assert reviewer_credit(None) == ""


def test_only_active_accounts_with_a_certificate_number_can_be_reviewers():
    ida = certified()
    certified(name="Gone", is_active=False)
    UserFactory()
    assert list(reviewers()) == [ida]


def test_the_review_age_comes_from_the_settings(settings):
    today = datetime.date(2026, 12, 3)
    assert review_due_before(today) == datetime.date(2025, 12, 3)
    settings.CONTENT_REVIEW_MAX_AGE_DAYS = 30
    assert review_due_before(today) == datetime.date(2026, 11, 3)


def test_an_editor_enters_their_certificate_on_the_account_page(client):
    user = UserFactory()
    user.groups.add(instructors_group())
    client.force_login(user)
    page = client.get(SETTINGS)
    assert b"FAA certificate number" in page.content
    response = client.post(
        SETTINGS, profile_post(faa_certificate_grade="CFII", faa_certificate_number="ab12345")
    )
    assert response.status_code == 302
    user.profile.refresh_from_db()
    assert (user.profile.faa_certificate_grade, user.profile.faa_certificate_number) == (
        "CFII",
        "AB12345",
    )


@pytest.mark.parametrize(
    ("grade", "number", "message"),
    [
        ("CFI", "12", b"5 to 10 letters or digits"),
        ("CFI", "", b"Enter the certificate number as printed"),
        ("", "3456789", b"Choose the certificate this number is on"),
        ("CFI", "34-56789", b"5 to 10 letters or digits"),
    ],
)
def test_a_half_or_malformed_certificate_is_refused_and_nothing_is_saved(
    client, grade, number, message
):
    user = UserFactory()
    user.groups.add(instructors_group())
    client.force_login(user)
    response = client.post(
        SETTINGS,
        profile_post(
            display_name="Renamed", faa_certificate_grade=grade, faa_certificate_number=number
        ),
    )
    assert response.status_code == 400
    assert message in response.content
    user.profile.refresh_from_db()
    assert user.profile.faa_certificate_number == ""
    assert user.profile.display_name != "Renamed"


def test_a_learner_neither_sees_nor_can_set_a_certificate(client, learner):
    client.force_login(learner)
    assert b"FAA certificate" not in client.get(SETTINGS).content
    response = client.post(
        SETTINGS,
        profile_post(
            display_name="Lee Learner", faa_certificate_grade="CFI", faa_certificate_number="999999"
        ),
    )
    assert response.status_code == 302
    learner.profile.refresh_from_db()
    assert learner.profile.display_name == "Lee Learner"
    assert learner.profile.faa_certificate_number == ""
    assert learner.profile.faa_certificate_grade == ""
    assert learner not in reviewers()

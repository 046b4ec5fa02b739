"""The account settings page edits only the signed-in user's profile and preferences."""

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

import pytest

from accounts.factories import UserFactory

pytestmark = pytest.mark.django_db

URL = reverse("account_settings")


def valid_data(**overrides):
    data = {
        "profile-display_name": "Morgan Tailwheel",
        "profile-bio": "Working on my instrument rating.",
        "profile-location": "KPAO",
        "profile-birth_date": "1990-04-12",
        "prefs-timezone": "America/Denver",
        "prefs-language": "en-us",
        "prefs-theme": "dark",
        "prefs-email_notifications": "",
        "prefs-study_reminder_frequency": "daily",
        "prefs-show_progress_to_instructors": "on",
    }
    data.update(overrides)
    return data


def test_guests_are_sent_to_log_in(client):
    response = client.get(URL)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))


def test_saving_settings_updates_profile_and_preferences(client):
    user = UserFactory()
    client.force_login(user)
    response = client.post(URL, valid_data())
    assert response.status_code == 302

    user.refresh_from_db()
    assert user.profile.display_name == "Morgan Tailwheel"
    assert str(user.profile.birth_date) == "1990-04-12"
    assert user.preferences.timezone == "America/Denver"
    assert user.preferences.email_notifications is False
    assert user.preferences.study_reminder_frequency == "daily"
    page = client.get(URL)
    assert b'data-theme="dark"' in page.content
    assert b"Your settings are saved." in page.content


def test_invalid_input_is_a_400_that_keeps_the_input_and_saves_nothing(client):
    user = UserFactory()
    client.force_login(user)
    response = client.post(
        URL,
        valid_data(**{"prefs-timezone": "Mars/Olympus_Mons", "profile-birth_date": "2999-01-01"}),
    )
    html = response.content.decode()
    assert response.status_code == 400
    assert "Select a valid choice" in html
    assert "cannot be in the future" in html
    assert 'value="Morgan Tailwheel"' in html  # what was typed is still there
    user.refresh_from_db()
    assert user.profile.display_name == ""
    assert user.preferences.timezone == "UTC"


def test_a_posted_user_id_cannot_redirect_the_edit_to_someone_else(client):
    me, other = UserFactory(), UserFactory()
    client.force_login(me)
    client.post(URL, valid_data(**{"profile-user": other.pk, "user": other.pk}))
    other.refresh_from_db()
    me.refresh_from_db()
    assert other.profile.display_name == ""
    assert me.profile.display_name == "Morgan Tailwheel"


def test_an_oversized_avatar_is_refused_with_a_message(client):
    user = UserFactory()
    client.force_login(user)
    big = SimpleUploadedFile("me.png", b"\x89PNG" + b"0" * (2 * 1024 * 1024 + 10), "image/png")
    response = client.post(URL, {**valid_data(), "profile-avatar": big})
    assert response.status_code == 400
    assert "larger than 2 MB" in response.content.decode()
    user.profile.refresh_from_db()
    assert not user.profile.avatar


def test_the_settings_page_is_never_cached(client):
    client.force_login(UserFactory())
    cache_control = client.get(URL)["Cache-Control"]
    assert "private" in cache_control
    assert "no-store" in cache_control

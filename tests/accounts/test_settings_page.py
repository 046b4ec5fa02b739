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


def gif_followed_by_html():
    from io import BytesIO

    from PIL import Image

    buffer = BytesIO()
    Image.new("RGB", (40, 30), "navy").save(buffer, "GIF")
    return buffer.getvalue() + b"<html><script>alert(document.cookie)</script></html>"


def test_an_avatar_is_stored_as_a_re_drawn_picture_never_as_uploaded(client):
    """The review's GIF followed by HTML was accepted and stored byte for byte."""
    from PIL import Image

    user = UserFactory()
    client.force_login(user)
    upload = SimpleUploadedFile("me.gif", gif_followed_by_html(), "image/gif")
    response = client.post(URL, {**valid_data(), "profile-avatar": upload})
    assert response.status_code == 302

    user.profile.refresh_from_db()
    stored = user.profile.avatar
    assert stored.name.endswith(".jpg")
    assert "me" not in stored.name.rsplit("/", 1)[-1]
    with stored.open("rb") as file:
        content = file.read()
    assert b"<script" not in content
    assert b"<html" not in content
    with stored.open("rb") as file, Image.open(file) as picture:
        assert (picture.format, picture.size) == ("JPEG", (40, 30))
    stored.delete(save=False)


def test_a_file_that_only_claims_to_be_a_picture_is_refused(client):
    user = UserFactory()
    client.force_login(user)
    fake = SimpleUploadedFile("me.png", b"<html><script>alert(1)</script></html>", "image/png")
    response = client.post(URL, {**valid_data(), "profile-avatar": fake})
    assert response.status_code == 400
    user.profile.refresh_from_db()
    assert not user.profile.avatar


def test_a_picture_claiming_a_huge_size_is_refused_before_it_is_decoded(client):
    """A small compressed file can claim 100 megapixels; decoding it would take gigabytes."""
    from io import BytesIO

    from PIL import Image

    buffer = BytesIO()
    Image.new("1", (12_000, 9_000)).save(buffer, "PNG", optimize=True)  # 108 megapixels
    user = UserFactory()
    client.force_login(user)
    upload = SimpleUploadedFile("big.png", buffer.getvalue(), "image/png")
    response = client.post(URL, {**valid_data(), "profile-avatar": upload})
    assert response.status_code == 400
    assert "too many pixels" in response.content.decode()
    user.profile.refresh_from_db()
    assert not user.profile.avatar

"""My instructor profile: who may reach it, what it refuses, and that nobody edits
another instructor's profile but an administrator."""

from datetime import date

import pytest

from learning.instructors.models import InstructorProfile
from learning.instructors.profiles.forms import InstructorProfileForm

MY = "/admin/instructors/me/"
TODAY = date(2025, 6, 15)


def valid(**changes):
    data = {
        "display_name": "Ida Instructor",
        "slug": "",
        "title": "Gold Seal CFI",
        "organization": "Boeing Field Flyers",
        "bio": "Teaching since 2010.",
        "certificates_held": ["CFII", "CFI"],
        "years_experience": "12",
        "cfi_certificate_number": "3456789 cfi",
        "cfi_expiration": "2026-08-31",
        "time_zone": "America/Los_Angeles",
        "public_profile": "on",
    }
    data.update(changes)
    return {key: value for key, value in data.items() if value is not None}


def form(user, **changes):
    return InstructorProfileForm(
        valid(**changes), instance=InstructorProfile(user=user), today=TODAY
    )


def test_valid_profile_normalizes_number_order_and_slug(team):
    f = form(team.lead)
    assert f.is_valid(), f.errors
    assert f.cleaned_data["cfi_certificate_number"] == "3456789CFI"
    assert f.cleaned_data["certificates_held"] == ["CFI", "CFII"]
    assert f.cleaned_data["slug"] == "ida-instructor"


@pytest.mark.parametrize(
    ("changes", "field", "words"),
    [
        ({"cfi_certificate_number": "12-34"}, "cfi_certificate_number", "ending in CFI"),
        ({"cfi_certificate_number": ""}, "cfi_certificate_number", "you ticked CFI, CFII"),
        ({"cfi_expiration": "2026-08-15"}, "cfi_expiration", "31 August 2026"),
        ({"cfi_expiration": "2027-10-31"}, "cfi_expiration", "30 September 2027"),
        ({"certificates_held": ["AGI"], "cfi_certificate_number": ""}, "cfi_expiration", "CFI"),
        ({"years_experience": "81"}, "years_experience", "80"),
        ({"time_zone": "Mars/Olympus"}, "time_zone", "valid choice"),
        ({"display_name": ""}, "display_name", "required"),
    ],
)
def test_bad_input_is_refused_with_a_reason(team, changes, field, words):
    f = form(team.lead, **changes)
    assert not f.is_valid()
    assert words in " ".join(f.errors[field])


def test_latest_date_allowed_is_end_of_27th_month(team):
    assert form(team.lead, cfi_expiration="2027-09-30").is_valid()


def test_ground_instructor_needs_no_number(team):
    f = form(team.lead, certificates_held=["AGI"], cfi_certificate_number="", cfi_expiration="")
    assert f.is_valid(), f.errors


def test_slug_taken_gets_a_suffix(team):
    InstructorProfile.objects.create(
        user=team.co, display_name="Ida Instructor", slug="ida-instructor"
    )
    f = form(team.lead)
    assert f.is_valid()
    assert f.cleaned_data["slug"] == "ida-instructor-2"


def test_instructor_saves_own_profile_twice_without_duplicates(client, team):
    client.force_login(team.lead)
    assert client.get(MY).status_code == 200
    data = valid(cfi_expiration="")
    for _ in range(2):
        response = client.post(MY, data)
        assert response.status_code == 302
    profile = InstructorProfile.objects.get(user=team.lead)
    assert profile.cfi_certificate_number == "3456789CFI"
    assert InstructorProfile.objects.filter(user=team.lead).count() == 1
    page = client.get(MY).content.decode()
    assert "3456789CFI" in page
    assert "/instructors/ida-instructor/" in page


def test_bad_post_keeps_what_was_typed(client, team):
    client.force_login(team.lead)
    response = client.post(MY, valid(cfi_certificate_number="nonsense", bio="Keep me"))
    assert response.status_code == 200
    assert "Keep me" in response.content.decode()
    assert not InstructorProfile.objects.filter(user=team.lead).exists()


def test_my_profile_never_shows_someone_elses(client, team):
    InstructorProfile.objects.create(
        user=team.outsider,
        display_name="Olga Outsider",
        slug="olga",
        cfi_certificate_number="999999CFI",
    )
    client.force_login(team.lead)
    page = client.get(MY).content.decode()
    assert "Olga" not in page
    assert "999999CFI" not in page


@pytest.mark.parametrize("who", ["lead", "co", "assistant", "outsider"])
def test_instructors_reach_only_their_own(client, team, who):
    other = InstructorProfile.objects.create(user=team.admin, display_name="Ada", slug="ada")
    client.force_login(getattr(team, who))
    assert client.get(MY).status_code == 200
    assert client.get("/admin/instructors/profiles/").status_code == 403
    edit = client.get(f"/admin/instructors/profiles/{other.user_id}/")
    assert edit.status_code == 403
    assert client.post(f"/admin/instructors/profiles/{other.user_id}/", valid()).status_code == 403
    assert InstructorProfile.objects.get(pk=other.pk).display_name == "Ada"


def test_learner_and_anonymous_are_kept_out(client, team):
    assert client.get(MY).status_code == 302  # to the admin login
    client.force_login(team.learner)
    assert client.get(MY).status_code in (302, 403)
    assert not InstructorProfile.objects.exists()


def test_admin_lists_and_edits_anyones_profile(client, team):
    InstructorProfile.objects.create(user=team.co, display_name="Cody Co", slug="cody")
    client.force_login(team.admin)
    listing = client.get("/admin/instructors/profiles/")
    assert "Cody Co" in listing.content.decode()
    url = f"/admin/instructors/profiles/{team.co.pk}/"
    response = client.post(url, valid(display_name="Cody Coinstructor", slug="cody"))
    assert response.status_code == 302
    assert InstructorProfile.objects.get(user=team.co).display_name == "Cody Coinstructor"
    assert client.get("/admin/instructors/profiles/999999/").status_code == 404


def test_profile_list_queries_are_flat(client, team):
    from accounts.factories import UserFactory

    def count():
        from django.db import connection
        from django.test.utils import CaptureQueriesContext

        with CaptureQueriesContext(connection) as ctx:
            assert client.get("/admin/instructors/profiles/").status_code == 200
        return len(ctx.captured_queries)

    client.force_login(team.admin)
    for n in range(3):
        user = UserFactory()
        InstructorProfile.objects.create(user=user, display_name=f"P{n}", slug=f"p{n}")
    few = count()
    for n in range(3, 40):
        user = UserFactory()
        InstructorProfile.objects.create(user=user, display_name=f"P{n}", slug=f"p{n}")
    assert count() == few

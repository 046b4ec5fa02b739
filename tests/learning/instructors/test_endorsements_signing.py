"""Writing an endorsement: who may (the team matrix, other users' ids), what the
instructor's profile must hold, the signature (typed name and password), the date
limits, double submits, the rate limit and the student's notification."""

import datetime
import uuid

from django.core.cache import cache
from django.urls import reverse
from django.utils import timezone

import pytest

from accounts.factories import TEST_PASSWORD, UserFactory
from community.notifications.models import Notification
from learning.enrollments.factories import enroll
from learning.enrollments.sharing import set_sharing
from learning.instructors.endorsements.factories import cfi_profile
from learning.instructors.models import Endorsement

KIND = Endorsement.Kind.PRESOLO_KNOWLEDGE


def endorse_url(student, kind=KIND):
    return reverse("instructors_endorse", args=[student.pk]) + f"?kind={kind}"


def sign_data(signer_name="Casey Instructor", **overrides):
    return {
        "kind": KIND,
        "token": str(uuid.uuid4()),
        "aircraft": "Cessna 172S",
        "signed_on": timezone.localdate().isoformat(),
        "signature": signer_name,
        "password": TEST_PASSWORD,
        "action": "sign",
        **overrides,
    }


@pytest.fixture
def signer(team, client):
    cfi_profile(team.lead, display_name="Casey Instructor")
    client.force_login(team.lead)
    return team.lead


@pytest.mark.parametrize(
    ("role", "status"),
    [("lead", 200), ("co", 200), ("assistant", 200), ("admin", 200), ("outsider", 404)],
)
def test_endorse_page_matrix(team, client, role, status):
    user = getattr(team, role)
    cfi_profile(user)
    client.force_login(user)
    response = client.get(endorse_url(team.learner))
    assert response.status_code == status
    if status == 200:
        assert "pre-solo knowledge test of § 61.87(b)" in response.content.decode()


def test_learner_and_anonymous_cannot_open_it(team, client):
    response = client.get(endorse_url(team.learner))
    assert response.status_code == 302
    assert "login" in response["Location"]
    other = UserFactory()
    enroll(other, team.course)
    client.force_login(team.learner)
    response = client.get(endorse_url(other))
    assert response.status_code in (302, 403, 404)
    assert b"Sign endorsement" not in response.content


def test_student_of_another_course_or_unknown_id_is_404(team, client, signer):
    stranger = UserFactory()
    enroll(stranger, team.other_course)
    assert client.get(endorse_url(stranger)).status_code == 404
    assert client.get(reverse("instructors_endorse", args=[999_999])).status_code == 404
    assert client.get(reverse("instructors_endorse", args=[signer.pk])).status_code == 404


def test_student_who_does_not_share_is_404(team, client, signer):
    set_sharing(team.learner.enrollments.get(course=team.course), False)
    assert client.get(endorse_url(team.learner)).status_code == 404


def test_without_a_cfi_number_the_page_says_what_to_do(team, client):
    client.force_login(team.lead)
    response = client.get(endorse_url(team.learner))
    assert response.status_code == 403
    assert "Add your CFI number in My instructor profile" in response.content.decode()


def test_lapsed_privileges_are_refused_with_the_date(team, client):
    profile = cfi_profile(team.lead, valid_days=-3)
    client.force_login(team.lead)
    response = client.get(endorse_url(team.learner))
    assert response.status_code == 403
    assert f"Your CFI privileges lapsed on {profile.cfi_expiration:%-d %B %Y}" in (
        response.content.decode()
    )
    assert client.post(endorse_url(team.learner), sign_data()).status_code == 403
    assert not Endorsement.objects.exists()


def test_kind_choice_then_preview_fills_the_text(team, client, signer):
    response = client.get(reverse("instructors_endorse", args=[team.learner.pk]))
    assert "Which endorsement?" in response.content.decode()
    response = client.get(endorse_url(team.learner))
    assert "[Aircraft make and model]" in response.content.decode()
    data = sign_data(action="preview", password="")
    response = client.post(endorse_url(team.learner), data)
    page = response.content.decode()
    assert "Lee Learner has satisfactorily completed" in page
    assert "for the Cessna 172S aircraft" in page
    assert "3456789CFI" in page
    assert not Endorsement.objects.exists()


def test_signing_freezes_the_text_and_notifies_the_student(team, client, signer):
    response = client.post(endorse_url(team.learner), sign_data(signer_name="casey  INSTRUCTOR"))
    endorsement = Endorsement.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("instructors_endorsement", args=[endorsement.pk])
    assert endorsement.student_name == "Lee Learner"
    assert endorsement.regulation == "14 CFR 61.87(b)"
    assert endorsement.text.endswith(
        "casey INSTRUCTOR 3456789CFI Exp. "
        + (f"{signer.instructor_profile.cfi_expiration:%m-%d-%Y}")
    )
    notice = Notification.objects.get(recipient=team.learner)
    assert notice.kind == "endorsement"
    assert "Pre-solo aeronautical knowledge" in notice.text


def test_wrong_password_is_a_form_error(team, client, signer):
    response = client.post(endorse_url(team.learner), sign_data(password="not-it"))
    assert response.status_code == 200
    assert "That is not your current password." in response.content.decode()
    assert not Endorsement.objects.exists()


def test_signature_must_match_the_profile_name(team, client, signer):
    response = client.post(endorse_url(team.learner), sign_data(signer_name="Someone Else"))
    assert "Type your name exactly as in My instructor profile" in response.content.decode()
    assert not Endorsement.objects.exists()


@pytest.mark.parametrize(("days", "message"), [(-1, "future"), (61, "60 days back")])
def test_date_limits(team, client, signer, days, message):
    signed_on = timezone.localdate() - datetime.timedelta(days=days)
    data = sign_data(signed_on=signed_on.isoformat())
    response = client.post(endorse_url(team.learner), data)
    assert message in response.content.decode()
    assert not Endorsement.objects.exists()


def test_missing_details_and_garbage_are_form_errors(team, client, signer):
    data = sign_data(aircraft="", signed_on="yesterday", token="nope")
    response = client.post(endorse_url(team.learner), data)
    assert response.status_code == 200
    assert "This field is required." in response.content.decode()
    bad_kind = client.post(reverse("instructors_endorse", args=[team.learner.pk]), {"kind": "x"})
    assert bad_kind.status_code == 400
    assert not Endorsement.objects.exists()


def test_double_submit_makes_one_endorsement(team, client, signer):
    data = sign_data()
    first = client.post(endorse_url(team.learner), data)
    second = client.post(endorse_url(team.learner), data)
    assert first["Location"] == second["Location"]
    assert Endorsement.objects.count() == 1
    assert Notification.objects.filter(recipient=team.learner).count() == 1


def test_password_attempts_are_rate_limited(team, client, signer):
    cache.clear()
    for _ in range(10):
        client.post(endorse_url(team.learner), sign_data(password="wrong"))
    response = client.post(endorse_url(team.learner), sign_data())
    assert response.status_code == 429
    assert not Endorsement.objects.exists()

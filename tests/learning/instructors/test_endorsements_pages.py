"""After signing: the instructor's endorsement page and revoking (signer or superuser
only), the learner's list and PDF, public verification, the student-page panel, and
the guard that keeps a signed endorsement from ever being edited."""

from django.template import Context, Template
from django.test import RequestFactory
from django.urls import reverse

import pytest

from accounts.factories import UserFactory
from community.notifications.models import Notification
from learning.enrollments.factories import enroll
from learning.instructors.endorsements.factories import signed_endorsement
from learning.instructors.endorsements.guards import EndorsementFrozen
from learning.instructors.endorsements.pdf import render_endorsement
from learning.instructors.endorsements.services import revoke_endorsement
from learning.instructors.models import Endorsement

ROLES = ["lead", "co", "assistant", "outsider", "learner", "admin"]


@pytest.fixture
def endorsement(team):
    return signed_endorsement(team.lead, team.learner)


def revoke(client, endorsement, reason="Wrong aircraft"):
    url = reverse("instructors_endorsement_revoke", args=[endorsement.pk])
    return client.post(url, {"reason": reason})


@pytest.mark.parametrize("role", ROLES)
def test_endorsement_page_and_revoke_matrix(team, client, endorsement, role):
    client.force_login(getattr(team, role))
    page = client.get(reverse("instructors_endorsement", args=[endorsement.pk]))
    response = revoke(client, endorsement)
    endorsement.refresh_from_db()
    if role in ("lead", "admin"):
        assert page.status_code == 200
        assert "Revoke this endorsement" in page.content.decode()
        assert response.status_code == 302
        assert endorsement.is_revoked
    else:
        assert page.status_code in (302, 404)
        assert response.status_code in (302, 404)
        assert not endorsement.is_revoked


def test_unknown_ids_are_404_and_get_on_revoke_is_refused(team, client, endorsement):
    client.force_login(team.lead)
    assert client.get(reverse("instructors_endorsement", args=[999_999])).status_code == 404
    url = reverse("instructors_endorsement_revoke", args=[endorsement.pk])
    assert client.get(url).status_code == 405


def test_revoking_needs_a_reason_and_notifies_once(team, client, endorsement):
    client.force_login(team.lead)
    response = revoke(client, endorsement, reason="  ")
    assert response.status_code == 400
    assert "This field is required." in response.content.decode()
    revoke(client, endorsement, reason="Wrong aircraft")
    revoke(client, endorsement, reason="Again")
    endorsement.refresh_from_db()
    assert endorsement.revoke_reason == "Wrong aircraft"
    texts = list(Notification.objects.filter(recipient=team.learner).values_list("text", flat=True))
    assert len([text for text in texts if "revoked" in text]) == 1


def test_learner_lists_only_their_own(team, client, endorsement):
    other = UserFactory()
    enroll(other, team.course)
    signed_endorsement(team.lead, other, aircraft="Piper PA-28")
    client.force_login(team.learner)
    response = client.get(reverse("endorsement_list"))
    page = response.content.decode()
    assert "Pre-solo aeronautical knowledge" in page
    assert "Valid" in page
    assert page.count('data-testid="endorsement"') == 1
    assert "no-store" in response["Cache-Control"]
    revoke_endorsement(endorsement.pk, by=team.lead, reason="Wrong aircraft")
    page = client.get(reverse("endorsement_list")).content.decode()
    assert "Revoked on" in page
    assert "Wrong aircraft" in page


def test_list_needs_login(client, db):
    response = client.get(reverse("endorsement_list"))
    assert response.status_code == 302
    assert "login" in response["Location"]


def test_list_query_count_is_flat(team, client, django_assert_max_num_queries):
    client.force_login(team.learner)
    signed_endorsement(team.lead, team.learner)
    with django_assert_max_num_queries(16) as few:
        client.get(reverse("endorsement_list"))
    for _ in range(15):
        signed_endorsement(team.lead, team.learner)
    with django_assert_max_num_queries(len(few.captured_queries)):
        client.get(reverse("endorsement_list"))


@pytest.mark.parametrize(
    ("role", "allowed"),
    [("learner", True), ("lead", True), ("admin", True), ("co", False), ("outsider", False)],
)
def test_pdf_matrix(team, client, endorsement, role, allowed):
    client.force_login(getattr(team, role))
    response = client.get(reverse("endorsement_pdf", args=[endorsement.verification_hash]))
    if allowed:
        assert response.status_code == 200
        assert response["Content-Type"] == "application/pdf"
        assert response.content.startswith(b"%PDF")
    else:
        assert response.status_code == 404


def test_pdf_shows_text_and_revocation(team, endorsement):
    content = render_endorsement(endorsement, compress=False, invariant=True)
    assert b"Lee Learner" in content
    assert b"3456789CFI" in content
    assert b"REVOKED" not in content
    revoked, _ = revoke_endorsement(endorsement.pk, by=team.lead, reason="Wrong aircraft")
    content = render_endorsement(revoked, compress=False, invariant=True)
    assert b"REVOKED" in content
    assert b"Wrong aircraft" in content


def test_verify_page_is_public_and_shows_status(team, client, endorsement):
    url = reverse("endorsement_verify", args=[endorsement.verification_hash])
    response = client.get(url)
    page = response.content.decode()
    assert response.status_code == 200
    assert "Lee Learner" in page
    assert "3456789CFI" in page
    assert "Valid" in page
    assert "no-store" in response["Cache-Control"]
    assert "private" in response["Cache-Control"]
    assert '<meta name="robots" content="noindex">' in page
    revoke_endorsement(endorsement.pk, by=team.lead, reason="Wrong aircraft")
    page = client.get(url).content.decode()
    assert "Revoked on" in page
    assert "Wrong aircraft" in page


@pytest.mark.parametrize("code", ["0" * 64, "not-a-hash", "A" * 64])
def test_verify_unknown_is_404(client, db, code):
    assert client.get(reverse("endorsement_verify", args=[code])).status_code == 404


def test_a_signed_endorsement_cannot_be_edited(endorsement):
    endorsement.text = "I certify nothing."
    with pytest.raises(EndorsementFrozen):
        endorsement.save()
    endorsement.refresh_from_db()
    assert "pre-solo knowledge test" in endorsement.text


def test_a_revoked_endorsement_stays_revoked(team, endorsement):
    revoked, _ = revoke_endorsement(endorsement.pk, by=team.lead, reason="Wrong aircraft")
    revoked.revoked_at = None
    revoked.revoke_reason = ""
    with pytest.raises(EndorsementFrozen):
        revoked.save()


def render_panel(viewer, student):
    request = RequestFactory().get("/")
    request.user = viewer
    template = Template("{% load instructor_endorsements %}{% student_endorsements_panel s %}")
    return template.render(Context({"request": request, "s": student}))


def test_panel_shows_endorsements_and_the_write_link(team, endorsement):
    html = render_panel(team.co, team.learner)
    assert "Pre-solo aeronautical knowledge" in html
    assert "Write an endorsement" in html
    assert reverse("instructors_endorsement", args=[endorsement.pk]) not in html
    assert reverse("instructors_endorsement", args=[endorsement.pk]) in render_panel(
        team.lead, team.learner
    )
    outsider_html = render_panel(team.outsider, team.learner)
    assert "Pre-solo" not in outsider_html
    assert "Write an endorsement" not in outsider_html


def test_panel_queries_are_flat(team, django_assert_max_num_queries):
    signed_endorsement(team.lead, team.learner)
    with django_assert_max_num_queries(10) as few:
        render_panel(team.co, team.learner)
    for _ in range(12):
        signed_endorsement(team.lead, team.learner)
    with django_assert_max_num_queries(len(few.captured_queries)):
        render_panel(team.co, team.learner)
    assert Endorsement.objects.count() == 13

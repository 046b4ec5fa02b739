"""Instructors edit the question bank by ACS code, see its gaps, and list sessions."""

from django.contrib.auth.models import Permission
from django.urls import reverse

import pytest

from accounts.factories import UserFactory
from learning.acs.models import AcsElement
from learning.orals.models import OralQuestion

pytestmark = pytest.mark.django_db


@pytest.fixture
def instructor(db):
    user = UserFactory(is_staff=True, first_name="Ida", last_name="Instructor")
    user.user_permissions.add(
        Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin"),
        *Permission.objects.filter(content_type__app_label="orals"),
    )
    return user


def question_form(**overrides):
    data = {
        "prompt": "What documents must be aboard?",
        "key_points": "Airworthiness certificate\nRegistration",
        "reference": "14 CFR 91.203",
        "element_codes": "pa.i.a.k1, PA.I.A.R1",
        "difficulty": "2",
        "is_active": "on",
    }
    data.update(overrides)
    return data


def test_create_a_question_by_codes(client, instructor, standard):
    client.force_login(instructor)
    url = reverse("wagtailsnippets_orals_oralquestion:add")
    response = client.post(url, question_form())
    assert response.status_code == 302, response.content.decode()[:2000]
    question = OralQuestion.objects.get(prompt="What documents must be aboard?")
    assert question.author == instructor
    assert sorted(e.code for e in question.elements.all()) == ["PA.I.A.K1", "PA.I.A.R1"]
    edit = client.get(reverse("wagtailsnippets_orals_oralquestion:edit", args=[question.pk]))
    assert "PA.I.A.K1, PA.I.A.R1" in edit.content.decode()


@pytest.mark.parametrize("codes", ["PA.I.A.K99", "not a code", ""])
def test_unknown_codes_are_refused(client, instructor, standard, codes):
    client.force_login(instructor)
    url = reverse("wagtailsnippets_orals_oralquestion:add")
    response = client.post(url, question_form(element_codes=codes))
    assert response.status_code == 200
    assert not OralQuestion.objects.filter(prompt="What documents must be aboard?").exists()


def test_gaps_lists_uncovered_elements_by_task(client, instructor, standard):
    client.force_login(instructor)
    text = client.get(reverse("orals_gaps")).content.decode()
    assert "PA.I.A.R1" in text
    assert "PA.I.A.K1" not in text  # every knowledge element has a question
    AcsElement.objects.filter(code="PA.I.A.R2").update(archived=True)
    assert "PA.I.A.R2" not in client.get(reverse("orals_gaps")).content.decode()


def test_gaps_and_sessions_need_permission(client, standard):
    editor = UserFactory(is_staff=True)
    editor.user_permissions.add(
        Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin")
    )
    client.force_login(editor)
    refused = client.get(reverse("orals_gaps"))
    assert (refused.status_code, refused["Location"]) == (302, reverse("wagtailadmin_home"))
    home = client.get(refused["Location"]).content.decode()
    assert "Sorry, you do not have permission to access this area." in home


def test_session_listing_links_to_grading(client, enrolled, course, learner, standard, task):
    from learning.orals import services

    from .conftest import make_instructor

    session, _ = services.start_session(learner, standard, task_ids=[task.pk])
    client.force_login(make_instructor(course.get_parent(), teaches=[course]))
    listing = client.get(reverse("orals_mockoralsession_modeladmin_index"))
    assert listing.status_code == 200
    assert reverse("orals_session", args=[session.pk]) in listing.content.decode()
    page = client.get(reverse("orals_session", args=[session.pk]))
    assert page.status_code == 200
    assert "Mock oral of Lee Learner" in page.content.decode()

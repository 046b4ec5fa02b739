"""Scenarios: written by instructors in the admin (every other role refused), chosen
for the learner's class, and their questions preferred for the elements they cover."""

import random

from django.urls import reverse

import pytest

from learning.acs.models import AcsElement, AcsTask, AirplaneClass
from learning.orals import services
from learning.orals.models import MockOralSession, OralQuestion, Scenario
from tests.roles import ROLE_FACTORIES

from .conftest import PLANTED, add_question, add_scenario

pytestmark = pytest.mark.django_db


def start(learner, standard, **kwargs):
    task = AcsTask.objects.get(code="PA.I.A")
    kwargs.setdefault("rng", random.Random(5))
    session, _ = services.start_session(
        learner, standard, task_ids=[task.pk], planned_minutes=15, **kwargs
    )
    return session


def test_scenario_questions_replace_general_ones_in_that_scenario_only(
    learner, other, standard, scenario
):
    element = AcsElement.objects.get(code="PA.I.A.K1")
    written = add_question(element, prompt="In this scenario, are you current?")
    written.scenario = scenario
    written.save()
    other_scenario = add_scenario(standard, title="Other trip", is_active=False)
    foreign = add_question(AcsElement.objects.get(code="PA.I.A.K2"), prompt="Other trip?")
    foreign.scenario = other_scenario
    foreign.save()

    session = start(learner, standard, scenario_id=scenario.pk)
    asked = {item.element.code: item.question for item in session.items.select_related("element")}
    assert asked["PA.I.A.K1"] == written
    assert foreign not in asked.values()

    plain = start(other, standard, scenario_id=None, airplane_class=AirplaneClass.AMEL)
    assert plain.scenario is None  # no AMEL scenario exists
    assert written not in [item.question for item in plain.items.all()]


def test_a_scenario_is_chosen_for_the_learners_class(learner, standard, scenario):
    seaplane = add_scenario(standard, title="Lake trip", airplane_class=AirplaneClass.ASES)
    session = start(learner, standard, airplane_class=AirplaneClass.ASES)
    assert (session.scenario, session.airplane_class) == (seaplane, AirplaneClass.ASES)


def test_the_start_form_refuses_a_scenario_of_another_class(signed_in, standard, task, scenario):
    response = signed_in.post(
        reverse("orals_start"),
        {
            "standard": standard.pk,
            "tasks": [task.pk],
            "minutes": "15",
            "airplane_class": "AMES",
            "scenario": str(scenario.pk),
        },
    )
    assert response.status_code == 400
    assert "That scenario is flown in an ASEL" in response.content.decode()
    assert not MockOralSession.objects.exists()


@pytest.mark.parametrize("value", ["x", "99999", "-1"])
def test_junk_scenario_and_class_are_a_400(signed_in, standard, task, scenario, value):
    for field in ("scenario", "airplane_class"):
        response = signed_in.post(
            reverse("orals_start"),
            {"standard": standard.pk, "tasks": [task.pk], "minutes": "15", field: value},
        )
        assert response.status_code == 400
    assert not MockOralSession.objects.exists()


WRITERS = {"instructor", "admin"}
ROLES = {role: (make, role in WRITERS) for role, make in ROLE_FACTORIES.items()}


def scenario_form(standard):
    return {
        "standard": standard.pk,
        "airplane_class": "ASEL",
        "title": "Written in the admin",
        "route": "KHIO direct KRDM",
        "airports": "",
        "flight_date": "2026-08-15",
        "aircraft": "Cessna 172S",
        "performance": "",
        "passengers": "",
        "metars": "",
        "tafs": "",
        "pireps": "",
        "winds_aloft": "",
        "notams": "",
        "records": "Annual 08 Jul 2025",
        "planted_problem": "Annual expired",
        "is_active": "on",
        "reviewed_by": "",
        "current_as_of": "",
    }


@pytest.mark.parametrize("role", ROLES)
def test_only_instructors_and_admins_write_scenarios(client, standard, scenario, role):
    make, allowed = ROLES[role]
    client.force_login(make())
    listing = client.get(reverse("wagtailsnippets_orals_scenario:list"))
    edit = client.get(reverse("wagtailsnippets_orals_scenario:edit", args=[scenario.pk]))
    created = client.post(reverse("wagtailsnippets_orals_scenario:add"), scenario_form(standard))
    if allowed:
        assert listing.status_code == 200
        assert edit.status_code == 200
        assert PLANTED in edit.content.decode()
        assert created.status_code == 302, created.content.decode()[:3000]
        assert Scenario.objects.filter(title="Written in the admin").exists()
    else:
        for response in (listing, edit, created):
            assert response.status_code == 302  # Wagtail's refusal: to login or admin home
            assert response["Location"] in (reverse("wagtailadmin_home"),) or (
                "/login/" in response["Location"]
            )
        assert not Scenario.objects.filter(title="Written in the admin").exists()


@pytest.mark.parametrize("role", ROLES)
def test_only_instructors_and_admins_write_follow_ups(client, standard, role):
    make, allowed = ROLES[role]
    client.force_login(make())
    question = OralQuestion.objects.first()
    url = reverse("wagtailsnippets_orals_oralquestion:edit", args=[question.pk])
    data = {
        "prompt": question.prompt,
        "key_points": "One\nTwo",
        "reference": "14 CFR 91.203",
        "element_codes": "PA.I.A.K1",
        "scenario": "",
        "follow_up_satisfactory": "Deeper now",
        "follow_up_unsatisfactory": "Simpler now",
        "difficulty": "2",
        "is_active": "on",
        "reviewed_by": "",
        "current_as_of": "",
    }
    response = client.post(url, data)
    question.refresh_from_db()
    if allowed:
        assert response.status_code == 302, response.content.decode()[:3000]
        assert question.follow_up_satisfactory == "Deeper now"
    else:
        assert response.status_code == 302
        assert question.follow_up_satisfactory == ""


def test_the_class_is_stored_and_tasks_of_other_classes_are_listed(signed_in, learner, standard):
    seaplane_task = AcsTask.objects.get(code="PA.I.B")
    seaplane_task.airplane_classes = "ASES,AMES"
    seaplane_task.save()
    tasks = AcsTask.objects.filter(code__in=["PA.I.A", "PA.I.B"])
    signed_in.post(
        reverse("orals_start"),
        {
            "standard": standard.pk,
            "tasks": [task.pk for task in tasks],
            "minutes": "90",
            "airplane_class": "AMEL",
        },
    )
    session = MockOralSession.objects.get(user=learner)
    assert session.airplane_class == AirplaneClass.AMEL
    assert list(session.skipped_tasks.all()) == [seaplane_task]
    assert not session.items.filter(element__task=seaplane_task).exists()
    text = signed_in.get(reverse("orals_session", args=[session.pk])).content.decode()
    assert "Not asked for your class (Airplane multiengine land)" in text
    assert "PA.I.B Task I.B" in text

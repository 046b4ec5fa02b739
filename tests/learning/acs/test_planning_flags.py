"""The reviewed planning flags (data/FAA-S-ACS-6C.flags.json): they cover every current
skill element of the shipped 6C, `import_acs` writes them with the Notes and classes and
gives them back to an existing database, and instructors (and admins) edit the ground flag
in the admin, which a later import keeps."""

from io import StringIO

from django.core.management import call_command
from django.urls import reverse

import pytest

from learning.acs.importer import SHIPPED, loads
from learning.acs.importer.flags import load_flags
from learning.acs.models import ALL_CLASSES, AcsElement, AcsTask
from tests.roles import ROLE_FACTORIES

SHIPPED_6C = loads(SHIPPED.read_text(encoding="utf-8"))
FLAGS = load_flags("FAA-S-ACS-6C")


ROLES = ROLE_FACTORIES
EDITORS = {"instructor", "admin"}


def test_every_current_skill_element_is_reviewed_and_no_unknown_code_is_flagged():
    elements = {element.code: element for element in SHIPPED_6C.elements}
    skills = {code for code, e in elements.items() if e.kind == "S" and not e.archived}
    assert set(FLAGS.ground_evaluable) == skills
    assert FLAGS.codes() <= set(elements)
    assert all(not elements[code].archived for code in FLAGS.codes())


def test_ground_skills_are_area_one_and_preflight_work_never_flight_maneuvers():
    ground = {code for code, value in FLAGS.ground_evaluable.items() if value}
    area_one = {code for code in FLAGS.ground_evaluable if code.startswith("PA.I.")}
    assert area_one - ground == {"PA.I.G.S1", "PA.I.G.S2"}  # operate systems, checklists
    assert {"PA.II.A.S1", "PA.II.B.S2", "PA.II.F.S1", "PA.IX.C.S1"} <= ground
    flown = ("PA.IV.", "PA.V.", "PA.VII.", "PA.VIII.", "PA.X.")
    assert not [code for code in ground if code.startswith(flown)]


def test_crosswind_and_choice_groups_name_the_tasks_their_notes_are_in():
    assert {code.rsplit(".", 1)[0] for code in FLAGS.crosswind} == {"PA.IV.A", "PA.IV.B"}
    groups = {}
    for code, name in FLAGS.choice_groups.items():
        groups.setdefault(name, set()).add(code.rsplit(".", 1)[0])
    assert groups == {
        "ground reference maneuver": {"PA.V.B"},
        "after-landing procedure": {"PA.XII.B"},
    }


def run_import():
    call_command("import_acs", stdout=StringIO())


@pytest.fixture
def imported(db):
    run_import()


def test_import_writes_notes_classes_minimums_and_flags(imported):
    weather = AcsTask.objects.get(code="PA.I.C")
    assert weather.notes.splitlines()[0].startswith("If K2 is selected, the evaluator must")
    assert AcsTask.objects.get(code="PA.I.I").airplane_classes == "ASES,AMES"
    assert AcsTask.objects.get(code="PA.I.A").airplane_classes == ALL_CLASSES
    element = AcsElement.objects.get
    assert element(code="PA.I.C.K2").min_sub_elements == 3
    assert element(code="PA.I.G.K1k").airplane_classes == "ASES,AMES"
    assert (
        element(code="PA.I.B.S1").ground_evaluable,
        element(code="PA.IV.A.S9").ground_evaluable,
    ) == (
        True,
        False,
    )
    assert element(code="PA.IV.B.S8").crosswind
    assert element(code="PA.XII.B.K3").choice_group == "after-landing procedure"
    assert AcsElement.objects.filter(ground_evaluable=True).count() == 38


def test_running_the_import_again_gives_an_existing_database_the_values(imported):
    AcsTask.objects.update(notes="", airplane_classes=ALL_CLASSES)
    AcsElement.objects.update(
        ground_evaluable=False, min_sub_elements=None, crosswind=False, choice_group=""
    )
    run_import()
    assert AcsTask.objects.get(code="PA.IV.C").airplane_classes == "ASEL"
    assert AcsTask.objects.exclude(notes="").count() == 27
    assert AcsElement.objects.filter(ground_evaluable=True).count() == 38
    assert AcsElement.objects.filter(crosswind=True).count() == 8
    assert AcsElement.objects.exclude(min_sub_elements=None).count() == 3


def test_an_edited_ground_flag_survives_a_re_import(imported):
    AcsElement.objects.filter(code="PA.I.B.S1").update(
        ground_evaluable=False, ground_evaluable_edited=True
    )
    AcsElement.objects.filter(code="PA.I.B.S2").update(ground_evaluable=False)
    run_import()
    assert not AcsElement.objects.get(code="PA.I.B.S1").ground_evaluable
    assert AcsElement.objects.get(code="PA.I.B.S2").ground_evaluable


def edit_url(element):
    return reverse("acs_acselement_modeladmin_edit", args=[element.pk])


@pytest.mark.parametrize("role", ROLES)
def test_who_may_edit_the_ground_flag(role, client, imported):
    client.force_login(ROLES[role]())
    element = AcsElement.objects.get(code="PA.IV.A.S4")
    form = client.get(edit_url(element))
    posted = client.post(edit_url(element), {"ground_evaluable": "on", "archived": "on"})
    element.refresh_from_db()
    if role in EDITORS:
        assert form.status_code == 200
        expected = ["ground_evaluable", "archived"] if role == "admin" else ["ground_evaluable"]
        assert list(form.context["form"].fields) == expected
        assert posted.status_code == 302
        assert (element.ground_evaluable, element.ground_evaluable_edited) == (True, True)
        assert element.archived == (role == "admin")  # only admins archive
    else:
        # Wagtail's refusal: a learner (no admin access) is sent to log in as someone
        # else; staff without the right go to the admin home, which says so.
        refused = f"/accounts/login/?next={edit_url(element)}" if role == "learner" else "/admin/"
        assert (form.status_code, form["Location"]) == (302, refused)
        assert (posted.status_code, posted["Location"]) == (302, refused)
        if role != "learner":
            home = client.get(refused).content.decode()
            assert "Sorry, you do not have permission to access this area." in home
        assert (element.ground_evaluable, element.archived) == (False, False)


def test_an_unknown_element_is_a_404_for_an_instructor(client, imported):
    client.force_login(ROLES["instructor"]())
    assert client.get(reverse("acs_acselement_modeladmin_edit", args=[10**8])).status_code == 404
    page = client.get(reverse("acs_acselement_modeladmin_index"), {"ground_evaluable__exact": "1"})
    assert page.status_code == 200
    assert len(page.context["object_list"]) == 38

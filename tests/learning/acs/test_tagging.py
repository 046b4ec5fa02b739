"""Tagging in the editors: the lesson page and quiz editors save ACS codes as elements,
refuse unknown and archived codes, the element search is for editors only, and the old
question codes migrate to elements."""

from django.contrib.auth.models import Permission
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.urls import reverse

from wagtail.test.utils.form_data import querydict_from_html

import pytest
from bs4 import BeautifulSoup

from accounts.factories import UserFactory
from learning.assessments.factories import make_assessment, single
from learning.assessments.models import Assessment, Question
from learning.courses.factories import make_catalog, make_course, make_lesson, make_module
from learning.courses.models import LessonPage
from tests.learning.acs.standard_fixtures import element
from tests.learning.assessments.test_admin import (
    ABC,
    ADD,
    edit_url,
    errors_of,
    question_form,
    quiz_form,
    rendered_form,
)

SEARCH = reverse("acs_element_search")


@pytest.fixture
def lesson(standard):
    module = make_module(make_course(make_catalog(), title="Private Pilot Prep"))
    return make_lesson(module, title="Certificates and documents")


def lesson_edit(lesson):
    return reverse("wagtailadmin_pages:edit", args=[lesson.pk])


def codes_of(obj):
    return sorted(e.code for e in obj.acs_elements.all())


def lesson_form(client, lesson):
    """The page editor's form as a browser posts it (checked boxes without a value: "on")."""
    html = client.get(lesson_edit(lesson)).content.decode()
    data = querydict_from_html(html, form_id="page-edit-form")
    for box in BeautifulSoup(html, "html.parser").select("#page-edit-form input[checked]"):
        if box.get("type") == "checkbox" and "value" not in box.attrs:
            data[box["name"]] = "on"
    data.setdefault("body-count", "0")  # the empty body is drawn by JS
    return data


def post_lesson(client, lesson, codes):
    data = lesson_form(client, lesson)
    data["acs_elements"] = codes
    data["action-publish"] = "action-publish"
    return client.post(lesson_edit(lesson), data)


@pytest.mark.django_db
def test_the_lesson_editor_shows_and_saves_codes(admin_client, lesson):
    response = post_lesson(admin_client, lesson, "pa.i.a.k1, PA.I.A.K3a; PA.II.B.R2")
    assert response.status_code == 302, response.context["form"].errors
    lesson = LessonPage.objects.get(pk=lesson.pk)
    assert codes_of(lesson) == ["PA.I.A.K1", "PA.I.A.K3a", "PA.II.B.R2"]
    html = admin_client.get(lesson_edit(lesson)).content.decode()
    assert 'value="PA.I.A.K1, PA.I.A.K3a, PA.II.B.R2"' in html
    assert "data-acs-autocomplete" in html
    assert "js/acs-autocomplete.js" in html
    assert post_lesson(admin_client, lesson, "").status_code == 302
    assert codes_of(LessonPage.objects.get(pk=lesson.pk)) == []


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("codes", "message"),
    [
        ("PA.I.A.K1, PA.IX.Z.K7", "No current ACS element has the code PA.IX.Z.K7"),
        ("PA.I.A.K9", "No current ACS element has the code PA.I.A.K9"),  # archived
        ("PA.I.A, <script>", "Not an ACS element code: PA.I.A, &lt;SCRIPT&gt;"),
        ("PA.I.A.K1, " * 100, "Type at most 1,000 characters"),
        (", ".join(f"PA.I.A.K{n}" for n in range(1, 42)), "Tag at most 40 ACS elements"),
    ],
)
def test_the_lesson_editor_refuses_unknown_and_archived_codes(admin_client, lesson, codes, message):
    lesson.acs_elements.set([element("PA.II.A.K1")])
    lesson.save()
    response = post_lesson(admin_client, lesson, codes)
    assert response.status_code == 200
    assert message in response.content.decode()
    assert codes_of(LessonPage.objects.get(pk=lesson.pk)) == ["PA.II.A.K1"]


@pytest.mark.django_db
def test_nul_characters_in_codes_are_dropped_not_a_500(admin_client, lesson):
    assert post_lesson(admin_client, lesson, "PA.I.A.K1\x00").status_code == 302
    assert codes_of(LessonPage.objects.get(pk=lesson.pk)) == ["PA.I.A.K1"]


@pytest.mark.django_db
def test_the_quiz_editor_saves_codes_on_each_question(admin_client, standard):
    questions = [
        question_form(choices=ABC, acs_elements="PA.I.A.K1, pa.i.b.r1"),
        question_form(choices=ABC),
    ]
    response = admin_client.post(ADD, quiz_form(questions))
    assert response.status_code == 302, errors_of(response)
    first, second = Assessment.objects.get().questions.order_by("sort_order")
    assert codes_of(first) == ["PA.I.A.K1", "PA.I.B.R1"]
    assert codes_of(second) == []


@pytest.mark.django_db
def test_editing_a_quiz_keeps_and_changes_its_tags(admin_client, standard):
    quiz = make_assessment(None, [{**single("Q", "A", "B"), "acs": "PA.I.A.K2"}])
    data = rendered_form(admin_client, edit_url(quiz))
    assert data["questions-0-acs_elements"] == "PA.I.A.K2"
    assert "js/acs-autocomplete.js" in admin_client.get(edit_url(quiz)).content.decode()
    data["title"] = "Renamed"
    assert admin_client.post(edit_url(quiz), data).status_code == 302
    assert codes_of(quiz.questions.get()) == ["PA.I.A.K2"]
    data["questions-0-acs_elements"] = "PA.II.A.S1"
    assert admin_client.post(edit_url(quiz), data).status_code == 302
    assert codes_of(quiz.questions.get()) == ["PA.II.A.S1"]


@pytest.mark.django_db
@pytest.mark.parametrize("codes", ["PA.I.A.K1, PA.I.A.K9", "PA.XII.A.K1", "K1"])
def test_the_quiz_editor_refuses_bad_codes_and_saves_nothing(admin_client, standard, codes):
    questions = [question_form(choices=ABC, acs_elements=codes)]
    response = admin_client.post(ADD, quiz_form(questions))
    assert response.status_code == 200
    errors = errors_of(response)["questions-0-acs_elements"]
    assert any("ACS element" in error for error in errors), errors
    assert not Assessment.objects.exists()
    assert not Question.objects.exists()


@pytest.mark.django_db
def test_the_search_finds_current_elements_by_code_or_text(admin_client, standard):
    found = admin_client.get(SEARCH, {"q": "pa.i.a.k"}).json()["results"]
    assert [row["code"] for row in found] == ["PA.I.A.K1", "PA.I.A.K2", "PA.I.A.K3", "PA.I.A.K3a"]
    assert found[0]["text"] == "Knowledge element 1 of PA.I.A."
    assert admin_client.get(SEARCH, {"q": "PA.I.A.K9"}).json()["results"] == []  # archived
    by_text = admin_client.get(SEARCH, {"q": "Sub-element a"}).json()["results"]
    assert [row["code"] for row in by_text] == ["PA.I.A.K3a"]
    assert len(admin_client.get(SEARCH, {"q": "PA"}).json()["results"]) == 20


@pytest.mark.django_db
@pytest.mark.parametrize("query", ["", "   ", "\x00", "%", "_", "'; DROP TABLE", "x" * 5000])
def test_the_search_handles_junk(admin_client, standard, query):
    response = admin_client.get(SEARCH, {"q": query})
    assert response.status_code == 200
    assert response.json()["results"] == []
    assert admin_client.get(SEARCH, {"q": ["a", "b"]}).status_code == 200


@pytest.mark.django_db
def test_the_search_is_for_editors_only(client, standard):
    assert client.get(SEARCH, {"q": "PA"}).status_code == 403
    client.force_login(UserFactory())
    response = client.get(SEARCH, {"q": "PA"})
    assert response.status_code == 403
    assert "PA.I.A.K1" not in response.content.decode()
    editor = UserFactory()
    editor.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(editor)
    assert client.get(SEARCH, {"q": "PA"}).status_code == 200
    assert client.post(SEARCH, {"q": "PA"}).status_code == 405


def migrate_to(target):
    executor = MigrationExecutor(connection)
    executor.migrate([target])
    return executor.loader.project_state([target]).apps


@pytest.mark.django_db(transaction=True)
def test_old_question_codes_become_elements_and_back():
    before = ("assessments", "0002_question_acs_elements")
    after = ("assessments", "0003_question_acs_codes_to_elements")
    apps = migrate_to(before)
    pa = apps.get_model("acs", "AcsStandard").objects.create(
        code="PA", title="Private", document_id="FAA-S-ACS-6C", slug="pa"
    )
    area = apps.get_model("acs", "AcsArea").objects.create(
        standard=pa, numeral="I", title="Preflight", order=1
    )
    task = apps.get_model("acs", "AcsTask").objects.create(
        area=area, letter="E", code="PA.I.E", title="Airspace", order=1
    )
    elements = apps.get_model("acs", "AcsElement").objects
    current = elements.create(task=task, code="PA.I.E.K1", kind="K", text="Classes")
    elements.create(task=task, code="PA.I.E.K2", kind="K", text="Gone", archived=True)
    quiz = apps.get_model("assessments", "Assessment").objects.create(title="Airspace")
    question = apps.get_model("assessments", "Question").objects.create(
        assessment=quiz, text="<p>Q</p>", acs_codes="pa.i.e.k1, PA.I.E.K2; PA.I.E", sort_order=0
    )
    apps = migrate_to(after)
    through = apps.get_model("assessments", "Question")._meta.get_field("acs_elements")
    rows = through.remote_field.through.objects.values_list("question_id", "acselement_id")
    assert list(rows) == [(question.pk, current.pk)]
    apps = migrate_to(before)
    assert apps.get_model("assessments", "Question").objects.get().acs_codes == "PA.I.E.K1"
    executor = MigrationExecutor(connection)
    executor.migrate(executor.loader.graph.leaf_nodes())

"""Authoring quizzes in the Wagtail admin: a quiz with its questions and their choices is
saved from one nested form, every bank rule refuses with its message and saves nothing,
instructors may edit, others may not, and the learner preview never shows an answer."""

from django.contrib.auth.models import Group, Permission
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from wagtail.test.utils.form_data import (
    inline_formset,
    nested_form_data,
    querydict_from_html,
    rich_text,
)

import pytest
from bs4 import BeautifulSoup

from accounts.factories import UserFactory
from learning.assessments import services
from learning.assessments.factories import make_assessment, single
from learning.assessments.models import Assessment, Choice, Question
from learning.assessments.permissions import grant_quiz_editing
from learning.courses.factories import make_lesson

pytestmark = pytest.mark.django_db

ADD = reverse("wagtailsnippets_assessments_assessment:add")
LIST = reverse("wagtailsnippets_assessments_assessment:list")


def edit_url(assessment):
    return reverse("wagtailsnippets_assessments_assessment:edit", args=[assessment.pk])


def preview_url(assessment, query=""):
    return reverse("assessments_learner_preview", args=[assessment.pk]) + query


def choice_forms(*choices):
    return inline_formset(
        [
            {"text": text, "is_correct": "on" if right else "", "explanation": ""}
            for text, right in choices
        ]
    )


def question_form(kind="single", choices=(), **fields):
    data = {
        "question_type": kind,
        "points": "1",
        "text": rich_text("<p>Which airspace needs a clearance?</p>"),
        "accepted_answers": "",
        "ignore_whitespace": "on",
        "numeric_answer": "",
        "numeric_tolerance": "",
        "explanation": "",
        "acs_elements": "",
        "choices": choice_forms(*choices),
    }
    data.update(fields)
    return data


ABC = [("Class B", True), ("Class C", False), ("Class E", False)]


def quiz_form(questions, **fields):
    data = {
        "title": "Airspace quiz",
        "lesson": "",
        "instructions": rich_text(""),
        "passing_score": "70",
        "max_attempts": "3",
        "min_wait_minutes": "0",
        "time_limit_minutes": "10",
        "questions_per_attempt": "0",
        "randomize_questions": "on",
        "shuffle_choices": "on",
        "show_results_immediately": "on",
        "show_correct_answers": "on",
        "required_for_certificate": "on",
        "questions": inline_formset(questions),
    }
    data.update(fields)
    return nested_form_data(data)


def rendered_form(client, url):
    """The editor's form data as a browser would post it (a checked box without a value
    attribute sends "on"; Wagtail's querydict_from_html sends "")."""
    html = client.get(url).content.decode()
    data = querydict_from_html(html, form_id="w-editor-form")
    soup = BeautifulSoup(html, "html.parser")
    for box in soup.select("#w-editor-form input[type=checkbox][checked]"):
        if "value" not in box.attrs:
            data[box["name"]] = "on"
    return data


def errors_of(response):
    """Every error the re-rendered form shows: the quiz's, each question's, each choice's."""
    form = response.context["form"]
    found = {name: list(errors) for name, errors in form.errors.items()}
    for index, question in enumerate(form.formsets["questions"].forms):
        for name, errors in question.errors.items():
            found[f"questions-{index}-{name}"] = list(errors)
    return found


def test_a_quiz_with_two_questions_of_three_choices_is_saved_from_one_form(
    admin_client, quiz_lesson
):
    data = quiz_form(
        [
            question_form(choices=ABC, explanation="Class B needs a clearance."),
            question_form(
                "multiple",
                [("Radio", True), ("Transponder", True), ("Clearance", False)],
                text=rich_text("<p>Needed in Class C?</p>"),
                points="2",
            ),
        ],
        lesson=str(quiz_lesson.pk),
    )
    response = admin_client.post(ADD, data)
    assert response.status_code == 302, errors_of(response)
    quiz = Assessment.objects.get()
    assert quiz.lesson == quiz_lesson
    questions = list(quiz.questions.order_by("sort_order"))
    assert [q.question_type for q in questions] == ["single", "multiple"]
    assert questions[1].points == 2
    assert questions[0].explanation == "Class B needs a clearance."
    assert [(c.text, c.is_correct) for c in questions[0].choices.order_by("sort_order")] == ABC
    assert Choice.objects.filter(question__assessment=quiz).count() == 6


def test_editing_reorders_changes_and_deletes_through_the_rendered_form(admin_client, assessment):
    data = rendered_form(admin_client, edit_url(assessment))
    first, second = assessment.questions.order_by("sort_order")[:2]
    data["questions-0-ORDER"], data["questions-1-ORDER"] = "2", "1"
    data["questions-0-choices-1-text"] = "Class C (renamed)"
    data["questions-4-DELETE"] = "1"
    response = admin_client.post(edit_url(assessment), data)
    assert response.status_code == 302, errors_of(response)
    questions = list(assessment.questions.order_by("sort_order"))
    assert [q.pk for q in questions[:2]] == [second.pk, first.pk]
    assert len(questions) == 4
    assert "Class C (renamed)" in [c.text for c in first.choices.all()]


@pytest.mark.parametrize(
    ("question", "field", "message"),
    [
        (
            question_form(choices=[("A", True), ("B", True), ("C", False)]),
            "__all__",
            "exactly one right answer (it has 2)",
        ),
        (
            question_form(choices=[("A", False), ("B", False)]),
            "__all__",
            "exactly one right answer (it has 0)",
        ),
        (
            question_form("multiple", [("A", False), ("B", False)]),
            "__all__",
            "at least one right answer",
        ),
        (
            question_form("true_false", [("True", True), ("False", False), ("Maybe", False)]),
            "__all__",
            "exactly two choices (it has 3)",
        ),
        (
            question_form("true_false", [("True", True), ("False", True)]),
            "__all__",
            "exactly one right answer (it has 2)",
        ),
        (question_form(choices=[("A", True)]), "__all__", "at least two choices (it has 1)"),
        (question_form("short_answer"), "accepted_answers", "at least one accepted answer"),
        (question_form("numeric", numeric_tolerance="0.1"), "numeric_answer", "correct number"),
        (question_form("numeric", numeric_answer="29.92"), "numeric_tolerance", "tolerance"),
        (
            question_form("short_answer", ABC, accepted_answers="B"),
            "__all__",
            "Only choice questions have choices",
        ),
    ],
)
def test_each_bank_rule_is_refused_on_its_question_and_nothing_is_saved(
    admin_client, question, field, message
):
    response = admin_client.post(ADD, quiz_form([question_form(choices=ABC), question]))
    assert response.status_code == 200
    errors = errors_of(response)
    assert any(message in error for error in errors[f"questions-1-{field}"]), errors
    assert "questions-0-__all__" not in errors
    assert not Assessment.objects.exists()
    assert not Question.objects.exists()
    assert message in response.content.decode()


def test_deleted_questions_and_choices_do_not_count(admin_client):
    question = question_form(choices=[*ABC, ("Class A", True)])
    question["choices"]["3"]["DELETE"] = "1"
    broken = question_form(choices=[("A", True), ("B", True)], DELETE="1")
    response = admin_client.post(ADD, quiz_form([question, broken]))
    assert response.status_code == 302, errors_of(response)
    assert Question.objects.count() == 1
    assert Choice.objects.count() == 3


def test_a_question_learners_answered_cannot_be_deleted(
    admin_client, assessment, learner, enrolled
):
    attempt, _ = services.start_attempt(learner, assessment)
    answered = Question.objects.get(pk=attempt.question_ids[0])
    services.save_answer(learner, attempt.pk, answered.pk, [], "an answer")
    data = rendered_form(admin_client, edit_url(assessment))
    index = list(assessment.questions.order_by("sort_order")).index(answered)
    data[f"questions-{index}-DELETE"] = "1"
    response = admin_client.post(edit_url(assessment), data)
    assert response.status_code == 200
    assert "Learners have answered" in response.content.decode()
    assert Question.objects.filter(pk=answered.pk).exists()
    data[f"questions-{index}-DELETE"] = ""
    data[f"questions-{(index + 1) % 5}-DELETE"] = "1"
    assert admin_client.post(edit_url(assessment), data).status_code == 302
    assert assessment.questions.count() == 4


def test_questions_per_attempt_cannot_exceed_the_bank(admin_client):
    response = admin_client.post(
        ADD, quiz_form([question_form(choices=ABC)] * 2, questions_per_attempt="3")
    )
    assert "bank has 2" in errors_of(response)["questions_per_attempt"][0]
    assert not Assessment.objects.exists()
    ok = admin_client.post(
        ADD, quiz_form([question_form(choices=ABC)] * 2, questions_per_attempt="2")
    )
    assert ok.status_code == 302


def test_the_lesson_must_be_a_quiz_lesson_without_a_quiz(admin_client, quiz_lesson, assessment):
    reading = make_lesson(quiz_lesson.get_parent(), title="Class C", lesson_type="reading")
    response = admin_client.post(
        ADD, quiz_form([question_form(choices=ABC)], lesson=str(reading.pk))
    )
    assert "“Class C” is a reading lesson" in errors_of(response)["lesson"][0]
    response = admin_client.post(
        ADD, quiz_form([question_form(choices=ABC)], lesson=str(quiz_lesson.pk))
    )
    assert "already has a quiz, “Airspace quiz”" in errors_of(response)["lesson"][0]
    assert Assessment.objects.count() == 1


def test_saving_a_quiz_keeps_its_own_lesson(admin_client, assessment):
    data = rendered_form(admin_client, edit_url(assessment))
    data["title"] = "Airspace quiz, revised"
    assert admin_client.post(edit_url(assessment), data).status_code == 302
    assessment.refresh_from_db()
    assert assessment.title == "Airspace quiz, revised"
    assert assessment.lesson_id is not None


@pytest.fixture
def instructor(client):
    group, _ = Group.objects.get_or_create(name="Instructors")
    grant_quiz_editing(group)
    grant_quiz_editing(group)  # idempotent
    user = UserFactory()
    user.groups.add(group)
    client.force_login(user)
    return user


def test_instructors_can_list_add_edit_and_use_the_bank_pages(client, instructor, assessment):
    assert "Quizzes" in client.get(reverse("wagtailadmin_home")).content.decode()
    listing = client.get(LIST)
    assert listing.status_code == 200
    assert "Airspace quiz" in listing.content.decode()
    response = client.post(ADD, quiz_form([question_form(choices=ABC)], title="Weather quiz"))
    assert response.status_code == 302, errors_of(response)
    assert client.get(edit_url(assessment)).status_code == 200
    for name in ("assessments_learner_preview", "assessments_import"):
        assert client.get(reverse(name, args=[assessment.pk])).status_code == 200


def test_the_editor_links_to_the_learner_preview_and_the_bank_pages(admin_client, assessment):
    html = admin_client.get(edit_url(assessment)).content.decode()
    assert preview_url(assessment) in html
    assert reverse("assessments_import", args=[assessment.pk]) in html
    assert reverse("assessments_export", args=[assessment.pk, "gift"]) in html
    listing = admin_client.get(LIST).content.decode()
    assert preview_url(assessment) in listing


BANK_PAGES = [
    ("assessments_learner_preview", []),
    ("assessments_import", []),
    ("assessments_export", ["csv"]),
    ("assessments_export", ["gift"]),
]


@pytest.mark.parametrize(("name", "extra"), BANK_PAGES)
def test_learners_are_sent_to_log_in_and_staff_without_permission_get_403(
    client, assessment, name, extra
):
    url = reverse(name, args=[assessment.pk, *extra])
    client.force_login(UserFactory())
    response = client.get(url)
    assert response.status_code == 302
    assert "/login/" in response.url
    staff = UserFactory()
    staff.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(staff)
    response = client.get(url)
    assert response.status_code == 403
    assert "Ask an administrator" in response.content.decode()


def test_viewers_may_preview_but_not_import(client, assessment):
    viewer = UserFactory()
    viewer.user_permissions.add(
        *Permission.objects.filter(codename__in=["access_admin", "view_assessment"])
    )
    client.force_login(viewer)
    preview = client.get(preview_url(assessment))
    assert preview.status_code == 200
    assert f"Preview as a learner: {assessment.title}" in preview.content.decode()
    question_count = assessment.questions.count()
    for refused in (
        client.get(reverse("assessments_import", args=[assessment.pk])),
        client.post(reverse("assessments_import_confirm", args=[assessment.pk])),
    ):
        assert refused.status_code == 403
        assert "importing and exporting need permission to change them" in (
            refused.content.decode()
        )
    assert assessment.questions.count() == question_count


SECRETS = [
    "Right: Class B needs a clearance",
    "Meteorological Aerodrome Report",
    "aviation routine weather report",
    "29.92",
    "Why: two-way radio and transponder",
]


@pytest.fixture
def explained(assessment):
    first = assessment.questions.order_by("sort_order").first()
    first.choices.filter(is_correct=True).update(explanation=SECRETS[0])
    assessment.questions.filter(question_type="multiple").update(explanation=SECRETS[4])
    return assessment


@pytest.mark.parametrize("query", ["", "?draw=1"])
def test_the_learner_preview_shows_questions_and_choices_but_never_an_answer(
    admin_client, explained, query
):
    response = admin_client.get(preview_url(explained, query))
    html = response.content.decode()
    assert response.status_code == 200
    for text in (
        "Which airspace needs a clearance to enter?",
        "Class E",
        "Mode C transponder",
        "What does METAR stand for?",
    ):
        assert text in html
    for secret in SECRETS:
        assert secret not in html
    assert "checked" not in html
    assert "correct" not in html.lower().replace("correct answers and explanations", "")


def test_a_sample_draw_shows_the_questions_one_attempt_gets(admin_client, explained):
    explained.questions_per_attempt = 2
    explained.save()
    html = admin_client.get(preview_url(explained, "?draw=1")).content.decode()
    assert html.count("<fieldset") == 2
    assert "2 of the 5 questions" in html


def test_listing_counts_questions_in_a_fixed_number_of_queries(admin_client, quiz_lesson):
    make_assessment(None, [single("Q", "A", "B")], title="Small quiz")

    def listing_queries():
        with CaptureQueriesContext(connection) as queries:
            response = admin_client.get(LIST)
        assert response.status_code == 200
        return len(queries), response

    before, _ = listing_queries()
    for n in range(5):
        lesson = make_lesson(quiz_lesson.get_parent(), title=f"Quiz {n}", lesson_type="quiz")
        make_assessment(lesson, [single("Q", "A", "B")] * 3, title=f"Quiz {n}")
    after, response = listing_queries()
    assert after == before
    html = response.content.decode()
    assert "Quiz 4" in html
    assert "Small quiz" in html


def test_listing_filters_by_course_and_searches(admin_client, assessment):
    make_assessment(None, [single("Q", "A", "B")], title="Loose quiz")
    course = assessment.lesson.course
    titles = lambda response: [str(obj) for obj in response.context["object_list"]]  # noqa: E731
    assert titles(admin_client.get(LIST, {"course": course.pk})) == ["Airspace quiz"]
    assert titles(admin_client.get(LIST, {"has_lesson": "false"})) == ["Loose quiz"]
    assert titles(admin_client.get(LIST, {"q": "loose"})) == ["Loose quiz"]

"""The demo quizzes: on the checkride course's quiz lessons with the advertised rules, an
optional one in the free course, loaded once however often load_demo runs."""

from importlib import import_module
from io import StringIO

from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.urls import reverse

import pytest

from demo.loaders import accounts as accounts_demo
from demo.loaders import assessments as demo
from demo.loaders import courses as courses_demo
from demo.loaders.instructors import DEMO_INSTRUCTOR_USERS
from demo.management.commands.load_demo import DEMO_MODULES
from learning.assessments.models import Assessment, Attempt, Question, QuestionType
from learning.courses.models import CoursePage, ModulePage
from learning.enrollments.models import Certificate, LessonProgress

pytestmark = pytest.mark.django_db

RULES = {
    "questions_per_attempt": 5,
    "max_attempts": 3,
    "time_limit_minutes": 10,
    "passing_score": 70,
    "randomize_questions": True,
    "shuffle_choices": True,
    "show_results_immediately": True,
    "show_correct_answers": True,
    "required_for_certificate": True,
}


def load_demo():
    if "demo.loaders.assessments" in DEMO_MODULES:
        call_command("load_demo", stdout=StringIO())
        return
    # Until load_demo lists it: where it belongs, after the courses and before the
    # enrollments (which must see which quiz lessons only a pass completes).
    modules = list(DEMO_MODULES)
    modules.insert(modules.index("demo.loaders.courses") + 1, "demo.loaders.assessments")
    for name in modules:
        import_module(name).load(StringIO())


def checkride_quiz_lessons():
    course = CoursePage.objects.get(slug=demo.CHECKRIDE_COURSE)
    modules = {module.slug: module for module in ModulePage.objects.child_of(course)}
    return {slug: demo.quiz_lesson_under(modules[slug]) for slug in demo.CHECKRIDE_QUIZZES}


def assert_checkride_quiz(assessment):
    assert {name: getattr(assessment, name) for name in RULES} == RULES
    bank = list(assessment.questions.prefetch_related("choices"))
    assert len(bank) >= 10
    assert {question.question_type for question in bank} == set(QuestionType)
    assert all(question.explanation for question in bank)
    for question in bank:
        question.full_clean(exclude=["assessment"])
        correct = sum(choice.is_correct for choice in question.choices.all())
        if question.question_type in ("single", "true_false"):
            assert correct == 1, question
        elif question.question_type == "multiple":
            assert correct >= 1, question


def bank_size():
    return Assessment.objects.count(), Question.objects.count()


def test_demo_quizzes_load_once_on_the_quiz_lessons_with_the_rules():
    load_demo()
    lessons = checkride_quiz_lessons()
    assert None not in lessons.values()  # airspace, weather and regulations each have one
    for slug, lesson in lessons.items():
        assessment = Assessment.objects.get(lesson=lesson)
        assert assessment.title == demo.CHECKRIDE_QUIZZES[slug][0]
        assert_checkride_quiz(assessment)
    briefing = Assessment.objects.get(lesson__slug="quiz-go-no-go")
    assert briefing.questions.count() == 5
    assert not briefing.required_for_certificate

    before = bank_size()
    load_demo()  # twice: nothing new, and the free course's certificate still stands
    assert bank_size() == before
    certificate = Certificate.objects.get(enrollment__user__email="learner@demo.test")
    assert (certificate.course_title, certificate.is_valid) == ("Weather Briefing Basics", True)
    # Only the instructors' demo cohort has quiz history (a student failing a quiz twice).
    assert not Attempt.objects.exclude(user__email__in=DEMO_INSTRUCTOR_USERS).exists()


def test_demo_learners_completed_no_required_quiz_by_hand():
    """A lesson with a required quiz completes only by a pass; the demo has no attempts."""
    load_demo()
    by_hand = LessonProgress.objects.filter(
        completed=True, lesson__assessment__required_for_certificate=True
    )
    assert not by_hand.exists()


def load_courses():
    accounts_demo.load(StringIO())
    courses_demo.load(StringIO())


def test_an_edited_assessment_is_left_alone():
    load_courses()
    demo.load(StringIO())
    lesson = checkride_quiz_lessons()["weather"]
    assessment = Assessment.objects.get(lesson=lesson)
    assessment.title = "Edited by an instructor"
    assessment.max_attempts = 1
    assessment.save()
    assessment.questions.first().delete()
    count = assessment.questions.count()
    out = StringIO()
    demo.load(out)
    assessment.refresh_from_db()
    assert (assessment.title, assessment.max_attempts) == ("Edited by an instructor", 1)
    assert assessment.questions.count() == count
    assert "0 created" in out.getvalue()


def test_demo_instructors_may_edit_quizzes_and_see_their_statistics(client):
    load_courses()
    demo.load(StringIO())
    instructor = get_user_model().objects.get(email="instructor@demo.test")
    assert instructor.has_perm("assessments.change_assessment")
    client.force_login(instructor)
    assert client.get(reverse("assessments_statistics")).status_code == 200
    assert client.get(reverse("assessments_attempt_modeladmin_index")).status_code == 200


def test_without_the_demo_courses_nothing_is_made():
    out = StringIO()
    demo.load(out)
    assert "skipped checkride quizzes" in out.getvalue()
    assert not Assessment.objects.exists()

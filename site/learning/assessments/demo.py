"""Demo quizzes for `load_demo` (after learning.enrollments.demo): one assessment on each
quiz lesson of the checkride course's airspace, weather and regulations modules, and a
short optional one in the free weather course.

Like the other demo loaders it never overwrites an editor's work: a quiz lesson that
already has an assessment keeps it, whatever it now says. No attempts are made for the
demo users; their quiz history starts when someone takes a quiz.
"""

import importlib
import importlib.util

from learning.courses.models import CoursePage, LessonPage, LessonType, ModulePage

from . import demo_questions as questions
from .factories import make_assessment
from .models import Assessment

CHECKRIDE_COURSE = "private-pilot-checkride-prep"
BRIEFING_COURSE = "weather-briefing-basics"

CHECKRIDE_RULES = {
    "passing_score": 70,
    "max_attempts": 3,
    "time_limit_minutes": 10,
    "questions_per_attempt": 5,
    "randomize_questions": True,
    "shuffle_choices": True,
    "show_results_immediately": True,
    "show_correct_answers": True,
    "required_for_certificate": True,
}
CHECKRIDE_INSTRUCTIONS = (
    "<p>Five questions drawn from a larger bank, so each attempt is different. You have "
    "<b>10 minutes</b> and <b>three attempts</b>; 70% passes and completes the lesson. "
    "Your answers are saved as you go. After you submit you see the correct answers, each "
    "with the regulation or handbook behind it.</p>"
)
# module slug -> (assessment title, question bank)
CHECKRIDE_QUIZZES = {
    "airspace": ("Airspace classes and VFR minimums", questions.AIRSPACE_QUESTIONS),
    "weather": ("METAR and TAF decoding", questions.WEATHER_QUESTIONS),
    "regulations-and-the-pilot-in-command": (
        "Regulations and the pilot in command",
        questions.REGULATIONS_QUESTIONS,
    ),
}

# Optional, so completing the free course (and its certificate) never waits on a quiz.
BRIEFING_QUIZ = {
    "title": "Is this flight a go?",
    "instructions": (
        "<p>Five questions on briefings and flight categories. Take it as often as you like: "
        "it is practice, and the lesson can be marked complete without it.</p>"
    ),
    "passing_score": 60,
    "max_attempts": 0,
    "time_limit_minutes": 0,
    "questions_per_attempt": 0,
    "required_for_certificate": False,
}


def quiz_lesson_under(page):
    """The first quiz lesson below `page`, in tree order (the lesson's slug may change)."""
    return (
        LessonPage.objects.descendant_of(page)
        .filter(lesson_type=LessonType.QUIZ)
        .order_by("path")
        .first()
    )


class QuizLoader:
    def __init__(self, stdout):
        self.stdout = stdout
        self.created = self.kept = 0

    def add(self, lesson, bank, **fields):
        if Assessment.objects.filter(lesson=lesson).exists():
            self.kept += 1
            return
        make_assessment(lesson, bank, **fields)
        self.created += 1

    def load_checkride(self, course):
        for module_slug, (title, bank) in CHECKRIDE_QUIZZES.items():
            module = ModulePage.objects.child_of(course).filter(slug=module_slug).first()
            lesson = quiz_lesson_under(module) if module else None
            if lesson is None:
                self.stdout.write(f"  skipped the {module_slug} quiz: no quiz lesson there")
                continue
            self.add(
                lesson, bank, title=title, instructions=CHECKRIDE_INSTRUCTIONS, **CHECKRIDE_RULES
            )

    def load_briefing(self, course):
        lesson = quiz_lesson_under(course)
        if lesson is None:
            self.stdout.write(f"  skipped the {BRIEFING_COURSE} quiz: no quiz lesson there")
            return
        self.add(lesson, questions.BRIEFING_QUESTIONS, **BRIEFING_QUIZ)


def grant_editing_to_instructors():
    """Give the demo instructors quiz editing, when that app module exists."""
    if importlib.util.find_spec("learning.assessments.permissions") is None:
        return
    permissions = importlib.import_module("learning.assessments.permissions")
    grant = getattr(permissions, "grant_quiz_editing", None)
    if grant is not None:
        from accounts.demo import instructors_group

        grant(instructors_group())


def course(slug):
    return CoursePage.objects.filter(slug=slug).first()


def load(stdout):
    loader = QuizLoader(stdout)
    checkride, briefing = course(CHECKRIDE_COURSE), course(BRIEFING_COURSE)
    if checkride is None:
        stdout.write(f"  skipped checkride quizzes: course {CHECKRIDE_COURSE} missing")
    else:
        loader.load_checkride(checkride)
    if briefing is not None:
        loader.load_briefing(briefing)
    grant_editing_to_instructors()
    stdout.write(f"  assessments: {loader.created} created, {loader.kept} kept")

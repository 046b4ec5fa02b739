"""Demo quizzes for `load_demo` (after the enrollments loader): one assessment on each
quiz lesson of the checkride course's airspace, weather and regulations modules, and a
short optional one in the free weather course.

The questions are in demo/data/assessments, in the spec format of
learning.assessments.factories; every explanation names its source (14 CFR parts 1, 61,
71 and 91, the AIM, the Aviation Weather Handbook). Like the other loaders it never
overwrites an editor's work: a quiz lesson that already has an assessment keeps it,
whatever it now says. No attempts are made for the demo users; their quiz history starts
when someone takes a quiz. Quiz editing comes with the Instructors role (accounts.roles).
"""

from demo.loaders.courses import REVIEWED_ON, demo_instructor
from demo.words import read
from learning.assessments.factories import make_assessment
from learning.assessments.models import Assessment
from learning.courses.models import CoursePage, LessonPage, LessonType, ModulePage

CHECKRIDE = read("assessments", "checkride.json")
BRIEFING = read("assessments", "briefing.json")

CHECKRIDE_COURSE = CHECKRIDE["course"]
BRIEFING_COURSE = BRIEFING["course"]
CHECKRIDE_RULES = CHECKRIDE["rules"]
CHECKRIDE_INSTRUCTIONS = CHECKRIDE["instructions"]
# module slug -> (assessment title, question bank)
CHECKRIDE_QUIZZES = {
    quiz["module"]: (quiz["title"], quiz["questions"]) for quiz in CHECKRIDE["quizzes"]
}
# Optional, so completing the free course (and its certificate) never waits on a quiz.
BRIEFING_QUIZ = BRIEFING["quiz"]
BRIEFING_QUESTIONS = BRIEFING["questions"]


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
        make_assessment(lesson, bank, **fields, **self.review(lesson))
        self.created += 1

    def review(self, lesson):
        """A quiz was checked with its course's lessons (courses.REVIEWED_ON), or not yet."""
        course = lesson.get_ancestors().type(CoursePage).first()
        reviewed_on = REVIEWED_ON.get(course.slug) if course else None
        if reviewed_on is None:
            return {}
        return {"reviewed_by": demo_instructor(), "current_as_of": reviewed_on}

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
        self.add(lesson, BRIEFING_QUESTIONS, **BRIEFING_QUIZ)


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
    stdout.write(f"  assessments: {loader.created} created, {loader.kept} kept")

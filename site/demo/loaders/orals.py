"""Demo mock orals for `load_demo`: the question bank in demo/data/orals/questions.json
(checked against 14 CFR and the FAA handbooks), a section per area whose tasks
have questions, and one finished mock oral for learner@demo.test.

Runs after the ACS loader (the elements) and the flashcards loader (the Oral review
deck's home). Questions are matched by prompt and sections by name, so a second run
updates them in place; a question whose codes the loaded standard lacks is skipped. The
learner's mock oral is made only when they have none, through the real services, so its
unsatisfactory items become oral-review flashcards. Grading learners' sessions comes with
the Instructors role (accounts.roles).
"""

import datetime
import random

from django.contrib.auth import get_user_model
from django.utils import timezone

from accounts.roles import instructors_group
from demo.words import read
from learning.acs.models import AcsElement, AcsStandard, AcsTask
from learning.orals import services
from learning.orals.models import Grade, MockOralSection, MockOralSession, OralQuestion

# Each: element codes, prompt, key points (one per line), reference, difficulty 1-3.
QUESTIONS = read("orals", "questions.json")
AUTHOR_EMAIL = "instructor@demo.test"
LEARNER_EMAIL = "learner@demo.test"
DEMO_SEED = 8
# The demo learner's self-grades, in plan order (repeated): mostly good, a few misses.
GRADES = [Grade.SATISFACTORY] * 3 + [Grade.UNSATISFACTORY, Grade.SATISFACTORY, Grade.NEEDS_REVIEW]


def load_questions(stdout):
    author = get_user_model().objects.filter(email=AUTHOR_EMAIL).first()
    elements = {element.code: element for element in AcsElement.objects.filter(archived=False)}
    loaded = 0
    for spec in QUESTIONS:
        linked = [elements[code] for code in spec["codes"] if code in elements]
        if not linked:
            continue
        fields = {
            "key_points": "\n".join(spec["key_points"]),
            "reference": spec["reference"],
            "difficulty": spec["difficulty"],
        }
        question, _ = OralQuestion.objects.update_or_create(
            prompt=spec["prompt"],
            defaults={**fields, "is_active": True},
            create_defaults={**fields, "author": author},
        )
        question.elements.set(linked)
        loaded += 1
    stdout.write(f"  {loaded} oral questions")


def load_sections(stdout):
    """A section per area that has tasks with questions."""
    count = 0
    for standard in AcsStandard.objects.all():
        for area in standard.areas.all():
            tasks = AcsTask.objects.filter(area=area, elements__oral_questions__isnull=False)
            tasks = list(tasks.distinct())
            if not tasks:
                continue
            section, _ = MockOralSection.objects.update_or_create(
                standard=standard,
                name=f"{area.numeral}. {area.title}",
                defaults={
                    "description": "Tasks of this Area of Operation our question bank covers.",
                    "order": area.order,
                },
            )
            section.tasks.set(tasks)
            count += 1
    stdout.write(f"  {count} mock oral sections")


def load_learner_session(stdout):
    learner = get_user_model().objects.filter(email=LEARNER_EMAIL).first()
    section = MockOralSection.objects.order_by("standard", "order").first()
    if learner is None or section is None:
        return
    if MockOralSession.objects.filter(user=learner).exists():
        stdout.write("  the demo learner's mock oral is already there")
        return
    started = timezone.now() - datetime.timedelta(days=2)
    session, _ = services.start_session(
        learner,
        section.standard,
        section_ids=[section.pk],
        planned_minutes=30,
        now=started,
        rng=random.Random(DEMO_SEED),  # noqa: S311 - a repeatable demo plan
    )
    for index, item in enumerate(session.items.order_by("order")):
        graded_at = started + datetime.timedelta(minutes=2 * index + 2)
        services.grade_item(learner, session.pk, item.pk, GRADES[index % len(GRADES)], graded_at)
    finished = services.finish_session(
        learner, session.pk, now=started + datetime.timedelta(minutes=32)
    )
    stdout.write(f"  a finished mock oral for {LEARNER_EMAIL} (score {finished.score}%)")


def grant_grading(stdout):
    """Instructors grade the sessions of learners in their courses: their role says so;
    make sure it is applied (access.py decides whose)."""
    instructors_group()
    stdout.write("  Instructors may grade their learners' mock orals")


def load(stdout):
    grant_grading(stdout)
    load_questions(stdout)
    load_sections(stdout)
    load_learner_session(stdout)

"""Demo mock orals for `load_demo`: the question bank in demo/data/orals/questions.json
(checked against 14 CFR and the FAA handbooks) with the follow-ups in follow_ups.json,
the scenarios in scenarios.json with their own questions, a section per area whose
tasks have questions, and one finished mock oral for learner@demo.test.

Every question and scenario is credited to instructor@demo.test as its reviewer (when
their profile has a certificate number, as the accounts loader gives it) with the date
it was last checked.

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

from accounts.content_review import has_certificate
from accounts.roles import instructors_group
from demo.words import read
from learning.acs.models import AcsElement, AcsStandard, AcsTask
from learning.orals import services
from learning.orals.models import Grade, MockOralSection, MockOralSession, OralQuestion, Scenario

# Each: element codes, prompt, key points (one per line), reference, difficulty 1-3.
QUESTIONS = read("orals", "questions.json")
# {question prompt: {"satisfactory": follow-up, "unsatisfactory": follow-up}}
FOLLOW_UPS = read("orals", "follow_ups.json")
# Each: the scenario's fields, its standard's code and its questions (as QUESTIONS, with
# their follow-ups).
SCENARIOS = read("orals", "scenarios.json")
REVIEWER_EMAIL = "instructor@demo.test"
REVIEWED_ON = datetime.date(2026, 12, 2)
AUTHOR_EMAIL = "instructor@demo.test"
LEARNER_EMAIL = "learner@demo.test"
DEMO_SEED = 8
# The demo learner's self-grades, in plan order (repeated): mostly good, a few misses.
GRADES = [Grade.SATISFACTORY] * 3 + [Grade.UNSATISFACTORY, Grade.SATISFACTORY, Grade.NEEDS_REVIEW]


def review_fields(spec=None):
    """reviewed_by and current_as_of for demo content; none while the reviewer has no
    certificate (a review needs one)."""
    reviewer = get_user_model().objects.filter(email=REVIEWER_EMAIL).first()
    if reviewer is None or not has_certificate(reviewer):
        return {"reviewed_by": None, "current_as_of": None}
    when = (spec or {}).get("current_as_of")
    return {
        "reviewed_by": reviewer,
        "current_as_of": datetime.date.fromisoformat(when) if when else REVIEWED_ON,
    }


def save_question(spec, elements, author, scenario=None):
    linked = [elements[code] for code in spec["codes"] if code in elements]
    if not linked:
        return None
    follow_ups = FOLLOW_UPS.get(spec["prompt"], {})
    fields = {
        "key_points": "\n".join(spec["key_points"]),
        "reference": spec["reference"],
        "difficulty": spec["difficulty"],
        "scenario": scenario,
        "follow_up_satisfactory": spec.get(
            "follow_up_satisfactory", follow_ups.get("satisfactory", "")
        ),
        "follow_up_unsatisfactory": spec.get(
            "follow_up_unsatisfactory", follow_ups.get("unsatisfactory", "")
        ),
        **review_fields(spec),
    }
    question, _ = OralQuestion.objects.update_or_create(
        prompt=spec["prompt"],
        defaults={**fields, "is_active": True},
        create_defaults={**fields, "author": author},
    )
    question.elements.set(linked)
    return question


def current_elements():
    return {element.code: element for element in AcsElement.objects.filter(archived=False)}


def load_questions(stdout):
    author = get_user_model().objects.filter(email=AUTHOR_EMAIL).first()
    elements = current_elements()
    loaded = sum(1 for spec in QUESTIONS if save_question(spec, elements, author))
    stdout.write(f"  {loaded} oral questions")


SCENARIO_FIELDS = (
    "airplane_class",
    "route",
    "airports",
    "aircraft",
    "performance",
    "passengers",
    "metars",
    "tafs",
    "pireps",
    "winds_aloft",
    "notams",
    "records",
    "planted_problem",
)


def load_scenarios(stdout):
    """Scenarios matched by title, with their questions; skipped without their standard."""
    author = get_user_model().objects.filter(email=AUTHOR_EMAIL).first()
    elements = current_elements()
    count = questions = 0
    for spec in SCENARIOS:
        standard = AcsStandard.objects.filter(code=spec["standard"]).first()
        if standard is None:
            continue
        fields = {name: spec[name] for name in SCENARIO_FIELDS}
        scenario, _ = Scenario.objects.update_or_create(
            title=spec["title"],
            standard=standard,
            defaults={
                **fields,
                "flight_date": datetime.date.fromisoformat(spec["flight_date"]),
                "is_active": True,
                **review_fields(spec),
            },
        )
        count += 1
        for question in spec["questions"]:
            questions += save_question(question, elements, author, scenario) is not None
    stdout.write(f"  {count} oral scenario{'s' if count != 1 else ''} with {questions} questions")


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
    load_scenarios(stdout)
    load_sections(stdout)
    load_learner_session(stdout)

"""Write paths for mock orals (docs/architecture.md, "Write paths"): start, grade, finish, abandon.

Scoring: satisfactory counts 1, "needs review" counts half (the learner knew part of it
and wants another look), unsatisfactory 0; ungraded items were not asked and do not count.
score = round(100 * (satisfactory + needs_review / 2) / graded).
Every item graded unsatisfactory becomes a card in the learner's "Oral review" deck,
once: the card is remembered on the item, so finishing twice creates nothing new.
A learner has one open session at a time; one nothing was graded in can be abandoned,
which deletes it (see abandon_session), so it never shows as a score.

Correlative questioning: grading an item's answer picks the question's follow-up for
that grade (deeper after satisfactory, simpler after unsatisfactory or needs review);
once the follow-up is graded, its grade is the element's final grade (``item.grade``).
Grading the answer again re-picks the follow-up and clears its grade.

A session may be built on a scenario (a flight to plan, see models.Scenario): questions
written for that scenario replace the general questions of the elements they cover.
Codes from the learner's knowledge test report are stored on the session and passed to
the planner as mandatory; their tasks join the scope.
"""

import random

from django.contrib.auth import get_user_model
from django.db import models, transaction
from django.utils import timezone

from accounts.standing import has_verified_email
from core.fragments import Refused
from learning.acs.models import AcsElement, AcsTask, AirplaneClass
from learning.flashcards.sanitize import text_to_card_html
from learning.flashcards.services import add_oral_review_card

from . import access, notifying, planner
from .models import (
    Grade,
    MockOralItem,
    MockOralSection,
    MockOralSession,
    OralQuestion,
    Scenario,
)

DURATIONS = (15, 30, 45, 60, 90)
RECENT_SESSIONS = 3
NOT_FOUND = "We could not find that mock oral."
FINISHED = "This mock oral is finished; start a new one to practise again."
EMPTY_PLAN = "The chosen tasks have no current ACS elements to ask about. Choose others."
GRADED = "You have graded questions in this mock oral: finish it to keep your result."


class OralError(Refused):
    """A mock oral request refused with a message for the learner."""


def require_learner(user):
    if not user.is_authenticated:
        raise OralError("Log in to rehearse your oral exam.", status=403)
    if not has_verified_email(user):
        raise OralError("Confirm your email address before you start a mock oral.", status=403)


def open_session(user):
    return MockOralSession.objects.filter(user=user, completed_at__isnull=True).first()


def open_session_summary(user):
    """The open session with ``graded`` (how many items have a grade) for the home page."""
    graded = models.Count("items", filter=~models.Q(items__grade=""))
    sessions = MockOralSession.objects.filter(user=user, completed_at__isnull=True)
    return sessions.annotate(graded=graded).first()


def scope_tasks(standard, section_ids, task_ids):
    """The tasks chosen directly or through sections, all of ``standard``; 400 otherwise."""
    section_ids, task_ids = set(section_ids), set(task_ids)
    sections = list(MockOralSection.objects.filter(standard=standard, pk__in=section_ids))
    tasks = list(
        AcsTask.objects.select_related("area").filter(area__standard=standard, pk__in=task_ids)
    )
    if len(sections) != len(section_ids) or len(tasks) != len(task_ids):
        raise OralError("Choose sections and tasks of this standard only.")
    section_tasks = AcsTask.objects.select_related("area").filter(oral_sections__in=sections)
    chosen = {task.pk: task for task in [*tasks, *section_tasks]}
    if not chosen:
        raise OralError("Choose at least one task or section for your mock oral.")
    return sections, sorted(chosen.values(), key=lambda task: (task.area.order, task.order))


def missed_codes(user):
    """Codes whose latest grade by this learner was unsatisfactory or needs review."""
    latest = {}
    rows = (
        MockOralItem.objects.filter(session__user=user)
        .exclude(grade="")
        .order_by("graded_at", "pk")
        .values_list("element__code", "grade")
    )
    for code, grade in rows:
        latest[code] = grade
    return {code for code, grade in latest.items() if grade != Grade.SATISFACTORY}


def recent_question_ids(user):
    sessions = MockOralSession.objects.filter(user=user).values("pk")[:RECENT_SESSIONS]
    items = MockOralItem.objects.filter(session__in=sessions, question__isnull=False)
    return set(items.values_list("question_id", flat=True))


def question_bank(tasks, scenario=None):
    """{element pk: [active questions]} for the elements of ``tasks``.

    General questions, or with ``scenario`` the questions written for it wherever one
    covers the element (a scenario question refers to a flight only that session shows,
    so other scenarios' questions are never in the bank). Each question knows every
    element it covers (``element_ids``), so the planner can group them.
    """
    links = OralQuestion.elements.through.objects.filter(
        acselement__task__in=tasks, oralquestion__is_active=True
    ).select_related("oralquestion")
    if scenario is None:
        links = links.filter(oralquestion__scenario__isnull=True)
    else:
        general_or_this = models.Q(oralquestion__scenario__isnull=True)
        links = links.filter(general_or_this | models.Q(oralquestion__scenario=scenario))
    general, written = {}, {}
    questions = {}
    for link in links.order_by("oralquestion_id"):
        question = questions.setdefault(link.oralquestion_id, link.oralquestion)
        question._element_ids = set()
        target = general if question.scenario_id is None else written
        target.setdefault(link.acselement_id, []).append(question)
    every_link = OralQuestion.elements.through.objects.filter(oralquestion__in=list(questions))
    for question_id, element_id in every_link.values_list("oralquestion_id", "acselement_id"):
        questions[question_id]._element_ids.add(element_id)
    return {**general, **written}


def tasks_with_elements(tasks):
    elements = {}
    for element in AcsElement.objects.filter(task__in=tasks):
        elements.setdefault(element.task_id, []).append(element)
    return [(task, elements.get(task.pk, [])) for task in tasks]


def knowledge_test_elements(standard, codes):
    """The current elements of ``standard`` named by ``codes``; 400 naming any unknown."""
    found = {
        element.code: element
        for element in AcsElement.objects.select_related("task__area").filter(
            task__area__standard=standard, code__in=list(codes), archived=False
        )
    }
    unknown = [code for code in codes if code not in found]
    if unknown:
        raise OralError(
            f"These codes are not current elements of {standard.title}: {', '.join(unknown)}."
        )
    return [found[code] for code in codes]


def active_scenarios(standard, airplane_class):
    return Scenario.objects.filter(
        standard=standard, airplane_class=airplane_class, is_active=True
    ).order_by("title")


def choose_scenario(standard, airplane_class, scenario_id, rng):
    """The scenario asked for (404 if it is not an active one of this standard and
    class), or by chance one of those, or None when there is none."""
    scenarios = active_scenarios(standard, airplane_class)
    if scenario_id is not None:
        chosen = scenarios.filter(pk=scenario_id).first()
        if chosen is None:
            raise OralError("Choose one of the offered scenarios.")
        return chosen
    offered = list(scenarios)
    return rng.choice(offered) if offered else None


def ordered_items(items):
    """Items that share a question next to each other, at the place of the first one,
    so the session page asks the question once with a grade per element."""
    groups = {}
    for item in items:
        key = item.question.pk if item.question is not None else ("element", item.element.pk)
        groups.setdefault(key, []).append(item)
    return [item for group in groups.values() for item in group]


def start_session(
    user,
    standard,
    *,
    section_ids=(),
    task_ids=(),
    planned_minutes=30,
    airplane_class=AirplaneClass.ASEL,
    knowledge_test_codes=(),
    scenario_id=None,
    now=None,
    rng=None,
):
    """A new session over the chosen scope, or the learner's open one (one at a time).

    Returns (session, created)."""
    require_learner(user)
    if planned_minutes not in DURATIONS:
        raise OralError("Choose one of the offered durations.")
    if airplane_class not in AirplaneClass.values:
        raise OralError("Choose the class of airplane you train in.")
    rng = rng or random.Random()  # noqa: S311 - question order, not security
    codes = list(dict.fromkeys(knowledge_test_codes))
    tested = knowledge_test_elements(standard, codes)
    if not (section_ids or task_ids) and tested:
        sections, tasks = [], []
    else:
        sections, tasks = scope_tasks(standard, section_ids, task_ids)
    chosen = {task.pk: task for task in tasks}
    for element in tested:
        chosen.setdefault(element.task.pk, element.task)
    tasks = sorted(chosen.values(), key=lambda task: (task.area.order, task.order))
    scenario = choose_scenario(standard, airplane_class, scenario_id, rng)
    with transaction.atomic():
        get_user_model().objects.select_for_update().filter(pk=user.pk).first()
        existing = open_session(user)
        if existing is not None:
            return existing, False
        result = planner.plan(
            tasks_with_elements(tasks),
            question_bank(tasks, scenario),
            missed_codes(user),
            rng,
            planned_minutes=planned_minutes,
            recent_ids=recent_question_ids(user),
            mandatory_codes=codes,
            airplane_class=airplane_class,
        )
        if not result.items:
            raise OralError(EMPTY_PLAN)
        session = MockOralSession.objects.create(
            user=user,
            standard=standard,
            acs_type=standard.title,
            planned_minutes=planned_minutes,
            airplane_class=airplane_class,
            scenario=scenario,
            knowledge_test_codes=codes,
            started_at=now or timezone.now(),
        )
        session.sections.set(sections)
        session.tasks.set(tasks)
        session.skipped_tasks.set(getattr(result, "skipped_tasks", []))
        session.deferred_tasks.set(getattr(result, "deferred_tasks", []))
        MockOralItem.objects.bulk_create(
            MockOralItem(session=session, element=item.element, question=item.question, order=n)
            for n, item in enumerate(ordered_items(result.items), start=1)
        )
    return session, True


def session_for(user, session_id, lock=False):
    """The learner's own session, or a learner's one their instructor may grade; else 404."""
    sessions = MockOralSession.objects.select_for_update() if lock else MockOralSession.objects
    session = sessions.filter(pk=session_id).first()
    if session is None or (
        session.user_id != user.pk and not access.may_grade(user, session.user_id)
    ):
        raise OralError(NOT_FOUND, status=404)
    return session


ANSWER, FOLLOW_UP = "answer", "follow_up"


def grade_item(user, session_id, item_id, grade, now=None, part=ANSWER):
    """Record ``grade`` for one item's answer or its follow-up (``part``); an
    instructor's grade marks the session as theirs. See the module docstring for how
    the follow-up's grade becomes the element's."""
    if grade not in Grade.values:
        raise OralError("Choose Satisfactory, Unsatisfactory or Needs review.")
    if part not in (ANSWER, FOLLOW_UP):
        raise OralError("Grade the answer or its follow-up.")
    with transaction.atomic():
        session = session_for(user, session_id, lock=True)
        item = (
            MockOralItem.objects.select_related("question")
            .filter(session=session, pk=item_id)
            .first()
        )
        if item is None:
            raise OralError("We could not find that question in this mock oral.", status=404)
        if session.completed_at is not None:
            raise OralError(FINISHED, status=409)
        if part == FOLLOW_UP:
            if not item.follow_up:
                raise OralError("Grade the answer first: its follow-up depends on it.", status=409)
            item.follow_up_grade = grade
        else:
            item.answer_grade = grade
            item.follow_up = item.question.follow_up_for(grade) if item.question else ""
            item.follow_up_grade = ""
        item.grade = item.follow_up_grade or item.answer_grade
        item.graded_at = now or timezone.now()
        item.save(
            update_fields=["grade", "graded_at", "answer_grade", "follow_up", "follow_up_grade"]
        )
        if session.user_id != user.pk and session.graded_by_id != user.pk:
            session.graded_by = user
            session.save(update_fields=["graded_by"])
    return item


def score_for(grades):
    graded = [grade for grade in grades if grade]
    if not graded:
        return None
    points = sum(
        1 if grade == Grade.SATISFACTORY else 0.5 if grade == Grade.NEEDS_REVIEW else 0
        for grade in graded
    )
    return round(100 * points / len(graded))


def card_sides(item):
    """Front: the question (or the element) with its code; back: what a good answer covers."""

    element, question = item.element, item.question
    asked = question.prompt if question else f"Explain: {element.text}"
    front = f"{asked}\n({element.code})"
    back_lines = [*question.key_point_list] if question else []
    back_lines.append(f"ACS {element.code}: {element.text}")
    if question and question.reference:
        back_lines.append(f"Reference: {question.reference}")
    return text_to_card_html(front), text_to_card_html("\n".join(back_lines))


def finish_session(user, session_id, now=None):
    """Score the session and turn unsatisfactory items into oral-review cards (idempotent)."""

    with transaction.atomic():
        session = session_for(user, session_id, lock=True)
        items = list(session.items.select_related("element", "question").order_by("order").all())
        if session.completed_at is None:
            score = score_for([item.grade for item in items])
            if score is None:
                raise OralError("Grade at least one question before you finish.")
            session.score = score
            session.completed_at = now or timezone.now()
            session.save(update_fields=["score", "completed_at"])
            notifying.session_graded(session)
        for item in items:
            if item.grade == Grade.UNSATISFACTORY and item.flashcard_id is None:
                front, back = card_sides(item)
                item.flashcard = add_oral_review_card(
                    session.user, front=front, back=back, acs_elements=[item.element], now=now
                )
                item.save(update_fields=["flashcard"])
    return session


def abandon_session(user, session_id):
    """Delete the learner's own open session if nothing in it is graded yet.

    Deleting rather than closing it without a score keeps history, trends and the
    dashboard free of a mock oral that never happened, and frees the learner to plan
    another. Once a question is graded the session has a result to keep, so the learner
    finishes it instead (409). Only the learner abandons; anyone else gets a 404."""
    with transaction.atomic():
        session = (
            MockOralSession.objects.select_for_update()
            .filter(pk=session_id, user_id=getattr(user, "pk", None))
            .first()
        )
        if session is None:
            raise OralError(NOT_FOUND, status=404)
        if session.completed_at is not None:
            raise OralError(FINISHED, status=409)
        if session.items.exclude(grade="").exists():
            raise OralError(GRADED, status=409)
        session.delete()


def question_groups(items):
    """Consecutive items that share a question, as lists: one step of the session page,
    which asks the question once and grades each element."""
    groups = []
    for item in items:
        if groups and item.question_id and groups[-1][0].question_id == item.question_id:
            groups[-1].append(item)
        else:
            groups.append([item])
    return groups


def needs_grading(item):
    return not item.grade or item.follow_up_pending

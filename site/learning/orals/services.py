"""Write paths for mock orals (docs/architecture.md, "Write paths"): start, grade, finish, abandon.

Scoring: satisfactory counts 1, "needs review" counts half (the learner knew part of it
and wants another look), unsatisfactory 0; ungraded items were not asked and do not count.
score = round(100 * (satisfactory + needs_review / 2) / graded).
Every item graded unsatisfactory becomes a card in the learner's "Oral review" deck,
once: the card is remembered on the item, so finishing twice creates nothing new.
A learner has one open session at a time; one nothing was graded in can be abandoned,
which deletes it (see abandon_session), so it never shows as a score.
"""

import random

from django.contrib.auth import get_user_model
from django.db import models, transaction
from django.utils import timezone

from accounts.standing import has_verified_email
from core.fragments import Refused
from learning.acs.models import AcsElement, AcsTask
from learning.flashcards.sanitize import text_to_card_html
from learning.flashcards.services import add_oral_review_card

from . import access, planner
from .models import Grade, MockOralItem, MockOralSection, MockOralSession, OralQuestion

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


def question_bank(tasks):
    """{element pk: [active questions]} for the elements of ``tasks``."""
    links = OralQuestion.elements.through.objects.filter(
        acselement__task__in=tasks, oralquestion__is_active=True
    ).select_related("oralquestion")
    bank = {}
    for link in links.order_by("oralquestion_id"):
        bank.setdefault(link.acselement_id, []).append(link.oralquestion)
    return bank


def tasks_with_elements(tasks):
    elements = {}
    for element in AcsElement.objects.filter(task__in=tasks):
        elements.setdefault(element.task_id, []).append(element)
    return [(task, elements.get(task.pk, [])) for task in tasks]


def start_session(
    user, standard, *, section_ids=(), task_ids=(), planned_minutes=30, now=None, rng=None
):
    """A new session over the chosen scope, or the learner's open one (one at a time).

    Returns (session, created)."""
    require_learner(user)
    if planned_minutes not in DURATIONS:
        raise OralError("Choose one of the offered durations.")
    sections, tasks = scope_tasks(standard, section_ids, task_ids)
    with transaction.atomic():
        get_user_model().objects.select_for_update().filter(pk=user.pk).first()
        existing = open_session(user)
        if existing is not None:
            return existing, False
        result = planner.plan(
            tasks_with_elements(tasks),
            question_bank(tasks),
            missed_codes(user),
            rng or random.Random(),  # noqa: S311 - question order, not security
            planned_minutes=planned_minutes,
            recent_ids=recent_question_ids(user),
        )
        if not result.items:
            raise OralError(EMPTY_PLAN)
        session = MockOralSession.objects.create(
            user=user,
            standard=standard,
            acs_type=standard.title,
            planned_minutes=planned_minutes,
            started_at=now or timezone.now(),
        )
        session.sections.set(sections)
        session.tasks.set(tasks)
        MockOralItem.objects.bulk_create(
            MockOralItem(session=session, element=item.element, question=item.question, order=n)
            for n, item in enumerate(result.items, start=1)
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


def grade_item(user, session_id, item_id, grade, now=None):
    """Record ``grade`` for one item; an instructor's grade marks the session as theirs."""
    if grade not in Grade.values:
        raise OralError("Choose Satisfactory, Unsatisfactory or Needs review.")
    with transaction.atomic():
        session = session_for(user, session_id, lock=True)
        item = MockOralItem.objects.filter(session=session, pk=item_id).first()
        if item is None:
            raise OralError("We could not find that question in this mock oral.", status=404)
        if session.completed_at is not None:
            raise OralError(FINISHED, status=409)
        item.grade = grade
        item.graded_at = now or timezone.now()
        item.save(update_fields=["grade", "graded_at"])
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

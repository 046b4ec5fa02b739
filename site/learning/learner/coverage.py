"""How ready one learner is on a standard: per element, studied / tested / retained.

- studied: they completed a live lesson tagged with the element;
- tested: they answered a question tagged with it correctly in a submitted attempt;
- retained: a flashcard tagged with it has a predicted recall (FSRS retrievability) now
  at or above their desired retention.

Readiness of an area is the share of its current elements the learner has shown they
know: an element tested or retained counts fully, one only studied counts half (reading
is not recall), an untouched one counts zero. Each source is one values_list query over
the whole standard, then pure Python, so the cost does not grow with the standard.
"""

from datetime import UTC, datetime

from django.db.models import F

from learning.assessments.models import Question
from learning.courses.models import LessonPage
from learning.flashcards.models import CardState
from learning.flashcards.scheduler import retrievability, scheduler_for
from learning.flashcards.services import current_study_settings

STUDIED_WEIGHT = 0.5


def studied_ids(user, standard):
    return set(
        LessonPage.acs_elements.through.objects.filter(
            acselement__task__area__standard=standard,
            lessonpage__live=True,
            lessonpage__progress__completed=True,
            lessonpage__progress__enrollment__user=user,
        ).values_list("acselement_id", flat=True)
    )


def tested_ids(user, standard):
    return set(
        Question.acs_elements.through.objects.filter(
            acselement__task__area__standard=standard,
            question__answers__is_correct=True,
            question__answers__attempt__user=user,
            question__answers__attempt__submitted_at__isnull=False,
        ).values_list("acselement_id", flat=True)
    )


def retained_ids(user, standard, now=None):
    """Elements with at least one tagged card the learner would recall now."""
    settings = current_study_settings(user)
    scheduler = scheduler_for(settings)
    now = now or datetime.now(UTC)
    rows = (
        CardState.objects.filter(
            user=user,
            card__acs_elements__task__area__standard=standard,
            last_review__isnull=False,
        )
        .annotate(element_id=F("card__acs_elements"))
        .only("id", "card_id", "state", "step", "stability", "difficulty", "due", "last_review")
    )
    recalled = {}
    retained = set()
    for state in rows:
        if state.pk not in recalled:
            recalled[state.pk] = retrievability(state, scheduler, now)
        if recalled[state.pk] >= settings.desired_retention:
            retained.add(state.element_id)
    return retained


def apply_coverage(areas, user, standard, now=None):
    """Mark every node of `areas` (from tree.load_tree) for `user`; set counts and readiness."""
    studied = studied_ids(user, standard)
    tested = tested_ids(user, standard)
    retained = retained_ids(user, standard, now)
    for area in areas:
        score, total = 0.0, 0
        for task in area.tasks:
            counts = {"total": 0, "studied": 0, "tested": 0, "retained": 0}
            for node in task.nodes():
                pk = node.element.pk
                node.studied, node.tested, node.retained = (
                    pk in studied,
                    pk in tested,
                    pk in retained,
                )
                counts["total"] += 1
                counts["studied"] += node.studied
                counts["tested"] += node.tested
                counts["retained"] += node.retained
                score += element_score(node)
            task.counts = counts
            total += counts["total"]
        area.readiness = round(100 * score / total) if total else 0
    return areas


def element_score(node):
    if node.tested or node.retained:
        return 1.0
    return STUDIED_WEIGHT if node.studied else 0.0

"""ACS readiness per area for every learner at once, for the nightly LearnerSnapshot.

The learner's own page computes readiness live, one learner at a time
(learning.learner.coverage: three queries per learner and standard). A roster of two
thousand learners cannot afford that, so the nightly snapshot asks the same three
sources (studied, tested, retained) once for ALL learners and every standard, then
scores each area with the learner page's own weights (coverage.element_score and
STUDIED_WEIGHT). tests/learning/instructors/test_analytics_readiness.py holds the two
computations equal, so the rule lives in coverage.py and this is only its bulk form.

As of a past day: studied counts lessons completed before the day ended, tested counts
answers of attempts submitted before it ended, retained judges each card's recall at
the day's end from its current memory state when that state was last reviewed before
the day ended (a card reviewed again later is left out of that past day: its earlier
state is not kept outside the review log).
"""

from collections import defaultdict
from types import SimpleNamespace

from django.contrib.auth import get_user_model
from django.db.models import F

from learning.acs.models import AcsElement, AcsStandard
from learning.assessments.models import Question
from learning.courses.models import LessonPage
from learning.flashcards.models import CardState, StudySettings
from learning.flashcards.scheduler import retrievability, scheduler_for
from learning.learner.coverage import element_score


def readiness_by_learner(user_ids, end):
    """{user id: {standard slug: {area numeral: percent}}} for `user_ids`, as of `end`.

    A learner gets every standard they have any evidence in, each with all its areas
    (0 where untouched); a learner with no evidence gets {}. Seven queries in all."""
    user_ids = list(user_ids)
    elements = current_elements()
    if not user_ids or not elements:
        return {}
    evidence = defaultdict(lambda: {"studied": set(), "tested": set(), "retained": set()})
    for user_id, element_id in studied_pairs(user_ids, end):
        evidence[user_id]["studied"].add(element_id)
    for user_id, element_id in tested_pairs(user_ids, end):
        evidence[user_id]["tested"].add(element_id)
    for user_id, element_id in retained_pairs(user_ids, end):
        evidence[user_id]["retained"].add(element_id)
    totals = defaultdict(int)
    for standard_slug, numeral in elements.values():
        totals[standard_slug, numeral] += 1
    return {user_id: score(marks, elements, totals) for user_id, marks in evidence.items()}


def current_elements():
    """{element id: (standard slug, area numeral)} for every current element."""
    rows = AcsElement.objects.filter(archived=False).values_list(
        "pk", "task__area__standard__slug", "task__area__numeral"
    )
    return {pk: (slug, numeral) for pk, slug, numeral in rows}


def score(marks, elements, totals):
    """One learner's percent per area: coverage.element_score summed over the elements
    they have any evidence for, divided by the area's current elements."""
    points = defaultdict(float)
    for element_id in marks["studied"] | marks["tested"] | marks["retained"]:
        where = elements.get(element_id)
        if where is None:  # an archived element: the learner page leaves it out too
            continue
        node = SimpleNamespace(
            studied=element_id in marks["studied"],
            tested=element_id in marks["tested"],
            retained=element_id in marks["retained"],
        )
        points[where] += element_score(node)
    standards = {slug for slug, _ in points}
    return {
        slug: {
            numeral: round(100 * points.get((slug, numeral), 0.0) / total)
            for (standard, numeral), total in sorted(totals.items())
            if standard == slug
        }
        for slug in sorted(standards)
    }


def studied_pairs(user_ids, end):
    return LessonPage.acs_elements.through.objects.filter(
        lessonpage__live=True,
        lessonpage__progress__completed=True,
        lessonpage__progress__completed_date__lt=end,
        lessonpage__progress__enrollment__user_id__in=user_ids,
    ).values_list("lessonpage__progress__enrollment__user_id", "acselement_id")


def tested_pairs(user_ids, end):
    return Question.acs_elements.through.objects.filter(
        question__answers__is_correct=True,
        question__answers__attempt__user_id__in=user_ids,
        question__answers__attempt__submitted_at__lt=end,
    ).values_list("question__answers__attempt__user_id", "acselement_id")


def retained_pairs(user_ids, end):
    """(user id, element id) for tagged cards each learner would recall at `end`, at
    their own desired retention (three queries: card states, settings, users)."""
    rows = (
        CardState.objects.filter(
            user_id__in=user_ids,
            last_review__isnull=False,
            last_review__lt=end,
        )
        .annotate(element_id=F("card__acs_elements"))
        .filter(element_id__isnull=False)
        .only(
            "id",
            "user_id",
            "card_id",
            "state",
            "step",
            "stability",
            "difficulty",
            "due",
            "last_review",
        )
    )
    states = list(rows)
    if not states:
        return []
    schedulers = schedulers_for({state.user_id for state in states})
    recalled = {}
    pairs = []
    for state in states:
        study_settings, scheduler = schedulers[state.user_id]
        if state.pk not in recalled:
            recalled[state.pk] = retrievability(state, scheduler, end)
        if recalled[state.pk] >= study_settings.desired_retention:
            pairs.append((state.user_id, state.element_id))
    return pairs


def schedulers_for(user_ids):
    """{user id: (StudySettings, scheduler)}: saved settings or the defaults, each
    knowing its user and their time zone (two queries)."""
    users = get_user_model().objects.filter(pk__in=user_ids).select_related("preferences")
    saved = {row.user_id: row for row in StudySettings.objects.filter(user_id__in=user_ids)}
    found = {}
    for user in users:
        study_settings = saved.get(user.pk) or StudySettings(user=user)
        study_settings.user = user
        found[user.pk] = (study_settings, scheduler_for(study_settings))
    return found


def standard_slugs():
    """{document id, code and slug, lower-cased: slug}: how a course's free-text
    `acs_standard` ("FAA-S-ACS-6C") names the standard a snapshot is keyed by."""
    names = {}
    for slug, code, document_id in AcsStandard.objects.values_list("slug", "code", "document_id"):
        for name in (slug, code, document_id):
            if name:
                names[name.strip().lower()] = slug
    return names

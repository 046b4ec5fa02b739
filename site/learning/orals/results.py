"""What the result page shows: the verdict per task as an examiner gives it, the
score, per-area breakdown, items, cards made, gaps.

An evaluator who finds that the applicant "does not meet the standards for any Task"
fails that Task and its Area of Operation (FAA-S-ACS-6C, Appendix 1, "Unsatisfactory
Performance"), so the applicant passes only when every Task is satisfactory. Here a
Task is unsatisfactory when any of its planned elements ended unsatisfactory or "needs
review" (a point the applicant could not answer well enough is not satisfactory), and
incomplete when none did but some were left ungraded. The percentage stays as a secondary figure.

A fixed number of queries however many items the session holds.
"""

import dataclasses

from django.urls import NoReverseMatch, reverse

from learning.flashcards.models import Deck, DeckPurpose

from .models import Grade
from .services import score_for

STUDY_PATH = "/flashcards/study/"


@dataclasses.dataclass
class AreaResult:
    code: str
    title: str
    items: list

    @property
    def score(self):
        return score_for([item.grade for item in self.items])

    def count(self, grade):
        return sum(1 for item in self.items if item.grade == grade)

    @property
    def satisfactory(self):
        return self.count(Grade.SATISFACTORY)

    @property
    def unsatisfactory(self):
        return self.count(Grade.UNSATISFACTORY)

    @property
    def needs_review(self):
        return self.count(Grade.NEEDS_REVIEW)


SATISFACTORY, UNSATISFACTORY, INCOMPLETE = "satisfactory", "unsatisfactory", "incomplete"
VERDICT_LABELS = {
    SATISFACTORY: "Satisfactory",
    UNSATISFACTORY: "Unsatisfactory",
    INCOMPLETE: "Incomplete",
}


@dataclasses.dataclass
class TaskResult:
    task: object
    items: list

    @property
    def failing(self):
        """The elements that made the task unsatisfactory."""
        return [item for item in self.items if item.grade and item.grade != Grade.SATISFACTORY]

    @property
    def ungraded(self):
        return [item for item in self.items if not item.grade]

    @property
    def verdict(self):
        if self.failing:
            return UNSATISFACTORY
        return INCOMPLETE if self.ungraded else SATISFACTORY

    @property
    def verdict_label(self):
        return VERDICT_LABELS[self.verdict]


def task_results(items):
    """One TaskResult per task, in the order the items were asked."""
    tasks = {}
    for item in items:
        task = item.element.task
        tasks.setdefault(task.pk, TaskResult(task, [])).items.append(item)
    return list(tasks.values())


def would_pass(results):
    return bool(results) and all(result.verdict == SATISFACTORY for result in results)


# What the planner does, in the learner's words; keep it to what planner.py states.
PLANNING_RULES = (
    "Each task you chose is asked through at least one of its knowledge elements, one of "
    "its risk-management elements when it has any, and every skill element our instructors "
    "marked as one the ground portion can evaluate; a lettered sub-element counts for its "
    "parent, except where the ACS Notes ask for at least so many sub-elements, which are "
    "all asked. A heading is never asked on its own, and no question is asked twice. "
    "Every code from your knowledge test report that applies to your class of airplane is "
    "asked, whatever the duration. Tasks that are not for "
    "your class of airplane are left out, and tasks whose minimums do not fit the duration "
    "are left for another session. Elements you missed before come first; codes the FAA "
    "removed are never asked."
)


def study_url(deck):
    if deck is None:
        return None
    try:
        path = reverse("flashcards_study")
    except NoReverseMatch:
        path = STUDY_PATH
    return f"{path}?deck={deck.pk}"


def result_context(session):
    items = list(
        session.items.select_related(
            "element__task__area__standard", "question__reviewed_by__profile", "flashcard"
        )
    )
    tested = set(session.knowledge_test_codes)
    for item in items:
        item.from_knowledge_test = item.element.code in tested
    tasks = task_results(items)
    areas = {}
    for item in items:
        area = item.element.task.area
        areas.setdefault(area.pk, AreaResult(area.code, area.title, [])).items.append(item)
    cards = [item for item in items if item.flashcard_id]
    deck = None
    if cards:
        deck = Deck.objects.filter(owner=session.user_id, purpose=DeckPurpose.ORAL_REVIEW).first()
    return {
        "session": session,
        "items": items,
        "tasks": tasks,
        "planning_rules": PLANNING_RULES,
        "scenario": session.scenario,
        "skipped_tasks": list(session.skipped_tasks.all()),
        "deferred_tasks": list(session.deferred_tasks.all()),
        "would_pass": would_pass(tasks),
        "unsatisfactory_tasks": [task for task in tasks if task.verdict == UNSATISFACTORY],
        "areas": list(areas.values()),
        "cards": cards,
        "study_url": study_url(deck),
        "gaps": [item for item in items if item.question_id is None],
        "ungraded": [item for item in items if not item.grade],
    }

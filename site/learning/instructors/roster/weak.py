"""A student's weakest ACS elements, for their instructor.

The learner's own readiness rule decides what "known" means (learning.learner.coverage:
an element tested or retained scores 1, only studied 0.5, untouched 0), computed live
for this one learner over the whole standard in a fixed number of queries. Among the
elements that are not yet known, those with evidence of trouble come first: quiz
answers the learner got wrong on questions tagged with the element, and mock oral items
graded unsatisfactory or "needs review". Then elements the course's lessons teach, then
document order, so the list points at what to go over next, not at the whole standard.
"""

import dataclasses

from django.db.models import Count

from learning.acs.tree import load_tree
from learning.assessments.models import AttemptAnswer
from learning.courses.models import LessonPage
from learning.learner.coverage import apply_coverage, element_score
from learning.orals.models import Grade, MockOralItem

from .facts import any_prefix

SHOWN = 10


@dataclasses.dataclass
class WeakElement:
    element: object
    task: object
    score: float
    quiz_misses: int
    oral_misses: int
    taught: bool

    @property
    def reason(self):
        reasons = []
        if self.quiz_misses:
            s = "" if self.quiz_misses == 1 else "s"
            reasons.append(f"{self.quiz_misses} quiz answer{s} wrong")
        if self.oral_misses:
            s = "" if self.oral_misses == 1 else "s"
            reasons.append(f"{self.oral_misses} mock oral item{s} not satisfactory")
        if self.score:
            reasons.append("studied, not yet tested or recalled")
        elif not reasons:
            reasons.append("not studied yet")
        return "; ".join(reasons).capitalize()


def quiz_misses(learner, standard):
    rows = (
        AttemptAnswer.objects.filter(
            attempt__user=learner,
            attempt__submitted_at__isnull=False,
            is_correct=False,
            question__acs_elements__task__area__standard=standard,
        )
        .values("question__acs_elements")
        .annotate(n=Count("pk"))
        .order_by()
    )
    return {row["question__acs_elements"]: row["n"] for row in rows}


def oral_misses(learner, standard):
    rows = (
        MockOralItem.objects.filter(
            session__user=learner,
            session__standard=standard,
            grade__in=[Grade.UNSATISFACTORY, Grade.NEEDS_REVIEW],
        )
        .values("element_id")
        .annotate(n=Count("pk"))
        .order_by()
    )
    return {row["element_id"]: row["n"] for row in rows}


def taught_elements(courses, standard):
    """Elements of `standard` tagged on the lessons of `courses`."""
    paths = [course.path for course in courses]
    if not paths:
        return set()
    through = LessonPage.acs_elements.through.objects.filter(
        any_prefix("lessonpage__path", paths), acselement__task__area__standard=standard
    )
    return set(through.values_list("acselement_id", flat=True))


def weakest_elements(learner, standard, courses, limit=SHOWN):
    """Up to `limit` WeakElements of `standard` for `learner`, weakest first."""
    areas = apply_coverage(load_tree(standard), learner, standard)
    quiz, oral = quiz_misses(learner, standard), oral_misses(learner, standard)
    taught = taught_elements(courses, standard)
    nodes = [(task, node) for area in areas for task in area.tasks for node in task.nodes()]
    found = []
    for position, (task_node, node) in enumerate(nodes):
        score = element_score(node)
        if score >= 1:
            continue
        pk = node.element.pk
        weak = WeakElement(
            node.element, task_node.task, score, quiz.get(pk, 0), oral.get(pk, 0), pk in taught
        )
        misses = weak.quiz_misses + weak.oral_misses
        found.append((-misses, score, not weak.taught, position, weak))
    found.sort(key=lambda entry: entry[:4])
    return [entry[-1] for entry in found[:limit]]

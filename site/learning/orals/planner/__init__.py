"""Plan a mock oral from the ACS (FAA-S-ACS-6C). The plan enforces exactly these rules:

1. Class: a Task whose ``airplane_classes`` does not include ``airplane_class`` is not
   planned and is listed in ``skipped_tasks``; an element marked for other classes
   ("Water rudders (ASES, AMES)") is never planned. Archived elements are never planned.
2. Minimums per Task (ACS Appendix 1, "Use of the ACS During a Practical Test": at least
   one knowledge element, at least one risk management element, all skill elements
   unless otherwise noted): at least one knowledge element, at least one risk element
   when the Task has any, and every skill element flagged ``ground_evaluable`` (a
   curated flag; skills flown in the airplane are left to the flight).
3. Sub-elements: a knowledge or risk element may be asked through one of its
   sub-elements ("selection of the sub-element satisfies the requirement"). A heading
   (text ending in ":" with sub-elements, "Effects of:") is never planned on its own:
   its sub-elements are. An element with ``min_sub_elements`` N (Notes of PA.I.C and
   PA.I.G: "at least three sub-elements") is asked through at least N of them whenever
   it or any of its sub-elements is planned.
4. Notes: every ``crosswind`` element is planned (PA.IV.A/B: without a crosswind its
   knowledge "must be evaluated through oral testing"); of each ``choice_group`` ("select
   at least one") at least one element the oral can ask is planned.
5. ``mandatory_codes`` (knowledge test report codes) found among the current elements of
   an applicable Task are always planned, by rule 3, never cut by duration; the ones
   planned are reported in ``mandatory``.
6. Duration: about one element per two planned minutes. Tasks keep their minimums; those
   whose minimums do not fit are left to another session (``deferred_tasks``), taken in
   this order: Tasks with knowledge test codes (always kept), then those with elements
   the learner missed, then ACS order; the first is always kept. A 90-minute session
   plans every Task in scope. Time left over adds further knowledge and risk elements
   of the kept Tasks, by rule 7.
7. Choice among equals: elements the learner graded unsatisfactory or "needs review"
   before (``missed_codes``) first, then elements with a question, then chance (``rng``).
8. Questions: no question is asked twice; one covering several planned elements is
   asked once and its items sit together; questions not asked recently
   (``recent_ids``) are preferred. An element with no question is still planned
   (asked generically) and listed in ``gaps``.
9. Order: the ACS order a DPE follows (Area I Tasks A to I, then later Areas), within a
   Task knowledge, then risk, then skill elements, by number; the items of a shared
   question sit with the first of them.

The planner is pure: it reads plain objects (tasks: ``code``, ``airplane_classes``;
elements: ``pk``, ``code``, ``kind``, ``text``, ``archived``, ``parent_id``,
``airplane_classes``, ``ground_evaluable``, ``min_sub_elements``, ``crosswind``,
``choice_group``; questions: ``pk``, ``element_ids``) and writes nothing.
"""

import dataclasses

from .questions import assign, grouped
from .scope import TaskScope, applies, code_key, units

MINUTES_PER_ELEMENT = 2
FULL_SESSION_MINUTES = 90
ROMAN = {"I": 1, "V": 5, "X": 10, "L": 50}

__all__ = ["Plan", "PlannedItem", "plan", "uncovered", "units"]


@dataclasses.dataclass(frozen=True)
class PlannedItem:
    element: object
    question: object | None


@dataclasses.dataclass
class Plan:
    items: list
    gaps: list
    skipped_tasks: list = dataclasses.field(default_factory=list)
    deferred_tasks: list = dataclasses.field(default_factory=list)
    mandatory: set = dataclasses.field(default_factory=set)


class Chooser:
    def __init__(self, question_bank, missed_codes, rng):
        self.bank = question_bank
        self.missed = set(missed_codes)
        self.rng = rng
        self.noise = {}

    def key(self, element):
        """Missed first, then covered by the bank, then chance (stable per element)."""
        if element.pk not in self.noise:
            self.noise[element.pk] = self.rng.random()
        return (
            element.code not in self.missed,
            not self.bank.get(element.pk),
            self.noise[element.pk],
        )

    def best(self, members):
        return min(members, key=self.key)

    def best_unit(self, candidates):
        return min(candidates, key=lambda unit: self.key(self.best(unit.members)))


def task_key(task):
    """ACS order from the code (PA.IX.B -> (9, 'B')); unknown shapes keep input order."""
    parts = (getattr(task, "code", "") or "").split(".")
    if len(parts) != 3 or not parts[1] or set(parts[1]) - set(ROMAN):
        return (99, "")
    values = [ROMAN[char] for char in parts[1]]
    area = sum(-v if v < n else v for v, n in zip(values, [*values[1:], 0], strict=True))
    return (area, parts[2])


def _priority(scope, mandatory_codes, missed):
    return (not scope.codes & mandatory_codes, not scope.codes & missed, task_key(scope.task))


def plan(
    tasks_with_elements,
    question_bank,
    missed_codes,
    rng,
    planned_minutes=30,
    recent_ids=(),
    mandatory_codes=(),
    airplane_class="ASEL",
):
    """Plan the elements to ask for ``tasks_with_elements`` [(task, [elements])]; see the
    module docstring for the rules."""
    chooser = Chooser(question_bank, missed_codes, rng)
    mandatory_codes, missed = set(mandatory_codes), set(missed_codes)
    ordered = sorted(
        enumerate(tasks_with_elements), key=lambda pair: (task_key(pair[1][0]), pair[0])
    )
    skipped, scopes = [], []
    for _, (task, elements) in ordered:
        if not applies(task, airplane_class):
            skipped.append(task)
            continue
        scopes.append(TaskScope(task, elements, airplane_class, chooser).minimum(mandatory_codes))
    target = int(planned_minutes) // MINUTES_PER_ELEMENT
    included, deferred = _fit(scopes, target, planned_minutes, mandatory_codes, missed)
    _fill(included, target, chooser)
    elements = [
        element
        for scope in scopes
        if scope in included
        for element in sorted(scope.picked.values(), key=lambda element: code_key(element.code))
    ]
    chosen = assign(elements, question_bank, set(recent_ids), rng)
    items = [PlannedItem(element, chosen[element.pk]) for element in grouped(elements, chosen)]
    return Plan(
        items=items,
        gaps=[item.element for item in items if item.question is None],
        skipped_tasks=skipped,
        deferred_tasks=[scope.task for scope in scopes if scope in deferred],
        mandatory={code for scope in scopes for code in scope.codes} & mandatory_codes,
    )


def _fit(scopes, target, planned_minutes, mandatory_codes, missed):
    """(included, deferred) Task scopes: see rule 6."""
    if planned_minutes >= FULL_SESSION_MINUTES:
        return list(scopes), []
    included, deferred, size = [], [], 0
    for scope in sorted(scopes, key=lambda scope: _priority(scope, mandatory_codes, missed)):
        if scope.codes & mandatory_codes or not included or size + len(scope.picked) <= target:
            included.append(scope)
            size += len(scope.picked)
        else:
            deferred.append(scope)
    return included, deferred


def _fill(included, target, chooser):
    """Add spare knowledge and risk units to the included Tasks while time is left."""
    size = sum(len(scope.picked) for scope in included)
    spare = [(scope, unit) for scope in included for unit in scope.spare()]
    spare.sort(key=lambda entry: chooser.key(chooser.best(entry[1].members)))
    for scope, unit in spare:
        if size >= target:
            break
        before = len(scope.picked)
        scope.ask(unit)
        size += len(scope.picked) - before


def uncovered(tasks_with_elements, question_bank):
    """Current elements no active question covers, per Task: the bank's gaps."""
    result = []
    for task, elements in tasks_with_elements:
        missing = [
            element
            for element in elements
            if not element.archived and not question_bank.get(element.pk)
        ]
        if missing:
            result.append((task, sorted(missing, key=lambda element: code_key(element.code))))
    return result

"""Plan a mock oral the way the ACS tells an examiner to plan the oral exam.

The rules (FAA-S-ACS-6C, "Using the ACS"; shown to learners on the results page):

* For every Task in scope the plan includes at least one knowledge element, at least one
  risk-management element (when the Task has any) and every skill element that can be
  evaluated orally.
* A skill element can be evaluated orally (``orally_evaluable``) when its text starts with
  a verb a learner can demonstrate on the ground ("Describe", "Determine", "Identify",
  "Plan" ...), or when its Task is knowledge-only (its objective names no skills). Skills
  such as "Maintain altitude +/-100 feet" belong to the flight and are left out.
* Archived elements (codes the FAA removed) are never planned.
* Choosing a lettered sub-element (K3a) satisfies the requirement of its parent (K3), as
  the ACS says; a plan never holds both an element and its own sub-element.
* Within each requirement, elements the learner graded unsatisfactory or "needs review"
  before come first, then elements the question bank covers, then chance (``rng``).
* Every planned element gets an active question linked to it, preferring one not asked
  recently and not already used in the plan. Elements with no question are still asked
  (generically, "Explain: <element text>") and listed in ``gaps`` for instructors.
* Size: about one element per two planned minutes, never below the minimums.

The planner is pure: it reads plain objects (``pk``, ``code``, ``kind``, ``text``,
``archived``, ``parent_id``; tasks with ``objective``) and writes nothing.
"""

import dataclasses
import re

GROUND_VERBS = frozenset(
    [
        "apply",
        "assess",
        "brief",
        "calculate",
        "compare",
        "complete",
        "compute",
        "correlate",
        "demonstrate",
        "describe",
        "determine",
        "develop",
        "discuss",
        "display",
        "evaluate",
        "explain",
        "identify",
        "interpret",
        "list",
        "locate",
        "obtain",
        "plan",
        "prepare",
        "recognize",
        "select",
        "state",
        "use",
        "utilize",
        "verify",
    ]
)
FIRST_WORD = re.compile(r"[A-Za-z]+")
KNOWLEDGE, RISK, SKILL = "K", "R", "S"
MINUTES_PER_ELEMENT = 2


@dataclasses.dataclass(frozen=True)
class PlannedItem:
    element: object
    question: object | None


@dataclasses.dataclass
class Plan:
    items: list
    gaps: list


def knowledge_only(task):
    """A Task whose objective names no skills ("knowledge and risk management")."""
    objective = (getattr(task, "objective", "") or "").lower()
    return bool(objective) and "skill" not in objective


def orally_evaluable(element, task=None):
    """Whether a skill element can be evaluated in the oral: see the module docstring."""
    if element.kind != SKILL:
        return False
    if task is not None and knowledge_only(task):
        return True
    match = FIRST_WORD.search(element.text or "")
    return bool(match) and match.group(0).lower() in GROUND_VERBS


def units(elements):
    """Current elements grouped as [root, *current sub-elements]; a sub-element whose
    parent is archived or missing stands on its own."""
    current = {element.pk: element for element in elements if not element.archived}
    groups = {}
    for element in current.values():
        root = element.parent_id if element.parent_id in current else element.pk
        groups.setdefault(root, []).append(element)
    return [
        sorted(members, key=lambda member: (member.pk != root, member.pk))
        for root, members in groups.items()
    ]


class _Chooser:
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
        return min(candidates, key=lambda unit: self.key(self.best(unit)))


def _requirements(task, task_units, chooser):
    """The units the ACS minimums need for one Task, each with the element chosen."""
    chosen = []
    for kind in (KNOWLEDGE, RISK):
        candidates = [unit for unit in task_units if unit[0].kind == kind]
        if candidates:
            unit = chooser.best_unit(candidates)
            chosen.append((unit, chooser.best(unit)))
    for unit in task_units:
        evaluable = [member for member in unit if orally_evaluable(member, task)]
        if unit[0].kind == SKILL and evaluable:
            chosen.append((unit, chooser.best(evaluable)))
    return chosen


def _question_for(element, question_bank, recent_ids, used_ids, rng):
    questions = question_bank.get(element.pk) or []
    if not questions:
        return None
    for pool in (
        [q for q in questions if q.pk not in used_ids and q.pk not in recent_ids],
        [q for q in questions if q.pk not in used_ids],
        list(questions),
    ):
        if pool:
            return rng.choice(pool)
    return None


def plan(tasks_with_elements, question_bank, missed_codes, rng, planned_minutes=30, recent_ids=()):
    """Plan the elements to ask for ``tasks_with_elements`` [(task, [elements])].

    ``question_bank`` maps an element pk to its active questions; ``missed_codes`` are
    codes the learner missed before; ``recent_ids`` question pks asked recently.
    """
    chooser = _Chooser(question_bank, missed_codes, rng)
    picked = {}
    spare = []
    for task_index, (task, elements) in enumerate(tasks_with_elements):
        task_units = units(elements)
        required = _requirements(task, task_units, chooser)
        taken = {id(unit) for unit, _ in required}
        for _unit, element in required:
            picked[element.pk] = (task_index, element)
        for unit in task_units:
            if id(unit) not in taken and unit[0].kind != SKILL:
                spare.append((task_index, unit))
    target = max(len(picked), int(planned_minutes) // MINUTES_PER_ELEMENT)
    spare.sort(key=lambda entry: chooser.key(chooser.best(entry[1])))
    for task_index, unit in spare[: max(0, target - len(picked))]:
        element = chooser.best(unit)
        picked[element.pk] = (task_index, element)
    ordered = sorted(picked.values(), key=lambda entry: (entry[0], _code_key(entry[1].code)))
    items, gaps, used = [], [], set()
    for _, element in ordered:
        question = _question_for(element, question_bank, set(recent_ids), used, rng)
        if question is None:
            gaps.append(element)
        else:
            used.add(question.pk)
        items.append(PlannedItem(element, question))
    return Plan(items=items, gaps=gaps)


KIND_ORDER = {KNOWLEDGE: 0, RISK: 1, SKILL: 2}
CODE_TAIL = re.compile(r"\.([KRS])(\d+)([a-z]?)$")


def _code_key(code):
    """PA.I.B.K10 after K2, knowledge before risk before skills."""
    match = CODE_TAIL.search(code)
    if not match:
        return (9, 0, code)
    kind, number, letter = match.groups()
    return (KIND_ORDER[kind], int(number), letter)


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
            result.append((task, sorted(missing, key=lambda element: _code_key(element.code))))
    return result

"""The planner keeps the ACS minimums for every task in any scope (property tests)."""

import dataclasses
import random

from hypothesis import given
from hypothesis import strategies as st

from learning.orals import planner


@dataclasses.dataclass(frozen=True)
class Task:
    code: str
    objective: str = "knowledge, risk management, and skills"


@dataclasses.dataclass(frozen=True)
class Element:
    pk: int
    code: str
    kind: str
    text: str
    archived: bool = False
    parent_id: int | None = None


@dataclasses.dataclass(frozen=True)
class Question:
    pk: int


SKILL_TEXTS = ["Determine the airplane is airworthy.", "Maintain altitude +/-100 feet."]


@st.composite
def trees(draw):
    """Tasks with random K/R/S elements, sub-elements and archived ones; a random bank."""
    counter = iter(range(1, 10_000))
    tasks = []
    for task_index in range(draw(st.integers(1, 5))):
        task = Task(f"PA.I.{'ABCDE'[task_index]}")
        elements = []
        for kind, low in (("K", 1), ("R", 0), ("S", 0)):
            for number in range(1, draw(st.integers(low, 4)) + 1):
                parent = Element(
                    next(counter),
                    f"{task.code}.{kind}{number}",
                    kind,
                    draw(st.sampled_from(SKILL_TEXTS)) if kind == "S" else "Text.",
                    archived=draw(st.booleans()) and draw(st.booleans()),
                )
                elements.append(parent)
                for letter in "abc"[: draw(st.integers(0, 3))]:
                    elements.append(
                        Element(
                            next(counter),
                            f"{parent.code}{letter}",
                            kind,
                            parent.text,
                            archived=draw(st.booleans()) and draw(st.booleans()),
                            parent_id=parent.pk,
                        )
                    )
        tasks.append((task, elements))
    every = [element for _, elements in tasks for element in elements]
    covered = draw(st.sets(st.sampled_from(every)))
    bank = {element.pk: [Question(element.pk * 10)] for element in covered}
    missed = {element.code for element in draw(st.sets(st.sampled_from(every)))}
    return tasks, bank, missed


def satisfied(unit_members, planned_pks):
    return any(member.pk in planned_pks for member in unit_members)


@given(trees(), st.integers(0, 2**32), st.sampled_from([15, 30, 60]))
def test_minimums_hold_for_every_task(tree, seed, minutes):
    tasks, bank, missed = tree
    result = planner.plan(tasks, bank, missed, random.Random(seed), planned_minutes=minutes)
    planned = [item.element for item in result.items]
    planned_pks = {element.pk for element in planned}
    assert len(planned_pks) == len(planned), "no element twice"
    assert not any(element.archived for element in planned)
    by_pk = {element.pk: element for _, elements in tasks for element in elements}
    for element in planned:
        assert element.parent_id not in planned_pks, "never an element and its sub-element"
    for task, elements in tasks:
        task_units = planner.units(elements)
        for kind in ("K", "R"):
            of_kind = [unit for unit in task_units if unit[0].kind == kind]
            if of_kind:
                assert any(satisfied(unit, planned_pks) for unit in of_kind), (task, kind)
                missed_units = [unit for unit in of_kind if any(m.code in missed for m in unit)]
                if missed_units:
                    assert any(
                        by_pk[pk].code in missed and by_pk[pk].kind == kind
                        for pk in planned_pks
                        if by_pk[pk] in elements
                    ), "a missed element is preferred"
        for unit in task_units:
            if any(planner.orally_evaluable(member, task) for member in unit):
                assert satisfied(unit, planned_pks), "every oral skill element"
    assert {element.pk for element in result.gaps} == {
        element.pk for element in planned if not bank.get(element.pk)
    }
    for item in result.items:
        assert (item.question is None) == (not bank.get(item.element.pk))


@given(trees(), st.integers(0, 2**32))
def test_same_seed_same_plan(tree, seed):
    tasks, bank, missed = tree
    first = planner.plan(tasks, bank, missed, random.Random(seed))
    second = planner.plan(tasks, bank, missed, random.Random(seed))
    assert [i.element.pk for i in first.items] == [i.element.pk for i in second.items]


def test_size_follows_planned_minutes():
    task = Task("PA.I.B")
    elements = [Element(n, f"PA.I.B.K{n}", "K", "Text.") for n in range(1, 41)]
    short = planner.plan([(task, elements)], {}, set(), random.Random(1), planned_minutes=15)
    long = planner.plan([(task, elements)], {}, set(), random.Random(1), planned_minutes=60)
    assert len(short.items) == 7
    assert len(long.items) == 30


def test_orally_evaluable_rule():
    skill = Element(1, "PA.I.B.S1", "S", "Locate and describe airworthiness information.")
    flight = Element(2, "PA.IV.A.S5", "S", "Maintain the selected airspeed.")
    assert planner.orally_evaluable(skill)
    assert not planner.orally_evaluable(flight)
    night = Task("PA.XI.A", "knowledge and risk management associated with night operations.")
    assert planner.orally_evaluable(flight, night)
    assert not planner.orally_evaluable(Element(3, "PA.I.B.K1", "K", "Describe."))


def test_recently_asked_questions_are_avoided():
    task = Task("PA.I.B")
    element = Element(1, "PA.I.B.K1", "K", "Text.")
    bank = {1: [Question(10), Question(11)]}
    for seed in range(20):
        result = planner.plan(
            [(task, [element])], bank, set(), random.Random(seed), recent_ids={10}
        )
        assert result.items[0].question.pk == 11

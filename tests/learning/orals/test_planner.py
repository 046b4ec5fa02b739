"""The planner keeps every rule its docstring states, over many random ACS-shaped trees,
seeds, durations, classes and knowledge test codes (property tests), plus examples."""

import dataclasses
import random

from hypothesis import given, settings
from hypothesis import strategies as st

from learning.orals import planner

from .plain_6c import Element, Question
from .plan_rules import check_plan


@dataclasses.dataclass(frozen=True)
class Task:
    code: str
    airplane_classes: str = ""
    notes: str = ""


CLASSES = ["", "ASEL,AMEL", "ASES,AMES", "ASEL", "AMEL,AMES"]
TEXTS = ["Effects of:", "Determine the airplane is airworthy.", "Maintain altitude."]
DURATIONS = [15, 30, 45, 60, 90]
TASK_CODES = ["PA.I.A", "PA.I.B", "PA.I.I", "PA.II.C", "PA.IV.B", "PA.IX.A", "PA.XII.B"]


@st.composite
def trees(draw):
    """Tasks (shuffled) with random K/R/S elements, headings, sub-elements, archived ones,
    class marks, flags and quantifiers; a bank whose questions may cover several
    elements; missed and knowledge test codes."""
    counter = iter(range(1, 10_000))
    codes = draw(st.lists(st.sampled_from(TASK_CODES), min_size=1, max_size=5, unique=True))
    tasks = []
    for code in codes:
        task = Task(code, draw(st.sampled_from(CLASSES)))
        elements = []
        for kind, low in (("K", 1), ("R", 0), ("S", 0)):
            for number in range(1, draw(st.integers(low, 4)) + 1):
                kids = draw(st.integers(0, 4))
                parent = Element(
                    next(counter),
                    f"{code}.{kind}{number}",
                    kind,
                    draw(st.sampled_from(TEXTS)),
                    archived=draw(st.integers(0, 5)) == 0,
                    airplane_classes=draw(st.sampled_from(["", "", "", "ASES,AMES"])),
                    ground_evaluable=kind == "S" and draw(st.booleans()),
                    min_sub_elements=draw(st.sampled_from([None, None, 2, 3])) if kids else None,
                    crosswind=draw(st.integers(0, 7)) == 0,
                    choice_group=draw(st.sampled_from(["", "", "", "procedure"])),
                )
                elements.append(parent)
                for letter in "abcd"[:kids]:
                    elements.append(
                        Element(
                            next(counter),
                            f"{parent.code}{letter}",
                            kind,
                            "Sub-element.",
                            archived=draw(st.integers(0, 5)) == 0,
                            parent_id=parent.pk,
                            ground_evaluable=kind == "S" and draw(st.booleans()),
                            choice_group=draw(st.sampled_from(["", "", "procedure"])),
                        )
                    )
        tasks.append((task, elements))
    every = [element for _, elements in tasks for element in elements]
    bank = {}
    for number in range(draw(st.integers(0, len(every) + 3))):
        covered = draw(st.sets(st.sampled_from(every), min_size=1, max_size=3))
        question = Question(1000 + number, frozenset(e.pk for e in covered))
        for element in covered:
            bank.setdefault(element.pk, []).append(question)
    missed = {e.code for e in draw(st.sets(st.sampled_from(every), max_size=4))}
    mandatory = {e.code for e in draw(st.sets(st.sampled_from(every), max_size=3))}
    return tasks, bank, missed, mandatory


@settings(max_examples=300, derandomize=True)
@given(
    trees(),
    st.integers(0, 2**32),
    st.sampled_from(DURATIONS),
    st.sampled_from(["ASEL", "ASES", "AMEL", "AMES"]),
)
def test_every_rule_holds_on_random_trees(tree, seed, minutes, airplane_class):
    tasks, bank, missed, mandatory = tree
    result = planner.plan(
        tasks,
        bank,
        missed,
        random.Random(seed),
        planned_minutes=minutes,
        recent_ids={1000, 1001},
        mandatory_codes=mandatory,
        airplane_class=airplane_class,
    )
    check_plan(tasks, bank, missed, mandatory, airplane_class, minutes, result)


@settings(max_examples=100, derandomize=True)
@given(trees(), st.integers(0, 2**32), st.sampled_from(DURATIONS))
def test_same_seed_same_plan(tree, seed, minutes):
    tasks, bank, missed, mandatory = tree
    first, second = (
        planner.plan(tasks, bank, missed, random.Random(seed), minutes, (), mandatory)
        for _ in range(2)
    )
    assert [(i.element.pk, i.question) for i in first.items] == [
        (i.element.pk, i.question) for i in second.items
    ]


def knowledge(count, code="PA.I.B"):
    return [Element(n, f"{code}.K{n}", "K", "Text.") for n in range(1, count + 1)]


def test_size_follows_planned_minutes():
    task = Task("PA.I.B")
    short = planner.plan([(task, knowledge(40))], {}, set(), random.Random(1), 15)
    long = planner.plan([(task, knowledge(40))], {}, set(), random.Random(1), 60)
    assert (len(short.items), len(long.items)) == (7, 30)


def test_a_missed_element_is_asked_before_others():
    for seed in range(20):
        result = planner.plan(
            [(Task("PA.I.B"), knowledge(10))], {}, {"PA.I.B.K7"}, random.Random(seed), 15
        )
        assert "PA.I.B.K7" in [item.element.code for item in result.items]


def test_recently_asked_questions_are_avoided():
    element = Element(1, "PA.I.B.K1", "K", "Text.")
    bank = {1: [Question(10, frozenset({1})), Question(11, frozenset({1}))]}
    for seed in range(20):
        result = planner.plan(
            [(Task("PA.I.B"), [element])], bank, set(), random.Random(seed), recent_ids={10}
        )
        assert result.items[0].question.pk == 11


def test_one_question_covering_two_elements_is_asked_once_for_both():
    k1, r1 = Element(1, "PA.I.B.K1", "K", "Text."), Element(2, "PA.I.B.R1", "R", "Text.")
    s1 = Element(3, "PA.I.B.S1", "S", "Locate.", ground_evaluable=True)
    shared = Question(10, frozenset({1, 3}))
    bank = {1: [shared], 3: [shared], 2: [Question(11, frozenset({2}))]}
    result = planner.plan([(Task("PA.I.B"), [k1, r1, s1])], bank, set(), random.Random(3))
    assert [(i.element.code, i.question.pk) for i in result.items] == [
        ("PA.I.B.K1", 10),
        ("PA.I.B.S1", 10),
        ("PA.I.B.R1", 11),
    ]


def test_a_flight_skill_is_left_to_the_flight_and_a_ground_skill_is_asked():
    flown = Element(2, "PA.IV.A.S9", "S", "Rotate and lift off at the recommended airspeed.")
    shown = Element(3, "PA.IV.A.S4", "S", "Determine wind direction.", ground_evaluable=True)
    result = planner.plan(
        [(Task("PA.IV.A"), [Element(1, "PA.IV.A.K1", "K", "Text."), flown, shown])],
        {},
        set(),
        random.Random(1),
    )
    assert [item.element.code for item in result.items] == ["PA.IV.A.K1", "PA.IV.A.S4"]

"""The planner on the real FAA-S-ACS-6C (the shipped JSON with its reviewed flags): every
rule over random scopes, classes, durations and knowledge test codes, and the cases the
ACS itself names."""

import random

from hypothesis import given, settings
from hypothesis import strategies as st

from learning.orals import planner

from .plain_6c import Question, standard_6c
from .plan_rules import check_plan

STANDARD = standard_6c()
CODES = [element.code for _, elements in STANDARD for element in elements]
SEA_ONLY = {"PA.I.I", "PA.II.E", *(f"PA.IV.{t}" for t in "GHIJKL"), "PA.XII.B"}


def codes(result):
    return [item.element.code for item in result.items]


def by_code(*task_codes):
    return [pair for pair in STANDARD if pair[0].code in task_codes]


@st.composite
def scopes(draw):
    tasks = draw(st.lists(st.sampled_from(STANDARD), min_size=1, max_size=12, unique=True))
    tasks = draw(st.permutations(tasks))
    every = [element for _, elements in tasks for element in elements]
    bank = {}
    for number in range(draw(st.integers(0, 40))):
        covered = draw(st.sets(st.sampled_from(every), min_size=1, max_size=3))
        question = Question(number + 1, frozenset(element.pk for element in covered))
        for element in covered:
            bank.setdefault(element.pk, []).append(question)
    missed = set(draw(st.sets(st.sampled_from(CODES), max_size=6)))
    mandatory = {e.code for e in draw(st.sets(st.sampled_from(every), max_size=3))}
    return tasks, bank, missed, mandatory


@settings(max_examples=120, derandomize=True)
@given(
    scopes(),
    st.integers(0, 2**32),
    st.sampled_from([15, 30, 45, 60, 90]),
    st.sampled_from(["ASEL", "ASES", "AMEL", "AMES"]),
)
def test_every_rule_holds_on_the_real_standard(scope, seed, minutes, airplane_class):
    tasks, bank, missed, mandatory = scope
    result = planner.plan(
        tasks, bank, missed, random.Random(seed), minutes, (), mandatory, airplane_class
    )
    check_plan(tasks, bank, missed, mandatory, airplane_class, minutes, result)


def test_a_land_pilot_is_never_asked_a_seaplane_task():
    result = planner.plan(list(STANDARD), {}, set(), random.Random(1), 90, airplane_class="ASEL")
    skipped = {task.code for task in result.skipped_tasks}
    assert skipped >= SEA_ONLY
    assert {"PA.IX.E", "PA.X.A", "PA.X.D"} <= skipped  # multiengine only
    assert "PA.IV.C" not in skipped  # soft field is ASEL
    asked = {code.rsplit(".", 1)[0] for code in codes(result)}
    assert not asked & skipped
    assert "PA.I.G.K1k" not in codes(result)  # water rudders (ASES, AMES)
    sea = planner.plan(
        by_code("PA.I.I", "PA.IV.C"), {}, set(), random.Random(1), 90, (), (), "ASES"
    )
    assert [task.code for task in sea.skipped_tasks] == ["PA.IV.C"]
    assert codes(sea)
    assert all(code.startswith("PA.I.I.") for code in codes(sea))


def test_weather_knowledge_is_asked_through_three_sub_elements():
    for seed in range(30):
        result = planner.plan(
            by_code("PA.I.C"), {}, set(), random.Random(seed), 15, (), ["PA.I.C.K2"]
        )
        asked = codes(result)
        assert "PA.I.C.K2" not in asked  # "... such as:" is a heading
        assert sum(code.startswith("PA.I.C.K2") for code in asked) >= 3
        assert result.mandatory == {"PA.I.C.K2"}


def test_systems_sub_element_from_the_knowledge_test_brings_two_more():
    result = planner.plan(by_code("PA.I.G"), {}, set(), random.Random(4), 15, (), ["PA.I.G.K1f"])
    systems = [code for code in codes(result) if code.startswith("PA.I.G.K1")]
    assert "PA.I.G.K1f" in systems
    assert len(systems) >= 3


def test_crosswind_elements_are_asked_orally_and_flown_skills_are_not():
    result = planner.plan(by_code("PA.IV.A"), {}, set(), random.Random(2), 15)
    asked = codes(result)
    for code in ("PA.IV.A.K1", "PA.IV.A.R2a", "PA.IV.A.S5", "PA.IV.A.S14"):
        assert code in asked
    assert "PA.IV.A.S9" not in asked  # "Rotate and lift off at the recommended airspeed"
    assert "PA.IV.A.R2" not in asked  # "Effects of:"


def test_an_after_landing_procedure_is_always_chosen_for_a_seaplane():
    for seed in range(30):
        result = planner.plan(
            by_code("PA.XII.B"), {}, set(), random.Random(seed), 15, (), (), "AMES"
        )
        assert {"PA.XII.B.K1", "PA.XII.B.K2", "PA.XII.B.K3", "PA.XII.B.K4"} & set(codes(result))


def test_area_one_skills_are_all_asked():
    result = planner.plan(by_code("PA.I.B", "PA.I.D"), {}, set(), random.Random(1), 90)
    skills = [code for code in codes(result) if ".S" in code]
    assert skills == [
        "PA.I.B.S1", "PA.I.B.S2", "PA.I.B.S3",
        "PA.I.D.S1", "PA.I.D.S2", "PA.I.D.S3", "PA.I.D.S4", "PA.I.D.S5",
    ]  # fmt: skip


def test_a_short_session_is_a_slice_and_a_full_one_walks_the_scope():
    short = planner.plan(list(STANDARD), {}, set(), random.Random(1), 15)
    planned = {code.rsplit(".", 1)[0] for code in codes(short)}
    assert codes(short)[0].startswith("PA.I.A.")  # Area I Task A first, the DPE's order
    assert all(code.startswith("PA.I.") for code in planned)  # tasks that fit, in order
    ground = {task.code for task, _ in STANDARD if "ASEL" in task.airplane_classes}
    assert {task.code for task in short.deferred_tasks} == ground - planned
    assert len(short.items) <= 15 // planner.MINUTES_PER_ELEMENT
    full = planner.plan(list(STANDARD), {}, set(), random.Random(1), 90)
    assert not full.deferred_tasks
    assert {code.rsplit(".", 1)[0] for code in codes(full)} == ground


def test_missed_and_knowledge_test_tasks_come_first_in_a_short_session():
    result = planner.plan(
        list(STANDARD), {}, {"PA.VI.B.K2"}, random.Random(1), 15, (), ["PA.IX.D.K1"]
    )
    planned = {code.rsplit(".", 1)[0] for code in codes(result)}
    assert {"PA.IX.D", "PA.VI.B"} <= planned
    assert "PA.IX.D.K1" in codes(result)
    assert "PA.VI.B.K2" in codes(result)
    assert codes(result)[0].startswith("PA.VI.B")  # still asked in ACS order

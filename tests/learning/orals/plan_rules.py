"""Every rule the planner's docstring states, checked on one plan (used by the property
tests over synthetic trees and over the real FAA-S-ACS-6C)."""

from learning.orals import planner
from learning.orals.planner.scope import code_key, oral_skill

FULL = planner.FULL_SESSION_MINUTES


def classes(obj):
    value = getattr(obj, "airplane_classes", "") or ""
    return {code for code in value.split(",") if code}


def applies(obj, airplane_class):
    return not classes(obj) or airplane_class in classes(obj)


def is_heading(element, children):
    return bool(children) and element.text.rstrip().endswith(":")


def check_plan(tasks, bank, missed, mandatory, airplane_class, minutes, result):
    """Assert the plan ``result`` keeps every rule for these inputs."""
    planned = [item.element for item in result.items]
    pks = [element.pk for element in planned]
    assert len(set(pks)) == len(pks), "no element twice"
    planned_pks = set(pks)
    skipped = {task.code for task in result.skipped_tasks}
    deferred = {task.code for task in result.deferred_tasks}
    assert skipped == {task.code for task, _ in tasks if not applies(task, airplane_class)}
    assert not skipped & deferred
    if minutes >= FULL:
        assert not deferred, "a full session walks the whole scope"

    honoured = set()
    for task, elements in tasks:
        current = {e.pk: e for e in elements if not e.archived and applies(e, airplane_class)}
        mine = planned_pks & {e.pk for e in elements}
        if task.code in skipped or task.code in deferred:
            assert not mine, f"{task.code} is skipped or deferred yet planned"
            continue
        assert mine <= set(current), "only current elements of the learner's class"
        children = {}
        for element in current.values():
            if element.parent_id in current:
                children.setdefault(element.parent_id, []).append(element)
        roots = [e for e in current.values() if e.parent_id not in current]

        def touched(root, mine=mine, children=children):
            return root.pk in mine or any(c.pk in mine for c in children.get(root.pk, []))

        for kind in ("K", "R"):
            of_kind = [root for root in roots if root.kind == kind]
            if of_kind:
                assert any(touched(root) for root in of_kind), (task.code, kind)
        for element in current.values():
            kids = children.get(element.pk, [])
            if is_heading(element, kids):
                assert element.pk not in mine, f"heading {element.code} planned on its own"
            elif element.kind == "S" and oral_skill(element):
                assert element.pk in mine, f"oral skill {element.code} left out"
            if getattr(element, "crosswind", False) and not is_heading(element, kids):
                assert element.pk in mine, f"crosswind element {element.code} left out"
            minimum = getattr(element, "min_sub_elements", None)
            if minimum and kids and touched(element):
                asked = sum(1 for kid in kids if kid.pk in mine)
                assert asked >= min(minimum, len(kids)), f"{element.code} needs {minimum}"
            if element.code in mandatory:
                honoured.add(element.code)
                assert touched(element), f"knowledge test code {element.code} not planned"
        groups = {}
        for element in current.values():
            name = getattr(element, "choice_group", "")
            askable = not is_heading(element, children.get(element.pk, []))
            if name and askable and (element.kind != "S" or oral_skill(element)):
                groups.setdefault(name, []).append(element)
        for name, members in groups.items():
            assert any(m.pk in mine for m in members), f"choice group {name} of {task.code}"
    assert result.mandatory == honoured
    for task, elements in tasks:
        if {e.code for e in elements} & honoured:
            assert task.code not in deferred, "a task with knowledge test codes is never deferred"

    check_questions(result, bank)
    check_order(result)
    check_size(tasks, result, minutes, mandatory)
    assert [e.pk for e in result.gaps] == [i.element.pk for i in result.items if i.question is None]


def check_questions(result, bank):
    """No question twice; one shared question's items sit together and it covers each."""
    runs = []
    for item in result.items:
        key = item.question.pk if item.question is not None else None
        if key is not None and (not runs or runs[-1] != key):
            assert key not in runs, f"question {key} asked twice"
            runs.append(key)
        elif key is None:
            runs.append(None)
        if item.question is not None:
            assert item.element.pk in item.question.element_ids
        else:
            assert not bank.get(item.element.pk), f"{item.element.code} has a question"


def task_order(code):
    return planner.task_key(type("T", (), {"code": code.rsplit(".", 1)[0]})())


def check_order(result):
    """Groups (a question's items) follow ACS order by their first element; within a task
    knowledge, risk, skills; inside a group elements keep that order too."""
    firsts, seen = [], set()
    for item in result.items:
        key = item.question.pk if item.question is not None else ("e", item.element.pk)
        if key not in seen:
            seen.add(key)
            firsts.append(item.element)
    keys = [(task_order(e.code), code_key(e.code)) for e in firsts]
    assert keys == sorted(keys), "asking order is the ACS order"


def check_size(tasks, result, minutes, mandatory):
    """A short session is a slice: more than one task only while their minimums fit in
    about one element per two minutes (time left over is filled unit by unit, and one
    unit of three sub-elements may overrun by two)."""
    if minutes >= FULL or mandatory:
        return
    target = minutes // planner.MINUTES_PER_ELEMENT
    included = {task.code for task, _ in tasks}
    included -= {task.code for task in result.deferred_tasks}
    included -= {task.code for task in result.skipped_tasks}
    if len(included) > 1:
        assert len(result.items) <= target + 2, "too much for the session's minutes"

"""The shipped FAA-S-ACS-6C as plain objects the planner reads, built without a database
by the same import rules (importer/notes.py) and reviewed flags (importer/flags.py)."""

import dataclasses
from functools import cache

from learning.acs.importer import SHIPPED, loads
from learning.acs.importer.flags import load_flags


@dataclasses.dataclass(frozen=True)
class Task:
    pk: int
    code: str
    title: str
    airplane_classes: str
    notes: str


@dataclasses.dataclass(frozen=True)
class Element:
    pk: int
    code: str
    kind: str
    text: str
    archived: bool = False
    parent_id: int | None = None
    airplane_classes: str = ""
    ground_evaluable: bool = False
    min_sub_elements: int | None = None
    crosswind: bool = False
    choice_group: str = ""
    task_code: str = ""


@dataclasses.dataclass(frozen=True, eq=False)
class Question:
    pk: int
    element_ids: frozenset


@cache
def standard_6c():
    """[(task, (elements...))] for every task of the shipped 6C, in document order."""
    parsed = loads(SHIPPED.read_text(encoding="utf-8"))
    flags = load_flags(parsed.document_id)
    result, pks = [], {}
    for task_pk, spec in enumerate(parsed.tasks, start=1):
        task = Task(task_pk, spec.code, spec.title, spec.airplane_classes, "\n".join(spec.notes))
        elements = []
        for element in spec.elements:
            pks[element.code] = len(pks) + 1
            elements.append(
                Element(
                    pk=pks[element.code],
                    code=element.code,
                    kind=element.kind,
                    text=element.text,
                    archived=element.archived,
                    parent_id=pks.get(element.parent_code),
                    airplane_classes=element.airplane_classes,
                    ground_evaluable=flags.ground_evaluable.get(element.code, False),
                    min_sub_elements=element.min_sub_elements,
                    crosswind=element.code in flags.crosswind,
                    choice_group=flags.choice_groups.get(element.code, ""),
                    task_code=spec.code,
                )
            )
        result.append((task, tuple(elements)))
    return tuple(result)

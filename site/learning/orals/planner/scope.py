"""Which elements of one Task a plan must ask, by the ACS rules (see the package docstring).

An element's *unit* is a root element with its current sub-elements. A unit is asked
through one member, except that a heading (text ending in ":" with sub-elements, e.g.
"Effects of:") is asked only through its sub-elements, and a unit whose Notes set a
minimum (``min_sub_elements``, "at least three sub-elements") through that many of them.
"""

import dataclasses
import re

KNOWLEDGE, RISK, SKILL = "K", "R", "S"
KIND_ORDER = {KNOWLEDGE: 0, RISK: 1, SKILL: 2}
CODE_TAIL = re.compile(r"\.([KRS])(\d+)([a-z]?)$")


def code_key(code):
    """PA.I.B.K10 after K2, knowledge before risk before skills."""
    match = CODE_TAIL.search(code)
    if not match:
        return (9, 0, code)
    kind, number, letter = match.groups()
    return (KIND_ORDER[kind], int(number), letter)


def classes_of(obj):
    """The class codes an ACS task or element is marked for; empty means every class."""
    value = getattr(obj, "airplane_classes", "") or ""
    if isinstance(value, str):
        value = value.split(",")
    return {code.strip() for code in value if code.strip()}


def applies(obj, airplane_class):
    classes = classes_of(obj)
    return not classes or airplane_class in classes


@dataclasses.dataclass
class Unit:
    root: object
    children: list

    @property
    def heading(self):
        return bool(self.children) and (self.root.text or "").rstrip().endswith(":")

    @property
    def minimum(self):
        return getattr(self.root, "min_sub_elements", None) or 0

    @property
    def members(self):
        return ([] if self.heading else [self.root]) + self.children


def units(elements, airplane_class=None):
    """Current elements (for ``airplane_class`` when given) as Units, in code order; a
    sub-element whose parent is archived, missing or of another class stands alone."""
    current = {
        element.pk: element
        for element in elements
        if not element.archived and (airplane_class is None or applies(element, airplane_class))
    }
    roots, children = {}, {}
    for element in sorted(current.values(), key=lambda element: code_key(element.code)):
        if element.parent_id in current:
            children.setdefault(element.parent_id, []).append(element)
        else:
            roots[element.pk] = element
    return [Unit(root, children.get(pk, [])) for pk, root in roots.items()]


def oral_skill(element):
    """A skill element the oral asks: curated as ground-evaluable, or a crosswind element
    (PA.IV.A/B Note: "knowledge of crosswind elements must be evaluated through oral
    testing" when no crosswind exists; a mock oral cannot know the day's wind)."""
    return bool(getattr(element, "ground_evaluable", False) or getattr(element, "crosswind", False))


class TaskScope:
    """The picked elements of one Task, kept consistent with its units' rules."""

    def __init__(self, task, elements, airplane_class, chooser):
        self.task = task
        self.units = units(elements, airplane_class)
        self.unit_of = {}
        for unit in self.units:
            for member in [unit.root, *unit.children]:
                self.unit_of[member.pk] = unit
        self.codes = {member.code for unit in self.units for member in [unit.root, *unit.children]}
        self.chooser = chooser
        self.picked = {}

    def add(self, element):
        """Plan ``element``: a heading through its sub-elements; then fill its unit's
        minimum of sub-elements."""
        unit = self.unit_of[element.pk]
        if element is unit.root and unit.heading:
            self.fill(unit, max(unit.minimum, 1))
            return
        self.picked.setdefault(element.pk, element)
        if unit.minimum and unit.children:
            self.fill(unit, unit.minimum)

    def fill(self, unit, count):
        have = [child for child in unit.children if child.pk in self.picked]
        others = sorted(
            (child for child in unit.children if child.pk not in self.picked),
            key=self.chooser.key,
        )
        for child in others[: max(0, count - len(have))]:
            self.picked[child.pk] = child

    def ask(self, unit):
        """Ask a unit by its rule: the best member, or enough of its sub-elements."""
        if unit.heading or (unit.minimum and unit.children):
            self.fill(unit, max(unit.minimum, 1))
        else:
            self.add(self.chooser.best(unit.members))

    def touched(self, unit):
        return any(member.pk in self.picked for member in [unit.root, *unit.children])

    def minimum(self, mandatory_codes):
        """The ACS minimums: mandatory (knowledge test) codes, crosswind elements, every
        oral skill, one knowledge and one risk unit, one element of each choice group."""
        for unit in self.units:
            for member in [unit.root, *unit.children]:
                if self.required(unit, member, mandatory_codes):
                    self.add(member)
        for kind in (KNOWLEDGE, RISK):
            of_kind = [unit for unit in self.units if unit.root.kind == kind]
            if of_kind and not any(self.touched(unit) for unit in of_kind):
                self.ask(self.chooser.best_unit(of_kind))
        for group in self.choice_groups().values():
            if not any(element.pk in self.picked for element in group):
                self.add(self.chooser.best(group))
        return self

    @staticmethod
    def required(unit, member, mandatory_codes):
        if member.code in mandatory_codes or getattr(member, "crosswind", False):
            return True
        return member.kind == SKILL and oral_skill(member) and member in unit.members

    def choice_groups(self):
        """{name: elements the oral can ask} of "select at least one" groups."""
        groups = {}
        for unit in self.units:
            for member in unit.members:
                name = getattr(member, "choice_group", "")
                if name and (member.kind != SKILL or oral_skill(member)):
                    groups.setdefault(name, []).append(member)
        return groups

    def spare(self):
        """Knowledge and risk units not asked yet (what a longer session adds)."""
        return [unit for unit in self.units if unit.root.kind != SKILL and not self.touched(unit)]

"""A standard's whole tree (area > task > kind > element > sub-element) in four queries.

The public standard page and the coverage marks both walk this tree; loading it level by
level with plain querysets and joining in Python keeps the query count flat whether the
standard has ten elements or the ~1,000 of a full ACS.
"""

from dataclasses import dataclass, field

from .models import AcsArea, AcsElement, AcsTask, ElementKind

KIND_HEADINGS = {
    ElementKind.KNOWLEDGE: "Knowledge",
    ElementKind.RISK: "Risk management",
    ElementKind.SKILL: "Skills",
}


@dataclass
class ElementNode:
    element: AcsElement
    children: list = field(default_factory=list)
    studied: bool = False
    tested: bool = False
    retained: bool = False
    context: bool = False  # shown in search results only because a sub-element matched

    @property
    def marked(self):
        return self.studied or self.tested or self.retained


@dataclass
class KindGroup:
    kind: str
    label: str
    elements: list


@dataclass
class TaskNode:
    task: AcsTask
    groups: list = field(default_factory=list)
    counts: dict = field(default_factory=dict)

    def nodes(self):
        """Every element of the task, sub-elements included, in document order."""
        for group in self.groups:
            for node in group.elements:
                yield node
                yield from node.children


@dataclass
class AreaNode:
    area: AcsArea
    tasks: list = field(default_factory=list)
    readiness: int | None = None

    def nodes(self):
        for task in self.tasks:
            yield from task.nodes()


def load_tree(standard):
    """The current (not archived) tree of `standard` as AreaNodes, in document order."""
    areas = list(AcsArea.objects.filter(standard=standard).order_by("order"))
    tasks = AcsTask.objects.filter(area__standard=standard).order_by("order", "letter")
    elements = (
        AcsElement.objects.filter(task__area__standard=standard, archived=False)
        .only("id", "task_id", "parent_id", "code", "kind", "text", "order")
        .order_by("order", "code")
    )
    task_nodes = {}
    area_nodes = [AreaNode(area) for area in areas]
    by_area = {node.area.pk: node for node in area_nodes}
    for task in tasks:
        task.area = by_area[task.area_id].area
        task_nodes[task.pk] = TaskNode(task)
        by_area[task.area_id].tasks.append(task_nodes[task.pk])
    element_nodes = {element.pk: ElementNode(element) for element in elements}
    top_level = {}
    for node in element_nodes.values():
        parent = element_nodes.get(node.element.parent_id)
        if parent is not None:
            parent.children.append(node)
        elif node.element.parent_id is None:
            top_level.setdefault(node.element.task_id, []).append(node)
    for task_id, task_node in task_nodes.items():
        roots = top_level.get(task_id, [])
        task_node.groups = [
            KindGroup(kind.value, label, [node for node in roots if node.element.kind == kind])
            for kind, label in KIND_HEADINGS.items()
        ]
        task_node.groups = [group for group in task_node.groups if group.elements]
    return area_nodes


def element_ids(areas):
    return {node.element.pk for area in areas for node in area.nodes()}

"""One ACS task's page (/acs/pa/pa.i.c/): its references, objective, notes and elements,
each element with the lessons that teach it and, for a signed-in learner, their marks and
the decks holding their cards on it; previous and next task.

A fixed number of queries whatever the task's size: the standard, its tasks (61 short
rows, which also give previous/next), the task's elements, the lessons tagged with them,
and for a learner the coverage sources and their cards. Guests get the same page without
marks; the site cache policy makes a learner's response private.
"""

from django.db.models import Count, F
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.views.decorators.http import require_safe

from learning.acs.codes import normalize_code
from learning.acs.links import task_url
from learning.acs.models import ALL_CLASSES, AcsElement, AcsStandard, AcsTask
from learning.acs.tree import KIND_HEADINGS, AreaNode, ElementNode, KindGroup, TaskNode
from learning.courses.models import LessonPage
from learning.flashcards.models import CardState

from .coverage import STUDIED_WEIGHT, apply_coverage


def standard_tasks(standard):
    """Every task of `standard` in document order, with its area: one query."""
    return list(
        AcsTask.objects.filter(area__standard=standard)
        .select_related("area")
        .order_by("area__order", "order", "letter")
    )


def element_tree(task):
    """The task's current elements as KindGroups of ElementNodes, sub-elements nested."""
    elements = (
        AcsElement.objects.filter(task=task, archived=False)
        .only("id", "task_id", "parent_id", "code", "kind", "text", "order")
        .order_by("order", "code")
    )
    nodes = {element.pk: ElementNode(element) for element in elements}
    roots = []
    for node in nodes.values():
        parent = nodes.get(node.element.parent_id)
        if parent is not None:
            parent.children.append(node)
        elif node.element.parent_id is None:
            roots.append(node)
    groups = [
        KindGroup(kind.value, label, [node for node in roots if node.element.kind == kind])
        for kind, label in KIND_HEADINGS.items()
    ]
    return [group for group in groups if group.elements], nodes


def attach_lessons(nodes, task, request):
    """`node.lessons`: the live, public lessons tagged with each element (title, url)."""
    lessons = (
        LessonPage.objects.live()
        .public()
        .filter(acs_elements__task=task)
        .annotate(element_id=F("acs_elements"))
        .only("id", "title", "url_path", "path", "depth")
        .order_by("path")
    )
    for node in nodes.values():
        node.lessons = []
    for lesson in lessons:
        node = nodes.get(lesson.element_id)
        if node is not None:
            node.lessons.append({"title": lesson.title, "url": lesson.get_url(request)})


def attach_decks(nodes, task, learner):
    """`node.decks`: the decks holding `learner`'s own studied cards on each element."""
    rows = (
        CardState.objects.filter(user=learner, card__acs_elements__task=task)
        .values("card__acs_elements", "card__deck_id", "card__deck__name")
        .annotate(cards=Count("id"))
        .order_by("card__deck__name", "card__deck_id")
    )
    for node in nodes.values():
        node.decks = []
    for row in rows:
        node = nodes.get(row["card__acs_elements"])
        if node is not None:
            deck = {"pk": row["card__deck_id"], "name": row["card__deck__name"]}
            node.decks.append({**deck, "cards": row["cards"]})


@require_safe
def task_detail(request, slug, code):
    standard = get_object_or_404(AcsStandard, slug=slug)
    wanted = normalize_code(code)
    if code != wanted.lower():
        return redirect(task_url(wanted, standard.slug), permanent=True)
    tasks = standard_tasks(standard)
    index = next((i for i, task in enumerate(tasks) if task.code == wanted), None)
    if index is None:
        raise Http404("No such task in this standard.")
    task = tasks[index]
    groups, nodes = element_tree(task)
    node = TaskNode(task, groups=groups)
    attach_lessons(nodes, task, request)
    learner = request.user if request.user.is_authenticated else None
    area = AreaNode(task.area, tasks=[node])
    if learner is not None:
        apply_coverage([area], learner, standard)
        attach_decks(nodes, task, learner)
    context = {
        "standard": standard,
        "task": node,
        "area": area,
        "classes": [] if task.airplane_classes == ALL_CLASSES else task.airplane_classes.split(","),
        "notes": [line for line in task.notes.splitlines() if line.strip()],
        "previous": tasks[index - 1] if index > 0 else None,
        "next": tasks[index + 1] if index + 1 < len(tasks) else None,
        "coverage": learner is not None,
        "studied_weight": round(100 * STUDIED_WEIGHT),
    }
    return TemplateResponse(request, "learning/acs/task_page.html", context)

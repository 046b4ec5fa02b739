"""A standard's public page (/acs/<slug>/), with the viewer's readiness marks.

The page is the table of contents: the areas of operation, folded, each listing its tasks
(code, title, and for a signed-in learner how many elements they studied, tested and
retained, and each area's readiness). A task's elements live on the task's own page
(learning.learner.acs_task), so the page stays small (the full FAA-S-ACS-6C used to ship
its 1,192 elements in one 350 KB page) and its queries never grow with the elements.

The page is the same for every guest, so the site cache policy lets shared caches keep
it; for a signed-in learner it also carries their coverage, and the policy makes that
response private (Vary: Cookie), so one learner's marks never reach another through a
cache. It lives here, not in `acs`, because the marks read lessons, quiz answers and
flashcards: `acs` sits below all of them.

`?q=` searches every element (learning.acs.search) and shows what matches, at most
MAX_SHOWN elements, each linking into its task page; `?task=PA.I.C`, sent by the "Jump to
task" form when JavaScript is off, redirects to that task's page.
"""

from dataclasses import replace

from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.views.decorators.http import require_safe

from core.query import search_text
from learning.acs.links import task_url
from learning.acs.models import AcsArea, AcsElement, AcsStandard, AcsTask
from learning.acs.search import MAX_QUERY, find_task, search_tree
from learning.acs.tree import AreaNode, ElementNode, KindGroup, TaskNode, load_tree

from .coverage import STUDIED_WEIGHT, apply_coverage

MAX_SHOWN = 150  # search results: enough to scan, small enough to stay a light page


def load_outline(standard):
    """Areas and their tasks (no elements) as AreaNodes, in document order: two queries."""
    areas = [AreaNode(area) for area in AcsArea.objects.filter(standard=standard).order_by("order")]
    by_pk = {node.area.pk: node for node in areas}
    tasks = AcsTask.objects.filter(area__standard=standard).order_by("order", "letter")
    for task in tasks.only("id", "area_id", "code", "title", "letter", "order"):
        task.area = by_pk[task.area_id].area
        by_pk[task.area_id].tasks.append(TaskNode(task))
    return areas


def mark_outline(areas, learner, standard):
    """Per-task counts and per-area readiness for `learner`: one query for the current
    elements' ids (ids only, not text), then the coverage sources of coverage.py."""
    tasks = {task.task.pk: task for area in areas for task in area.tasks}
    nodes = {}
    current = AcsElement.objects.filter(task__area__standard=standard, archived=False)
    for element in current.only("id", "task_id"):
        nodes.setdefault(element.task_id, []).append(ElementNode(element))
    for task_id, elements in nodes.items():
        if task_id in tasks:
            tasks[task_id].groups = [KindGroup("", "", elements)]
    return apply_coverage(areas, learner, standard)


def shorten(results, limit=MAX_SHOWN):
    """`results` keeping only its first `limit` matching elements (context parents aside),
    so a one-letter search cannot rebuild the whole standard in one page."""
    left = limit
    areas = []
    for area in results.areas:
        tasks = []
        for task in area.tasks:
            groups = []
            for group in task.groups:
                nodes = []
                for node in group.elements:
                    if left <= 0:
                        break
                    children = node.children[: max(left - (not node.context), 0)]
                    left -= (not node.context) + sum(not child.context for child in children)
                    nodes.append(replace(node, children=children))
                if nodes:
                    groups.append(replace(group, elements=nodes))
            if groups:
                tasks.append(replace(task, groups=groups))
        if tasks:
            areas.append(replace(area, tasks=tasks))
    return replace(results, areas=areas)


@require_safe
def standard_detail(request, slug):
    standard = get_object_or_404(AcsStandard, slug=slug)
    learner = request.user if request.user.is_authenticated else None
    query = search_text(request.GET, "q", MAX_QUERY)
    areas = load_tree(standard) if query else load_outline(standard)
    jump = find_task(areas, search_text(request.GET, "task", MAX_QUERY))
    if jump is not None:
        return redirect(task_url(jump.task.code, standard.slug))
    results = None
    if query:
        if learner is not None:
            apply_coverage(areas, learner, standard)
        results = search_tree(areas, query)
        if results.elements > MAX_SHOWN:
            results = shorten(results)
    elif learner is not None:
        mark_outline(areas, learner, standard)
    context = {
        "standard": standard,
        "areas": areas,
        "results": results,
        "max_shown": MAX_SHOWN,
        "coverage": learner is not None,
        "studied_weight": round(100 * STUDIED_WEIGHT),
    }
    return TemplateResponse(request, "learning/acs/standard.html", context)

"""A standard's public page (/acs/<slug>/), with the viewer's readiness marks.

The page is the same for every guest, so the site cache policy lets shared caches keep
it; for a signed-in learner it also carries their coverage marks, and the policy makes
that response private (Vary: Cookie), so one learner's marks never reach another
through a cache. It lives here, not in `acs`, because the marks read lessons, quiz
answers and flashcards: `acs` sits below all of them.

`?q=` narrows the page to what matches (learning.acs.search); `?task=PA.I.C`, sent by
the "Jump to task" form when JavaScript is off, redirects to that task's anchor.
"""

from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.views.decorators.http import require_safe

from core.query import search_text
from learning.acs.models import AcsStandard
from learning.acs.search import MAX_QUERY, find_task, search_tree
from learning.acs.tree import load_tree

from .coverage import STUDIED_WEIGHT, apply_coverage


@require_safe
def standard_detail(request, slug):
    standard = get_object_or_404(AcsStandard, slug=slug)
    areas = load_tree(standard)
    jump = find_task(areas, search_text(request.GET, "task", MAX_QUERY))
    if jump is not None:
        return redirect(f"{request.path}#{jump.task.code}")
    learner = request.user if request.user.is_authenticated else None
    if learner is not None:
        apply_coverage(areas, learner, standard)
    query = search_text(request.GET, "q", MAX_QUERY)
    results = search_tree(areas, query) if query else None
    context = {
        "standard": standard,
        "areas": areas,
        "results": results,
        "coverage": learner is not None,
        "studied_weight": round(100 * STUDIED_WEIGHT),
    }
    return TemplateResponse(request, "learning/acs/standard.html", context)

"""A standard's public page (/acs/<slug>/), with the viewer's readiness marks.

The page is the same for every guest, so the site cache policy lets shared caches keep
it; for a signed-in learner it also carries their coverage marks, and the policy makes
that response private (Vary: Cookie), so one learner's marks never reach another
through a cache. It lives here, not in `acs`, because the marks read lessons, quiz
answers and flashcards: `acs` sits below all of them.
"""

from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.views.decorators.http import require_safe

from learning.acs.models import AcsStandard
from learning.acs.tree import load_tree

from .coverage import STUDIED_WEIGHT, apply_coverage


@require_safe
def standard_detail(request, slug):
    standard = get_object_or_404(AcsStandard, slug=slug)
    areas = load_tree(standard)
    learner = request.user if request.user.is_authenticated else None
    if learner is not None:
        apply_coverage(areas, learner, standard)
    context = {
        "standard": standard,
        "areas": areas,
        "coverage": learner is not None,
        "studied_weight": round(100 * STUDIED_WEIGHT),
    }
    return TemplateResponse(request, "learning/acs/standard.html", context)

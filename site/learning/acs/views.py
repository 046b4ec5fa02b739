"""The public ACS pages (index and one page per standard) and the editors' code search.

A standard's page is the same for every guest, so the site cache policy lets shared
caches keep it; for a signed-in learner it also carries their coverage marks, and the
policy makes that response private (Vary: Cookie), so one learner's marks never reach
another through a cache.
"""

from django.db.models import Count, Q
from django.http import JsonResponse
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.views.decorators.http import require_safe

from pages.query import search_text

from .codes import normalize_code
from .coverage import STUDIED_WEIGHT, apply_coverage
from .models import AcsElement, AcsStandard
from .tree import load_tree

SEARCH_LIMIT = 20
SEARCH_MAX_LENGTH = 60
STAFF_ONLY = "Only editors may search ACS elements."


@require_safe
def standard_index(request):
    standards = AcsStandard.objects.annotate(
        task_count=Count("areas__tasks", distinct=True),
        area_count=Count("areas", distinct=True),
    ).order_by("code")
    return TemplateResponse(request, "learning/acs/index.html", {"standards": standards})


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


@require_safe
def element_search(request):
    """Up to 20 current elements whose code starts with, or text contains, `q` (JSON)."""
    user = request.user
    if not (user.is_authenticated and user.has_perm("wagtailadmin.access_admin")):
        return JsonResponse({"error": STAFF_ONLY}, status=403)
    query = search_text(request.GET, "q", SEARCH_MAX_LENGTH)
    if not query:
        return JsonResponse({"results": []})
    matches = (
        AcsElement.objects.filter(archived=False)
        .filter(Q(code__startswith=normalize_code(query)) | Q(text__icontains=query))
        .order_by("task__area__order", "task__order", "order", "code")
        .values("code", "text")[:SEARCH_LIMIT]
    )
    return JsonResponse({"results": list(matches)})

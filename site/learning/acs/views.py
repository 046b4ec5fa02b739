"""The public index of ACS standards and the editors' element search.

A standard's own page carries the viewer's readiness marks, so it lives with the
learner overview (learning.learner.readiness), which may read every study tool.
"""

from django.db.models import Count, Q
from django.http import JsonResponse
from django.template.response import TemplateResponse
from django.views.decorators.http import require_safe

from accounts.standing import is_staff_member
from core.query import search_text

from .codes import normalize_code
from .models import AcsElement, AcsStandard

SEARCH_LIMIT = 20
SEARCH_MAX_LENGTH = 60
STAFF_ONLY = "Only editors may search ACS elements."
INDEX_DESCRIPTION = (
    "The FAA Airman Certification Standards, searchable: every area of operation, task and "
    "knowledge, risk-management and skill element the examiner tests on your checkride, "
    "with your own study coverage when you sign in."
)


@require_safe
def standard_index(request):
    standards = AcsStandard.objects.annotate(
        task_count=Count("areas__tasks", distinct=True),
        area_count=Count("areas", distinct=True),
    ).order_by("code")
    context = {"standards": standards, "seo_description": INDEX_DESCRIPTION}
    return TemplateResponse(request, "learning/acs/index.html", context)


@require_safe
def element_search(request):
    """Up to 20 current elements whose code starts with, or text contains, `q` (JSON)."""
    user = request.user
    if not is_staff_member(user):
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

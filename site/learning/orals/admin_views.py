"""Instructor pages in the Wagtail admin: the question bank's gaps.

A gap is a current element of a task learners can rehearse (a task in a mock oral
section; every task when no section exists) that no active question covers: the
planner asks those generically ("Explain: ..."), so instructors should write one.
"""

from django.core.exceptions import PermissionDenied
from django.views.generic import TemplateView

from core.admin_titles import TitledAdminView
from learning.acs.models import AcsTask

from . import planner
from .models import MockOralSection
from .services import question_bank, tasks_with_elements

BANK_PERMISSION = "orals.change_oralquestion"


def can_edit_bank(user):
    return user.has_perm(BANK_PERMISSION)


def in_scope_tasks(every_task=False):
    tasks = AcsTask.objects.select_related("area__standard")
    if not every_task and MockOralSection.objects.exists():
        tasks = tasks.filter(oral_sections__isnull=False).distinct()
    return list(tasks.order_by("area__standard__code", "area__order", "order"))


class QuestionGapsView(TitledAdminView, TemplateView):
    template_name = "learning/orals/admin/gaps.html"
    page_title = "Oral question gaps"
    header_icon = "warning"

    def dispatch(self, request, *args, **kwargs):
        if not can_edit_bank(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        every_task = self.request.GET.get("all") == "1"
        tasks = in_scope_tasks(every_task)
        gaps = planner.uncovered(tasks_with_elements(tasks), question_bank(tasks))
        context.update(
            gaps=gaps,
            every_task=every_task,
            task_count=len(tasks),
            gap_count=sum(len(elements) for _, elements in gaps),
        )
        return context

"""Cohort pages of the Wagtail admin: the list, the editor, the roster, the CSV import
(upload, preview, confirm) and removing a member.

Every page asks access.py first: no manage-students right anywhere is a readable 403,
a cohort the user does not run a 404. Views only read and call services.
"""

from django.contrib import messages
from django.core.paginator import Paginator
from django.db.models import Count, Q
from django.http import Http404
from django.shortcuts import redirect
from django.urls import reverse
from django.views.generic import TemplateView

from core.admin_titles import TitledAdminView

from ..models import Cohort, CohortMember
from . import services
from .access import cohort_for, cohorts_of, managed_course_ids, may_run_cohorts
from .csv_rows import read_upload
from .forms import CohortForm, ConfirmImportForm, RemoveMemberForm, UploadForm
from .roster import roster_rows

TEMPLATES = "learning/instructors/cohorts/"
LIST_PAGE_SIZE = 50
ROSTER_PAGE_SIZE = 100


class CohortView(TitledAdminView, TemplateView):
    """A real 403 for users who manage no students, and the cohort of the URL (404)."""

    header_icon = "group"
    parent_crumb = ("instructors_cohorts", "Cohorts")
    cohort = None

    def dispatch(self, request, *args, **kwargs):
        if not may_run_cohorts(request.user):
            context = TitledAdminView.get_context_data(self, forbidden=True)
            return self.render_to_response(context, status=403)
        if "cohort_id" in kwargs:
            self.cohort = cohort_for(request.user, kwargs["cohort_id"])
        return super().dispatch(request, *args, **kwargs)

    def get_page_subtitle(self):
        return self.cohort.name if self.cohort else ""

    def get_context_data(self, **kwargs):
        return super().get_context_data(cohort=self.cohort, **kwargs)


class CohortListView(CohortView):
    template_name = TEMPLATES + "list.html"
    page_title = "Cohorts"
    parent_crumb = None

    def get_context_data(self, **kwargs):
        status = CohortMember.Status
        rows = (
            cohorts_of(self.request.user)
            .annotate(
                active_count=Count("members", filter=Q(members__status=status.ACTIVE)),
                invited_count=Count("members", filter=Q(members__status=status.INVITED)),
            )
            .prefetch_related("courses")
            .order_by("archived", "-created_at", "-pk")
        )
        page = Paginator(rows, LIST_PAGE_SIZE).get_page(self.request.GET.get("p"))
        return super().get_context_data(cohorts=page, **kwargs)


class CohortEditView(CohortView):
    """New cohort (no id) or edit one."""

    template_name = TEMPLATES + "edit.html"

    def get_page_title(self):
        return "Edit cohort" if self.cohort else "New cohort"

    def form(self, data=None):
        instance = self.cohort or Cohort()
        return CohortForm(data, instance=instance, user=self.request.user)

    def get_context_data(self, **kwargs):
        kwargs.setdefault("form", self.form())
        return super().get_context_data(**kwargs)

    def post(self, request, *args, **kwargs):
        form = self.form(request.POST)
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(form=form), status=400)
        cohort = services.save_cohort(request.user, self.cohort or Cohort(), form.cleaned_data)
        messages.success(request, f"Cohort “{cohort.name}” saved.")
        return redirect("instructors_cohort", cohort.pk)


class CohortRosterView(CohortView):
    template_name = TEMPLATES + "roster.html"

    def get_page_title(self):
        return self.cohort.name if self.cohort else "Cohort"

    def get_page_subtitle(self):
        return ""

    def get_context_data(self, **kwargs):
        members = self.cohort.members.select_related("user").order_by("status", "name", "email")
        page = Paginator(members, ROSTER_PAGE_SIZE).get_page(self.request.GET.get("p"))
        courses, rows = roster_rows(self.request.user, self.cohort, list(page))
        return super().get_context_data(members=page, courses=courses, rows=rows, **kwargs)


class CohortImportView(CohortView):
    template_name = TEMPLATES + "import.html"
    page_title = "Add members from a CSV file"

    def get_context_data(self, **kwargs):
        kwargs.setdefault("form", UploadForm())
        managed = managed_course_ids(self.request.user, self.cohort)
        courses = list(self.cohort.courses.order_by("title"))
        return super().get_context_data(
            enrolled_in=[course for course in courses if course.pk in managed],
            not_enrolled_in=[course for course in courses if course.pk not in managed],
            **kwargs,
        )

    def post(self, request, *args, **kwargs):
        if "payload" in request.POST:
            return self.confirm(request)
        form = UploadForm(request.POST, request.FILES)
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(form=form), status=400)
        text = form.cleaned_data["file"]
        reading = read_upload(text, self.cohort)
        if reading.problem:
            form.add_error("file", reading.problem)
            return self.render_to_response(self.get_context_data(form=form), status=400)
        confirm = ConfirmImportForm(cohort=self.cohort, user=request.user)
        confirm.initial["payload"] = confirm.sign(text)
        context = self.get_context_data(reading=reading, confirm=confirm)
        return self.render_to_response(context)

    def confirm(self, request):
        confirm = ConfirmImportForm(request.POST, cohort=self.cohort, user=request.user)
        if not confirm.is_valid():
            context = self.get_context_data(expired=confirm.errors["payload"][0])
            return self.render_to_response(context, status=400)
        reading = services.import_members(
            self.cohort, request.user, confirm.cleaned_data["payload"]
        )
        enrolled, invited = len(reading.to_enroll), len(reading.to_invite)
        if enrolled or invited:
            messages.success(
                request,
                f"{enrolled} member{'s' if enrolled != 1 else ''} added and enrolled, "
                f"{invited} invitation{'s' if invited != 1 else ''} sent.",
            )
        else:
            messages.warning(
                request, "Nobody was added: every line was already done or had an error."
            )
        return redirect("instructors_cohort", self.cohort.pk)


class RemoveMemberView(CohortView):
    template_name = TEMPLATES + "remove.html"
    page_title = "Remove a member"

    def dispatch(self, request, *args, **kwargs):
        self.member_id = kwargs.get("member_id")
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        member = (
            self.cohort.members.exclude(status=CohortMember.Status.REMOVED)
            .select_related("user")
            .filter(pk=self.member_id)
            .first()
        )
        if member is None:
            raise Http404("No such member.")
        kwargs.setdefault("form", RemoveMemberForm())
        return super().get_context_data(member=member, **kwargs)

    def post(self, request, *args, **kwargs):
        form = RemoveMemberForm(request.POST)
        form.is_valid()
        drop = bool(form.cleaned_data.get("drop_enrollments"))
        member = services.remove_member(self.cohort, self.member_id, request.user, drop)
        if member is None:
            raise Http404("No such member.")
        messages.success(request, f"{member.name or member.email} was removed from the cohort.")
        return redirect(reverse("instructors_cohort", args=[self.cohort.pk]))

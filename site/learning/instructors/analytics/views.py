"""The course analytics page, its CSV and the admin home's dashboard settings.

The analytics page and CSV need VIEW_ANALYTICS on the course (courses.teaching;
superusers every course); anyone else gets a 404, as if the course did not exist, so
course ids cannot be probed. They show aggregates only (report.py): no learner is
named. A bad date range is a form error on the page (status 400) and an empty CSV
request is a 400, never a 500.
"""

from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect
from django.urls import reverse
from django.views.generic import TemplateView

from core.admin_titles import TitledAdminView
from learning.assessments.admin.insight import duration_label
from learning.courses.teaching import VIEW_ANALYTICS, taught_courses

from . import home, services
from .charts import bar_chart
from .forms import DashboardSettingsForm, DateRangeForm
from .report import CourseReport

TEMPLATES = "learning/instructors/analytics/"


def analysed_course(user, course_id):
    """The course whose analytics `user` may see, or 404."""
    course = taught_courses(user, VIEW_ANALYTICS).filter(pk=course_id).first()
    if course is None:
        raise Http404("No analytics here.")
    return course


def hours_label(seconds):
    if seconds < 3600:
        return duration_label(seconds)
    return f"{seconds / 3600:.1f} h"


class CourseAnalyticsView(TitledAdminView, TemplateView):
    template_name = TEMPLATES + "course.html"
    header_icon = "table"

    def dispatch(self, request, *args, course_id, **kwargs):
        self.course = analysed_course(request.user, course_id)
        return super().dispatch(request, *args, **kwargs)

    def get_page_title(self):
        return f"Analytics: {self.course.title}"

    def get(self, request, *args, **kwargs):
        form = DateRangeForm(request.GET or None)
        if request.GET and not form.is_valid():
            return self.render_to_response(self.get_context_data(form=form), status=400)
        if not request.GET:
            form = DateRangeForm({})
            form.is_valid()
        return self.render_to_response(self.get_context_data(form=form))

    def get_context_data(self, form, **kwargs):
        context = super().get_context_data(form=form, course=self.course, **kwargs)
        if not form.is_valid():
            return context
        start, end = form.cleaned_data["start"], form.cleaned_data["end"]
        shown = DateRangeForm({"start": start.isoformat(), "end": end.isoformat()})
        report = CourseReport(self.course, start, end)
        days = report.days()
        query = f"?start={start.isoformat()}&end={end.isoformat()}"
        context.update(
            form=shown,
            report=report,
            start=start,
            end=end,
            days=days,
            questions=report.question_stats(),
            total_time=hours_label(report.total_seconds),
            time_per_learner=hours_label(report.seconds_per_learner),
            csv_url=reverse("instructors_course_analytics_csv", args=[self.course.pk]) + query,
            enrollments_chart=bar_chart(
                "enrollments-per-day",
                "New enrollments per day",
                [(f"{row.day:%b} {row.day.day}", row.new) for row in days],
            ),
            funnel_chart=bar_chart(
                "module-funnel",
                "Share of enrolled learners who completed each module",
                [(stage.title, stage.completed_percent) for stage in report.modules],
                unit="%",
            ),
            dropoff_chart=bar_chart(
                "lesson-dropoff",
                "Learners who reached each lesson",
                [(stage.title, stage.started) for stage in report.lessons],
            ),
        )
        return context


class DashboardSettingsView(TitledAdminView, TemplateView):
    """Which of the instructor tools' panels the admin home shows, and in which order."""

    template_name = TEMPLATES + "dashboard_settings.html"
    page_title = "Dashboard settings"
    header_icon = "cog"

    def dispatch(self, request, *args, **kwargs):
        self.panels = home.entitled_panels(request.user)
        if not self.panels:
            raise Http404("No panels to choose.")
        return super().dispatch(request, *args, **kwargs)

    def form(self, data=None):
        chosen = home.chosen_panels(self.request.user, self.panels)
        return DashboardSettingsForm(data, panels=self.panels, chosen=chosen)

    def get(self, request, *args, **kwargs):
        return self.render_to_response(self.get_context_data(form=self.form()))

    def post(self, request, *args, **kwargs):
        form = self.form(request.POST)
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(form=form), status=400)
        services.save_dashboard_panels(request.user, form.chosen())
        messages.success(request, "Your dashboard settings are saved.")
        return redirect("instructors_dashboard_settings")

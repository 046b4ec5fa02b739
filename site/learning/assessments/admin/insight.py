"""Instructor insight in the Wagtail admin: the attempts at the quizzes of the courses the
user teaches (filter, search, export) and per-assessment statistics that point at the
questions worth rewriting.

Attempts are read-only here: the services write them, and a grade edited by hand would
no longer match the answers behind it. Statistics need permission to view (or change)
assessments; anyone else gets a real 403, not Wagtail's redirect home.
wagtail_hooks imports this module, which registers its own admin URLs and menu items.
"""

from django.contrib.admin import display
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404
from django.urls import path, reverse
from django.views.generic import TemplateView

from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from wagtail_modeladmin.options import modeladmin_register

from core.modeladmin import ReadOnlyPermissionHelper, SafeExportIndexView, ScopedModelAdmin
from learning.enrollments.records import shared_records

from ..models import Assessment, Attempt
from . import stats

STATS_PERMISSIONS = ("assessments.view_assessment", "assessments.change_assessment")
TEMPLATES = "learning/assessments/admin/insight/"
INDEX_URL_NAME = "assessments_statistics"
DETAIL_URL_NAME = "assessments_assessment_statistics"
PAGE_SIZE = 50


def can_view_statistics(user):
    return any(user.has_perm(permission) for permission in STATS_PERMISSIONS)


def statistics_url(assessment):
    return reverse(DETAIL_URL_NAME, args=[assessment.pk])


def duration_label(seconds):
    """An average time as "4 min 05 s" (None when nobody submitted)."""
    if seconds is None:
        return None
    minutes, rest = divmod(round(seconds), 60)
    return f"{minutes} min {rest:02d} s" if minutes else f"{rest} s"


class AttemptPermissionHelper(ReadOnlyPermissionHelper):
    """Whoever may see a quiz's statistics may also open the attempts listing (the
    Instructors group has assessment permissions, not attempt ones); its rows, and so
    the attempts that open, are those of the courses they teach (AttemptAdmin)."""

    def user_can_list(self, user):
        return super().user_can_list(user) or can_view_statistics(user)

    def user_can_inspect_obj(self, user, obj):
        return self.inspect_view_enabled and self.user_can_list(user)


class AttemptIndexView(SafeExportIndexView):
    export_headings = {"time_taken": "Time taken (seconds)", "percentage": "Percentage (%)"}


class AttemptAdmin(ScopedModelAdmin):
    model = Attempt
    menu_label = "Quiz attempts"
    menu_icon = "list-ul"
    menu_order = 760
    permission_helper_class = AttemptPermissionHelper
    index_view_class = AttemptIndexView
    inspect_view_enabled = True
    list_display = [
        "learner",
        "assessment",
        "attempt_number",
        "started_at",
        "submitted_at",
        "auto_submitted",
        "score_of_max",
        "percentage",
        "passed",
    ]
    list_export = [
        "learner",
        "assessment",
        "attempt_number",
        "started_at",
        "submitted_at",
        "auto_submitted",
        "score",
        "max_score",
        "percentage",
        "passed",
        "time_taken",
    ]
    export_filename = "quiz-attempts"
    list_filter = ["assessment", "passed", "submitted_at"]
    search_fields = ["user__email", "assessment__title"]
    list_select_related = ["user", "assessment"]
    ordering = ["-started_at"]
    inspect_view_fields = [
        "user",
        "assessment",
        "attempt_number",
        "started_at",
        "deadline",
        "submitted_at",
        "auto_submitted",
        "time_taken",
        "score",
        "max_score",
        "percentage",
        "passed",
    ]  # IP address and user agent are kept for disputes, not shown to instructors

    def get_queryset(self, request):
        """Attempts of learners who share them, at the quizzes of courses where the user
        manages students (all for superusers, enrollments.records): quiz statistics are
        for whoever edits quizzes, learners' answers are not."""
        attempts = super().get_queryset(request)
        return shared_records(request.user, attempts, lesson="assessment__lesson")

    @display(description="Learner", ordering="user__email")
    def learner(self, attempt):
        return attempt.user.email

    @display(description="Score", ordering="score")
    def score_of_max(self, attempt):
        if attempt.score is None:
            return "Not submitted"
        return f"{attempt.score.normalize():f} / {attempt.max_score.normalize():f}"


modeladmin_register(AttemptAdmin)


class StatisticsView(WagtailAdminTemplateMixin, TemplateView):
    """Wagtail admin furniture, and a readable 403 for users without the permission."""

    page_title = "Quiz statistics"
    header_icon = "table"

    def get_breadcrumbs_items(self):
        return [*self.breadcrumbs_items, {"url": "", "label": self.page_title}]

    def dispatch(self, request, *args, **kwargs):
        if not can_view_statistics(request.user):
            context = WagtailAdminTemplateMixin.get_context_data(self, forbidden=True)
            return self.render_to_response(context, status=403)
        return super().dispatch(request, *args, **kwargs)


class StatisticsIndexView(StatisticsView):
    template_name = TEMPLATES + "index.html"

    def get_context_data(self, **kwargs):
        page = Paginator(stats.overview(), PAGE_SIZE).get_page(self.request.GET.get("p"))
        for assessment in page:
            assessment.pass_rate = stats.percent(
                assessment.passed_count, assessment.submitted_count
            )
            assessment.statistics_url = statistics_url(assessment)
        return super().get_context_data(assessments=page, **kwargs)


class AssessmentStatisticsView(StatisticsView):
    template_name = TEMPLATES + "assessment.html"

    def get(self, request, *args, assessment_id, **kwargs):
        self.assessment = get_object_or_404(
            Assessment.objects.select_related("lesson"), pk=assessment_id
        )
        return super().get(request, *args, **kwargs)

    def get_page_title(self):
        assessment = getattr(self, "assessment", None)  # None on the 403 page
        return f"Statistics: {assessment.title}" if assessment else super().get_page_title()

    def get_breadcrumbs_items(self):
        assessment = getattr(self, "assessment", None)
        if assessment is None:
            return super().get_breadcrumbs_items()
        return [
            *self.breadcrumbs_items,
            {"url": reverse(INDEX_URL_NAME), "label": "Quiz statistics"},
            {"url": "", "label": assessment.title},
        ]

    def get_context_data(self, **kwargs):
        summary = stats.summary(self.assessment)
        attempts_url = reverse("assessments_attempt_modeladmin_index")
        return super().get_context_data(
            assessment=self.assessment,
            summary=summary,
            average_time=duration_label(summary.average_seconds),
            questions=stats.question_stats(self.assessment),
            attempts_url=f"{attempts_url}?assessment__id__exact={self.assessment.pk}",
            review_rule=(
                f"percent correct below {stats.REVIEW_BELOW_PERCENT}% or above "
                f"{stats.REVIEW_ABOVE_PERCENT}%, over at least {stats.REVIEW_MIN_ANSWERS} "
                "graded answers"
            ),
            **kwargs,
        )


class StatisticsMenuItem(MenuItem):
    def is_shown(self, request):
        return can_view_statistics(request.user)


@hooks.register("register_admin_urls")
def register_statistics_urls():
    return [
        path("assessments/stats/", StatisticsIndexView.as_view(), name=INDEX_URL_NAME),
        path(
            "assessments/<id:assessment_id>/stats/",
            AssessmentStatisticsView.as_view(),
            name=DETAIL_URL_NAME,
        ),
    ]


@hooks.register("register_admin_menu_item")
def register_statistics_menu_item():
    return StatisticsMenuItem(
        "Quiz statistics", reverse(INDEX_URL_NAME), icon_name="table", order=765
    )

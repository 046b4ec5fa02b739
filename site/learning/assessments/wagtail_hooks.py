"""Quizzes in the Wagtail admin: the assessment snippet with its nested question bank,
and the bank's own pages (learner preview, import, export) linked from its editor.

Instructors get here through the snippet permissions (see permissions.py). The listing
counts each quiz's questions in the same query, so it costs the same for any number.
"""

import contextlib

from django.contrib import messages
from django.db.models import Count
from django.shortcuts import redirect
from django.urls import NoReverseMatch, path, reverse
from django.utils.functional import cached_property

from wagtail import hooks
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import BooleanColumn, Column
from wagtail.admin.widgets import BooleanRadioSelect
from wagtail.admin.widgets.button import Button, HeaderButton
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import EditView, IndexView, SnippetViewSet

import django_filters

from core.choosers import PermissionChooserViewSet
from learning.courses.models import CoursePage

from .admin.bank_views import (
    CHANGE,
    VIEW,
    ConfirmImportView,
    ExportView,
    ImportView,
    LearnerPreviewView,
)
from .models import Assessment
from .panels import edit_handler

PREVIEW_URL_NAME = "assessments_learner_preview"
IMPORT_URL_NAME = "assessments_import"
CONFIRM_URL_NAME = "assessments_import_confirm"
EXPORT_URL_NAME = "assessments_export"
STATISTICS_URL_NAME = "assessments_assessment_statistics"


def bank_links(assessment, user):
    """(label, url, icon) for the bank's pages `user` may open, preview first."""
    args = [assessment.pk]
    links = []
    if user.has_perm(CHANGE) or user.has_perm(VIEW):
        links.append(("Preview as a learner", reverse(PREVIEW_URL_NAME, args=args), "view"))
        with contextlib.suppress(NoReverseMatch):  # insight.py registers it
            links.append(("Statistics", reverse(STATISTICS_URL_NAME, args=args), "table"))
    if user.has_perm(CHANGE):
        links += [
            ("Import questions", reverse(IMPORT_URL_NAME, args=args), "upload"),
            ("Export as GIFT", reverse(EXPORT_URL_NAME, args=[*args, "gift"]), "download"),
            ("Export as CSV", reverse(EXPORT_URL_NAME, args=[*args, "csv"]), "download"),
        ]
    return links


def buttons(links, button_class=Button):
    return [
        button_class(label, url, icon_name=icon, priority=priority)
        for priority, (label, url, icon) in enumerate(links, start=50)
    ]


class QuizEditView(EditView):
    """The editor, with the learner preview beside the title and the rest under "⋯"."""

    @cached_property
    def bank_links(self):
        return bank_links(self.object, self.request.user)

    @cached_property
    def header_buttons(self):
        return [*super().header_buttons, *buttons(self.bank_links[:1], HeaderButton)]

    @cached_property
    def header_more_buttons(self):
        return [*super().header_more_buttons, *buttons(self.bank_links[1:])]


class QuizIndexView(IndexView):
    def get_list_more_buttons(self, instance):
        links = bank_links(instance, self.request.user)
        return [*super().get_list_more_buttons(instance), *buttons(links)]


class QuizFilterSet(WagtailFilterSet):
    course = django_filters.ModelChoiceFilter(
        queryset=CoursePage.objects.order_by("title"),
        method="in_course",
        label="Course",
        empty_label="All",
    )
    has_lesson = django_filters.BooleanFilter(
        field_name="lesson",
        lookup_expr="isnull",
        exclude=True,
        label="Attached to a lesson",
        widget=BooleanRadioSelect,
    )
    required_for_certificate = django_filters.BooleanFilter(widget=BooleanRadioSelect)

    class Meta:
        model = Assessment
        fields = ["course", "has_lesson", "required_for_certificate"]

    def in_course(self, queryset, name, course):
        return queryset.filter(lesson__path__startswith=course.path)


class QuizViewSet(SnippetViewSet):
    model = Assessment
    chooser_viewset_class = PermissionChooserViewSet
    icon = "list-ul"
    menu_label = "Quizzes"
    menu_name = "quizzes"
    menu_order = 745
    add_to_admin_menu = True
    edit_view_class = QuizEditView
    index_view_class = QuizIndexView
    copy_view_enabled = False
    edit_handler = edit_handler
    search_fields = ["title", "lesson__title"]
    search_backend_name = None
    filterset_class = QuizFilterSet
    ordering = ["title"]
    list_display = [
        "title",
        Column(
            "lesson",
            label="Lesson",
            accessor=lambda quiz: quiz.lesson.title if quiz.lesson else "Not attached",
            sort_key="lesson__title",
        ),
        Column("question_count", label="Questions", sort_key="question_count"),
        Column(
            "passing_score",
            label="Pass mark",
            accessor=lambda quiz: f"{quiz.passing_score}%",
            sort_key="passing_score",
        ),
        Column(
            "max_attempts",
            label="Attempts",
            accessor=lambda quiz: quiz.max_attempts or "Unlimited",
            sort_key="max_attempts",
        ),
        Column(
            "time_limit_minutes",
            label="Time limit",
            accessor=lambda quiz: f"{quiz.time_limit_minutes} min" if quiz.is_timed else "None",
            sort_key="time_limit_minutes",
        ),
        BooleanColumn("required_for_certificate", label="For certificate"),
    ]

    def get_queryset(self, request):
        return Assessment.objects.select_related("lesson").annotate(
            question_count=Count("questions")
        )


register_snippet(QuizViewSet)


@hooks.register("register_admin_urls")
def register_bank_urls():
    bank = "assessments/<id:assessment_id>/"
    return [
        path(f"{bank}preview/", LearnerPreviewView.as_view(), name=PREVIEW_URL_NAME),
        path(f"{bank}import/", ImportView.as_view(), name=IMPORT_URL_NAME),
        path(f"{bank}import/confirm/", ConfirmImportView.as_view(), name=CONFIRM_URL_NAME),
        path(f"{bank}export/<slug:file_format>/", ExportView.as_view(), name=EXPORT_URL_NAME),
    ]


# --------------------------------------------------------------------------------------
# Instructor insight: attempts, pass rates and per-question statistics.
# admin/insight.py registers its own admin URLs, menu items and modeladmin;
# importing it here, after everything above, makes Wagtail load those registrations with
# this app's hooks. The editor and listing link to its statistics page by URL name
# (STATISTICS_URL_NAME) when that URL exists.
# --------------------------------------------------------------------------------------

from .admin import insight  # noqa: E402, F401


@hooks.register("before_delete_snippet")
def keep_quizzes_learners_have_taken(request, instances):
    """Deleting a quiz would erase every attempt and result learners have."""
    taken = [obj for obj in instances if isinstance(obj, Assessment) and obj.attempts.exists()]
    if not taken:
        return None
    messages.error(
        request,
        f"Learners have taken “{taken[0].title}”: its attempts and results would be lost. "
        "Detach it from its lesson instead.",
    )
    return redirect("wagtailsnippets_assessments_assessment:list")

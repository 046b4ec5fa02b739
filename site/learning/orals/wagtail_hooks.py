"""Mock orals in the Wagtail admin.

Instructors edit the question bank, the scenarios and the sections as snippets (their
role grants the model permissions; anyone else is refused), see the bank's gaps,
and open learners' sessions (read-only listing) to grade them on the session page.
The listing and the inspect view show only the sessions of learners the instructor
teaches (access.visible_sessions); superusers see all.
"""

from django.urls import path, reverse
from django.utils.html import format_html

from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.panels import FieldPanel, MultiFieldPanel, ObjectList
from wagtail.admin.ui.tables import BooleanColumn, Column, UpdatedAtColumn
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from wagtail_modeladmin.options import modeladmin_register

from core.choosers import PermissionChooserViewSet
from core.modeladmin import CountOnceIndexView, ReadOnlyPermissionHelper, ScopedModelAdmin

from .access import can_grade_others, may_see, taught_enrollments, visible_sessions
from .admin_views import QuestionGapsView, can_edit_bank
from .forms import MockOralSectionForm, OralQuestionForm
from .models import MockOralSection, MockOralSession, OralQuestion, Scenario

REVIEW_PANEL = MultiFieldPanel(
    [FieldPanel("reviewed_by"), FieldPanel("current_as_of")], heading="Content review"
)


class OralQuestionViewSet(SnippetViewSet):
    model = OralQuestion
    chooser_viewset_class = PermissionChooserViewSet
    icon = "help"
    menu_label = "Oral questions"
    menu_order = 100
    list_display = [
        "__str__",
        Column("get_difficulty_display", label="Difficulty", sort_key="difficulty"),
        BooleanColumn("is_active", label="Active", sort_key="is_active"),
        Column("author", label="Author"),
        UpdatedAtColumn(),
    ]
    list_filter = ["is_active", "difficulty"]
    search_fields = ["prompt", "key_points", "reference"]
    ordering = ["-updated_at"]
    edit_handler = ObjectList(
        [
            FieldPanel("prompt"),
            FieldPanel("key_points"),
            FieldPanel("reference"),
            FieldPanel("element_codes"),
            FieldPanel("scenario"),
            MultiFieldPanel(
                [FieldPanel("follow_up_satisfactory"), FieldPanel("follow_up_unsatisfactory")],
                heading="Follow-up questions",
            ),
            FieldPanel("difficulty"),
            FieldPanel("is_active"),
            REVIEW_PANEL,
        ],
        base_form_class=OralQuestionForm,
    )

    def get_queryset(self, request):
        return OralQuestion.objects.select_related("author")


class ScenarioViewSet(SnippetViewSet):
    """Scenarios an examiner builds the oral around; the planted problem is the answer."""

    model = Scenario
    chooser_viewset_class = PermissionChooserViewSet
    icon = "site"
    menu_label = "Oral scenarios"
    menu_order = 150
    list_display = [
        "title",
        Column("route", label="Route"),
        Column("airplane_class", label="Class", sort_key="airplane_class"),
        Column("flight_date", label="Flight date", sort_key="flight_date"),
        BooleanColumn("is_active", label="Active", sort_key="is_active"),
        UpdatedAtColumn(),
    ]
    list_filter = ["is_active", "airplane_class", "standard"]
    search_fields = ["title", "route", "aircraft"]
    ordering = ["-updated_at"]
    edit_handler = ObjectList(
        [
            FieldPanel("standard"),
            FieldPanel("airplane_class"),
            FieldPanel("title"),
            MultiFieldPanel(
                [FieldPanel("route"), FieldPanel("airports"), FieldPanel("flight_date")],
                heading="Route and date",
            ),
            MultiFieldPanel(
                [FieldPanel("aircraft"), FieldPanel("performance"), FieldPanel("passengers")],
                heading="Airplane and people aboard",
            ),
            MultiFieldPanel(
                [
                    FieldPanel("metars"),
                    FieldPanel("tafs"),
                    FieldPanel("pireps"),
                    FieldPanel("winds_aloft"),
                    FieldPanel("notams"),
                ],
                heading="Weather package, NOTAMs and TFRs",
            ),
            MultiFieldPanel(
                [FieldPanel("records"), FieldPanel("planted_problem")],
                heading="Records and the planted problem",
            ),
            FieldPanel("is_active"),
            REVIEW_PANEL,
        ]
    )

    def get_queryset(self, request):
        return Scenario.objects.select_related("standard")


class MockOralSectionViewSet(SnippetViewSet):
    model = MockOralSection
    chooser_viewset_class = PermissionChooserViewSet
    icon = "list-ul"
    menu_label = "Mock oral sections"
    menu_order = 200
    list_display = ["name", Column("standard", label="Standard"), Column("order", label="Order")]
    ordering = ["standard", "order", "name"]
    edit_handler = ObjectList(
        [
            FieldPanel("standard"),
            FieldPanel("name"),
            FieldPanel("description"),
            FieldPanel("tasks"),
            FieldPanel("order"),
        ],
        base_form_class=MockOralSectionForm,
    )

    def get_queryset(self, request):
        return MockOralSection.objects.select_related("standard")


class MockOralGroup(SnippetViewSetGroup):
    menu_label = "Mock orals"
    menu_icon = "help"
    menu_order = 760
    items = (OralQuestionViewSet, ScenarioViewSet, MockOralSectionViewSet)


register_snippet(MockOralGroup)


SEEN_LEARNERS = "_orals_learners_seen"


def learners_seen(user):
    """``user``'s answers to "may I see this learner's sessions?", by learner id.

    Kept on the user object, which Django loads afresh for every request (as it keeps
    its own permission cache), so an answer never outlives the request that asked."""
    seen = getattr(user, SEEN_LEARNERS, None)
    if seen is None:
        seen = {}
        setattr(user, SEEN_LEARNERS, seen)
    return seen


def remember_learners(user, learner_ids):
    """Answer for every learner in ``learner_ids`` with one query (access.teaches for
    many learners at once), so that a page of sessions costs the same whatever its
    length: the listing asks once per row."""
    if not (user.is_authenticated and user.is_active) or user.is_superuser:
        return  # access.may_see answers these without a query
    seen = learners_seen(user)
    missing = {pk for pk in learner_ids if pk not in seen}
    if not missing:
        return
    taught = set(
        taught_enrollments(user).filter(user_id__in=missing).values_list("user_id", flat=True)
    )
    seen.update({pk: pk in taught for pk in missing})


class SessionPermissionHelper(ReadOnlyPermissionHelper):
    """Inspecting a session follows the same rule as the listing (access.may_see)."""

    def user_can_inspect_obj(self, user, obj):
        if not super().user_can_inspect_obj(user, obj):
            return False
        if obj.user_id == user.pk:
            return True
        seen = learners_seen(user)
        if obj.user_id not in seen:
            seen[obj.user_id] = may_see(user, obj.user_id)
        return seen[obj.user_id]


class SessionIndexView(CountOnceIndexView):
    """Answers the inspect question for the whole page before its rows are drawn."""

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        learner_ids = {session.user_id for session in context["object_list"]}
        remember_learners(self.request.user, learner_ids - {self.request.user.pk})
        return context


class MockOralSessionAdmin(ScopedModelAdmin):
    """Learners' sessions, read-only; graders open one on the site to grade it."""

    model = MockOralSession
    menu_label = "Mock oral sessions"
    menu_icon = "time"
    menu_order = 765
    list_display = ["user", "acs_type", "started_at", "completed_at", "score", "grade_link"]
    list_filter = ["completed_at", "standard"]
    search_fields = ["user__email", "user__first_name", "user__last_name"]
    list_select_related = ["user"]
    ordering = ["-started_at", "-pk"]
    inspect_view_enabled = True
    permission_helper_class = SessionPermissionHelper
    index_view_class = SessionIndexView

    def get_queryset(self, request):
        return visible_sessions(request.user, super().get_queryset(request))

    def grade_link(self, session):
        if session.completed_at is not None:
            url, label = reverse("orals_result", args=[session.pk]), "Result"
        else:
            url, label = reverse("orals_session", args=[session.pk]), "Grade"
        return format_html('<a href="{}">{}</a>', url, label)

    grade_link.short_description = "Session"

    def get_list_display(self, request):
        if can_grade_others(request.user):
            return self.list_display
        return [field for field in self.list_display if field != "grade_link"]


modeladmin_register(MockOralSessionAdmin)


class GapsMenuItem(MenuItem):
    def is_shown(self, request):
        return can_edit_bank(request.user)


@hooks.register("register_admin_urls")
def register_gaps_url():
    return [path("orals/gaps/", QuestionGapsView.as_view(), name="orals_gaps")]


@hooks.register("register_admin_menu_item")
def register_gaps_menu_item():
    return GapsMenuItem("Oral question gaps", reverse("orals_gaps"), icon_name="warning", order=766)

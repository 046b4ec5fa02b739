"""Gouge in the Wagtail admin: read-only, exportable listings of reports and flags, and
the moderation queue.

The listings only inspect and export: a report changes only through services.moderate,
so flags, author emails and the examiners' numbers stay right; moderators decide in
the queue. Access follows the Django gouge permissions (the Moderators role, accounts.roles, has
view and change).
"""

from django.contrib.admin import display
from django.db.models import Count, Q
from django.urls import path, reverse

from wagtail import hooks
from wagtail.admin.menu import MenuItem

from wagtail_modeladmin.options import ModelAdminGroup, modeladmin_register

from core.modeladmin import ReadOnlyPermissionHelper, SafeExportIndexView, ScopedModelAdmin

from .admin_views import GougeModerationView, can_moderate
from .models import GougeFlag, GougeReport


class GougeExportIndexView(SafeExportIndexView):
    """Exports choices as the words moderators see ("Published", not "approved")."""

    export_headings = {
        "certificate": "Certificate",
        "open_flag_count": "Open flags",
        "acs_codes": "ACS codes",
    }

    def to_row_dict(self, item):
        row = super().to_row_dict(item)
        for field in row:
            display = getattr(item, f"get_{field}_display", None)
            if display is not None:
                row[field] = display()
        return row


class GougeReportAdmin(ScopedModelAdmin):
    model = GougeReport
    menu_label = "Reports"
    menu_icon = "doc-full"
    list_display = [
        "examiner",
        "certificate",
        "checkride_date",
        "outcome",
        "status",
        "flag_count",
        "open_flag_count",
        "author_email",
        "created_at",
    ]
    list_export = [
        *list_display,
        "overall_rating",
        "oral_difficulty",
        "flight_difficulty",
        "stress_level",
        "what_came_up",
        "unexpected_elements",
        "acs_codes",
        "moderation_note",
        "moderated_at",
    ]
    export_filename = "checkride-gouge"
    list_filter = ["status", "outcome", "certificate", "checkride_date"]
    search_fields = ["examiner__name", "author__email", "what_came_up"]
    list_select_related = ["examiner", "author"]
    ordering = ["-created_at", "-pk"]
    inspect_view_enabled = True
    inspect_view_fields = [
        "examiner",
        "author",
        "certificate",
        "checkride_date",
        "outcome",
        "overall_rating",
        "oral_difficulty",
        "flight_difficulty",
        "stress_level",
        "what_came_up",
        "unexpected_elements",
        "acs_codes",
        "status",
        "moderation_note",
        "moderated_by",
        "moderated_at",
        "created_at",
        "updated_at",
    ]
    index_view_class = GougeExportIndexView
    permission_helper_class = ReadOnlyPermissionHelper

    def get_queryset(self, request):
        """Flag counts in the listing's one query (no query per row)."""
        return (
            super()
            .get_queryset(request)
            .annotate(
                flags_total=Count("flags"),
                flags_open=Count("flags", filter=Q(flags__resolved=False)),
            )
        )

    @display(description="Flags", ordering="flags_total")
    def flag_count(self, report):
        return report.flags_total

    @display(description="Open flags", ordering="flags_open")
    def open_flag_count(self, report):
        return report.flags_open

    @display(description="Author email", ordering="author__email")
    def author_email(self, report):
        return report.author.email


class GougeFlagAdmin(ScopedModelAdmin):
    model = GougeFlag
    menu_label = "Flags"
    menu_icon = "warning"
    list_display = ["report", "user", "reason", "resolved", "created_at"]
    list_filter = ["resolved", "created_at"]
    search_fields = ["reason", "user__email", "report__examiner__name"]
    list_select_related = ["report__examiner", "user"]
    ordering = ["-created_at", "-pk"]
    permission_helper_class = ReadOnlyPermissionHelper


class GougeAdminGroup(ModelAdminGroup):
    menu_label = "Checkride gouge"
    menu_icon = "doc-full-inverse"
    menu_order = 820
    items = [GougeReportAdmin, GougeFlagAdmin]


modeladmin_register(GougeAdminGroup)


class ModerationMenuItem(MenuItem):
    def is_shown(self, request):
        return can_moderate(request.user)


@hooks.register("register_admin_urls")
def register_moderation_url():
    return [path("gouge/moderation/", GougeModerationView.as_view(), name="gouge_moderation")]


@hooks.register("register_admin_menu_item")
def register_moderation_menu_item():
    return ModerationMenuItem(
        "Gouge moderation", reverse("gouge_moderation"), icon_name="tasks", order=815
    )

"""Reviews in the Wagtail admin: a searchable, exportable listing and the moderation queue.

The listing is read-only (inspect and export): a review changes only through the
services, so ratings and helpful counts stay right; moderators publish or reject in
the queue. Access follows the Django review permissions (the Moderators role, accounts.roles,
has view and change).
"""

from django.contrib.admin import display
from django.urls import path, reverse

from wagtail import hooks
from wagtail.admin.menu import MenuItem

from wagtail_modeladmin.options import modeladmin_register

from core.modeladmin import ReadOnlyPermissionHelper, SafeExportIndexView, ScopedModelAdmin

from .admin_views import ModerationQueueView, can_moderate
from .models import Review


class ReviewAdmin(ScopedModelAdmin):
    model = Review
    menu_label = "Reviews"
    menu_icon = "openquote"
    menu_order = 810
    list_display = [
        "course",
        "author_email",
        "rating",
        "title",
        "is_approved",
        "is_verified_learner",
        "helpful_count",
        "created_at",
    ]
    list_export = [*list_display, "text", "moderated_at"]
    export_filename = "reviews"
    list_filter = ["is_approved", "rating", "is_verified_learner", "created_at"]
    search_fields = ["title", "text", "user__email", "course__title"]
    list_select_related = ["course", "user"]
    ordering = ["-created_at"]
    inspect_view_enabled = True
    inspect_view_fields = [
        "course",
        "user",
        "rating",
        "title",
        "text",
        "is_verified_learner",
        "is_approved",
        "moderated_by",
        "moderated_at",
        "helpful_count",
        "created_at",
        "updated_at",
    ]
    index_view_class = SafeExportIndexView
    permission_helper_class = ReadOnlyPermissionHelper

    @display(description="Author email", ordering="user__email")
    def author_email(self, review):
        return review.user.email


modeladmin_register(ReviewAdmin)


class ModerationMenuItem(MenuItem):
    def is_shown(self, request):
        return can_moderate(request.user)


@hooks.register("register_admin_urls")
def register_moderation_url():
    return [path("reviews/moderation/", ModerationQueueView.as_view(), name="reviews_moderation")]


@hooks.register("register_admin_menu_item")
def register_moderation_menu_item():
    return ModerationMenuItem(
        "Review moderation", reverse("reviews_moderation"), icon_name="tasks", order=805
    )

"""Enrollments, lesson progress and the activity log in the Wagtail admin: browsable,
filterable and exportable, but not edited by hand (the services own these rows).

Each lists only the rows of learners who share them, in the courses where the user
manages students (records.py: learning.courses.teaching and sharing.py), every row for
superusers; activity without a course is a superuser's alone."""

from django.contrib.admin import display

from core.modeladmin import ReadOnlyPermissionHelper, SafeExportIndexView, ScopedModelAdmin

from .models import Enrollment, LessonProgress, UserActivity
from .records import shared_records


class ReadOnlyAdmin(ScopedModelAdmin):
    permission_helper_class = ReadOnlyPermissionHelper
    index_view_class = SafeExportIndexView
    inspect_view_enabled = True
    course_lookup = "course"  # from a row to its course
    learner_lookup = "user"  # and to its learner

    def get_queryset(self, request):
        rows = super().get_queryset(request)
        return shared_records(
            request.user, rows, course=self.course_lookup, learner=self.learner_lookup
        )

    @display(description="Learner", ordering="user__email")
    def learner(self, obj):
        return obj.user.email


class EnrollmentAdmin(ReadOnlyAdmin):
    model = Enrollment
    menu_label = "Enrollments"
    menu_icon = "group"
    list_display = [
        "learner",
        "course",
        "status",
        "progress_percentage",
        "enrolled_date",
        "last_accessed",
        "completion_date",
    ]
    list_export = [*list_display, "total_time_spent"]
    export_filename = "enrollments"
    list_filter = ["status", "enrolled_date", "completion_date"]
    search_fields = ["user__email", "user__profile__display_name", "course__title"]
    list_select_related = ["user", "course"]
    inspect_view_fields = [
        "user",
        "course",
        "status",
        "enrolled_date",
        "completion_date",
        "last_accessed",
        "last_lesson",
        "progress_percentage",
        "total_time_spent",
    ]


class LessonProgressAdmin(ReadOnlyAdmin):
    model = LessonProgress
    menu_label = "Lesson progress"
    menu_icon = "tick"
    list_display = [
        "learner",
        "course",
        "lesson",
        "completed",
        "completed_date",
        "percentage",
        "time_spent",
        "last_accessed",
    ]
    list_export = list_display
    export_filename = "lesson-progress"
    list_filter = ["completed", "lesson__lesson_type", "completed_date"]
    search_fields = ["enrollment__user__email", "lesson__title", "enrollment__course__title"]
    list_select_related = ["enrollment__user", "enrollment__course", "lesson"]
    course_lookup = "enrollment__course"
    learner_lookup = "enrollment__user"

    @display(description="Learner", ordering="enrollment__user__email")
    def learner(self, obj):
        return obj.enrollment.user.email

    @display(description="Course", ordering="enrollment__course__title")
    def course(self, obj):
        return obj.enrollment.course.title


class UserActivityAdmin(ReadOnlyAdmin):
    model = UserActivity
    menu_label = "Activity log"
    menu_icon = "history"
    list_display = ["created_at", "learner", "type", "course", "lesson"]
    list_export = [*list_display, "assessment_id", "data"]
    export_filename = "activity"
    list_filter = ["type", "created_at"]
    search_fields = ["user__email", "course__title", "lesson__title"]
    list_select_related = ["user", "course", "lesson"]

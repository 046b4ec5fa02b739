"""Wagtail admin hooks of this part (imported by learning.instructors.wagtail_hooks):
the course analytics page and CSV, the dashboard settings page, the admin home's
panels (analytics.home) and a "Dashboard settings" entry in the account menu area."""

from django.urls import path, reverse

from wagtail import hooks

from ..menus import ShownTo
from . import export, home, views


@hooks.register("register_admin_urls")
def register_analytics_urls():
    return [
        path(
            "instructors/courses/<id:course_id>/analytics/",
            views.CourseAnalyticsView.as_view(),
            name="instructors_course_analytics",
        ),
        path(
            "instructors/courses/<id:course_id>/analytics/export/",
            export.course_analytics_csv,
            name="instructors_course_analytics_csv",
        ),
        path(
            "instructors/dashboard/",
            views.DashboardSettingsView.as_view(),
            name="instructors_dashboard_settings",
        ),
    ]


@hooks.register("construct_homepage_panels")
def add_instructor_panels(request, panels):
    panels.extend(home.home_panels(request.user))


def has_panels(user):
    # A superuser always has the platform panel to arrange: no need to ask further.
    return user.is_superuser or bool(home.entitled_panels(user))


@hooks.register("register_settings_menu_item")
def register_dashboard_settings_menu_item():
    return ShownTo(
        "Dashboard panels",
        reverse("instructors_dashboard_settings"),
        icon_name="home",
        order=900,
        shown_to=has_panels,
    )

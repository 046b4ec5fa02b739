"""Wagtail admin hooks of the grading part (imported by learning.instructors.wagtail_hooks):
the feedback pages' URLs. They have no menu item: instructors reach them from the
student page's feedback panel (templatetags/instructor_grading.py)."""

from django.urls import path

from wagtail import hooks

from . import views


@hooks.register("register_admin_urls")
def register_grading_urls():
    return [
        path(
            "feedback/attempts/<id:attempt_id>/",
            views.AttemptFeedbackView.as_view(),
            name="instructors_attempt_feedback",
        ),
        path(
            "feedback/orals/<id:session_id>/",
            views.OralFeedbackView.as_view(),
            name="instructors_oral_feedback",
        ),
    ]

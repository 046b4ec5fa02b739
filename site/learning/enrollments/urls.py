"""Enrollment URLs: enroll, leave, per-course progress sharing, lesson progress (the
dashboard is in learning.learner)."""

from django.urls import path

from . import views

urlpatterns = [
    path("learn/courses/<id:course_id>/enroll/", views.enroll, name="enroll"),
    path("learn/courses/<id:course_id>/leave/", views.leave, name="leave_course"),
    path(
        "learn/enrollments/<id:enrollment_id>/sharing/",
        views.sharing,
        name="enrollment_sharing",
    ),
    path("learn/lessons/<id:lesson_id>/complete/", views.complete, name="complete_lesson"),
    path("learn/lessons/<id:lesson_id>/incomplete/", views.incomplete, name="incomplete_lesson"),
    path("learn/lessons/<id:lesson_id>/heartbeat/", views.heartbeat, name="lesson_heartbeat"),
]

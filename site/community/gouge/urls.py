"""Examiner directory and gouge URLs (mounted at /examiners/)."""

from django.urls import path

from . import views

urlpatterns = [
    path("", views.examiner_directory, name="examiner_directory"),
    path("reports/<id:report_id>/edit/", views.gouge_edit, name="gouge_edit"),
    path("reports/<id:report_id>/withdraw/", views.gouge_withdraw, name="gouge_withdraw"),
    path("reports/<id:report_id>/flag/", views.gouge_flag, name="gouge_flag"),
    path("<slug:slug>/", views.examiner_detail, name="examiner_detail"),
    path("<slug:slug>/report/", views.gouge_submit, name="gouge_submit"),
]

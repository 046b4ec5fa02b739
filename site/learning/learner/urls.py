"""The learner's overview pages: the dashboard and a standard's readiness page."""

from django.urls import path

from .dashboard import dashboard
from .readiness import standard_detail

urlpatterns = [
    path("dashboard/", dashboard, name="dashboard"),
    path("acs/<slug:slug>/", standard_detail, name="acs_standard"),
]

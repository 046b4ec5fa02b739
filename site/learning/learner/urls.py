"""The learner's overview pages: the dashboard, a standard's readiness page and its tasks'
pages (/acs/pa/pa.i.c/: the code in lower case; any case is accepted and redirected)."""

from django.urls import path, re_path

from .acs_task import task_detail
from .dashboard import dashboard
from .readiness import standard_detail

urlpatterns = [
    path("dashboard/", dashboard, name="dashboard"),
    path("acs/<slug:slug>/", standard_detail, name="acs_standard"),
    re_path(
        r"^acs/(?P<slug>[-\w]+)/(?P<code>[A-Za-z]{2,3}\.[IVXLivxl]+\.[A-Za-z])/$",
        task_detail,
        name="acs_task",
    ),
]

"""Wagtail admin hooks of the cohorts part (imported by learning.instructors.wagtail_hooks):
its admin URLs and the "Cohorts" menu item, shown to whoever may manage students."""

from django.urls import path, reverse

from wagtail import hooks

from ..menus import ShownTo
from . import views
from .access import may_run_cohorts


@hooks.register("register_admin_urls")
def register_cohort_urls():
    return [
        path("cohorts/", views.CohortListView.as_view(), name="instructors_cohorts"),
        path("cohorts/new/", views.CohortEditView.as_view(), name="instructors_cohort_new"),
        path(
            "cohorts/<id:cohort_id>/", views.CohortRosterView.as_view(), name="instructors_cohort"
        ),
        path(
            "cohorts/<id:cohort_id>/edit/",
            views.CohortEditView.as_view(),
            name="instructors_cohort_edit",
        ),
        path(
            "cohorts/<id:cohort_id>/import/",
            views.CohortImportView.as_view(),
            name="instructors_cohort_import",
        ),
        path(
            "cohorts/<id:cohort_id>/members/<id:member_id>/remove/",
            views.RemoveMemberView.as_view(),
            name="instructors_cohort_member_remove",
        ),
    ]


@hooks.register("register_admin_menu_item")
def register_cohorts_menu_item():
    return ShownTo(
        "Cohorts",
        reverse("instructors_cohorts"),
        icon_name="group",
        order=740,
        shown_to=may_run_cohorts,
    )

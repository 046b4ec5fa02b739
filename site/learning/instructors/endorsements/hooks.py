"""Wagtail admin URLs of the endorsements part (imported by
learning.instructors.wagtail_hooks). There is no menu item: an endorsement is written
from a student's page, and no edit view exists by design."""

from django.urls import path

from wagtail import hooks

from .admin_views import EndorsementView, EndorseView, RevokeView


@hooks.register("register_admin_urls")
def register_endorsement_urls():
    return [
        path(
            "instructors/students/<id:student_id>/endorse/",
            EndorseView.as_view(),
            name="instructors_endorse",
        ),
        path(
            "instructors/endorsements/<id:endorsement_id>/",
            EndorsementView.as_view(),
            name="instructors_endorsement",
        ),
        path(
            "instructors/endorsements/<id:endorsement_id>/revoke/",
            RevokeView.as_view(),
            name="instructors_endorsement_revoke",
        ),
    ]

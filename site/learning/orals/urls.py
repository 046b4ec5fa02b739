"""Mock oral URLs (mounted at /orals/)."""

from django.urls import path

from . import views

urlpatterns = [
    path("", views.orals_home, name="orals_home"),
    path("start/", views.orals_start, name="orals_start"),
    path("sessions/<id:session_id>/", views.orals_session, name="orals_session"),
    path(
        "sessions/<id:session_id>/items/<id:item_id>/grade/",
        views.orals_grade,
        name="orals_grade",
    ),
    path("sessions/<id:session_id>/finish/", views.orals_finish, name="orals_finish"),
    path("sessions/<id:session_id>/abandon/", views.orals_abandon, name="orals_abandon"),
    path("sessions/<id:session_id>/result/", views.orals_result, name="orals_result"),
]

"""Study screen URLs (mounted at /flashcards/)."""

from django.urls import path

from . import study_views

urlpatterns = [
    path("", study_views.study_home, name="flashcards_home"),
    path("study/", study_views.study, name="flashcards_study"),
    path("study/review/", study_views.review, name="flashcards_review"),
    path("study/undo/", study_views.undo, name="flashcards_undo"),
    path(
        "study/cards/<id:card_id>/<slug:action>/",
        study_views.card_action,
        name="flashcards_card_action",
    ),
    path("settings/", study_views.study_settings, name="flashcards_settings"),
    path(
        "settings/default-parameters/",
        study_views.reset_parameters,
        name="flashcards_reset_parameters",
    ),
]

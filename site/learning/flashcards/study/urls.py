"""Study screen URLs (mounted at /flashcards/)."""

from django.urls import path

from . import views

urlpatterns = [
    path("", views.study_home, name="flashcards_home"),
    path("study/", views.study, name="flashcards_study"),
    path("study/review/", views.review, name="flashcards_review"),
    path("study/undo/", views.undo, name="flashcards_undo"),
    path(
        "study/cards/<id:card_id>/<slug:action>/",
        views.card_action,
        name="flashcards_card_action",
    ),
    path("settings/", views.study_settings, name="flashcards_settings"),
    path(
        "settings/default-parameters/",
        views.reset_parameters,
        name="flashcards_reset_parameters",
    ),
]

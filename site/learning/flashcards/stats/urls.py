"""Flashcard statistics (mounted at /flashcards/stats/)."""

from django.urls import path

from . import views

urlpatterns = [
    path("", views.overall_stats, name="flashcards_stats"),
    path("decks/<id:deck_id>/", views.deck_stats, name="flashcards_deck_stats"),
    path("optimize/", views.optimize, name="flashcards_optimize"),
]

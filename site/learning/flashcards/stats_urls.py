"""Flashcard statistics (mounted at /flashcards/stats/)."""

from django.urls import path

from . import stats_views

urlpatterns = [
    path("", stats_views.overall_stats, name="flashcards_stats"),
    path("decks/<id:deck_id>/", stats_views.deck_stats, name="flashcards_deck_stats"),
    path("optimize/", stats_views.optimize, name="flashcards_optimize"),
]

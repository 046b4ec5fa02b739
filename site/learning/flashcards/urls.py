"""Flashcard URLs (mounted at /flashcards/): studying, the deck library, card pictures and
statistics."""

from django.urls import include, path

urlpatterns = [
    path("", include("learning.flashcards.study_urls")),
    path("", include("learning.flashcards.library_urls")),
    path("", include("learning.flashcards.media_urls")),
    path("stats/", include("learning.flashcards.stats_urls")),
]

"""Flashcard URLs (mounted at /flashcards/): studying, the deck library, card pictures and
statistics."""

from django.urls import include, path

urlpatterns = [
    path("", include("learning.flashcards.study.urls")),
    path("", include("learning.flashcards.library.urls")),
    path("", include("learning.flashcards.imports.media_urls")),
    path("stats/", include("learning.flashcards.stats.urls")),
]

from django.apps import AppConfig


class FlashcardsConfig(AppConfig):
    """Decks and cards scheduled with FSRS, per learner."""

    name = "learning.flashcards"
    label = "flashcards"
    verbose_name = "Flashcards"

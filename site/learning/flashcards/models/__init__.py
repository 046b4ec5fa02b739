from .deck import Deck, DeckPurpose, DeckStudy, Difficulty, Flashcard, FlashcardCategory
from .imports import ImportJob, ImportStatus
from .settings import StudySettings
from .state import CardState, CardStateKind, Rating, ReminderSent, ReviewLog

__all__ = [
    "CardState",
    "CardStateKind",
    "Deck",
    "DeckPurpose",
    "DeckStudy",
    "Difficulty",
    "Flashcard",
    "FlashcardCategory",
    "ImportJob",
    "ImportStatus",
    "Rating",
    "ReminderSent",
    "ReviewLog",
    "StudySettings",
]

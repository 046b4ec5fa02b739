from .deck import Deck, DeckPurpose, DeckStudy, Difficulty, Flashcard, FlashcardCategory
from .imports import ImportedMedia, ImportJob, ImportStatus
from .settings import ReviewOrder, StudySettings
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
    "ImportedMedia",
    "Rating",
    "ReminderSent",
    "ReviewLog",
    "ReviewOrder",
    "StudySettings",
]

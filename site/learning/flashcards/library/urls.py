"""The deck library, card editing and imports (mounted at /flashcards/)."""

from django.urls import path

from . import views

urlpatterns = [
    path("decks/", views.library_page, name="flashcards_library"),
    path("decks/new/", views.deck_create, name="flashcards_deck_create"),
    path("decks/<id:deck_id>/", views.deck_detail, name="flashcards_deck"),
    path("decks/<id:deck_id>/edit/", views.deck_edit, name="flashcards_deck_edit"),
    path("decks/<id:deck_id>/delete/", views.deck_delete, name="flashcards_deck_delete"),
    path("decks/<id:deck_id>/study/", views.deck_study, name="flashcards_deck_study"),
    path("decks/<id:deck_id>/export.csv", views.deck_export, name="flashcards_deck_export"),
    path("decks/<id:deck_id>/cards/new/", views.card_create, name="flashcards_card_create"),
    path("cards/<id:card_id>/edit/", views.card_edit, name="flashcards_card_edit"),
    path("cards/<id:card_id>/delete/", views.card_delete, name="flashcards_card_delete"),
    path("import/", views.import_upload, name="flashcards_import"),
    path("imports/<id:job_id>/", views.import_job, name="flashcards_import_job"),
    path("imports/<id:job_id>/status/", views.import_status, name="flashcards_import_status"),
    path("imports/<id:job_id>/confirm/", views.import_confirm, name="flashcards_import_confirm"),
]

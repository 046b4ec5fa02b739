"""Card pictures and imported card images (mounted at /flashcards/)."""

from django.urls import path

from . import media_views

urlpatterns = [
    path("cards/<id:card_id>/picture/", media_views.card_picture, name="flashcards_card_picture"),
    path(
        "cards/<id:card_id>/picture/small/",
        media_views.card_picture,
        {"size": "small"},
        name="flashcards_card_picture_small",
    ),
    path("media/<path:path>", media_views.card_media, name="flashcards_card_media"),
]

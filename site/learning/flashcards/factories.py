"""Decks and cards for tests, the demo and benchmarks (factory_boy)."""

import factory

from accounts.factories import UserFactory

from .models import Deck, Flashcard, FlashcardCategory


class FlashcardCategoryFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = FlashcardCategory
        django_get_or_create = ("name",)

    name = factory.Sequence(lambda n: f"Category {n}")


class DeckFactory(factory.django.DjangoModelFactory):
    """A learner's own deck; pass ``owner=None, course=course`` for an official deck."""

    class Meta:
        model = Deck

    owner = factory.SubFactory(UserFactory)
    name = factory.Sequence(lambda n: f"Deck {n}")
    description = "Cards for the checkride."


class FlashcardFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Flashcard

    deck = factory.SubFactory(DeckFactory)
    front = factory.Sequence(lambda n: f"Question {n}?")
    back = factory.Sequence(lambda n: f"Answer {n}.")
    position = factory.Sequence(lambda n: n)

"""Personal FSRS parameters: eligibility counts one review per card per study day; the
task fits 21 parameters from a simulated history and stores them; under 512 reviews the
defaults stay."""

import datetime
import importlib.util
import random

from django.urls import reverse

import fsrs
import pytest

from learning.flashcards import optimizer
from learning.flashcards.models import Flashcard, ReviewLog, StudySettings
from learning.flashcards.tasks import optimize_all, optimize_parameters
from tests.conftest import require

from .conftest import make_deck, set_timezone

pytestmark = pytest.mark.django_db

START = datetime.datetime(2026, 1, 5, 18, 0, tzinfo=datetime.UTC)
HAS_OPTIMIZER = importlib.util.find_spec("fsrs_rs_python") is not None


def log(user, card, when, rating=3, imported=False):
    return ReviewLog(
        user=user,
        card=card,
        rating=rating,
        reviewed_at=when,
        state_before=2,
        state_after=2,
        due_before=when,
        due_after=when,
        imported=imported,
    )


def simulate(user, deck, cards=150, days=120, seed=3):
    """A learner following fsrs's schedule once a day, recalling with the scheduler's own
    predicted probability (a known recall model), logged as the service would."""
    rng = random.Random(seed)
    scheduler = fsrs.Scheduler(enable_fuzzing=False)
    rows = [Flashcard(deck=deck, front=f"Sim {n}", back="x", position=n) for n in range(cards)]
    ids = [card.pk for card in Flashcard.objects.bulk_create(rows)]
    logs = []
    for index, card_id in enumerate(ids):
        card = fsrs.Card(card_id=card_id, due=START + datetime.timedelta(days=index % 20))
        while card.due < START + datetime.timedelta(days=days):
            moment = card.due
            recall = scheduler.get_card_retrievability(card, moment) if card.last_review else 0.7
            rating = fsrs.Rating.Good if rng.random() < recall else fsrs.Rating.Again
            card, _ = scheduler.review_card(card, rating, moment)
            logs.append(log(user, Flashcard(pk=card_id), moment, int(rating)))
    ReviewLog.objects.bulk_create(logs)
    return len(logs)


def test_eligible_count_skips_same_day_repeats(learner, deck):
    set_timezone(learner, "America/Chicago")
    first, second = deck.cards.order_by("position")[:2]
    day = datetime.datetime(2026, 3, 2, 15, 0, tzinfo=datetime.UTC)  # 09:00 in Chicago
    ReviewLog.objects.bulk_create(
        [
            log(learner, first, day),
            log(learner, first, day + datetime.timedelta(minutes=10), rating=1),
            log(
                learner, first, day + datetime.timedelta(hours=12)
            ),  # 03:00 next day: same study day
            log(learner, first, day + datetime.timedelta(days=1)),
            log(learner, second, day, imported=True),
            log(learner, second, day + datetime.timedelta(minutes=1), imported=True),
        ]
    )
    assert optimizer.eligible_review_count(learner) == 3


def test_under_512_reviews_the_defaults_stay(learner, deck):
    card = deck.cards.first()
    ReviewLog.objects.bulk_create(
        log(learner, card, START + datetime.timedelta(days=n)) for n in range(100)
    )
    reason = optimize_parameters.delay(learner.pk).get()
    assert reason.startswith("100 of 512")
    settings = StudySettings.objects.filter(user=learner).first()
    assert settings is None or settings.parameters == []


def test_the_task_fits_and_stores_21_parameters(learner):
    require(HAS_OPTIMIZER, "fsrs-rs-python is not installed")
    deck = make_deck(learner, cards=0)
    reviews = simulate(learner, deck)
    assert optimizer.eligible_review_count(learner) >= optimizer.MIN_REVIEWS
    assert optimize_parameters.delay(learner.pk).get() == "fitted"
    settings = StudySettings.objects.get(user=learner)
    assert len(settings.parameters) == 21
    assert settings.parameters != list(fsrs.scheduler.DEFAULT_PARAMETERS)
    assert settings.parameters_optimized_at is not None
    assert optimizer.MIN_REVIEWS <= settings.parameters_review_count <= reviews
    fsrs.Scheduler(parameters=tuple(settings.parameters))  # fsrs accepts them


def test_weekly_task_refits_only_stale_learners(learner, other_learner):
    require(HAS_OPTIMIZER, "fsrs-rs-python is not installed")
    simulate(learner, make_deck(learner, cards=0))
    assert optimize_all.delay().get() == 1
    assert optimize_all.delay().get() == 0  # just fitted: nothing to do
    settings = StudySettings.objects.get(user=learner)
    settings.parameters_optimized_at -= datetime.timedelta(days=31)
    settings.save()
    assert optimizer.learners_to_refit() == [learner.pk]


def test_returning_to_defaults_stops_the_weekly_refit_until_asked(signed_in, learner, commit):
    from learning.flashcards.services import reset_parameters

    simulate(learner, make_deck(learner, cards=0))
    reset_parameters(learner)
    assert optimizer.learners_to_refit() == []
    require(HAS_OPTIMIZER, "fsrs-rs-python is not installed")
    with commit():
        signed_in.post(reverse("flashcards_optimize"))
    settings = StudySettings.objects.get(user=learner)
    assert settings.auto_optimize
    assert len(settings.parameters) == 21


def test_the_stats_page_button_queues_a_fit(signed_in, learner, commit):
    require(HAS_OPTIMIZER, "fsrs-rs-python is not installed")
    simulate(learner, make_deck(learner, cards=0))
    with commit():
        response = signed_in.post(reverse("flashcards_optimize"))
    assert response.status_code == 302
    assert len(StudySettings.objects.get(user=learner).parameters) == 21
    page = signed_in.get(reverse("flashcards_stats")).content.decode()
    assert "fitted to your own reviews" in page


def test_a_fit_that_finishes_after_a_return_to_defaults_is_dropped(learner):
    from learning.flashcards.services import reset_parameters

    require(HAS_OPTIMIZER, "fsrs-rs-python is not installed")
    simulate(learner, make_deck(learner, cards=0))
    reset_parameters(learner)  # as if pressed while the fit below was running
    result = optimizer.fit_parameters(learner)
    assert not result.fitted
    assert StudySettings.objects.get(user=learner).parameters == []


def test_asking_for_fits_again_and_again_is_refused_after_three_an_hour(signed_in, learner):
    """A fit costs about a CPU second: the button is no way to load the server."""
    statuses = [signed_in.post(reverse("flashcards_optimize")).status_code for _ in range(5)]
    assert statuses == [400, 400, 400, 429, 429]  # 400: too few reviews to fit yet
    refused = signed_in.post(reverse("flashcards_optimize")).content.decode()
    assert "Please try again in an hour." in refused

"""The interval on each rating button is exactly what pressing it gives, fuzz included,
for any card, history, time zone and time of day."""

import datetime
import re

from django.db import transaction
from django.urls import reverse
from django.utils import timezone

import pytest
from hypothesis import HealthCheck, given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st

from learning.flashcards import services
from learning.flashcards.models import CardState, CardStateKind, Rating
from learning.flashcards.scheduler import format_interval, scheduler_for

from .conftest import NOON, set_timezone
from .test_fuzz import anki_spread

ZONES = ["UTC", "Pacific/Auckland", "America/Los_Angeles", "Asia/Kolkata", "Pacific/Kiritimati"]
STUDY = "/flashcards/study/"

histories = st.lists(
    st.tuples(st.sampled_from(list(Rating)), st.integers(0, 60 * 24 * 45)),
    min_size=0,
    max_size=10,
)


def applied_label(state, now, clock):
    """The interval a learner sees after the fact: whole study days for a card due on a
    later day (or a review card), else the time until it is due."""
    days = (clock.day_of(state.due) - clock.day_of(now)).days
    if state.state == CardStateKind.REVIEW or days > 0:
        return format_interval(datetime.timedelta(days=days))
    return format_interval(state.due - now)


@pytest.fixture
def fuzzed(settings):
    settings.FLASHCARDS_FUZZ = True


@hypothesis_settings(max_examples=40, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    history=histories,
    last_gap=st.integers(0, 60 * 24 * 60),
    zone=st.sampled_from(ZONES),
    position=st.integers(0, 4),
    retention=st.sampled_from([0.8, 0.9, 0.95]),
)
def test_each_button_shows_what_pressing_it_gives(
    fuzzed, learner, deck, history, last_gap, zone, position, retention
):
    with transaction.atomic():
        set_timezone(learner, zone)
        learner.refresh_from_db()
        study_settings = services.study_settings_for(learner)
        study_settings.desired_retention = retention
        study_settings.save()
        card = deck.cards.order_by("position")[position]
        moment = NOON
        for rating, gap in history:
            moment += datetime.timedelta(minutes=gap)
            services.review_card(learner, card.pk, rating, now=moment)
        now = moment + datetime.timedelta(minutes=last_gap)
        state = CardState.objects.get(user=learner, card=card)
        shown = services.preview_outcomes(learner, state, now=now)
        scheduler = scheduler_for(services.study_settings_for(learner))
        for rating in Rating:
            savepoint = transaction.savepoint()
            after, log, _ = services.review_card(learner, card.pk, rating, now=now)
            assert after.due == log.due_after == shown[rating].due
            assert applied_label(after, now, scheduler.clock) == shown[rating].label
            passing_ordered = state.state == CardStateKind.REVIEW and rating > Rating.HARD
            if after.state == CardStateKind.REVIEW and not passing_ordered:
                # fsrs's interval, at least a day and at most the maximum, then fuzzed.
                raw = min(max(scheduler.interval_days(after.stability), 1.0), 36_500.0)
                assert abs(shown[rating].days - raw) <= anki_spread(raw) + 0.5
            transaction.savepoint_rollback(savepoint)
        transaction.set_rollback(True)


def button_labels(html):
    found = re.findall(r'name="rating" value="(\d)".*?</span>([^<]+)</span>', html, re.S)
    return {int(rating): label.strip() for rating, label in found}


def test_the_study_page_buttons_match_the_applied_intervals(fuzzed, signed_in, learner, deck):
    card = deck.cards.order_by("position").first()
    services.review_card(learner, card.pk, Rating.EASY, now=timezone.now() - datetime.timedelta(9))
    page = signed_in.get(STUDY, {"card": card.pk, "token": "t.1", "reveal": 1})
    labels = button_labels(page.content.decode())
    assert set(labels) == {1, 2, 3, 4}
    clock = scheduler_for(services.study_settings_for(learner)).clock
    applied = {}
    for rating in Rating:
        savepoint = transaction.savepoint()
        form = {"card": card.pk, "rating": rating.value, "token": f"t.{rating.value}"}
        assert signed_in.post(reverse("flashcards_review"), form).status_code == 302
        after = CardState.objects.get(user=learner, card=card)
        applied[rating.value] = applied_label(after, timezone.now(), clock)
        transaction.savepoint_rollback(savepoint)
    assert applied == labels
    assert labels[1] == "10m"
    assert all(label.endswith(("d", "mo")) for rating, label in labels.items() if rating > 1)

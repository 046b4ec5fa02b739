"""The stats page's "you have N reviews" reads the learner's history once, then again
only after the history or the learner's study day changes."""

import datetime

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

import pytest

from learning.flashcards import services
from learning.flashcards.models import ReviewLog

from .conftest import make_deck, set_timezone

pytestmark = pytest.mark.django_db

STATS = reverse("flashcards_stats")
HISTORY_READ = '"flashcards_reviewlog"."card_id" AS "card_id"'  # every review, per card
MONDAY = datetime.datetime(2026, 3, 2, 15, 0, tzinfo=datetime.UTC)  # 09:00 in Chicago


def log(user, card, when):
    return ReviewLog(
        user=user,
        card=card,
        rating=3,
        reviewed_at=when,
        state_before=2,
        state_after=2,
        due_before=when,
        due_after=when,
    )


def add_days(user, card, days, start=MONDAY):
    ReviewLog.objects.bulk_create(
        log(user, card, start + datetime.timedelta(days=n)) for n in range(days)
    )


def view(client):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(STATS)
    assert response.status_code == 200
    history_reads = [q["sql"] for q in queries if HISTORY_READ in q["sql"]]
    return response.content.decode(), len(history_reads)


def shown(text):
    return text.split("on different days; you have ")[1].split(".")[0]


def test_a_second_view_does_not_read_the_history(signed_in, learner, card):
    add_days(learner, card, 3)
    text, reads = view(signed_in)
    assert (shown(text), reads) == ("3", 1)
    text, reads = view(signed_in)
    assert (shown(text), reads) == ("3", 0)


def test_a_new_review_changes_the_count(signed_in, learner, card):
    add_days(learner, card, 3)
    view(signed_in)
    services.review_card(learner, card.pk, 3, now=MONDAY + datetime.timedelta(days=10))
    text, reads = view(signed_in)
    assert (shown(text), reads) == ("4", 1)


def test_an_undone_review_is_no_longer_counted(signed_in, learner, card):
    add_days(learner, card, 3)
    services.review_card(learner, card.pk, 3, now=MONDAY + datetime.timedelta(days=10))
    assert shown(view(signed_in)[0]) == "4"
    services.undo_last_review(learner, now=MONDAY + datetime.timedelta(days=10, minutes=1))
    assert shown(view(signed_in)[0]) == "3"


def test_a_deleted_card_takes_its_reviews_with_it(signed_in, learner, deck):
    first, second = deck.cards.order_by("position")[:2]
    add_days(learner, first, 2)
    add_days(learner, second, 2)
    assert shown(view(signed_in)[0]) == "4"
    first.delete()
    assert shown(view(signed_in)[0]) == "2"


def test_a_new_time_zone_counts_the_days_again(signed_in, learner, card):
    # 15:00 and 07:00 UTC the next day: two study days in UTC (rollover 04:00), one in
    # Chicago, where the second is 01:00, before the rollover.
    ReviewLog.objects.bulk_create(
        [log(learner, card, MONDAY), log(learner, card, MONDAY + datetime.timedelta(hours=16))]
    )
    assert shown(view(signed_in)[0]) == "2"
    set_timezone(learner, "America/Chicago")
    assert shown(view(signed_in)[0]) == "1"


def test_each_learner_sees_their_own_count(client, learner, other_learner, card):
    add_days(learner, card, 3)
    other_card = make_deck(other_learner, cards=1).cards.get()
    ReviewLog.objects.bulk_create(log(other_learner, other_card, MONDAY) for _ in range(3))
    client.force_login(learner)
    assert shown(view(client)[0]) == "3"
    client.force_login(other_learner)
    assert shown(view(client)[0]) == "1"

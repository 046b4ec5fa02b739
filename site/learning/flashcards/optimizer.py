"""Fitting a learner's own FSRS parameters from their review history (fsrs-rs-python).

FSRS learns from how memory decays *between* days, so a card reviewed five times in one
study day is one data point for eligibility: ``eligible_review_count`` counts at most one
review per card per study day (the learner's timezone and rollover). The fit itself gets
every review, with ``delta_t`` in whole study days (0 for same-day repeats), which is
how the optimizer expects Anki-style histories.

The eligible count is shown on every view of the statistics page, and reading a long
history for it is the page's slowest query; it is cached under the history's mark (how
many logs, and the newest log's id: every review, undo, import or card deletion moves
one of them) and the learner's clock, so it is recomputed only when either changes.
"""

import math
from collections import defaultdict
from dataclasses import dataclass
from datetime import timedelta

from django.core.cache import cache
from django.db import transaction
from django.db.models import Count, Max
from django.utils import timezone

import fsrs

from .clock import clock_for
from .models import ReviewLog, StudySettings

MIN_REVIEWS = 512
PARAMETER_COUNT = 21
REFIT_AFTER = timedelta(days=30)
REFIT_GROWTH = 1.2
ELIGIBLE_CACHE_SECONDS = 60 * 60 * 24 * 7


@dataclass(frozen=True)
class FitResult:
    fitted: bool
    reason: str
    parameters: tuple = ()
    review_count: int = 0


def review_days(user, clock=None):
    """Per card, its reviews in time order as (study day, rating)."""
    clock = clock or clock_for(user)
    histories = defaultdict(list)
    logs = ReviewLog.objects.filter(user=user).order_by("card_id", "reviewed_at", "pk")
    for card_id, reviewed_at, rating in logs.values_list("card_id", "reviewed_at", "rating"):
        histories[card_id].append((clock.day_of(reviewed_at), rating))
    return histories


def count_eligible(histories):
    return sum(len({day for day, _ in reviews}) for reviews in histories.values())


def history_mark(user):
    """(number of review logs, newest log id) of the learner: one aggregate query."""
    mark = ReviewLog.objects.filter(user=user).aggregate(logs=Count("pk"), newest=Max("pk"))
    return mark["logs"], mark["newest"]


def eligible_review_count(user, study_settings=None):
    """How many reviews the fit may count; reads the history only when it changed."""
    clock = clock_for(user, study_settings)
    logs, newest = history_mark(user)
    if not logs:
        return 0
    key = f"flashcards:eligible:{user.pk}:{clock.tz.key}:{clock.rollover_hour}:{logs}:{newest}"
    count = cache.get(key)
    if count is None:
        count = count_eligible(review_days(user, clock))
        cache.set(key, count, ELIGIBLE_CACHE_SECONDS)
    return count


def review_deltas(histories):
    """Per card, its reviews as (rating, delta_t): study days since the previous review
    (clock.StudyClock.elapsed_days, as the scheduler counts them; 0 for the first)."""
    deltas = {}
    for card_id, reviews in histories.items():
        previous = reviews[0][0]
        deltas[card_id] = []
        for day, rating in reviews:
            deltas[card_id].append((rating, (day - previous).days))
            previous = day
    return deltas


def training_items(histories):
    """fsrs-rs FSRSItems: for each review after the first, the card's history up to it.
    Items with no review on a later day teach nothing about forgetting and are left out."""
    import fsrs_rs_python

    items = []
    for reviews in review_deltas(histories).values():
        history = []
        for rating, delta in reviews:
            history.append(fsrs_rs_python.FSRSReview(rating, delta))
            if len(history) > 1:
                item = fsrs_rs_python.FSRSItem(list(history))
                if item.long_term_review_cnt() > 0:
                    items.append(item)
    return items


def valid_parameters(parameters):
    """21 finite floats that fsrs's own Scheduler accepts."""
    values = tuple(float(value) for value in parameters)
    if len(values) != PARAMETER_COUNT or not all(math.isfinite(value) for value in values):
        return None
    try:
        fsrs.Scheduler(parameters=values)
    except (ValueError, TypeError):
        return None
    return values


def fit_parameters(user):
    """Fit and store `user`'s parameters, or leave the defaults and say why."""
    histories = review_days(user)
    count = count_eligible(histories)
    if count < MIN_REVIEWS:
        return FitResult(False, f"{count} of {MIN_REVIEWS} reviews on different days", (), count)
    try:
        import fsrs_rs_python
    except ImportError:
        return FitResult(False, "fsrs-rs-python is not installed", (), count)
    items = training_items(histories)
    try:
        model = fsrs_rs_python.FSRS(fsrs_rs_python.DEFAULT_PARAMETERS)
        fitted = model.compute_parameters(items)
    except Exception as error:  # the Rust fit refuses some odd histories
        return FitResult(False, f"the fit failed: {error}", (), count)
    parameters = valid_parameters(fitted)
    if parameters is None:
        return FitResult(False, "the fit did not give 21 usable parameters", (), count)
    with transaction.atomic():
        settings, _ = StudySettings.objects.select_for_update().get_or_create(user=user)
        if not settings.auto_optimize:
            # They returned to the defaults while this fit ran: their choice wins.
            return FitResult(False, "the learner chose the default parameters", (), count)
        settings.parameters = list(parameters)
        settings.parameters_optimized_at = timezone.now()
        settings.parameters_review_count = count
        settings.save(
            update_fields=[
                "parameters",
                "parameters_optimized_at",
                "parameters_review_count",
                "updated_at",
            ]
        )
    return FitResult(True, "fitted", parameters, count)


def due_for_refit(study_settings, count, now):
    if count < MIN_REVIEWS:
        return False
    if study_settings is not None and not study_settings.auto_optimize:
        return False  # they chose FSRS's defaults; only their own request fits again
    if study_settings is None or study_settings.parameters_optimized_at is None:
        return True
    if now - study_settings.parameters_optimized_at >= REFIT_AFTER:
        return True
    return count >= REFIT_GROWTH * (study_settings.parameters_review_count or 0)


def learners_to_refit(now=None):
    """Ids of learners whose parameters are missing or stale (see due_for_refit)."""
    now = now or timezone.now()
    from django.contrib.auth import get_user_model

    candidates = (
        get_user_model()
        .objects.annotate(logs=Count("review_logs"))
        .filter(logs__gte=MIN_REVIEWS)
        .select_related("study_settings", "preferences")
    )
    return [
        user.pk
        for user in candidates
        if due_for_refit(getattr(user, "study_settings", None), eligible_review_count(user), now)
    ]

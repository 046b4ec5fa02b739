"""Interval fuzz as Anki applies it, but deterministic, so a button shows what it gives.

Anki spreads review intervals a little so cards learned together do not stay together.
The fsrs package fuzzes with ``random()``, which would make the interval shown on a
rating button differ from the one pressing it gives; Anki instead seeds the fuzz with
the card id plus the card's review count, and so do we (``fuzz_factor``).

The ranges are Anki's (the fsrs package ships the same table as ``FUZZ_RANGES``): no
fuzz below 2.5 days; otherwise the interval may move by
1 day plus 15% of the part of the interval between 2.5 and 7 days, 10% of the part
between 7 and 20 days and 5% of the part above 20 days, either way. The result is a
whole number of days between the caller's minimum and the maximum interval.
"""

import math
import random

FUZZ_RANGES = (
    (2.5, 7.0, 0.15),
    (7.0, 20.0, 0.10),
    (20.0, math.inf, 0.05),
)
NO_FUZZ_BELOW = 2.5


def round_half_up(value):
    """Rust's f32::round for the positive intervals here (Python's round() is banker's)."""
    return math.floor(value + 0.5)


def fuzz_delta(interval):
    """How many days either way `interval` may move."""
    if interval < NO_FUZZ_BELOW:
        return 0.0
    return 1.0 + sum(
        factor * max(min(interval, end) - start, 0.0) for start, end, factor in FUZZ_RANGES
    )


def fuzz_bounds(interval, minimum, maximum):
    """(lowest, highest) whole days the fuzzed interval may take, within [minimum,
    maximum]; widened to two choices when clamping left one, as Anki does."""
    minimum = min(minimum, maximum)
    interval = min(max(interval, minimum), maximum)
    delta = fuzz_delta(interval)
    lower = min(max(round_half_up(interval - delta), minimum), maximum)
    upper = min(max(round_half_up(interval + delta), minimum), maximum)
    if upper == lower and 2 < upper < maximum:
        upper = lower + 1
    return lower, upper


def fuzz_factor(card_id, reps):
    """A number in [0, 1) fixed by the card and how many times it was reviewed: the
    same card at the same review always gets the same fuzz (preview, undo, retry)."""
    return random.Random(int(card_id) + int(reps)).random()  # noqa: S311 - not security


def fuzzed_days(interval, minimum, maximum, factor):
    """The interval in whole days: fuzzed by `factor` (None: just rounded), at least
    `minimum` and at most `maximum`."""
    if factor is None:
        return min(max(round_half_up(interval), minimum), maximum)
    lower, upper = fuzz_bounds(interval, minimum, maximum)
    return min(lower + math.floor(factor * (1 + upper - lower)), upper)

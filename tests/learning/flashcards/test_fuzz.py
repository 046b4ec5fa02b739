"""Interval fuzz stays within Anki's ranges and is fixed by the card and its review count."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from learning.flashcards.fuzz import fuzz_bounds, fuzz_factor, fuzzed_days

MAXIMUM = 36_500


@pytest.mark.parametrize(
    ("interval", "minimum", "maximum", "lowest", "middle", "highest"),
    [
        # No fuzz below 2.5 days.
        (1.0, 1, 1000, 1, 1, 1),
        (2.49, 1, 1000, 2, 2, 2),
        # 1 day from 2.5 days, plus 15% of the days from 2.5 to 7 ...
        (2.5, 1, 1000, 2, 3, 4),
        (7.0, 1, 1000, 5, 7, 9),
        # ... plus 10% of the days from 7 to 20, plus 5% of those above 20.
        (17.0, 1, 1000, 14, 17, 20),
        (37.0, 1, 1000, 33, 37, 41),
        (20.0, 3, 1000, 17, 20, 23),
        # Limits are kept and the range stays two days wide where they allow it.
        (2.0, 3, 1000, 3, 4, 4),
        (100.0, 101, 1000, 101, 105, 108),
        (100.0, 1, 99, 92, 96, 99),
        (100.0, 97, 103, 97, 100, 103),
    ],
)
def test_anki_fuzz_table(interval, minimum, maximum, lowest, middle, highest):
    picks = [fuzzed_days(interval, minimum, maximum, f) for f in (0.0, 0.5, 0.99)]
    assert picks == [lowest, middle, highest]


def anki_spread(interval):
    """How far Anki lets an interval move: 1 day + 15% of 2.5-7 d + 10% of 7-20 d + 5%
    of the rest, written out range by range."""
    if interval < 2.5:
        return 0.0
    spread = 1.0 + 0.15 * (min(interval, 7.0) - 2.5)
    if interval > 7.0:
        spread += 0.10 * (min(interval, 20.0) - 7.0)
    if interval > 20.0:
        spread += 0.05 * (interval - 20.0)
    return spread


@given(
    interval=st.floats(min_value=0.5, max_value=50_000, allow_nan=False),
    card_id=st.integers(min_value=1, max_value=2**31 - 1),
    reps=st.integers(min_value=0, max_value=10_000),
)
def test_fuzz_stays_within_anki_ranges(interval, card_id, reps):
    factor = fuzz_factor(card_id, reps)
    days = fuzzed_days(interval, 1, MAXIMUM, factor)
    assert 1 <= days <= MAXIMUM
    if interval >= MAXIMUM:
        return
    spread = anki_spread(interval)
    assert abs(days - interval) <= spread + 0.5
    if interval >= 2.5:
        assert days >= 2
    else:
        assert days == max(1, int(interval + 0.5))


def test_fuzz_is_fixed_per_card_and_review_and_covers_the_range():
    assert fuzz_factor(1234, 7) == fuzz_factor(1234, 7)
    lowest, highest = fuzz_bounds(30.0, 1, MAXIMUM)
    seen = {fuzzed_days(30.0, 1, MAXIMUM, fuzz_factor(1234, reps)) for reps in range(400)}
    assert seen == set(range(lowest, highest + 1))
    assert (lowest, highest) == (27, 33)


def test_fuzz_never_passes_the_maximum_interval():
    lowest = round(36_499.0 - anki_spread(36_499.0))
    picks = {fuzzed_days(36_499.0, 1, MAXIMUM, f) for f in (0.0, 0.3, 0.6, 0.9, 0.99999)}
    assert picks <= set(range(lowest, MAXIMUM + 1))
    assert MAXIMUM in picks
    assert max(fuzzed_days(50_000.0, 1, MAXIMUM, f) for f in (0.0, 0.5, 0.99999)) == MAXIMUM
    assert fuzzed_days(50_000.0, 1, MAXIMUM, None) == MAXIMUM

"""The snapshot's bulk ACS readiness equals the learner page's own (coverage.py) for
the same learner, and is keyed {standard slug: {area numeral: percent}}."""

import datetime

from django.utils import timezone

import pytest

from learning.acs.tree import load_tree
from learning.enrollments.factories import enroll
from learning.instructors.analytics.snapshots import take_snapshots
from learning.instructors.models import LearnerSnapshot
from learning.learner.coverage import apply_coverage
from tests.learning.acs.standard_fixtures import standard  # noqa: F401  (a fixture)
from tests.learning.learner.test_coverage import card_state, course, progress  # noqa: F401

pytestmark = pytest.mark.django_db


def test_snapshot_readiness_equals_the_learner_page(standard, progress):  # noqa: F811
    today = timezone.now().astimezone(datetime.UTC).date()
    take_snapshots(today)
    areas = apply_coverage(load_tree(standard), progress, standard)
    snapshot = LearnerSnapshot.objects.get(learner=progress, day=today)
    assert snapshot.acs_readiness == {
        standard.slug: {area.area.numeral: area.readiness for area in areas}
    }
    assert snapshot.acs_readiness[standard.slug]["I"] == round(100 * 2.5 / 13)


def test_a_forgotten_card_is_no_evidence(standard, course, learner):  # noqa: F811
    today = timezone.now().astimezone(datetime.UTC).date()
    enroll(learner, course)
    card_state(learner, "PA.II.A.K1", stability=2.0, days_since_review=60)
    take_snapshots(today)
    assert LearnerSnapshot.objects.get(learner=learner, day=today).acs_readiness == {}

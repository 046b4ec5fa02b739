"""Fixtures of the learner overview tests: the ACS standard of the standard-page tests and
the enrolled-learner course of the enrollments tests."""

from tests.learning.acs.standard_fixtures import standard  # noqa: F401  (a fixture)
from tests.learning.enrollments.conftest import course, enrolled, premium_learner  # noqa: F401

"""Fixtures shared by the standard-page tests."""

from tests.learning.acs.standard_fixtures import standard  # noqa: F401  (a fixture)

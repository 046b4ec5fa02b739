"""Examiners, verified reporters and a moderator for the gouge tests."""

import datetime

from django.contrib.auth.models import Group, Permission

import pytest

from accounts.factories import UserFactory
from community.gouge import services
from community.gouge.models import Difficulty, GougeReport, Outcome
from snippets.factories import ExaminerFactory
from snippets.models.examiner import Certificate


@pytest.fixture
def examiner(db):
    return ExaminerFactory(
        name="Alex Rivera",
        region="Pacific Northwest",
        certificates=[Certificate.PRIVATE, Certificate.INSTRUMENT],
        years_experience=10,
    )


@pytest.fixture
def reporter(db):
    return UserFactory(first_name="Rae", last_name="Reporter")


@pytest.fixture
def other_reporter(db):
    return UserFactory(first_name="Oli", last_name="Other")


@pytest.fixture
def moderator(db):
    """Wagtail admin access plus the gouge report permissions (the Moderators group's)."""
    group, _ = Group.objects.get_or_create(name="Moderators")
    group.permissions.add(
        Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin"),
        *Permission.objects.filter(content_type__app_label="gouge"),
    )
    user = UserFactory(first_name="Mo", last_name="Derator")
    user.groups.add(group)
    return user


def report_fields(**overrides):
    """Valid fields for a report (what the submission form's cleaned_data holds)."""
    fields = {
        "checkride_date": datetime.date(2026, 11, 2),
        "certificate": Certificate.PRIVATE,
        "outcome": Outcome.PASS,
        "overall_rating": 4,
        "oral_difficulty": Difficulty.MODERATE,
        "flight_difficulty": Difficulty.EASY,
        "stress_level": 3,
        "what_came_up": "Airspace on the sectional, a diversion and steep turns.",
        "unexpected_elements": "",
        "acs_codes": "PA.I.E, PA.VII.B",
    }
    fields.update(overrides)
    return fields


def approved_report(examiner, author=None, **overrides):
    """A report by `author` (a new verified user if None), approved by a moderator."""
    report = services.submit_report(author or UserFactory(), examiner, report_fields(**overrides))
    services.moderate([report], moderator=None, approve=True)
    return GougeReport.objects.get(pk=report.pk)

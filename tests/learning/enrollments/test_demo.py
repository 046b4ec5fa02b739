"""The demo learner has courses in progress, a finished course and its certificate."""

from io import StringIO

from django.core.management import call_command

import pytest

from learning.enrollments.models import Certificate, Enrollment, LessonProgress

pytestmark = pytest.mark.django_db


def test_demo_learner_has_progress_and_one_certificate():
    call_command("load_demo", stdout=StringIO())
    call_command("load_demo", stdout=StringIO())  # twice: nothing doubles
    mine = Enrollment.objects.filter(user__email="learner@demo.test")
    by_slug = {e.course.slug: e for e in mine.select_related("course")}
    assert set(by_slug) == {"private-pilot-checkride-prep", "weather-briefing-basics"}
    checkride = by_slug["private-pilot-checkride-prep"]
    assert checkride.status == Enrollment.Status.ACTIVE
    assert LessonProgress.objects.filter(enrollment=checkride, completed=True).count() == 3
    weather = by_slug["weather-briefing-basics"]
    assert (weather.status, weather.progress_percentage) == (Enrollment.Status.COMPLETED, 100)
    certificate = Certificate.objects.get(enrollment__user__email="learner@demo.test")
    assert certificate.course_title == "Weather Briefing Basics"
    assert certificate.holder_name == "Lee Learner"
    assert Certificate.objects.count() == 1

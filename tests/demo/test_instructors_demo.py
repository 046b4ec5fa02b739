"""The demo's instructor side: instructor@ leads the checkride course with a full
profile, coinstructor@ co-instructs without analytics, a cohort of five students with
varied progress, a week of snapshots, two endorsements and two course templates.
Loading twice adds nothing."""

from datetime import timedelta
from io import StringIO

from django.core.management import call_command
from django.utils import timezone

import pytest

from learning.assessments.models import Attempt
from learning.courses.models import CourseInstructor
from learning.enrollments.models import Enrollment
from learning.instructors.models import (
    Cohort,
    CourseSnapshot,
    CourseTemplate,
    Endorsement,
    InstructorProfile,
)

pytestmark = pytest.mark.django_db
COURSE = "private-pilot-checkride-prep"


def counts():
    return tuple(
        model.objects.count()
        for model in (
            InstructorProfile,
            CourseInstructor,
            Cohort,
            Enrollment,
            Attempt,
            Endorsement,
            CourseTemplate,
            CourseSnapshot,
        )
    )


def test_demo_instructors_load_once(client, commit):
    with commit():
        call_command("load_demo", stdout=StringIO())
    team = {
        row.user.email: row
        for row in CourseInstructor.objects.filter(page__slug=COURSE).select_related("user")
    }
    lead, co = team["instructor@demo.test"], team["coinstructor@demo.test"]
    assert lead.role == CourseInstructor.Role.LEAD
    assert lead.can_view_analytics
    assert co.role == CourseInstructor.Role.CO_INSTRUCTOR
    assert not co.can_view_analytics
    profile = InstructorProfile.objects.get(user__email="instructor@demo.test")
    assert profile.cfi_certificate_number == "3456789CFI"
    ahead = profile.cfi_expiration - timezone.localdate()
    assert timedelta(days=395) < ahead < timedelta(days=460)  # about 14 months

    cohort = Cohort.objects.get(name="Spring private pilot class")
    emails = set(cohort.members.values_list("user__email", flat=True))
    assert emails == {f"student{n}@demo.test" for n in range(1, 6)}
    progress = dict(
        Enrollment.objects.filter(course__slug=COURSE, user__email__in=emails).values_list(
            "user__email", "progress_percentage"
        )
    )
    assert len(set(progress.values())) >= 3  # varied
    failed = Attempt.objects.filter(user__email="student2@demo.test", passed=False)
    assert failed.count() == 2
    quiet = Enrollment.objects.get(user__email="student3@demo.test", course__slug=COURSE)
    assert quiet.last_accessed < timezone.now() - timedelta(days=19)
    private = Enrollment.objects.get(user__email="student4@demo.test", course__slug=COURSE)
    assert private.share_progress is False
    kinds = set(
        Endorsement.objects.filter(student__email="student1@demo.test").values_list(
            "kind", flat=True
        )
    )
    assert kinds == {"presolo_knowledge", "presolo_flight"}
    assert CourseSnapshot.objects.filter(course__slug=COURSE).values("day").distinct().count() == 7
    assert CourseTemplate.objects.filter(is_active=True).count() == 2

    page = client.get(f"/instructors/{profile.slug}/")
    assert page.status_code == 200
    assert "3456789CFI" not in page.content.decode()

    before = counts()
    with commit():
        call_command("load_demo", stdout=StringIO())
    assert counts() == before

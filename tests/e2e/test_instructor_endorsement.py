"""An instructor opens a student's page in the Wagtail admin, sees the student's weakest
ACS element (a quiz answer they got wrong), writes an endorsement signed with their
password, and the student then finds it on their own endorsements page."""

from django.utils import timezone

import pytest
from playwright.sync_api import expect

from accounts.factories import TEST_PASSWORD, UserFactory
from learning.acs.factories import make_tree
from learning.assessments.factories import make_assessment, single
from learning.assessments.models import Attempt, AttemptAnswer
from learning.courses.factories import build_course, make_catalog
from learning.courses.models import CourseInstructor
from learning.enrollments.factories import enroll
from learning.instructors.endorsements.factories import cfi_profile
from learning.instructors.factories import credit

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


@pytest.fixture
def cast():
    make_tree()
    course = build_course(make_catalog(), title="Private Pilot Checkride")
    course.acs_standard = "FAA-S-ACS-6C"
    course.save_revision().publish()
    teacher = UserFactory(email="casey@example.test", first_name="Casey", last_name="Cfi")
    credit(teacher, course, CourseInstructor.Role.LEAD)
    cfi_profile(teacher, display_name="Casey Cfi")
    student = UserFactory(email="lee@example.test", first_name="Lee", last_name="Learner")
    enroll(student, course)
    quiz = make_assessment(questions=[{**single("Who may solo?", "A", "B"), "acs": "PA.I.A.K1"}])
    attempt = Attempt.objects.create(
        user=student,
        assessment=quiz,
        attempt_number=1,
        submitted_at=timezone.now(),
        percentage=0,
        passed=False,
    )
    AttemptAnswer.objects.create(attempt=attempt, question=quiz.questions.get(), is_correct=False)
    return student


def log_in(page, url, email):
    page.goto(url)
    page.get_by_label("Email").fill(email)
    page.get_by_label("Password").fill(TEST_PASSWORD)
    page.get_by_role("button", name="Log in").click()


def test_instructor_endorses_a_student_who_then_sees_it(page, cast):
    student_page = f"/admin/instructors/students/{cast.pk}/"
    log_in(page, f"/accounts/login/?next={student_page}", "casey@example.test")
    expect(page.get_by_role("heading", name="Weakest ACS elements")).to_be_visible()
    weak = page.locator("section[aria-labelledby=student-weak]")
    expect(weak.get_by_role("row", name="PA.I.A.K1")).to_contain_text("1 quiz answer wrong")

    page.get_by_role("link", name="Write an endorsement").click()
    kind = page.get_by_label("Endorsement")
    kind.select_option(label="Pre-solo aeronautical knowledge")
    page.get_by_role("button", name="Continue").click()
    page.get_by_label("Aircraft make and model").fill("Cessna 172S")
    page.get_by_role("button", name="Update preview").click()
    preview = page.get_by_test_id("endorsement-preview")
    expect(preview).to_contain_text("Lee Learner has satisfactorily completed the pre-solo")
    expect(preview).to_contain_text("Cessna 172S")
    page.get_by_label("Your signature: type your name").fill("Casey Cfi")
    page.get_by_label("Your current password").fill(TEST_PASSWORD)
    page.get_by_role("button", name="Sign endorsement").click()
    expect(page.get_by_text("Signed: Pre-solo aeronautical knowledge")).to_be_visible()

    page.context.clear_cookies()
    log_in(page, "/accounts/login/?next=/endorsements/", "lee@example.test")
    row = page.get_by_test_id("endorsement")
    expect(row).to_contain_text("Pre-solo aeronautical knowledge")
    expect(row).to_contain_text("Casey Cfi")
    expect(row).to_contain_text("Valid")

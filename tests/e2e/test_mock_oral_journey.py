"""A learner rehearses the oral exam in Chromium: plan a mock oral on one area, reveal the
key points, grade every question, finish, and read the score."""

import re

import pytest
from playwright.sync_api import expect

from accounts.factories import TEST_PASSWORD, UserFactory
from learning.acs.factories import make_tree
from learning.acs.models import AcsElement
from learning.orals.models import MockOralSection, MockOralSession, OralQuestion

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


@pytest.fixture
def oral_bank():
    standard = make_tree(areas=2, tasks=1, knowledge=2, risks=1, skills=0)
    for element in AcsElement.objects.all():
        question = OralQuestion.objects.create(
            prompt=f"Tell me about {element.code}.",
            key_points=f"Key point for {element.code}\nAnother point",
        )
        question.elements.add(element)
    area = standard.areas.get(numeral="I")
    section = MockOralSection.objects.create(standard=standard, name="Area I drill")
    section.tasks.set(area.tasks.all())
    return UserFactory(email="olive@example.test", first_name="Olive", last_name="Oral")


def log_in(page, email):
    page.goto("/accounts/login/")
    page.get_by_label("Email").fill(email)
    page.get_by_label("Password").fill(TEST_PASSWORD)
    page.get_by_role("button", name="Log in").click()
    page.wait_for_url("**/")


def test_mock_oral_journey(page, oral_bank):
    log_in(page, oral_bank.email)
    page.goto("/orals/")
    page.get_by_label("Area I drill").check()
    page.get_by_label("Duration").select_option("15")
    page.get_by_role("button", name="Start the mock oral").click()
    expect(page.get_by_text(re.compile(r"Question 1 of \d+"))).to_be_visible()
    total = MockOralSession.objects.get(user=oral_bank).items.count()
    for number in range(1, total + 1):
        expect(page.get_by_text(f"Question {number} of {total}")).to_be_visible()
        page.get_by_text("Reveal key points").click()
        expect(page.get_by_text(re.compile(r"^Key point for PA\.I\."))).to_be_visible()
        grade = "Unsatisfactory" if number == 1 else "Satisfactory"
        page.get_by_role("button", name=grade, exact=True).click()
    expect(page.get_by_text(re.compile(r"0 elements ungraded"))).to_be_visible()
    page.get_by_role("button", name="Finish and see the result").click()
    expected = round(100 * (total - 1) / total)
    expect(page.get_by_test_id("score")).to_have_text(f"Score: {expected}%")
    expect(page.get_by_role("link", name="Study your Oral review deck")).to_be_visible()

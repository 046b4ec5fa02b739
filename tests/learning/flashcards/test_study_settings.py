"""The study settings page: validation, saving and returning to default parameters."""

import datetime

from django.utils import timezone

import pytest

from learning.flashcards import services
from learning.flashcards.models import StudySettings

SETTINGS = "/flashcards/settings/"
VALID = {
    "desired_retention": "0.85",
    "new_per_day": "15",
    "reviews_per_day": "150",
    "learning_steps": "1m  10m 1h",
    "relearning_steps": "10m",
    "rollover_hour": "3",
    "review_order": "due",
}


def test_settings_are_saved(signed_in, learner):
    response = signed_in.post(SETTINGS, VALID)
    assert response.status_code == 302
    settings = StudySettings.objects.get(user=learner)
    assert settings.desired_retention == pytest.approx(0.85)
    assert (settings.new_per_day, settings.rollover_hour) == (15, 3)
    assert settings.learning_steps == "1m 10m 1h"
    assert "Your study settings are saved." in signed_in.get(SETTINGS).content.decode()


@pytest.mark.parametrize(
    ("name", "value", "message"),
    [
        ("desired_retention", "0.99", "less than or equal to 0.97"),
        ("desired_retention", "abc", "Enter a number"),
        ("learning_steps", "10 minutes", "is not a step"),
        ("learning_steps", "", "This field is required"),
        ("learning_steps", "0m", "is not a step"),
        ("relearning_steps", "1m " * 9, "at most 8 steps"),
        ("rollover_hour", "24", "less than or equal to 23"),
        ("new_per_day", "99999999999999999999", "less than or equal to"),
        ("new_per_day", "-1", "greater than or equal to 0"),
        ("learning_steps", "1m\x00", "Null characters"),
        ("review_order", "alphabetical", "Select a valid choice"),
    ],
)
def test_bad_settings_are_400_with_the_reason(signed_in, learner, name, value, message):
    response = signed_in.post(SETTINGS, {**VALID, name: value})
    assert response.status_code == 400
    assert message in response.content.decode()
    assert services.study_settings_for(learner).new_per_day == 20


def test_review_limit_and_order_options_are_saved(signed_in, learner):
    page = signed_in.get(SETTINGS).content.decode()
    assert "New cards ignore the review limit" in page
    assert "Shuffled (the same order all day)" in page
    form = {**VALID, "new_ignore_review_limit": "on", "review_order": "shuffled"}
    assert signed_in.post(SETTINGS, form).status_code == 302
    settings = StudySettings.objects.get(user=learner)
    assert (settings.new_ignore_review_limit, settings.review_order) == (True, "shuffled")
    assert signed_in.post(SETTINGS, VALID).status_code == 302
    settings.refresh_from_db()
    assert (settings.new_ignore_review_limit, settings.review_order) == (False, "due")


def test_returning_to_default_parameters(signed_in, learner):
    settings = services.study_settings_for(learner)
    settings.parameters = [0.3] * 21
    settings.parameters_optimized_at = timezone.now() - datetime.timedelta(days=2)
    settings.parameters_review_count = 812
    settings.save()
    page = signed_in.get(SETTINGS).content.decode()
    assert "from 812 reviews" in page
    signed_in.post("/flashcards/settings/default-parameters/")
    settings.refresh_from_db()
    assert (settings.parameters, settings.parameters_optimized_at) == ([], None)
    assert settings.parameters_review_count is None
    assert "FSRS uses its default parameters" in signed_in.get(SETTINGS).content.decode()


def test_settings_need_a_verified_learner(client):
    response = client.get(SETTINGS)
    assert (response.status_code, response["Location"]) == (
        302,
        f"/accounts/login/?next={SETTINGS}",
    )
    posted = client.post("/flashcards/settings/default-parameters/")
    assert posted.status_code == 302
    assert posted["Location"].startswith("/accounts/login/?next=")


def test_settings_are_per_learner(signed_in, learner, other_learner):
    signed_in.post(SETTINGS, VALID)
    assert services.study_settings_for(other_learner).new_per_day == 20

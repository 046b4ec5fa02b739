"""The demo covers ACS task PA.I.C (Weather Information) and PA.I.A (Pilot Qualifications)
the way the examiner uses them.

The 6C notes on PA.I.C say the evaluator assesses at least three sub-elements of K2 (the
weather products) and of K3 (the meteorology), chosen by the evaluator, so a mock oral
that leaves any of them out lets a learner walk into the checkride unprepared for the one
picked. The same holds for every element of Pilot Qualifications. The new weather lesson
is what a learner reads for the products the module lacked: PIREPs, the winds and
temperatures aloft forecast (FB), the GFA, convective outlooks and center weather
advisories.
"""

import json
import re

import pytest

from accounts.models import User
from demo.words import DATA
from learning.courses.models import LessonPage
from learning.orals.models import OralQuestion

STANDARD = DATA.parent.parent / "learning" / "acs" / "data" / "FAA-S-ACS-6C.json"
WEATHER_SUB_ELEMENT = re.compile(r"^PA\.I\.C\.K[23][a-z]$")
PILOT_QUALIFICATIONS = re.compile(r"^PA\.I\.A\.[KRS]\d+$")

pytestmark = pytest.mark.django_db


def codes_of_6c(pattern):
    """The current element codes of the shipped 6C standard that match `pattern`."""
    found = set()
    for area in json.loads(STANDARD.read_text(encoding="utf-8"))["areas"]:
        for task in area["tasks"]:
            found.update(code for code, text in task["elements"] if pattern.match(code))
    return found


def asked_codes():
    """Element codes that at least one active oral question of the loaded demo asks."""
    return set(OralQuestion.objects.filter(is_active=True).values_list("elements__code", flat=True))


def page_text(client, lesson):
    response = client.get(lesson.url)
    assert response.status_code == 200, lesson.url
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", response.content.decode()))


def test_the_standard_lists_the_sub_elements_the_notes_refer_to():
    weather = codes_of_6c(WEATHER_SUB_ELEMENT)
    assert {"PA.I.C.K2a", "PA.I.C.K2g", "PA.I.C.K3a", "PA.I.C.K3l"} <= weather
    assert len(weather) == 19  # K2a-g and K3a-l
    assert {"PA.I.A.K5", "PA.I.A.R2", "PA.I.A.S1"} <= codes_of_6c(PILOT_QUALIFICATIONS)


def test_every_weather_product_and_meteorology_sub_element_has_an_oral_question(demo_content):
    missing = codes_of_6c(WEATHER_SUB_ELEMENT) - asked_codes()
    assert missing == set()


def test_every_pilot_qualifications_element_has_an_oral_question(demo_content):
    missing = codes_of_6c(PILOT_QUALIFICATIONS) - asked_codes()
    assert missing == set()


def test_the_winds_aloft_question_decodes_light_and_variable_and_the_freezing_level(
    demo_content,
):
    question = OralQuestion.objects.get(prompt__contains="ICT 9900")
    assert "9900 is light and variable" in question.key_points
    assert "about 12,500 ft" in question.key_points
    assert set(question.elements.values_list("code", flat=True)) >= {
        "PA.I.C.K2e",
        "PA.I.C.K3i",
    }


def test_the_basicmed_question_states_the_2024_limits(demo_content):
    question = OralQuestion.objects.get(prompt__contains="BasicMed")
    for figure in ("7 occupants", "12,500 lb", "6 passengers", "18,000 ft MSL", "250 KIAS"):
        assert figure in question.key_points
    assert "48 months" in question.key_points
    assert "24 calendar months" in question.key_points


def test_the_pireps_and_winds_aloft_lesson_teaches_both_products(client, demo_content):
    lesson = LessonPage.objects.live().get(slug="pireps-and-winds-aloft")
    client.force_login(User.objects.get(email="premium@demo.test"))
    text = page_text(client, lesson)
    for phrase in (
        "PIREP",
        "UUA",
        "winds and temperatures aloft forecast (FB)",
        "9900",
        "within 1,500 ft",
        "within 2,500 ft",
        "always negative",
    ):
        assert phrase in text, phrase
    tagged = set(lesson.acs_elements.values_list("code", flat=True))
    assert tagged >= {"PA.I.C.K2a", "PA.I.C.K2e"}


def test_the_advisories_lesson_covers_gfa_outlooks_and_cwa(client, demo_content):
    lesson = LessonPage.objects.live().get(slug="gfa-outlooks-and-advisories")
    client.force_login(User.objects.get(email="premium@demo.test"))
    text = page_text(client, lesson)
    for phrase in (
        "Graphical Forecasts for Aviation (GFA)",
        "area forecast (FA)",
        "ceiling and visibility analysis (CVA)",
        "Convective outlooks",
        "Storm Prediction Center",
        "Center weather advisory (CWA)",
        "Center Weather Service Unit",
        "up to 2 hours",
        "G-AIRMET Zulu",
        "Convective SIGMET",
    ):
        assert phrase in text, phrase
    tagged = set(lesson.acs_elements.values_list("code", flat=True))
    assert tagged >= {"PA.I.C.K2b", "PA.I.C.K2d", "PA.I.C.K2f", "PA.I.C.K2g"}


def test_a_registered_learner_sees_the_premium_advisories_lesson_outline_only(client, demo_content):
    lesson = LessonPage.objects.live().get(slug="gfa-outlooks-and-advisories")
    client.force_login(User.objects.get(email="learner@demo.test"))
    text = page_text(client, lesson)
    assert "GFA, convective outlooks and in-flight advisories" in text
    assert "Center Weather Service Unit" not in text

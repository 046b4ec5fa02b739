"""ACS codes in the demo content point at the FAA-S-ACS-6C task or element they mean.

A learner files what the examiner asked under the code they read in a lesson, a quiz or a
gouge report, so a code for the wrong task (a short-field landing filed as the short-field
takeoff, PA.IV.E) misleads them. The standard's text ships with the site
(learning/acs/data/FAA-S-ACS-6C.json); the demo's card tags are checked through the real
loaders, since a card takes the codes of its first matching tag.
"""

import json
import re
from io import StringIO

import pytest

from demo.loaders import accounts, acs, acs_tags, courses, flashcards
from demo.words import DATA
from learning.courses.models import CoursePage
from learning.flashcards.models import Flashcard

from .test_regulatory_facts import every_text, load

STANDARD = DATA.parent.parent / "learning" / "acs" / "data" / "FAA-S-ACS-6C.json"
CODE = re.compile(r"\bPA\.[IVX]+(?:\.[A-Z](?:\.[KRS]\d+[a-z]?)?)?")

# What an applicant writes in a gouge report, and the 6C task it is.
MANEUVERS = {
    "short-field landing": "PA.IV.F",
    "forward slip to a landing": "PA.IV.M",
    "soft-field takeoff": "PA.IV.C",
    "steep turns": "PA.V.A",
    "diversion": "PA.VI.C",
    "go-around": "PA.IV.N",
    "slow flight": "PA.VII.A",
    "emergency descent": "PA.IX.A",
}


def standard():
    """{code: title or element text} for every area, task and current element of 6C."""
    found = {}
    for area in json.loads(STANDARD.read_text(encoding="utf-8"))["areas"]:
        for task in area["tasks"]:
            code = f"PA.{area['numeral']}.{task['letter']}"
            found[code] = task["title"]
            for element, text in task["elements"]:
                if text != "[Archived]":
                    found[element] = text
    return found


def test_every_code_quoted_in_the_demo_content_is_current_in_6c():
    codes = standard()
    quoted = {(name, code) for name, text in every_text() for code in CODE.findall(text)}
    assert quoted
    assert {(name, code) for name, code in quoted if code not in codes} == set()


def test_task_titles_quoted_in_course_descriptions_match_their_codes():
    codes = standard()
    course = load(DATA / "courses" / "private-pilot-checkride-prep" / "course.json")
    pattern = r"Area of Operation (\w+), Tasks? (\w)(?: and (\w))? \(([^)]*)\)"
    named = re.findall(pattern, str(course))
    assert named
    for area, first, second, titles in named:
        letters = [letter for letter in (first, second) if letter]
        assert [codes[f"PA.{area}.{letter}"] for letter in letters] == titles.split("; ")


def test_gouge_reports_file_each_maneuver_under_its_own_task():
    reports = load(DATA / "gouge" / "reports.json")
    for report in [*reports["approved"], reports["pending"]]:
        fields = report["fields"]
        said = fields["what_came_up"].lower()
        filed = {code.strip() for code in fields["acs_codes"].split(",")}
        assert "power-off 180" not in said  # a Commercial task (CA.IV), not on a Private ride
        for maneuver, task in MANEUVERS.items():
            if maneuver in said:
                assert task in filed, (maneuver, fields["checkride_date"])
        assert "PA.IV.E" not in filed or "short-field takeoff" in said


@pytest.mark.django_db
def test_demo_cards_are_tagged_with_the_element_that_covers_them():
    out = StringIO()
    for loader in (accounts, courses, acs):
        loader.load(out)
    flashcards.upsert_deck(CoursePage.objects.get(slug=flashcards.COURSE_SLUG))
    acs_tags.load(out)

    def tagged(key):
        card = Flashcard.objects.get(source_key=f"demo:{key}")
        return sorted(card.acs_elements.values_list("code", flat=True))

    assert tagged("docs-pilot") == ["PA.I.A.K4"]  # documents to exercise privileges
    assert tagged("docs-arrow") == ["PA.I.B.K1a"]  # required aircraft certificates
    assert tagged("currency-night") == ["PA.I.A.K1", "PA.XI.A.R5"]  # not night equipment
    assert tagged("medical-third") == ["PA.I.A.K3"]
    assert tagged("transponder-codes") == ["PA.III.A.K4"]
    assert tagged("light-steady-green") == ["PA.III.A.K3"]
    assert tagged("wx-min-g-mid") == ["PA.I.E.K1", "PA.I.E.S1"]
    assert tagged("svfr") == ["PA.I.E.K4"]

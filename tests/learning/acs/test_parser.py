"""The ACS text parser on small pages shaped like pypdf's output of the FAA's PDF:
drop capitals, running headers, lines and elements wrapping across pages, sub-elements,
notes, the table of contents and the lists of added and removed codes."""

import datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from learning.acs.importer import AcsParseError, parse_pages
from learning.acs.importer.parser import join_lines

HEADER = "Private Pilot for Airplane Category ACS (FAA-S-ACS-6C)"


def page(*lines):
    """Page text as pypdf gives it: one line per string, trailing spaces kept."""
    return "\n".join(lines)


COVER = page(
    "Private Pilot for Airplane Category ",
    "Airman Certification Standards",
    "FAA-S-ACS-6C",
    "Flight Standards Service",
    "November 2023",
)
FRONT = page(
    HEADER,
    "iii",
    "Major Enhancements to FAA-S-ACS-6C",
    "• The following ACS codes have been added:",
    "• The following ACS codes have been removed and archived. Please see the companion guide.",
    "PA.I.A.K9",
    "PA.I.A.R3",
    "• Legends have been added to the Additional Ratings Task Tables.",
    "PA.I.A.K2 ",
    "PA.I.B.K1a",
)
CONTENTS = page(
    HEADER,
    "iv",
    "Area of Operation I.  Preflight Preparation",
    "Task A.  Pilot Qualifications ..............................2",
    "Task B.  A Title That Wraps In The Table Of Contents During Straight-",
    "and-Level Flight ..............................3",
    "Table of Contents",
)
BODY_1 = page(
    HEADER,
    "2",
    "Area of Operation I.  Preflight Preparation",
    "Area of Operation I.  Preflight Preparation",
    "Task A.  Pilot Qualifications",
    "eferences: R 14 CFR parts 61, 68, 91; AC 68-1; FAA-H-8083-2, ",
    "FAA-H-8083-25",
    "bjective: O To determine the applicant exhibits satisfactory knowledge, risk "
    "management, and skills associated ",
    "with airman and medical certificates including operating as pilot-in-",
    "command as a private pilot.",
    "ote: N If K2 is selected, the evaluator must assess at least three ",
    "sub-elements.",
    "Knowledge: The applicant demonstrates understanding of:",
    "PA.I.A.K1 Certification requirements, recent flight experience, and recordkeeping.",
    "PA.I.A.K2 Weather products such as:",
    "PA.I.A.K2a a. Airport Observations (METAR and SPECI) and Pilot ",
    "Observations (PIREP)",
    "PA.I.A.K2b b. Surface Analysis Chart",
    "Risk ",
    "Management: The applicant is able to identify, assess, and mitigate risk associated with:",
    "PA.I.A.R1 Proficiency versus currency.",
    "PA.I.A.R2 Flying unfamiliar aircraft or operating with unfamiliar flight display systems and ",
)
BODY_2 = page(
    HEADER,
    "3",
    "Area of Operation I.  Preflight Preparation",
    "avionics.",
    "PA.I.A.R3 [Archived]",
    "Skills: The applicant exhibits the skill to:",
    "PA.I.A.S1 Apply requirements to act as pilot-in-command (PIC) under Visual Flight "
    "Rules (VFR) in a scenario ",
    "given by the evaluator.",
    "Area of Operation II.  Night Operations",
    "Task A.  Night Operations",
    "eferences: R AIM",
    "bjective: O To determine knowledge.",
    "Knowledge: The applicant demonstrates understanding of:",
    "PA.II.A.K1 Physiological aspects of vision related to night flying.",
    "Skills: The applicant exhibits the skill to:",
    "[Intentionally left blank].",
    HEADER,
)
APPENDIX = page(
    HEADER,
    "66",
    "Appendix 1: Practical Test Roles, Responsibilities, and Outcomes",
    "For example, an evaluator who chooses PA.I.H.K1 may select a sub-element.",
    "Task A. Maneuvering During Slow Flight",
    "PA.I.A.K7 Not an element: the appendix quotes codes.",
)
PAGES = [COVER, FRONT, CONTENTS, BODY_1, BODY_2, APPENDIX]


@pytest.fixture(scope="module")
def parsed():
    return parse_pages(PAGES)


def element(parsed, code):
    return next(element for element in parsed.elements if element.code == code)


def test_standard_details_come_from_the_cover(parsed):
    assert parsed.code == "PA"
    assert parsed.document_id == "FAA-S-ACS-6C"
    assert parsed.title == "Private Pilot for Airplane Category Airman Certification Standards"
    assert parsed.revision_date == datetime.date(2023, 11, 1)


def test_only_body_tasks_count_not_the_contents_or_appendix(parsed):
    assert [(area.numeral, area.title) for area in parsed.areas] == [
        ("I", "Preflight Preparation"),
        ("II", "Night Operations"),
    ]
    assert [task.code for task in parsed.tasks] == ["PA.I.A", "PA.II.A"]
    assert "PA.I.A.K7" not in {element.code for element in parsed.elements}


def test_drop_caps_and_wrapped_task_text(parsed):
    task = parsed.tasks[0]
    assert task.title == "Pilot Qualifications"
    assert task.references == "14 CFR parts 61, 68, 91; AC 68-1; FAA-H-8083-2, FAA-H-8083-25"
    assert task.objective == (
        "To determine the applicant exhibits satisfactory knowledge, risk management, and "
        "skills associated with airman and medical certificates including operating as "
        "pilot-in-command as a private pilot."
    )


def test_elements_keep_order_kind_and_complete_text(parsed):
    codes = [element.code for element in parsed.tasks[0].elements]
    assert codes == [
        "PA.I.A.K1", "PA.I.A.K2", "PA.I.A.K2a", "PA.I.A.K2b",
        "PA.I.A.R1", "PA.I.A.R2", "PA.I.A.R3", "PA.I.A.S1",
    ]  # fmt: skip
    assert [element.order for element in parsed.tasks[0].elements] == list(range(1, 9))
    assert element(parsed, "PA.I.A.R1").kind == "R"
    assert element(parsed, "PA.I.A.S1").text == (
        "Apply requirements to act as pilot-in-command (PIC) under Visual Flight Rules (VFR) "
        "in a scenario given by the evaluator."
    )


def test_an_element_wrapping_across_a_page_break_skips_the_running_header(parsed):
    assert element(parsed, "PA.I.A.R2").text == (
        "Flying unfamiliar aircraft or operating with unfamiliar flight display systems and "
        "avionics."
    )


def test_sub_elements_drop_their_letter_and_know_their_parent(parsed):
    k2a = element(parsed, "PA.I.A.K2a")
    assert (k2a.parent_code, k2a.kind) == ("PA.I.A.K2", "K")
    assert k2a.text == "Airport Observations (METAR and SPECI) and Pilot Observations (PIREP)"
    assert element(parsed, "PA.I.A.K2").parent_code == ""


def test_notes_and_blank_skills_are_not_element_text(parsed):
    assert element(parsed, "PA.I.A.K1").text == (
        "Certification requirements, recent flight experience, and recordkeeping."
    )
    assert all("sub-elements." not in element.text for element in parsed.elements)
    assert element(parsed, "PA.II.A.K1").text.endswith("night flying.")
    assert [element.kind for element in parsed.tasks[1].elements] == ["K"]


def test_archived_codes_from_the_body_and_the_removed_list(parsed):
    assert element(parsed, "PA.I.A.R3").archived
    assert not element(parsed, "PA.I.A.R2").archived
    assert parsed.removed_codes == ["PA.I.A.K9", "PA.I.A.R3"]  # not the "added" codes


def test_a_document_without_an_acs_number_is_refused():
    with pytest.raises(AcsParseError, match="no FAA-S-ACS- document number"):
        parse_pages(["Quarterly report\nRevenue grew.", "Page two"])


def test_an_acs_number_without_areas_is_refused():
    with pytest.raises(AcsParseError, match="no Areas of Operation"):
        parse_pages([COVER, FRONT, CONTENTS])


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ("PA.I.B.K1 Under the wrong task.", "printed under another task"),
        ("PA.I.A.K1 Printed again.", "printed twice"),
        ("PA.I.A.S1a a. Orphan sub-element", "comes before its element"),
    ],
)
def test_inconsistent_element_codes_are_refused(line, message):
    broken = BODY_1.replace("PA.I.A.R1 Proficiency versus currency.", line)
    with pytest.raises(AcsParseError, match=message):
        parse_pages([COVER, FRONT, CONTENTS, broken, BODY_2])


def test_no_pages_is_refused():
    with pytest.raises(AcsParseError):
        parse_pages([])


def test_join_lines_mends_words_broken_at_a_hyphen():
    assert (
        join_lines(["Single-", "Pilot Resource Management"]) == "Single-Pilot Resource Management"
    )
    assert join_lines(["altitude +0/-", "10 knots"]) == "altitude +0/- 10 knots"
    assert join_lines(["  a ", "", "b  "]) == "a b"


words = st.text(alphabet="abcdefghijklmnopqrstuvwxyzABC(),.;0123456789", min_size=1, max_size=12)


@given(st.lists(words, min_size=1, max_size=40), st.data())
def test_join_lines_undoes_any_wrapping_between_words(word_list, data):
    """However pypdf wraps a sentence (trailing spaces included), joining restores it."""
    breaks = data.draw(st.sets(st.integers(1, max(1, len(word_list) - 1))))
    lines, current = [], []
    for index, word in enumerate(word_list):
        if index in breaks and current:
            lines.append(" ".join(current) + data.draw(st.sampled_from(["", " "])))
            current = []
        current.append(word)
    lines.append(" ".join(current))
    assert join_lines(lines) == " ".join(word_list)


def test_nul_bytes_and_runaway_headings_do_not_reach_the_tables():
    body = BODY_1.replace("Proficiency versus", "Proficiency\x00 versus")
    prose = page(HEADER, "5", "Task Z.  Not a heading", *["prose " * 12] * 4, "eferences: R AIM")
    parsed = parse_pages([COVER, FRONT, CONTENTS, body, prose, BODY_2])
    assert element(parsed, "PA.I.A.R1").text == "Proficiency versus currency."
    assert [task.code for task in parsed.tasks] == ["PA.I.A", "PA.II.A"]

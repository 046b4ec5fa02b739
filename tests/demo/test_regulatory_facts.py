"""Regulatory numbers in the demo content that a student pilot will rely on, pinned so a
later edit cannot bring back an outdated or wrong figure. Each test names its source.

BasicMed: the FAA's final rule of 18 November 2024 (89 FR 90572, carrying out section
828 of the FAA Reauthorization Act of 2024) allows aircraft of up to 7 occupants and a
maximum certificated takeoff weight of 12,500 lb, with up to 6 passengers; the pilot
holds a U.S. driver's license (14 CFR 61.23(c)(3)) and keeps the course certificate in
the logbook (14 CFR 68.3(b)(1)).
"""

import json
import re

from demo.words import DATA

COURSE = DATA / "courses" / "private-pilot-checkride-prep"
REGULATIONS = COURSE / "regulations-and-the-pilot-in-command.json"


def plain(html):
    return re.sub(r"<[^>]+>", "", html)


def texts(value):
    """Every string inside a JSON value."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from texts(item)
    elif isinstance(value, list):
        for item in value:
            yield from texts(item)


def load(path):
    return json.loads(path.read_text(encoding="utf-8"))


def every_text():
    """(file name, plain text) for every string in every demo data file."""
    for path in sorted(DATA.rglob("*.json")):
        for text in texts(load(path)):
            yield path.name, plain(text)


def card(key):
    (found,) = [c for c in load(DATA / "flashcards" / "deck.json")["cards"] if c["key"] == key]
    return found


def oral(code):
    (found,) = [q for q in load(DATA / "orals" / "questions.json") if q["codes"][0] == code]
    return found


def oral_text(code):
    question = oral(code)
    return " ".join([question["prompt"], *question["key_points"], question["reference"]])


def lesson_texts(path):
    return [plain(text) for text in texts(load(path))]


def one_text(path, marker):
    (found,) = [text for text in lesson_texts(path) if marker in text]
    return found


def test_basicmed_limits_are_the_2024_ones():
    basicmed = one_text(REGULATIONS, "BasicMed (14 CFR")
    for figure in ("7 occupants", "12,500 lb", "6 passengers", "18,000 ft MSL", "250 KIAS"):
        assert figure in basicmed
    assert "6,000" not in basicmed
    assert "5 passengers" not in basicmed
    assert "driver's license" in basicmed


def test_basicmed_exam_is_48_months_to_the_day_and_the_course_24_calendar_months():
    """61.23(c)(3)(i): the physician's exam within the previous 48 months (not calendar
    months, so it lapses on the day), the course within the previous 24 calendar months."""
    basicmed = one_text(REGULATIONS, "BasicMed (14 CFR")
    assert "within the previous 48 months" in basicmed
    assert "48 calendar months" not in basicmed
    assert "within the previous 24 calendar months" in basicmed


def test_no_demo_text_says_basicmed_pilots_carry_anything_but_a_drivers_license():
    back = card("docs-pilot")["back"]
    assert "U.S. driver's license" in back
    assert "BasicMed documents" not in back


def test_taf_change_groups_are_the_ones_the_national_weather_service_uses():
    """U.S. TAFs use FM, TEMPO and PROB30 only (AIM 7-1: the NWS does not use PROB40);
    BECMG and PROB40 appear only in military and foreign TAFs."""
    for name, text in every_text():
        assert "PROB40" not in text, name
        assert "BECMG" not in text, name
    taf = card("taf-groups")["back"]
    assert "FM151500: from 1500 UTC on the 15th" in taf
    for group in ("TEMPO", "PROB30"):
        assert group in taf
    for name, text in every_text():
        if text.startswith("TAF "):
            for line in text.splitlines()[1:]:
                group = re.match(r"\s*([A-Z]+\d*?)(?:\d{6})?\s", line).group(1)
                assert group in {"FM", "TEMPO", "PROB30"}, (name, line)


def test_the_prob30_window_is_converted_to_pacific_daylight_time():
    """PROB30 1516/1520 is 1600 to 2000 UTC on the 15th; PDT is UTC minus 7 hours."""
    weather = COURSE / "weather.json"
    (forecast,) = [t for t in lesson_texts(weather) if t.startswith("TAF KPDX")]
    start, end = re.search(r"PROB30 15(\d\d)/15(\d\d)", forecast).groups()
    local = f"{int(start) - 7:02d}00 to {int(end) - 7:02d}00 PDT"
    assert any(local in text for text in lesson_texts(weather))
    assert not any("chance of showers in the afternoon" in t for t in lesson_texts(weather))


def test_maneuvering_speed_protects_one_full_input_in_one_axis_only():
    """FAA SAIB CE-11-17: below VA a single control may be moved once, fully, in one axis;
    repeated or multi-axis inputs can overstress the airplane. VA falls with weight."""
    back = card("va")["back"]
    for words in ("single control, in one axis", "repeated or alternating", "more than one axis"):
        assert words in back
    assert "SAIB CE-11-17" in back
    assert "decreases as weight decreases" in back


def test_class_e_floors_agree_between_the_card_and_the_oral_question():
    """AIM 3-2-6 and the Chart User's Guide: 1,200 ft AGL unless charted; magenta
    vignette 700 ft AGL; a blue vignette or staircase line marks a higher floor."""
    for text in (card("class-e")["back"], oral_text("PA.I.E.K2")):
        for words in ("1,200", "700", "magenta vignette", "blue vignette", "staircase", "14,500"):
            assert words in text
    assert "shaded blue edge" not in oral_text("PA.I.E.K2")


def test_the_91_155_memory_aid_includes_class_g_above_1200_ft_by_day():
    aid = one_text(COURSE / "airspace.json", "Learn the exceptions")
    assert "Class G by day, where the visibility drops to 1 SM" in aid
    assert "500 below, 1,000 above, 2,000 horizontal above 1,200 ft AGL" in aid
    assert "91.155(b)(2)" in aid
    assert "Class G above 1,200 AGL and below 10,000 MSL, day: 1 statute mile" in (
        oral_text("PA.I.E.S1")
    )


def test_the_91_155_table_matches_the_regulation():
    """14 CFR 91.155(a), row by row."""
    (table,) = [
        block["value"]["table"]["data"]
        for lesson in load(COURSE / "airspace.json")
        for block in lesson["body"]
        if block["type"] == "table" and "91.155" in block["value"]["caption"]
    ]
    three_152 = ("3 SM", "500 ft below, 1,000 ft above, 2,000 ft horizontal")
    high = ("5 SM", "1,000 ft below, 1,000 ft above, 1 SM horizontal")
    assert {row[0]: tuple(row[1:]) for row in table[1:]} == {
        "Class B": ("3 SM", "Clear of clouds"),
        "Class C or D": three_152,
        "Class E below 10,000 ft MSL": three_152,
        "Class E at or above 10,000 ft MSL": high,
        "Class G, 1,200 ft AGL or less, day": ("1 SM", "Clear of clouds"),
        "Class G, 1,200 ft AGL or less, night": three_152,
        "Class G, above 1,200 ft AGL and below 10,000 ft MSL, day": ("1 SM", three_152[1]),
        "Class G, above 1,200 ft AGL and below 10,000 ft MSL, night": three_152,
        "Class G, above 1,200 ft AGL and at or above 10,000 ft MSL": high,
    }


def test_registration_lasts_7_years_for_old_and_new_certificates():
    """14 CFR 47.40 as amended effective 23 January 2023 (87 FR 71210): 7 years, and
    registrations valid that day were extended to 7 years from their issue."""
    mentions = [text for _name, text in every_text() if "7 years" in text and "egistration" in text]
    assert len(mentions) >= 2
    assert any("47.40" in text for text in mentions)
    for text in mentions:
        assert "23 January 2023" in text
    for name, text in every_text():
        assert "since January 2023" not in text, name
        assert "3 years" not in text, name


def test_koel_is_91_213_d_2_ii_and_the_summary_lists_all_four_exclusions():
    assert "91.213(d)(2)(ii)" in oral("PA.I.B.K3c")["reference"]
    assert "(d)(2)(iii)" not in oral("PA.I.B.K3c")["reference"]
    summary = one_text(REGULATIONS, "Flying with inoperative equipment.")
    for words in ("(i) part of the VFR-day type certification", "(ii) required by", "KOEL"):
        assert words in summary
    for words in ("(iii) required by 91.205", "(iv) required by an airworthiness directive"):
        assert words in summary
    decision = oral_text("PA.I.B.K3a")
    for paragraph in ("(d)(2)(i)", "(d)(2)(ii)", "(d)(2)(iii)", "(d)(2)(iv)"):
        assert paragraph in decision


def test_the_expired_elt_battery_answer_cites_91_207():
    (answer,) = [t for t in lesson_texts(REGULATIONS) if t.startswith("5. ")]
    for rule in ("91.207(c)", "91.207(f)(10)", "91.207(d)", "90 days", "ELT not installed"):
        assert rule in answer
    back = card("elt-207")["back"]
    for rule in ("91.207(c)", "91.207(d)", "91.207(f)(10)", "1 cumulative hour", "50%"):
        assert rule in back


def test_special_vfr_at_night_needs_an_instrument_qualified_pilot_and_ifr_airplane():
    """14 CFR 91.157(b)(4): between sunset and sunrise, the pilot meets the part 61
    instrument requirements (rating and 61.57(c) currency) and the airplane is equipped
    per 91.205(d); 91.157(a): never at the appendix D, section 3 airports."""
    statements = [
        card("svfr")["back"],
        oral_text("PA.I.E.K4"),
        one_text(COURSE / "airspace.json", "dashed magenta line around an airport"),
    ]
    for text in statements:
        for words in ("sunset and sunrise", "instrument", "61.57(c)", "IFR", "91.157(b)(4)"):
            assert words in text
        assert "appendix D, section 3" in text


def test_class_b_student_solo_bar_is_on_takeoffs_and_landings_at_section_4_airports():
    """14 CFR 91.131(b)(2) and part 91 appendix D, section 4: no student solo takeoffs or
    landings there; crossing a Class B solo needs the 61.95(a) endorsement."""
    quiz = load(DATA / "assessments" / "checkride.json")
    (explanation,) = [
        question["explanation"]
        for module in quiz["quizzes"]
        for question in module["questions"]
        if "student pilot may fly solo in Class B" in question["text"]
    ]
    statements = [
        explanation,
        card("class-b")["back"],
        oral_text("PA.I.E.K1"),
        one_text(COURSE / "airspace.json", "May a student pilot fly solo"),
    ]
    for text in statements:
        assert "appendix D, section 4" in text
        assert "takeoffs" in text
        assert "landings" in text
        assert "91.131(b)(2)" in text
    assert "61.95(a)" in explanation
    for name, text in every_text():
        assert "forbid student solo entirely" not in text, name


def test_warning_areas_oxygen_and_shoulder_harnesses_are_stated_as_the_rules_say():
    """AIM 3-4-4 (warning areas from 3 NM out, domestic or international waters);
    14 CFR 91.211(a) (cabin pressure altitude); 91.205(b)(14) (front seats, small
    airplanes manufactured after July 18, 1978)."""
    offshore = [text for _name, text in every_text() if "3 NM" in text and "coast" in text]
    assert len(offshore) >= 2
    for text in offshore:
        assert "domestic or international waters" in text
        assert "over international waters beyond" not in text
    oxygen = card("oxygen")["back"]
    assert oxygen.count("Cabin pressure altitude") == 3
    assert "more than 30 minutes" in oxygen
    harness = one_text(REGULATIONS, "shoulder harness for each front seat")
    assert "July 18, 1978" in harness
    assert "91.205(b)(14)" in harness

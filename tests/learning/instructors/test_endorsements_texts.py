"""The text of every endorsement kind, pinned word for word (AC 61-65 Appendix A as
rendered by endorsements/texts.py): a change here changes what instructors sign."""

import datetime

import pytest

from learning.instructors.endorsements import texts
from learning.instructors.models import Endorsement

Kind = Endorsement.Kind
SIGNED = {
    "signed_on": datetime.date(2026, 12, 3),
    "signature": "Casey Instructor",
    "cfi_number": "3456789CFI",
    "cfi_expiration": datetime.date(2027, 11, 30),
}
BLOCK = "/s/ 12-03-2026 Casey Instructor 3456789CFI Exp. 11-30-2027"
DETAILS = {
    "aircraft": "Cessna 172S",
    "category": "airplane",
    "test": "Private Pilot Airplane (PAR)",
    "departure": "KPAO",
    "destination": "KPAO",
    "route": "direct SNS",
    "landings": "KSNS, KPRB",
    "flight_date": "12-05-2026",
    "area": "San Francisco Class B",
    "airport": "Oakland International (KOAK)",
    "certificate": "Private Pilot Airplane Single-Engine Land",
    "limitations": "",
}
EXPECTED = {
    Kind.KNOWLEDGE_TEST: (
        "Knowledge test: 14 CFR 61.35(a)(1), 61.103(d) and 61.105.\n"
        "I certify that Lee Learner has received the required training in accordance with "
        "§ 61.105. I have determined that Lee Learner is prepared for the Private Pilot "
        "Airplane (PAR) knowledge test."
    ),
    Kind.PRESOLO_KNOWLEDGE: (
        "Pre-solo aeronautical knowledge: 14 CFR 61.87(b).\n"
        "I certify that Lee Learner has satisfactorily completed the pre-solo knowledge test "
        "of § 61.87(b) for the Cessna 172S aircraft."
    ),
    Kind.PRESOLO_FLIGHT: (
        "Pre-solo flight training: 14 CFR 61.87(c)(1) and (2).\n"
        "I certify that Lee Learner has received and logged pre-solo flight training for the "
        "maneuvers and procedures that are appropriate to the Cessna 172S aircraft. I have "
        "determined that Lee Learner has demonstrated satisfactory proficiency and safety on "
        "the maneuvers and procedures required by § 61.87 in this or a similar make and "
        "model of aircraft to be flown."
    ),
    Kind.SOLO_90_DAYS: (
        "Solo flight (each additional 90-day period): 14 CFR 61.87(n) and (p).\n"
        "I certify that Lee Learner has received the required training to qualify for solo "
        "flying. I have determined that Lee Learner meets the applicable requirements of "
        "§ 61.87(p) and is proficient to make solo flights in Cessna 172S."
    ),
    Kind.SOLO_CROSS_COUNTRY: (
        "Solo cross-country training: 14 CFR 61.93(c)(1).\n"
        "I certify that Lee Learner has received the required solo cross-country training. "
        "I find that Lee Learner has met the applicable requirements of § 61.93, and is "
        "proficient to make solo cross-country flights in a Cessna 172S aircraft, airplane."
    ),
    Kind.SOLO_XC_FLIGHT: (
        "Solo cross-country flight: 14 CFR 61.93(c)(2).\n"
        "I have reviewed the cross-country planning of Lee Learner. I find the planning and "
        "preparation to be correct to make the solo flight from KPAO to KPAO via direct SNS "
        "with landings at KSNS, KPRB in a Cessna 172S aircraft on 12-05-2026."
    ),
    Kind.CLASS_B_AIRSPACE: (
        "Solo flight in Class B airspace: 14 CFR 61.95(a).\n"
        "I certify that Lee Learner has received the required training of § 61.95(a). I have "
        "determined that Lee Learner is proficient to conduct solo flights in San Francisco "
        "Class B airspace."
    ),
    Kind.CLASS_B_AIRPORT: (
        "Solo takeoff and landing at a Class B airport: 14 CFR 61.95(b) and 91.131(b)(1).\n"
        "I certify that Lee Learner has received the required training of § 61.95(b)(1). I "
        "have determined that Lee Learner is proficient to conduct solo flight operations at "
        "Oakland International (KOAK)."
    ),
    Kind.PRACTICAL_TEST: (
        "Practical test prerequisites: 14 CFR 61.39(a)(6)(i) and (ii).\n"
        "I certify that Lee Learner has received and logged training time within 2 calendar "
        "months preceding the month of application in preparation for the practical test and "
        "Lee Learner is prepared for the required practical test for the issuance of Private "
        "Pilot Airplane Single-Engine Land certificate."
    ),
    Kind.PRIVATE_PRACTICAL: (
        "Private pilot practical test: 14 CFR 61.103(f), 61.107(b) and 61.109.\n"
        "I certify that Lee Learner has received the required training in accordance with "
        "§§ 61.107 and 61.109. I have determined that Lee Learner is prepared for the Private "
        "Pilot Airplane (PAR) practical test."
    ),
}


def test_every_kind_has_a_pinned_text():
    assert set(EXPECTED) == set(Kind)


@pytest.mark.parametrize("kind", list(Kind))
def test_text_of_each_kind(kind):
    text = texts.full_text(kind, "Lee Learner", DETAILS, **SIGNED)
    assert text == f"{EXPECTED[kind]}\n{BLOCK}"


def test_limitations_are_appended_when_given():
    details = {**DETAILS, "limitations": "Day VFR only; winds below 10 knots."}
    text = texts.body(Kind.CLASS_B_AIRSPACE, "Lee Learner", details)
    assert text.endswith(
        "San Francisco Class B airspace. Conditions or limitations: Day VFR only; winds "
        "below 10 knots."
    )


def test_signature_block_without_a_recent_experience_date():
    block = texts.signature_block(datetime.date(2026, 1, 2), "A B", "1234567CFI", None)
    assert block == "/s/ 01-02-2026 A B 1234567CFI"

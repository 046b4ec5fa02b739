"""The text of each endorsement Kind: our own rendering of the FAA's public-domain sample
endorsements, filled from the student's and the instructor's records.

Source: AC 61-65K, "Certification: Pilots and Flight and Ground Instructors" (issued
14 November 2025, replacing 61-65J), Appendix A. The K text itself was not in our
reference store, so the wording follows the AC 61-65J Appendix A samples (A.1, A.3, A.4,
A.7, A.9, A.10, A.14, A.15, A.32, A.33) as republished, checked against the current
14 CFR paragraphs they cite:

- 61.87(b) pre-solo knowledge test; 61.87(c)(1)-(2) pre-solo flight training;
  61.87(n) the 90-day solo limit and 61.87(p) the instructor's limits, which the
  "each additional 90 calendar-day period" sample (A.7) cites;
- 61.93(c)(1) the solo cross-country endorsement, 61.93(c)(2) each solo cross-country
  flight (the instructor reviewed the planning: route, landings, aircraft, date);
- 61.95(a) solo flight in a specific Class B area, 61.95(b) solo at an airport within
  Class B (with 14 CFR 91.131(b)(1));
- 61.39(a)(6)(i)-(ii) practical test prerequisites; 61.35(a)(1), 61.103(d) and 61.105
  the private pilot knowledge test; 61.103(f), 61.107(b) and 61.109 the private pilot
  practical test.

The signature block is the AC's: "/s/ [date] J. J. Jones 987654321CFI Exp. 12-31-19".
Since 1 December 2024 a flight instructor certificate carries no expiration date (14 CFR
61.19 as amended by 89 FR 80020); the date after "Exp." is the end of the instructor's
24-calendar-month recent-experience period (14 CFR 61.197), which is what 61-65J's
"certificate expiration date" now means. Pronouns are avoided by repeating the name.
"""

from dataclasses import dataclass

from learning.instructors.models import Endorsement

Kind = Endorsement.Kind


@dataclass(frozen=True)
class Field:
    """One detail the instructor fills in."""

    name: str
    label: str
    help: str = ""
    required: bool = True


AIRCRAFT = Field("aircraft", "Aircraft make and model", "For example Cessna 172S")
LIMITATIONS = Field(
    "limitations", "Conditions or limitations", "Leave empty if there are none", required=False
)


@dataclass(frozen=True)
class Spec:
    regulation: str
    fields: tuple
    template: str


SPECS = {
    Kind.KNOWLEDGE_TEST: Spec(
        "14 CFR 61.35(a)(1), 61.103(d) and 61.105",
        (Field("test", "Knowledge test", "For example Private Pilot Airplane (PAR)"),),
        "I certify that {student} has received the required training in accordance with "
        "§ 61.105. I have determined that {student} is prepared for the {test} knowledge test.",
    ),
    Kind.PRESOLO_KNOWLEDGE: Spec(
        "14 CFR 61.87(b)",
        (AIRCRAFT,),
        "I certify that {student} has satisfactorily completed the pre-solo knowledge test "
        "of § 61.87(b) for the {aircraft} aircraft.",
    ),
    Kind.PRESOLO_FLIGHT: Spec(
        "14 CFR 61.87(c)(1) and (2)",
        (AIRCRAFT,),
        "I certify that {student} has received and logged pre-solo flight training for the "
        "maneuvers and procedures that are appropriate to the {aircraft} aircraft. I have "
        "determined that {student} has demonstrated satisfactory proficiency and safety on "
        "the maneuvers and procedures required by § 61.87 in this or a similar make and "
        "model of aircraft to be flown.",
    ),
    Kind.SOLO_90_DAYS: Spec(
        "14 CFR 61.87(n) and (p)",
        (AIRCRAFT,),
        "I certify that {student} has received the required training to qualify for solo "
        "flying. I have determined that {student} meets the applicable requirements of "
        "§ 61.87(p) and is proficient to make solo flights in {aircraft}.",
    ),
    Kind.SOLO_CROSS_COUNTRY: Spec(
        "14 CFR 61.93(c)(1)",
        (AIRCRAFT, Field("category", "Aircraft category", "For example airplane")),
        "I certify that {student} has received the required solo cross-country training. "
        "I find that {student} has met the applicable requirements of § 61.93, and is "
        "proficient to make solo cross-country flights in a {aircraft} aircraft, {category}.",
    ),
    Kind.SOLO_XC_FLIGHT: Spec(
        "14 CFR 61.93(c)(2)",
        (
            Field("departure", "Departure airport", "For example KPAO"),
            Field("destination", "Returning to", "Usually the departure airport again"),
            Field("route", "Route of flight", "For example direct SNS V25 PRB"),
            Field("landings", "Landings at", "The airports, for example KPRB, KSNS"),
            AIRCRAFT,
            Field("flight_date", "Date of the flight", "For example 12-05-2026"),
            LIMITATIONS,
        ),
        "I have reviewed the cross-country planning of {student}. I find the planning and "
        "preparation to be correct to make the solo flight from {departure} to {destination} "
        "via {route} with landings at {landings} in a {aircraft} aircraft on "
        "{flight_date}.{limitations}",
    ),
    Kind.CLASS_B_AIRSPACE: Spec(
        "14 CFR 61.95(a)",
        (Field("area", "Class B airspace area", "For example San Francisco Class B"), LIMITATIONS),
        "I certify that {student} has received the required training of § 61.95(a). I have "
        "determined that {student} is proficient to conduct solo flights in {area} "
        "airspace.{limitations}",
    ),
    Kind.CLASS_B_AIRPORT: Spec(
        "14 CFR 61.95(b) and 91.131(b)(1)",
        (Field("airport", "Airport", "For example Oakland International (KOAK)"), LIMITATIONS),
        "I certify that {student} has received the required training of § 61.95(b)(1). I "
        "have determined that {student} is proficient to conduct solo flight operations at "
        "{airport}.{limitations}",
    ),
    Kind.PRACTICAL_TEST: Spec(
        "14 CFR 61.39(a)(6)(i) and (ii)",
        (Field("certificate", "Certificate or rating", "For example Private Pilot Airplane ASEL"),),
        "I certify that {student} has received and logged training time within 2 calendar "
        "months preceding the month of application in preparation for the practical test and "
        "{student} is prepared for the required practical test for the issuance of "
        "{certificate} certificate.",
    ),
    Kind.PRIVATE_PRACTICAL: Spec(
        "14 CFR 61.103(f), 61.107(b) and 61.109",
        (Field("test", "Practical test", "For example Private Pilot Airplane ASEL"),),
        "I certify that {student} has received the required training in accordance with "
        "§§ 61.107 and 61.109. I have determined that {student} is prepared for the {test} "
        "practical test.",
    ),
}


def spec_for(kind):
    return SPECS[Kind(kind)]


def body(kind, student, details):
    """The endorsement sentence(s) with the student's name and the details filled in."""
    spec = spec_for(kind)
    values = {field.name: (details.get(field.name) or "").strip() for field in spec.fields}
    if "limitations" in values:
        limits = values["limitations"].rstrip(".")
        values["limitations"] = f" Conditions or limitations: {limits}." if limits else ""
    return spec.template.format(student=student, **values)


def signature_block(signed_on, signature, cfi_number, cfi_expiration):
    """'/s/ 12-03-2026 Casey Instructor 3456789CFI Exp. 11-30-2027' as the AC prints it."""
    block = f"/s/ {signed_on:%m-%d-%Y} {signature} {cfi_number}"
    if cfi_expiration:
        block += f" Exp. {cfi_expiration:%m-%d-%Y}"
    return block


def full_text(kind, student, details, *, signed_on, signature, cfi_number, cfi_expiration):
    """What is frozen in Endorsement.text: heading with the regulation, body, signature."""
    spec = spec_for(kind)
    heading = f"{Kind(kind).label}: {spec.regulation}."
    return "\n".join(
        [
            heading,
            body(kind, student, details),
            signature_block(signed_on, signature, cfi_number, cfi_expiration),
        ]
    )

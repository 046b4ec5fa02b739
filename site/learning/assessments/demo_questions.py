"""Words for the demo quizzes (data only; demo.py loads them).

Kept apart from the loader so an instructor can check every question and its key
without reading code. Facts follow 14 CFR parts 1, 61, 71 and 91, the AIM and the
Aviation Weather Handbook (FAA-H-8083-28); every explanation names its source. Specs use
the format of learning.assessments.factories.
"""


def choose(text, right, wrong, why, acs, kind="single"):
    """A choice question: `right` is one answer (or a list, for multiple choice)."""
    right = right if isinstance(right, list) else [right]
    choices = [(answer, True) for answer in right] + [(answer, False) for answer in wrong]
    return {
        "type": kind,
        "text": f"<p>{text}</p>",
        "choices": choices,
        "explanation": why,
        "acs": acs,
    }


def true_false(text, answer, why, acs):
    return choose(
        text,
        "True" if answer else "False",
        ["False" if answer else "True"],
        why,
        acs,
        kind="true_false",
    )


def number(text, answer, why, acs, tolerance="0"):
    return {
        "type": "numeric",
        "text": f"<p>{text}</p>",
        "answer": answer,
        "tolerance": tolerance,
        "explanation": why,
        "acs": acs,
    }


def short(text, accepted, why, acs):
    return {
        "type": "short_answer",
        "text": f"<p>{text}</p>",
        "accepted": accepted,
        "explanation": why,
        "acs": acs,
    }


AIRSPACE = "PA.I.E.K1"  # airspace classes and their requirements and limitations
WEATHER = "PA.I.C.K2"  # weather products for preflight planning
QUALIFICATIONS = "PA.I.A.K1"  # certification requirements, recency and record keeping
AIRWORTHINESS = "PA.I.B.K1"  # general airworthiness requirements

AIRSPACE_QUESTIONS = [
    choose(
        "Which class of airspace requires an ATC clearance before a VFR pilot enters it?",
        "Class B",
        ["Class C", "Class D", "Class E"],
        "14 CFR 91.131(a)(1): no one may operate in Class B airspace without an ATC "
        "clearance. Class C and D need only two-way radio communication (91.130, 91.129).",
        AIRSPACE,
    ),
    choose(
        "Select everything a VFR airplane needs to enter Class C airspace.",
        [
            "Two-way radio communication established with ATC before entering",
            "An operating transponder with altitude reporting (Mode C)",
            "ADS-B Out",
        ],
        ["An ATC clearance", "At least a private pilot certificate"],
        "14 CFR 91.130(c) (communication), 91.215(b) (transponder) and 91.225 (ADS-B "
        "Out). No clearance is needed, and student pilots may fly in Class C.",
        AIRSPACE,
        kind="multiple",
    ),
    number(
        "In Class G airspace, 1,200 feet or less above the surface, by day: what is the "
        "minimum flight visibility for VFR, in statute miles?",
        "1",
        "14 CFR 91.155(a): 1 statute mile and clear of clouds, by day, in Class G at or "
        "below 1,200 ft AGL (3 SM at night).",
        AIRSPACE,
    ),
    choose(
        "What are the VFR cloud clearances in Class E airspace below 10,000 ft MSL?",
        "500 ft below, 1,000 ft above, 2,000 ft horizontal",
        [
            "Clear of clouds",
            "1,000 ft below, 1,000 ft above, 1 statute mile horizontal",
            "500 ft below, 500 ft above, 1,000 ft horizontal",
        ],
        "14 CFR 91.155(a): 3 SM visibility and 500 below, 1,000 above, 2,000 horizontal. "
        "1,000/1,000/1 SM applies at and above 10,000 ft MSL.",
        AIRSPACE,
    ),
    true_false(
        "The VFR minimums in Class B airspace are 3 statute miles visibility and clear of clouds.",
        True,
        "14 CFR 91.155(a): Class B is the one class with a 3 SM, clear-of-clouds minimum.",
        AIRSPACE,
    ),
    number(
        "In Class E airspace at or above 10,000 ft MSL, what is the minimum flight "
        "visibility for VFR, in statute miles?",
        "5",
        "14 CFR 91.155(a): 5 SM, and 1,000 ft below, 1,000 ft above, 1 SM horizontal from clouds.",
        AIRSPACE,
    ),
    choose(
        "Where does Class A airspace begin?",
        "18,000 ft MSL",
        ["14,500 ft MSL", "12,500 ft MSL", "10,000 ft MSL"],
        "14 CFR 71.33: Class A extends from 18,000 ft MSL up to and including FL 600. "
        "Class E begins at 14,500 ft MSL where it is not lower.",
        AIRSPACE,
    ),
    short(
        "Which class of airspace does a solid blue line outline on a VFR sectional chart? "
        "(One letter or the class name.)",
        ["Class B", "B", "Class Bravo", "Bravo"],
        "FAA Aeronautical Chart User's Guide: solid blue is Class B, solid magenta Class C, "
        "dashed blue Class D.",
        AIRSPACE,
    ),
    true_false(
        "A student pilot may fly solo in Class B airspace without any instructor endorsement.",
        False,
        "14 CFR 91.131(b) and 61.95: a student needs ground and flight training and a "
        "specific logbook endorsement, and some Class B airports forbid student solo "
        "entirely (part 91 appendix D, section 4).",
        AIRSPACE,
    ),
    choose(
        "Unless ATC authorizes otherwise, what is the maximum indicated airspeed at or "
        "below 2,500 ft AGL within 4 NM of the primary airport of Class C or D airspace?",
        "200 knots",
        ["250 knots", "230 knots", "156 knots"],
        "14 CFR 91.117(b): 200 knots. 250 knots is the limit below 10,000 ft MSL (91.117(a)).",
        AIRSPACE,
    ),
    number(
        "The Mode C veil around a Class B primary airport extends how many nautical miles from it?",
        "30",
        "14 CFR 91.215(b)(2): within 30 NM of a Class B primary airport, from the surface "
        "to 10,000 ft MSL, an altitude-reporting transponder is required.",
        AIRSPACE,
    ),
    choose(
        "What must a VFR pilot do before entering Class D airspace?",
        "Establish two-way radio communication with the tower",
        [
            "Obtain an ATC clearance",
            "File a VFR flight plan",
            "Hold at least a private pilot certificate",
        ],
        "14 CFR 91.129(c): two-way radio communication must be established before entering "
        "and kept while in Class D.",
        AIRSPACE,
    ),
]

WEATHER_QUESTIONS = [
    choose(
        "METAR KBOI 030953Z 32006KT 1/2SM FZFG VV002 M02/M02 A3021. What is the ceiling?",
        "200 ft (vertical visibility into an obscuration)",
        ["2,000 ft", "No ceiling is reported", "20 ft"],
        "VV002 is an indefinite ceiling: vertical visibility 200 ft. 14 CFR 1.1 counts an "
        "obscuration as a ceiling; see the Aviation Weather Handbook (FAA-H-8083-28).",
        WEATHER,
    ),
    number(
        "METAR KDEN 211853Z 17014G28KT 10SM -TSRA SCT080CB BKN120 24/09 A3008. What is the "
        "gust speed, in knots?",
        "28",
        "17014G28KT: wind from 170° true at 14 knots, gusting to 28 (FAA-H-8083-28).",
        WEATHER,
    ),
    choose(
        "What does A3008 mean in a METAR?",
        "Altimeter setting 30.08 inches of mercury",
        [
            "Field elevation 3,008 ft",
            "Pressure altitude 3,008 ft",
            "Altimeter setting 1008 hectopascals",
        ],
        "In U.S. METARs, A is followed by the altimeter setting in hundredths of an inch "
        "of mercury (FAA-H-8083-28).",
        WEATHER,
    ),
    true_false(
        "Wind direction in a METAR or TAF is given relative to true north.",
        True,
        "Written reports and forecasts use true north; ATIS and tower winds are "
        "magnetic (AIM 7-1; FAA-H-8083-28).",
        WEATHER,
    ),
    short(
        "In a TAF, what word does the change group FM stand for?",
        ["From"],
        "FM marks a rapid change: from that time, the new line replaces every forecast "
        "condition before it (FAA-H-8083-28).",
        WEATHER,
    ),
    choose(
        "What does TEMPO 2206/2210 mean in a TAF?",
        "Temporary changes between 0600 and 1000 UTC on the 22nd, each lasting under an "
        "hour and together less than half the period",
        [
            "A lasting change from 0600 UTC on the 22nd",
            "A 30 to 40 percent chance of these conditions between 0600 and 1000 UTC",
            "A gradual change that is complete by 1000 UTC",
        ],
        "TEMPO is temporary fluctuation; FM is a lasting change, PROB30/PROB40 a "
        "probability and BECMG a gradual change (FAA-H-8083-28).",
        WEATHER,
    ),
    number(
        "A METAR reports the temperature group M02/M04. What is the dew point, in degrees Celsius?",
        "-4",
        "M means minus: temperature -2 °C, dew point -4 °C (FAA-H-8083-28).",
        WEATHER,
    ),
    choose(
        "What is the flight category of a ceiling of 800 ft overcast with 4 statute miles "
        "visibility?",
        "IFR",
        ["MVFR", "VFR", "LIFR"],
        "The worse of ceiling and visibility decides: a ceiling of 500 to below 1,000 ft "
        "is IFR, although 4 SM alone would be MVFR (AIM 7-1; FAA-H-8083-28).",
        WEATHER,
    ),
    true_false(
        "In a METAR, -TSRA reports a thunderstorm with light rain at the station.",
        True,
        "TS is the thunderstorm descriptor, RA rain, and - light intensity of the "
        "precipitation (FAA-H-8083-28).",
        WEATHER,
    ),
    choose(
        "Select every METAR code that reports an obscuration rather than precipitation.",
        ["BR (mist)", "FG (fog)", "HZ (haze)"],
        ["RA (rain)", "SN (snow)"],
        "BR, FG, HZ, FU and DU are obscurations; RA, SN, DZ, GR and PL are precipitation "
        "(FAA-H-8083-28).",
        WEATHER,
        kind="multiple",
    ),
    number(
        "TAF KSEA 211720Z 2118/2224. How many hours does this forecast cover?",
        "30",
        "2118/2224 is valid from 1800 UTC on the 21st to 2400 UTC on the 22nd: 30 hours "
        "(FAA-H-8083-28).",
        WEATHER,
    ),
    choose(
        "What does P6SM mean in a TAF?",
        "Visibility greater than 6 statute miles",
        [
            "Visibility 6 statute miles in precipitation",
            "Visibility 6 statute miles or less",
            "A probability group for 6 statute miles",
        ],
        "P means plus: more than 6 SM, the highest visibility a TAF forecasts (FAA-H-8083-28).",
        WEATHER,
    ),
]

REGULATIONS_QUESTIONS = [
    choose(
        "Who is directly responsible for, and is the final authority as to, the operation "
        "of an aircraft?",
        "The pilot in command",
        [
            "The aircraft owner or operator",
            "Air traffic control",
            "The mechanic who signed off the last annual inspection",
        ],
        "14 CFR 91.3(a).",
        QUALIFICATIONS,
    ),
    true_false(
        "In an in-flight emergency requiring immediate action, the pilot in command may "
        "deviate from any rule of part 91 to the extent needed to meet it.",
        True,
        "14 CFR 91.3(b); the FAA may ask for a written report afterwards (91.3(c)).",
        QUALIFICATIONS,
    ),
    number(
        "To carry passengers, how many takeoffs and landings must you have made in the "
        "preceding 90 days, in the same category and class?",
        "3",
        "14 CFR 61.57(a): three takeoffs and landings as sole manipulator of the controls "
        "(to a full stop in a tailwheel airplane).",
        QUALIFICATIONS,
    ),
    number(
        "To act as pilot in command you must have completed a flight review within how "
        "many calendar months?",
        "24",
        "14 CFR 61.56(c).",
        QUALIFICATIONS,
    ),
    choose(
        "For night passenger-carrying currency, the three takeoffs and landings must be:",
        "To a full stop, between 1 hour after sunset and 1 hour before sunrise",
        [
            "Touch-and-go, between sunset and sunrise",
            "To a full stop, during evening civil twilight",
            "Touch-and-go, between 1 hour after sunset and 1 hour before sunrise",
        ],
        "14 CFR 61.57(b).",
        QUALIFICATIONS,
    ),
    choose(
        "A pilot who was 35 at the examination holds a third-class medical certificate. "
        "For private pilot privileges it lasts until the end of which calendar month?",
        "The 60th month after the examination",
        ["The 24th month", "The 12th month", "The 36th month"],
        "14 CFR 61.23(d): 60 calendar months for a pilot under 40 at the exam, 24 for one "
        "who is 40 or older.",
        QUALIFICATIONS,
    ),
    choose(
        "Select every document that must be on board for a domestic VFR flight (AROW).",
        [
            "Airworthiness certificate",
            "Registration certificate",
            "Operating limitations (approved flight manual, markings and placards)",
            "Weight and balance data",
        ],
        ["Radio station license", "The aircraft maintenance logbooks"],
        "14 CFR 91.203(a) (airworthiness and registration certificates) and 91.9 "
        "(operating limitations); weight and balance data belong to the approved flight "
        "manual data. A radio station license is needed only abroad; logbooks stay on the "
        "ground.",
        AIRWORTHINESS,
        kind="multiple",
    ),
    choose(
        "Which of these is NOT required by 14 CFR 91.205 for VFR flight by day?",
        "Attitude indicator",
        ["Airspeed indicator", "Magnetic direction indicator", "Fuel gauge for each tank"],
        "14 CFR 91.205(b) lists the day VFR instruments (airspeed, altimeter, magnetic "
        "direction indicator, fuel gauges ...); the attitude indicator is required only "
        "for IFR (91.205(d)).",
        AIRWORTHINESS,
    ),
    true_false(
        "Without a minimum equipment list, an airplane may fly with inoperative "
        "equipment only if that equipment is not required (by 91.205, the type "
        "certificate's equipment or kinds-of-operations list, or an airworthiness "
        "directive), is removed or deactivated and placarded Inoperative, and a pilot "
        "or mechanic determines it is not a hazard.",
        True,
        "14 CFR 91.213(d).",
        AIRWORTHINESS,
    ),
    short(
        "Which section of 14 CFR requires the pilot in command to become familiar with all "
        "available information concerning a flight? (For example 91.3.)",
        ["91.103", "14 CFR 91.103", "FAR 91.103", "§ 91.103", "§91.103"],
        "14 CFR 91.103 (preflight action), which backs up the authority of 91.3.",
        QUALIFICATIONS,
    ),
    choose(
        "Your flight review expired last month, but you made three takeoffs and landings "
        "last week. May you act as pilot in command with passengers?",
        "No: without a current flight review you may not act as pilot in command at all",
        [
            "Yes, because your 90-day currency is current",
            "Yes, but only by day",
            "Yes, for 30 days after the expiry",
        ],
        "14 CFR 61.56(c) applies to acting as PIC; 61.57 passenger currency is in addition to it.",
        QUALIFICATIONS,
    ),
    number(
        "At least how many hours of flight training does a flight review include?",
        "1",
        "14 CFR 61.56(a): at least 1 hour of flight training and 1 hour of ground training.",
        QUALIFICATIONS,
    ),
]

BRIEFING_QUESTIONS = [
    choose(
        "You are about to fly and have had no briefing yet. Which briefing should you ask for?",
        "Standard briefing",
        ["Abbreviated briefing", "Outlook briefing"],
        "AIM chapter 7, section 1: a standard briefing is the complete one, for a first "
        "look at the weather before a flight.",
        WEATHER,
    ),
    choose(
        "When should you request an outlook briefing?",
        "When departure is 6 or more hours away",
        [
            "When departure is within the hour",
            "To update an earlier briefing",
            "Only for flights under IFR",
        ],
        "AIM chapter 7, section 1: an outlook briefing is for a departure 6 or more hours "
        "after the briefing.",
        WEATHER,
    ),
    choose(
        "A ceiling of 2,500 ft broken with 6 statute miles visibility is which flight category?",
        "MVFR",
        ["VFR", "IFR", "LIFR"],
        "A ceiling from 1,000 to 3,000 ft is MVFR, even with good visibility (AIM 7-1).",
        WEATHER,
    ),
    true_false(
        "A briefer's 'VFR flight not recommended' legally forbids a VFR departure.",
        False,
        "It is advice. The pilot in command decides (14 CFR 91.3) after considering "
        "all available information (91.103).",
        QUALIFICATIONS,
    ),
    number(
        "LIFR means a ceiling below how many feet above ground level (or visibility below "
        "1 statute mile)?",
        "500",
        "LIFR: ceiling below 500 ft and/or visibility below 1 SM (AIM 7-1).",
        WEATHER,
    ),
]

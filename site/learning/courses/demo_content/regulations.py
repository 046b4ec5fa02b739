"""Demo lessons: Private Pilot Checkride Prep, module 3 (Regulations and the PIC)."""

REGULATIONS_LESSONS = [
    {
        "title": "Pilot in command: authority and preflight action",
        "slug": "pic-authority-and-preflight-action",
        "summary": (
            "What 14 CFR 91.3 and 91.103 make you responsible for, and a practical way to show "
            "the examiner you gathered all available information before a flight."
        ),
        "lesson_type": "reading",
        "access_level": "registered",
        "duration_minutes": 12,
        "body": [
            {
                "type": "paragraph",
                "value": (
                    "<p>As pilot in command you are directly responsible for the operation of "
                    "the aircraft and have the final say over it (14 CFR 91.3). In an in-flight "
                    "emergency that calls for immediate action you may deviate from any rule "
                    "in part 91 as far as the emergency requires, and you must send the FAA a "
                    "written report of the deviation if it asks for one.</p>"
                ),
            },
            {
                "type": "heading",
                "value": {"text": "Preflight action (14 CFR 91.103)", "level": "h2"},
            },
            {
                "type": "paragraph",
                "value": (
                    "<p>Before every flight the PIC must become familiar with all available "
                    "information about it. For an IFR flight, or any flight away from the "
                    "vicinity of an airport, that includes weather reports and forecasts, fuel "
                    "requirements, alternatives if the flight cannot be completed as planned, "
                    "and any traffic delays ATC has told you about. For every flight it "
                    "includes the runway lengths at the airports you will use and your "
                    "airplane's takeoff and landing distance data.</p>"
                ),
            },
            {
                "type": "callout",
                "value": {
                    "kind": "tip",
                    "title": "NWKRAFT",
                    "text": (
                        "<p>A common memory aid: <b>N</b>OTAMs, <b>W</b>eather, <b>K</b>nown "
                        "ATC delays, <b>R</b>unway lengths, <b>A</b>lternatives, <b>F</b>uel "
                        "requirements, <b>T</b>akeoff and landing distances. NOTAMs are not "
                        "named in 91.103, but they are part of 'all available information'.</p>"
                    ),
                },
            },
            {
                "type": "quote",
                "value": {
                    "text": (
                        "The examiner is not looking for someone who has memorized the "
                        "regulation. They want to see that, before you touch the airplane, you "
                        "already know whether this flight should happen."
                    ),
                    "attribution": "Ida Instructor, CFII",
                    "source": "",
                },
            },
            {
                "type": "key_points",
                "value": {
                    "heading": "Key points",
                    "points": [
                        "The PIC has final authority and full responsibility, including the "
                        "decision not to go.",
                        "An emergency deviation is allowed as far as the emergency requires; "
                        "report it if the FAA asks.",
                        "'All available information' is broader than any memory aid: use one, "
                        "then ask what it leaves out.",
                    ],
                },
            },
            {
                "type": "gated_section",
                "value": {
                    "min_tier": "premium",
                    "title": "What examiners ask about PIC responsibility",
                    "content": [
                        {
                            "type": "callout",
                            "value": {
                                "kind": "gouge",
                                "title": "The 'who decides?' scenario",
                                "text": (
                                    "<p>A passenger pushes you to leave before a front "
                                    "arrives. The examiner wants to hear that the decision is "
                                    "yours alone under 91.3, and how you would explain a no-go "
                                    "to the passenger without losing face.</p>"
                                ),
                            },
                        },
                        {
                            "type": "paragraph",
                            "value": (
                                "<p>Expect to be asked where your weather came from and "
                                "whether the briefing is on record. A Flight Service briefing "
                                "is logged; a self-briefing in an app may not be, so keep "
                                "notes of what you reviewed and when.</p>"
                            ),
                        },
                    ],
                },
            },
        ],
    },
    {
        "title": "Currency, flight reviews and medical certificates",
        "slug": "currency-flight-reviews-and-medicals",
        "summary": (
            "Flight reviews, day and night passenger currency, and how long each medical "
            "certificate lasts for a private pilot, with the regulations to cite."
        ),
        "lesson_type": "video",
        "access_level": "premium",
        "duration_minutes": 14,
        "body": [
            {
                "type": "video",
                "value": {
                    "url": "https://www.youtube.com/watch?v=gsCurrency1",
                    "title": "Am I current? Recency for private pilots",
                    "caption": "Flight reviews, 90-day passenger currency and night currency, "
                    "with examples.",
                },
            },
            {
                "type": "table",
                "value": {
                    "caption": "Recent experience for private pilots",
                    "table": {
                        "first_row_is_table_header": True,
                        "first_col_is_header": False,
                        "table_caption": "",
                        "data": [
                            ["Requirement", "What you need", "Rule"],
                            [
                                "Flight review",
                                "1 hour of flight training and 1 hour of ground "
                                "training with an instructor, in the preceding 24 calendar months",
                                "14 CFR 61.56",
                            ],
                            [
                                "Passengers by day",
                                "3 takeoffs and 3 landings in the preceding "
                                "90 days as sole manipulator of the controls, in the same "
                                "category, class and (if required) type",
                                "14 CFR 61.57(a)",
                            ],
                            [
                                "Passengers in a tailwheel airplane",
                                "The 3 landings must be to a full stop in a tailwheel airplane",
                                "14 CFR 61.57(a)",
                            ],
                            [
                                "Passengers at night",
                                "3 takeoffs and 3 landings to a full stop "
                                "between 1 hour after sunset and 1 hour before sunrise, in the "
                                "preceding 90 days",
                                "14 CFR 61.57(b)",
                            ],
                        ],
                    },
                },
            },
            {"type": "heading", "value": {"text": "Medical certificates", "level": "h2"}},
            {
                "type": "table",
                "value": {
                    "caption": "How long a medical lasts for private pilot privileges "
                    "(14 CFR 61.23)",
                    "table": {
                        "first_row_is_table_header": True,
                        "first_col_is_header": False,
                        "table_caption": "",
                        "data": [
                            ["Class of medical", "Under 40 at the exam", "40 or older at the exam"],
                            [
                                "First, second or third class",
                                "60 calendar months",
                                "24 calendar months",
                            ],
                        ],
                    },
                },
            },
            {
                "type": "callout",
                "value": {
                    "kind": "note",
                    "title": "BasicMed",
                    "text": (
                        "<p>Instead of a medical certificate, a private pilot may fly under "
                        "BasicMed (14 CFR 61.113(i) and part 68): an exam by any state-licensed "
                        "physician every 48 months and an online course every 24 calendar "
                        "months. Limits include aircraft authorized for no more than 6 "
                        "occupants and 6,000 lb maximum takeoff weight, no more than 5 "
                        "passengers, 250 KIAS and flight below 18,000 ft MSL. You must have "
                        "held a medical certificate at some time after July 14, 2006.</p>"
                    ),
                },
            },
            {
                "type": "key_points",
                "value": {
                    "heading": "Key points",
                    "points": [
                        "Passenger currency is per category, class and type: glider landings "
                        "do not make you current in an airplane.",
                        "Night for passenger currency runs from 1 hour after sunset to 1 hour "
                        "before sunrise; night for logging is civil twilight to civil twilight.",
                        "Position lights are required from sunset to sunrise (14 CFR 91.209).",
                        "A flight review has no pass or fail: the instructor's logbook "
                        "endorsement is what proves it.",
                    ],
                },
            },
        ],
        "transcript": (
            "Currency questions come up on every private pilot oral. We start with the flight "
            "review: an hour of ground and an hour of flight training with an instructor every "
            "twenty-four calendar months, proven by a logbook endorsement. Next, carrying "
            "passengers: three takeoffs and landings in the last ninety days in the same "
            "category and class, to a full stop if it is a tailwheel. At night the landings "
            "must be full stop and flown between an hour after sunset and an hour before "
            "sunrise. We finish with how long medical certificates last, and BasicMed."
        ),
    },
    {
        "title": "Aircraft documents and required equipment",
        "slug": "documents-and-required-equipment",
        "summary": (
            "The documents that must be on board, the equipment 14 CFR 91.205 requires for day "
            "and night VFR, and how to decide whether you may fly with something inoperative."
        ),
        "lesson_type": "reading",
        "access_level": "premium",
        "duration_minutes": 16,
        "body": [
            {
                "type": "paragraph",
                "value": (
                    "<p>Airworthiness questions usually start with the paperwork. Some "
                    "documents must be in the airplane, others live in the maintenance records, "
                    "and the examiner will expect you to know which is which.</p>"
                ),
            },
            {
                "type": "table",
                "value": {
                    "caption": "Documents on board",
                    "table": {
                        "first_row_is_table_header": True,
                        "first_col_is_header": False,
                        "table_caption": "",
                        "data": [
                            ["Document", "Notes", "Rule"],
                            [
                                "Airworthiness certificate",
                                "Displayed at the cabin or cockpit "
                                "entrance, legible to passengers or crew",
                                "14 CFR 91.203",
                            ],
                            [
                                "Registration certificate",
                                "Valid for 7 years for registrations "
                                "issued or renewed since January 2023",
                                "14 CFR 47.40, 91.203",
                            ],
                            [
                                "Radio station license",
                                "Needed only for flights outside the United States",
                                "FCC rules",
                            ],
                            [
                                "Operating limitations",
                                "The approved flight manual, markings and placards",
                                "14 CFR 91.9",
                            ],
                            [
                                "Weight and balance data",
                                "Current empty weight and center of gravity for this airplane",
                                "Kept with the flight manual",
                            ],
                        ],
                    },
                },
            },
            {
                "type": "callout",
                "value": {
                    "kind": "tip",
                    "title": "ARROW",
                    "text": (
                        "<p><b>A</b>irworthiness certificate, <b>R</b>egistration, <b>R</b>adio "
                        "station license (international flights only), <b>O</b>perating "
                        "limitations, <b>W</b>eight and balance. Your pilot certificate, "
                        "medical (or BasicMed records) and photo ID travel with you, not with "
                        "the airplane (14 CFR 61.3).</p>"
                    ),
                },
            },
            {
                "type": "heading",
                "value": {"text": "Required equipment for VFR flight", "level": "h2"},
            },
            {
                "type": "paragraph",
                "value": (
                    "<p>14 CFR 91.205(b) lists the instruments and equipment required for day "
                    "VFR in a standard category airplane, and 91.205(c) adds what night VFR "
                    "needs. The table covers a typical fixed-gear piston single; your "
                    "airplane's equipment list and type certificate may require more, and an "
                    "emergency locator transmitter is required separately by 14 CFR 91.207.</p>"
                ),
            },
            {
                "type": "table",
                "value": {
                    "caption": "Day and night VFR equipment for a typical trainer",
                    "table": {
                        "first_row_is_table_header": True,
                        "first_col_is_header": False,
                        "table_caption": "",
                        "data": [
                            ["Day VFR (91.205(b))", "Night VFR adds (91.205(c))"],
                            [
                                "Airspeed indicator, altimeter, magnetic direction indicator",
                                "Approved position lights",
                            ],
                            [
                                "Tachometer, oil pressure gauge, oil temperature gauge",
                                "An approved red or white anticollision light system",
                            ],
                            [
                                "A fuel gauge for each tank",
                                "An adequate source of electrical energy for installed equipment",
                            ],
                            [
                                "Safety belts, and front-seat shoulder harnesses in airplanes "
                                "built after July 18, 1978",
                                "Spare fuses (one set, or three of each kind) accessible in flight",
                            ],
                            [
                                "Anticollision lights in airplanes certificated after March 11, "
                                "1996",
                                "A landing light, if the flight is for hire",
                            ],
                        ],
                    },
                },
            },
            {
                "type": "paragraph",
                "value": (
                    "<p><b>Flying with inoperative equipment.</b> Without an approved minimum "
                    "equipment list, 14 CFR 91.213(d) allows a flight with inoperative "
                    "equipment only if the item is not required by 91.205, by the airplane's "
                    "equipment list or kinds-of-operation list, by an airworthiness directive "
                    "or by any other rule for the operation. It must then be removed, or "
                    "deactivated and placarded <i>Inoperative</i>, and a pilot or mechanic "
                    "must decide that it does not make the flight hazardous.</p>"
                ),
            },
        ],
    },
    {
        "title": "Mock oral: regulations scenarios",
        "slug": "mock-oral-regulations",
        "summary": (
            "Five scenario questions in the style of a private pilot oral exam, each with a "
            "model answer and the regulation to cite."
        ),
        "lesson_type": "quiz",
        "access_level": "premium",
        "duration_minutes": 15,
        "body": [
            {
                "type": "paragraph",
                "value": (
                    "<p>Answer each scenario out loud, as you would to the examiner, before "
                    "reading the model answers. Cite the regulation if you can; if you cannot, "
                    "say you will look it up and find it. Examiners accept that, and it beats "
                    "guessing.</p>"
                ),
            },
            {"type": "heading", "value": {"text": "Scenarios", "level": "h2"}},
            {
                "type": "paragraph",
                "value": (
                    "<ol>"
                    "<li>Your last flight review was in March two years ago, and it is now "
                    "April. May you fly solo today?</li>"
                    "<li>You made three daytime takeoffs and landings in a Piper Cherokee last "
                    "week. May you take a friend up in a Cessna 172 tonight, an hour and a half "
                    "after sunset?</li>"
                    "<li>The left fuel gauge reads empty although you can see fuel in the tank. "
                    "May you go?</li>"
                    "<li>You were 45 when you took your third-class medical exam 30 months "
                    "ago. May you act as pilot in command?</li>"
                    "<li>The replacement date on the ELT battery passed last month. May you "
                    "take the airplane on a cross-country?</li>"
                    "</ol>"
                ),
            },
            {
                "type": "key_points",
                "value": {
                    "heading": "Model answers",
                    "points": [
                        "1. No. A flight review lasts 24 calendar months, so a March review "
                        "runs out at the end of March two years later (14 CFR 61.56). Fly with "
                        "an instructor and get the review done.",
                        "2. Not with a passenger tonight. The Cherokee landings count for day "
                        "passengers in any single-engine land airplane, but night passengers "
                        "need 3 full-stop night landings (14 CFR 61.57(b)).",
                        "3. No. A fuel gauge for each tank is required for day VFR (14 CFR "
                        "91.205(b)), so placarding it under 91.213(d) is not an option.",
                        "4. No. You were over 40 at the exam, so for private privileges the "
                        "medical lasted 24 calendar months (14 CFR 61.23(d)). BasicMed may be an "
                        "option if you qualify.",
                        "5. No. An ELT battery past its replacement date does not meet 14 CFR "
                        "91.207(c), so the ELT is not serviceable. Have the battery replaced "
                        "first.",
                    ],
                },
            },
            {
                "type": "callout",
                "value": {
                    "kind": "gouge",
                    "title": "How to answer",
                    "text": (
                        "<p>Lead with yes or no, give the reason, then cite the rule: 'No, a "
                        "night passenger needs three full-stop night landings in the last 90 "
                        "days, 61.57(b).' That is a complete answer. Stop there and let the "
                        "examiner ask the next question.</p>"
                    ),
                },
            },
            {
                "type": "quote",
                "value": {
                    "text": "Say less, and say it right. The examiner can always ask for more.",
                    "attribution": "Ida Instructor, CFII",
                    "source": "",
                },
            },
        ],
    },
]

"""Demo lessons: Weather Briefing Basics, the free course (open to guests)."""

BRIEFING_LESSONS = [
    {
        "title": "Standard, abbreviated and outlook briefings",
        "slug": "types-of-briefing",
        "summary": "The three kinds of preflight briefing Flight Service offers, and how to ask "
        "for the one you need.",
        "lesson_type": "reading",
        "access_level": "guest",
        "duration_minutes": 10,
        "body": [
            {
                "type": "paragraph",
                "value": (
                    "<p>In the contiguous United States, Flight Service briefings are "
                    "available by phone at 1-800-WX-BRIEF and online at 1800wxbrief.com. Say "
                    "which type of briefing you want, then give the aircraft identification "
                    "and type, departure point, route, destination, altitude, estimated "
                    "departure time and time en route, so the briefing fits your flight.</p>"
                ),
            },
            {
                "type": "table",
                "value": {
                    "caption": "Briefing types",
                    "table": {
                        "first_row_is_table_header": True,
                        "first_col_is_header": False,
                        "table_caption": "",
                        "data": [
                            ["Type", "Ask for it when", "What you get"],
                            [
                                "Standard",
                                "You have had no briefing yet for this flight",
                                "The full picture, from adverse conditions to NOTAMs",
                            ],
                            [
                                "Abbreviated",
                                "You are updating an earlier briefing or need a few specific items",
                                "Only what changed, or what you asked for",
                            ],
                            [
                                "Outlook",
                                "Departure is 6 or more hours away",
                                "Forecasts for planning, not for the final go/no-go decision",
                            ],
                        ],
                    },
                },
            },
            {
                "type": "callout",
                "value": {
                    "kind": "tip",
                    "title": "Say 'VFR' up front",
                    "text": (
                        "<p>Start with 'VFR flight' so the briefer knows to tell you when VFR "
                        "flight is not recommended, and mention that you are a student pilot "
                        "if you are one, so the briefing can be pitched to you.</p>"
                    ),
                },
            },
            {
                "type": "paragraph",
                "value": (
                    "<p>Online self-briefings, through 1800wxbrief.com or an EFB app, show the "
                    "same products. The difference is interpretation: a briefer points out the "
                    "hazards that matter for your route, while online you have to find them "
                    "yourself.</p>"
                ),
            },
            {
                "type": "key_points",
                "value": {
                    "heading": "Key points",
                    "points": [
                        "Standard: your first briefing for a flight.",
                        "Abbreviated: an update, or a few specific items.",
                        "Outlook: six or more hours before departure, for planning.",
                    ],
                },
            },
        ],
    },
    {
        "title": "What a standard briefing covers, in order",
        "slug": "standard-briefing-order",
        "summary": "Follow the fixed order of a standard briefing so nothing surprises you, and "
        "take notes that are easy to use in the cockpit.",
        "lesson_type": "video",
        "access_level": "guest",
        "duration_minutes": 8,
        "body": [
            {
                "type": "video",
                "value": {
                    "url": "https://www.youtube.com/watch?v=gsBriefOrdr",
                    "title": "The standard briefing, item by item",
                    "caption": "A practice briefing for a short VFR cross-country in Oregon.",
                },
            },
            {
                "type": "paragraph",
                "value": (
                    "<p>A standard briefing always follows the same order, so once you know it "
                    "you can take notes on a prepared form and never lose your place:</p>"
                    "<ol>"
                    "<li>Adverse conditions that might make you cancel or change the flight</li>"
                    "<li>VFR flight not recommended, when conditions make VFR doubtful</li>"
                    "<li>Synopsis: the weather systems that drive the day</li>"
                    "<li>Current conditions at departure, en route and destination</li>"
                    "<li>En route forecast</li>"
                    "<li>Destination forecast</li>"
                    "<li>Winds and temperatures aloft</li>"
                    "<li>NOTAMs</li>"
                    "<li>ATC delays</li>"
                    "<li>Anything else you ask for, such as special use airspace or GPS "
                    "outages</li>"
                    "</ol>"
                ),
            },
            {
                "type": "callout",
                "value": {
                    "kind": "note",
                    "title": "'VFR not recommended' is advice, not a ban",
                    "text": (
                        "<p>The briefer's VNR statement is a judgement from the forecasts. It "
                        "does not make the flight illegal, but ignoring it is hard to defend, "
                        "to an examiner or after an incident.</p>"
                    ),
                },
            },
            {
                "type": "key_points",
                "value": {
                    "heading": "Key points",
                    "points": [
                        "Adverse conditions come first because they can end the briefing early.",
                        "A form in briefing order keeps your notes short and complete.",
                        "Ask the briefer to repeat anything you missed before you hang up.",
                    ],
                },
            },
        ],
        "transcript": (
            "This is a practice standard briefing for a VFR flight from Hillsboro to Bend. "
            "Listen for the order. The briefer starts with adverse conditions: an AIRMET for "
            "mountain obscuration over the Cascades. Next comes the synopsis, a weak front "
            "moving onshore, then current conditions at each end, the en route and destination "
            "forecasts, winds aloft at six and nine thousand feet, and finally NOTAMs and ATC "
            "delays. Notice how much easier notes are when you know what comes next."
        ),
    },
    {
        "title": "Where to find aviation weather",
        "slug": "where-to-find-weather",
        "summary": "The official sources of aviation weather, what each is best for, and why an "
        "app's map is only as good as the products behind it.",
        "lesson_type": "reading",
        "access_level": "guest",
        "duration_minutes": 9,
        "body": [
            {
                "type": "paragraph",
                "value": (
                    "<p>Nearly all U.S. aviation weather comes from the National Weather "
                    "Service and is published by its Aviation Weather Center. Flight Service, "
                    "EFB apps and websites repackage the same observations and forecasts.</p>"
                ),
            },
            {
                "type": "table",
                "value": {
                    "caption": "Where to look",
                    "table": {
                        "first_row_is_table_header": True,
                        "first_col_is_header": False,
                        "table_caption": "",
                        "data": [
                            ["Source", "Best for"],
                            [
                                "aviationweather.gov",
                                "METARs, TAFs, the Graphical Forecasts for "
                                "Aviation, prog charts and advisories, straight from the source",
                            ],
                            [
                                "1800wxbrief.com and 1-800-WX-BRIEF",
                                "Recorded briefings, flight plans and a briefer to talk to",
                            ],
                            [
                                "ATIS, AWOS and ASOS",
                                "Current conditions at one airport, by radio or phone",
                            ],
                            [
                                "EFB apps",
                                "Weather, NOTAMs and your route on one screen in the cockpit",
                            ],
                        ],
                    },
                },
            },
            {
                "type": "callout",
                "value": {
                    "kind": "warning",
                    "title": "Cockpit weather is not real time",
                    "text": (
                        "<p>Datalink radar (FIS-B through ADS-B In, or satellite weather) can "
                        "be many minutes old by the time it reaches your screen. Use it to "
                        "avoid whole areas, never to pick a path between thunderstorm "
                        "cells.</p>"
                    ),
                },
            },
            {
                "type": "key_points",
                "value": {
                    "heading": "Key points",
                    "points": [
                        "The official source is the National Weather Service; everyone else "
                        "repackages it.",
                        "A Flight Service briefing is recorded; keep notes of any self-briefing.",
                        "Datalink weather is for avoiding areas, not threading through storms.",
                    ],
                },
            },
        ],
    },
]

GO_NO_GO_LESSONS = [
    {
        "title": "Flight categories and personal minimums",
        "slug": "flight-categories-and-personal-minimums",
        "summary": "VFR, MVFR, IFR and LIFR in one table, and how to set personal minimums that "
        "sit well above the legal ones.",
        "lesson_type": "reading",
        "access_level": "guest",
        "duration_minutes": 12,
        "body": [
            {
                "type": "paragraph",
                "value": (
                    "<p>Weather maps color airports by flight category, from the ceiling and "
                    "visibility. The categories are a quick summary, not a legal limit: the VFR "
                    "weather minimums of 14 CFR 91.155 still decide what is legal.</p>"
                ),
            },
            {
                "type": "table",
                "value": {
                    "caption": "Flight categories",
                    "table": {
                        "first_row_is_table_header": True,
                        "first_col_is_header": False,
                        "table_caption": "",
                        "data": [
                            ["Category", "Ceiling", "Visibility"],
                            ["VFR", "Above 3,000 ft AGL", "More than 5 SM"],
                            ["Marginal VFR (MVFR)", "1,000 to 3,000 ft AGL", "3 to 5 SM"],
                            ["IFR", "500 to below 1,000 ft AGL", "1 to less than 3 SM"],
                            ["Low IFR (LIFR)", "Below 500 ft AGL", "Less than 1 SM"],
                        ],
                    },
                },
            },
            {
                "type": "paragraph",
                "value": (
                    "<p>The worse of the two decides: a 4,000 ft ceiling with 4 SM visibility "
                    "is MVFR. Colors vary between products, but green for VFR, blue for MVFR, "
                    "red for IFR and magenta for LIFR is the usual convention.</p>"
                ),
            },
            {"type": "heading", "value": {"text": "Personal minimums", "level": "h2"}},
            {
                "type": "paragraph",
                "value": (
                    "<p>Personal minimums are your own limits, set on the ground when nobody is "
                    "waiting for you. The FAA's PAVE checklist (Pilot, Aircraft, enVironment, "
                    "External pressures) is a good frame. Write down a minimum ceiling, "
                    "visibility, wind and crosswind, and raise them when you are tired, in an "
                    "unfamiliar airplane or going somewhere new.</p>"
                ),
            },
            {
                "type": "callout",
                "value": {
                    "kind": "tip",
                    "title": "Start conservative",
                    "text": (
                        "<p>Many instructors suggest that new private pilots start with a "
                        "3,000 ft ceiling and 5 SM visibility for cross-countries, well above "
                        "the legal minimums, and lower them only with experience.</p>"
                    ),
                },
            },
            {
                "type": "gated_section",
                "value": {
                    "min_tier": "registered",
                    "title": "A worked example: one briefing, two decisions",
                    "content": [
                        {
                            "type": "paragraph",
                            "value": (
                                "<p>Two pilots get the same briefing for a Saturday morning: "
                                "MVFR at departure under a 2,500 ft overcast, VFR by noon, and "
                                "a G-AIRMET Sierra for mountain obscuration along the direct "
                                "route.</p>"
                            ),
                        },
                        {
                            "type": "paragraph",
                            "value": (
                                "<p>Pilot A, with a 3,000 ft personal minimum, leaves at 1300 "
                                "and follows the valley, away from the obscured ridges. Pilot "
                                "B, in the same airplane with the same forecast, leaves at "
                                "0800 on the direct route because the weather is 'legal'. "
                                "Both flights may be legal; only one has margins.</p>"
                            ),
                        },
                        {
                            "type": "key_points",
                            "value": {
                                "heading": "Take-aways",
                                "points": [
                                    "Legal is the floor, not the target.",
                                    "Departure time and route are the easiest things to change.",
                                    "Decide your limits before the briefing, not during it.",
                                ],
                            },
                        },
                    ],
                },
            },
        ],
    },
    {
        "title": "Quiz: is this flight a go?",
        "slug": "quiz-go-no-go",
        "summary": "Three short scenarios. Decide go, no-go or change the plan, then compare "
        "your reasoning with ours.",
        "lesson_type": "quiz",
        "access_level": "guest",
        "duration_minutes": 8,
        "body": [
            {
                "type": "paragraph",
                "value": (
                    "<p>For each scenario, decide whether you would go as planned, change the "
                    "plan or cancel. You are a private pilot with 80 hours, flying a Cessna 172 "
                    "by day under VFR, with personal minimums of a 3,000 ft ceiling, 5 SM "
                    "visibility and 15 knots of crosswind.</p>"
                ),
            },
            {
                "type": "code",
                "value": {
                    "language": "text",
                    "code": "METAR KHIO 121653Z 33008KT 10SM SCT045 BKN250 18/06 A3012",
                    "caption": "Departure weather an hour before scenario 1",
                },
            },
            {
                "type": "paragraph",
                "value": (
                    "<ol>"
                    "<li>Departure weather is shown above, and the destination TAF forecasts "
                    "similar conditions all day.</li>"
                    "<li>The destination TAF calls for 4 SM in haze under a 3,500 ft broken "
                    "layer, with a TEMPO group for 2 SM.</li>"
                    "<li>The sky is clear, but the destination reports wind 250° at 18 knots "
                    "gusting 26, and its only runway is 16/34.</li>"
                    "</ol>"
                ),
            },
            {
                "type": "key_points",
                "value": {
                    "heading": "Our answers",
                    "points": [
                        "1. Go. Scattered clouds at 4,500 ft, a ceiling at 25,000 ft and 10 SM "
                        "fit every personal minimum, and the forecast holds.",
                        "2. Change the plan or wait. 4 SM is below your 5 SM minimum and the "
                        "TEMPO 2 SM is IFR. Try a later time or another destination.",
                        "3. No-go for that airport. Wind from 250° is at right angles to runway "
                        "16/34, so nearly all of it is crosswind, beyond your 15 knot limit and "
                        "the 172's demonstrated crosswind component.",
                    ],
                },
            },
            {
                "type": "callout",
                "value": {
                    "kind": "note",
                    "title": "There is no single right answer",
                    "text": (
                        "<p>Examiners and instructors care more about your reasoning than your "
                        "verdict. Explaining why a flight is a no-go shows exactly the "
                        "judgement the checkride tests.</p>"
                    ),
                },
            },
        ],
    },
]

"""Demo lessons: Private Pilot Checkride Prep, module 1 (Airspace)."""

AIRSPACE_LESSONS = [
    {
        "title": "The airspace classes, A through G",
        "slug": "the-airspace-classes",
        "summary": (
            "A tour of the six classes of U.S. airspace: where each begins and ends, what you "
            "need to enter it, and how it looks on a sectional chart."
        ),
        "lesson_type": "reading",
        "access_level": "registered",
        "is_free_preview": True,
        "duration_minutes": 15,
        "body": [
            {
                "type": "paragraph",
                "value": (
                    "<p>The United States divides its airspace into controlled classes (A, B, "
                    "C, D and E) and uncontrolled Class G. The class tells a VFR pilot three "
                    "things before entering: what clearance or communication is required, what "
                    "equipment the airplane needs, and which weather minimums apply. 14 CFR "
                    "part 71 designates the airspace; the operating rules are in part 91.</p>"
                ),
            },
            {"type": "heading", "value": {"text": "Controlled airspace", "level": "h2"}},
            {
                "type": "table",
                "value": {
                    "caption": "Entering each class under VFR",
                    "table": {
                        "first_row_is_table_header": True,
                        "first_col_is_header": False,
                        "table_caption": "",
                        "data": [
                            ["Class", "Typical vertical limits", "To enter under VFR", "Rule"],
                            [
                                "A",
                                "18,000 ft MSL up to and including FL600",
                                "Not permitted: IFR flight only",
                                "14 CFR 91.135",
                            ],
                            [
                                "B",
                                "Surface to 10,000 ft MSL, in tiers",
                                "An ATC clearance, and a private pilot certificate or the "
                                "student pilot endorsements",
                                "14 CFR 91.131",
                            ],
                            [
                                "C",
                                "Surface to about 4,000 ft above the airport",
                                "Two-way radio communication established",
                                "14 CFR 91.130",
                            ],
                            [
                                "D",
                                "Surface to about 2,500 ft above the airport",
                                "Two-way radio communication established",
                                "14 CFR 91.129",
                            ],
                            [
                                "E",
                                "Surface, 700 or 1,200 ft AGL up to (not including) 18,000 ft MSL",
                                "No ATC contact required",
                                "14 CFR 91.127",
                            ],
                        ],
                    },
                },
            },
            {
                "type": "callout",
                "value": {
                    "kind": "note",
                    "title": "Uncontrolled is not unregulated",
                    "text": (
                        "<p>In Class G, ATC does not separate traffic, but the right-of-way "
                        "rules, the minimum safe altitudes of 14 CFR 91.119 and the Class G "
                        "weather minimums all still apply.</p>"
                    ),
                },
            },
            {
                "type": "heading",
                "value": {"text": "Equipment: transponder and ADS-B Out", "level": "h2"},
            },
            {
                "type": "paragraph",
                "value": (
                    "<p>An altitude-encoding transponder (14 CFR 91.215) and, since January "
                    "2020, ADS-B Out (14 CFR 91.225) are required in Class A, B and C airspace; "
                    "above the ceiling and within the lateral limits of Class B or C up to "
                    "10,000 ft MSL; within 30 NM of a Class B primary airport from the surface "
                    "to 10,000 ft MSL (the <i>Mode C veil</i>); and in Class E at and above "
                    "10,000 ft MSL, except at and below 2,500 ft AGL. Airplanes certificated "
                    "without an electrical system have limited exceptions in the veil, never "
                    "inside Class A, B or C airspace itself.</p>"
                ),
            },
            {
                "type": "key_points",
                "value": {
                    "heading": "Key points",
                    "points": [
                        "Class B needs a clearance: listen for 'cleared into the Class Bravo'; "
                        "hearing your call sign is not enough.",
                        "Class C and D need two-way radio communication: ATC must answer "
                        "using your call sign.",
                        "The Mode C veil reaches 30 NM from the Class B primary airport, from "
                        "the surface to 10,000 ft MSL.",
                        "Class A starts at 18,000 ft MSL and is IFR only.",
                    ],
                },
            },
            {
                "type": "gated_section",
                "value": {
                    "min_tier": "premium",
                    "title": "What examiners ask about airspace",
                    "content": [
                        {
                            "type": "callout",
                            "value": {
                                "kind": "gouge",
                                "title": "The sectional-chart drill",
                                "text": (
                                    "<p>Expect the examiner to point at your planned route and "
                                    "ask: what airspace is this, what do I need to enter it, "
                                    "and what are the weather minimums? Answer all three, in "
                                    "that order, every time.</p>"
                                ),
                            },
                        },
                        {
                            "type": "paragraph",
                            "value": (
                                "<p>A favorite follow-up is the dashed magenta line around "
                                "an airport: Class E airspace that starts at the surface. "
                                "Below basic VFR minimums you need a special VFR clearance to "
                                "operate in it (14 CFR 91.157), and at night special VFR also "
                                "requires an instrument rating and an airplane equipped for "
                                "IFR.</p>"
                            ),
                        },
                        {
                            "type": "key_points",
                            "value": {
                                "heading": "Answers to have ready",
                                "points": [
                                    "Why does Class C have a shelf? To contain arrivals and "
                                    "departures while leaving room beneath for traffic that "
                                    "is not talking to approach.",
                                    "May a student pilot land at any Class B primary "
                                    "airport? No: some are closed to student landings "
                                    "(14 CFR 91.131(b) and part 91 appendix D, section 4).",
                                    "What changes at 10,000 ft MSL? The 250 KIAS limit of "
                                    "14 CFR 91.117 ends, and the weather minimums and the "
                                    "transponder and ADS-B rules for Class E change.",
                                ],
                            },
                        },
                    ],
                },
            },
        ],
    },
    {
        "title": "VFR weather minimums (14 CFR 91.155)",
        "slug": "vfr-weather-minimums",
        "summary": (
            "The visibility and cloud-clearance table every applicant is asked to explain, "
            "broken down so you can rebuild it from memory instead of reciting it."
        ),
        "lesson_type": "video",
        "access_level": "registered",
        "duration_minutes": 12,
        "body": [
            {
                "type": "video",
                "value": {
                    "url": "https://www.youtube.com/watch?v=gsVfrMins01",
                    "title": "VFR weather minimums explained",
                    "caption": "A ten-minute walk through the 91.155 table with a sectional "
                    "chart open.",
                },
            },
            {
                "type": "paragraph",
                "value": (
                    "<p>The basic VFR weather minimums in 14 CFR 91.155 pair a flight "
                    "visibility with a distance from clouds, and both depend on the airspace "
                    "class and your altitude. Most of the table collapses into a few patterns, "
                    "which the video takes one at a time.</p>"
                ),
            },
            {
                "type": "table",
                "value": {
                    "caption": "Basic VFR weather minimums (14 CFR 91.155)",
                    "table": {
                        "first_row_is_table_header": True,
                        "first_col_is_header": False,
                        "table_caption": "",
                        "data": [
                            ["Airspace", "Flight visibility", "Distance from clouds"],
                            ["Class B", "3 SM", "Clear of clouds"],
                            [
                                "Class C or D",
                                "3 SM",
                                "500 ft below, 1,000 ft above, 2,000 ft horizontal",
                            ],
                            [
                                "Class E below 10,000 ft MSL",
                                "3 SM",
                                "500 ft below, 1,000 ft above, 2,000 ft horizontal",
                            ],
                            [
                                "Class E at or above 10,000 ft MSL",
                                "5 SM",
                                "1,000 ft below, 1,000 ft above, 1 SM horizontal",
                            ],
                            ["Class G, 1,200 ft AGL or less, day", "1 SM", "Clear of clouds"],
                            [
                                "Class G, 1,200 ft AGL or less, night",
                                "3 SM",
                                "500 ft below, 1,000 ft above, 2,000 ft horizontal",
                            ],
                            [
                                "Class G, above 1,200 ft AGL and below 10,000 ft MSL, day",
                                "1 SM",
                                "500 ft below, 1,000 ft above, 2,000 ft horizontal",
                            ],
                            [
                                "Class G, above 1,200 ft AGL and below 10,000 ft MSL, night",
                                "3 SM",
                                "500 ft below, 1,000 ft above, 2,000 ft horizontal",
                            ],
                            [
                                "Class G, above 1,200 ft AGL and at or above 10,000 ft MSL",
                                "5 SM",
                                "1,000 ft below, 1,000 ft above, 1 SM horizontal",
                            ],
                        ],
                    },
                },
            },
            {
                "type": "callout",
                "value": {
                    "kind": "tip",
                    "title": "Learn the pattern, then the exceptions",
                    "text": (
                        "<p>Most rows are <b>3 SM</b> with <b>500 below, 1,000 above, 2,000 "
                        "horizontal</b> (often remembered as '3-152'). Learn the exceptions "
                        "instead of every row: Class B (clear of clouds), high altitude (5 SM "
                        "and 1,000/1,000/1 SM) and low-level Class G by day (1 SM, clear of "
                        "clouds).</p>"
                    ),
                },
            },
            {
                "type": "callout",
                "value": {
                    "kind": "warning",
                    "title": "Night in Class G",
                    "text": (
                        "<p>At or below 1,200 ft AGL at night, Class G needs 3 SM and the usual "
                        "cloud clearances. The exception is an airplane in the traffic pattern "
                        "within half a mile of the runway, which may use 1 SM and clear of "
                        "clouds (14 CFR 91.155(b)(2)).</p>"
                    ),
                },
            },
            {
                "type": "paragraph",
                "value": (
                    "<p>Two more rules sit beside the table. Within the surface area of "
                    "controlled airspace you may not fly VFR beneath a ceiling lower than "
                    "1,000 ft, and you may not take off, land or enter the traffic pattern "
                    "there unless the ground visibility is at least 3 SM (14 CFR 91.155(c) "
                    "and (d)). Below those values you need a special VFR clearance.</p>"
                ),
            },
            {
                "type": "key_points",
                "value": {
                    "heading": "Key points",
                    "points": [
                        "The table uses flight visibility, judged from the cockpit; ground "
                        "visibility governs takeoff and landing in a surface area.",
                        "Clear of clouds appears only in Class B and low-level Class G by day "
                        "(plus the night traffic-pattern exception).",
                        "At or above 10,000 ft MSL (and above 1,200 ft AGL in Class G) the "
                        "minimums grow to 5 SM and 1,000/1,000/1 SM.",
                    ],
                },
            },
        ],
        "transcript": (
            "In this video we build the VFR weather minimums table from 14 CFR 91.155 one row "
            "at a time. We start with Class B, where three miles and clear of clouds is enough "
            "because ATC separates everyone. Classes C, D and E below ten thousand feet share "
            "three miles with five hundred below, a thousand above and two thousand "
            "horizontal. At ten thousand feet MSL and above, speeds are higher, so the minimums "
            "grow to five miles and a thousand feet above and below with a mile horizontal. "
            "Finally we look at Class G, where day and night and the 1,200-foot AGL line "
            "change the numbers."
        ),
    },
    {
        "title": "Special use airspace and TFRs",
        "slug": "special-use-airspace-and-tfrs",
        "summary": (
            "Prohibited, restricted, warning and alert areas, MOAs and temporary flight "
            "restrictions: what each means for a VFR pilot and how to check them before you go."
        ),
        "lesson_type": "reading",
        "access_level": "registered",
        "duration_minutes": 14,
        "body": [
            {
                "type": "paragraph",
                "value": (
                    "<p>Special use airspace (SUA) marks areas where activities must be "
                    "confined, or where pilots who are not taking part need to take extra care. "
                    "On the sectional, prohibited, restricted and warning areas have hatched "
                    "blue borders, MOAs and alert areas hatched magenta ones, and a table on the "
                    "chart lists each area's altitudes, times of use and controlling agency.</p>"
                ),
            },
            {
                "type": "table",
                "value": {
                    "caption": "Special use airspace for VFR pilots",
                    "table": {
                        "first_row_is_table_header": True,
                        "first_col_is_header": False,
                        "table_caption": "",
                        "data": [
                            ["Type", "What it means", "VFR entry"],
                            [
                                "Prohibited area",
                                "Flight is banned, for example P-56 over Washington, DC",
                                "No, not without the using agency's permission",
                            ],
                            [
                                "Restricted area",
                                "Hazards such as artillery fire or missile "
                                "testing, often invisible",
                                "Not while active, unless the "
                                "controlling agency authorizes it (14 CFR 91.133)",
                            ],
                            [
                                "Warning area",
                                "The same kinds of hazard, over international "
                                "waters beyond 3 NM from the coast",
                                "Permitted, but the hazard may be present",
                            ],
                            [
                                "Military operations area (MOA)",
                                "Military training such as aerobatics and air combat tactics",
                                "Permitted; ask ATC or Flight Service whether it is active",
                            ],
                            [
                                "Alert area",
                                "A high volume of pilot training or unusual aerial activity",
                                "Permitted; everyone shares responsibility for collision avoidance",
                            ],
                        ],
                    },
                },
            },
            {"type": "heading", "value": {"text": "Temporary flight restrictions", "level": "h2"}},
            {
                "type": "paragraph",
                "value": (
                    "<p>Temporary flight restrictions (TFRs) are issued by NOTAM, sometimes "
                    "with only hours of notice: for disaster and hazard areas such as wildfires "
                    "(14 CFR 91.137), VIP movements (91.141), space operations (91.143) and "
                    "aerial demonstrations and major sporting events (91.145). A standing "
                    "security NOTAM also keeps aircraft at least 3 NM from large stadium "
                    "events, up to 3,000 ft AGL, from one hour before until one hour after "
                    "the event.</p>"
                ),
            },
            {
                "type": "callout",
                "value": {
                    "kind": "warning",
                    "title": "Check NOTAMs every time",
                    "text": (
                        "<p>A sectional chart cannot show TFRs. Preflight action under 14 CFR "
                        "91.103 means checking them on the day of the flight, through Flight "
                        "Service or your EFB, and again before departure if your plans or "
                        "timing change.</p>"
                    ),
                },
            },
            {
                "type": "key_points",
                "value": {
                    "heading": "Key points",
                    "points": [
                        "Hatched blue: prohibited, restricted and warning areas. Hatched "
                        "magenta: MOAs and alert areas.",
                        "A restricted area is off limits while active unless the controlling "
                        "agency clears you through.",
                        "Crossing a MOA under VFR is legal; find out whether it is active first.",
                        "TFRs appear only in NOTAMs, never on the printed chart.",
                    ],
                },
            },
            {
                "type": "gated_section",
                "value": {
                    "min_tier": "premium",
                    "title": "The MOA scenario examiners like",
                    "content": [
                        {
                            "type": "paragraph",
                            "value": (
                                "<p>Your planned route crosses a MOA on a weekday "
                                "afternoon. The examiner asks how you would find out whether "
                                "it is active and what you would do if it were. A strong "
                                "answer: check the times of use on the chart, ask during the "
                                "briefing, use flight following so ATC can call out military "
                                "traffic, and be ready to route around it.</p>"
                            ),
                        },
                        {
                            "type": "callout",
                            "value": {
                                "kind": "gouge",
                                "title": "Don't say 'MOAs are off limits'",
                                "text": (
                                    "<p>Applicants often confuse MOAs with restricted areas. "
                                    "VFR flight through an active MOA is legal but a judgement "
                                    "call, and the examiner wants to hear how you make it.</p>"
                                ),
                            },
                        },
                    ],
                },
            },
        ],
    },
    {
        "title": "Lab: plan a route through a Class C shelf",
        "slug": "lab-route-through-class-c",
        "summary": (
            "A hands-on exercise: plan a VFR cross-country that passes under and into Class C "
            "airspace, decide where to call approach, and log the weather minimums for each leg."
        ),
        "lesson_type": "lab",
        "access_level": "premium",
        "duration_minutes": 25,
        "body": [
            {
                "type": "paragraph",
                "value": (
                    "<p>In this lab you plan a short flight from a non-towered airport, under "
                    "the outer shelf of a Class C area and into the surface area at its primary "
                    "airport. Use a current sectional chart and the Chart Supplement for any "
                    "Class C airport near you; the steps work everywhere.</p>"
                ),
            },
            {"type": "heading", "value": {"text": "Steps", "level": "h2"}},
            {
                "type": "paragraph",
                "value": (
                    "<ol>"
                    "<li>Draw the course line and mark every airspace boundary it crosses, "
                    "with its floor and ceiling.</li>"
                    "<li>Find the approach control frequency for your direction of arrival on "
                    "the chart and in the Chart Supplement.</li>"
                    "<li>Pick a landmark well outside the 10 NM shelf, about 15 to 20 NM from "
                    "the airport, for your first call.</li>"
                    "<li>For each leg, write down the airspace class and its VFR weather "
                    "minimums.</li>"
                    "<li>List the equipment you need: a two-way radio, a Mode C transponder "
                    "and ADS-B Out.</li>"
                    "</ol>"
                ),
            },
            {
                "type": "code",
                "value": {
                    "language": "text",
                    "code": (
                        "Springfield Approach, Cessna Four Seven Two Romeo Papa,\n"
                        "one five miles southwest, three thousand five hundred,\n"
                        "inbound for landing with information Kilo."
                    ),
                    "caption": "A sample first call to approach (Springfield is fictitious)",
                },
            },
            {
                "type": "table",
                "value": {
                    "caption": "A completed leg log, for comparison",
                    "table": {
                        "first_row_is_table_header": True,
                        "first_col_is_header": False,
                        "table_caption": "",
                        "data": [
                            ["Leg", "Airspace", "Visibility", "Cloud clearance", "Talk to"],
                            [
                                "Departure to 15 NM",
                                "Class E above 700 ft AGL",
                                "3 SM",
                                "500 below, 1,000 above, 2,000 horizontal",
                                "CTAF, then approach",
                            ],
                            [
                                "Below the shelf floor",
                                "Class E",
                                "3 SM",
                                "500 below, 1,000 above, 2,000 horizontal",
                                "Approach",
                            ],
                            [
                                "Inside the 5 NM core",
                                "Class C",
                                "3 SM",
                                "500 below, 1,000 above, 2,000 horizontal",
                                "Tower",
                            ],
                        ],
                    },
                },
            },
            {
                "type": "callout",
                "value": {
                    "kind": "tip",
                    "title": "When is communication established?",
                    "text": (
                        "<p>If the controller answers with your call sign, you may enter, even "
                        "if the answer is 'stand by'. 'Aircraft calling Springfield Approach, "
                        "stand by', without your call sign, is not permission.</p>"
                    ),
                },
            },
            {
                "type": "key_points",
                "value": {
                    "heading": "Key points",
                    "points": [
                        "Call early: approach may be busy, and you may not enter until your "
                        "call sign comes back.",
                        "Below the shelf floor you are outside Class C and need no contact, "
                        "but you are usually still in Class E.",
                        "Write the minimums for every leg before you fly, not after the "
                        "weather changes.",
                    ],
                },
            },
        ],
    },
    {
        "title": "Quiz: airspace and VFR minimums",
        "slug": "quiz-airspace-and-vfr-minimums",
        "summary": (
            "Five questions drawn from the airspace bank: entry requirements, cloud clearances "
            "and the shelves on the sectional. Three attempts, ten minutes each."
        ),
        "lesson_type": "quiz",
        "access_level": "registered",
        "duration_minutes": 10,
        "body": [
            {
                "type": "paragraph",
                "value": (
                    "<p>Each attempt draws five questions from the airspace bank, so a second "
                    "attempt asks different ones. Have 14 CFR 91.155 and your sectional's legend "
                    "at hand, as you would in the oral. You need 70% to pass.</p>"
                ),
            },
        ],
    },
]

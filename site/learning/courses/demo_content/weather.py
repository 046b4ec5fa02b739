"""Demo lessons: Private Pilot Checkride Prep, module 2 (Weather)."""

WEATHER_LESSONS = [
    {
        "title": "Reading a METAR, field by field",
        "slug": "reading-a-metar",
        "summary": (
            "Decode a routine aviation weather report one group at a time, from the station "
            "identifier to the remarks, and work out the flight category it describes."
        ),
        "lesson_type": "reading",
        "access_level": "registered",
        "duration_minutes": 20,
        "body": [
            {
                "type": "paragraph",
                "value": (
                    "<p>A METAR is an observation, not a forecast: it reports the weather at "
                    "one airport at the time shown. Routine reports go out every hour, and a "
                    "special report (SPECI) is issued whenever conditions change significantly "
                    "in between.</p>"
                ),
            },
            {
                "type": "code",
                "value": {
                    "language": "text",
                    "code": (
                        "METAR KPDX 141753Z 20012G22KT 5SM -RA BR BKN012 OVC025 09/07 A2981\n"
                        "      RMK AO2 SLP097 P0003 T00890072"
                    ),
                    "caption": "A routine observation at Portland International (KPDX)",
                },
            },
            {
                "type": "table",
                "value": {
                    "caption": "Decoding the report",
                    "table": {
                        "first_row_is_table_header": True,
                        "first_col_is_header": False,
                        "table_caption": "",
                        "data": [
                            ["Group", "Meaning"],
                            ["KPDX", "Station: Portland International, Oregon"],
                            ["141753Z", "The 14th day of the month, 1753 UTC"],
                            ["20012G22KT", "Wind from 200° true at 12 knots, gusting to 22"],
                            ["5SM", "Visibility 5 statute miles"],
                            ["-RA BR", "Light rain and mist"],
                            ["BKN012 OVC025", "Broken at 1,200 ft AGL, overcast at 2,500 ft AGL"],
                            ["09/07", "Temperature 9 °C, dew point 7 °C"],
                            ["A2981", "Altimeter setting 29.81 inches of mercury"],
                            ["RMK AO2", "Automated station with a precipitation sensor"],
                            [
                                "SLP097 P0003",
                                "Sea-level pressure 1009.7 hPa; 0.03 in of "
                                "precipitation in the past hour",
                            ],
                            ["T00890072", "Temperature 8.9 °C and dew point 7.2 °C"],
                        ],
                    },
                },
            },
            {
                "type": "callout",
                "value": {
                    "kind": "tip",
                    "title": "Find the ceiling first",
                    "text": (
                        "<p>The ceiling is the lowest broken or overcast layer, or the vertical "
                        "visibility into an obscuration. Here it is BKN012: 1,200 ft. With 5 SM "
                        "visibility that makes KPDX <b>marginal VFR</b> (ceiling 1,000 to "
                        "3,000 ft and/or visibility 3 to 5 SM).</p>"
                    ),
                },
            },
            {
                "type": "callout",
                "value": {
                    "kind": "warning",
                    "title": "A small spread means rising risk",
                    "text": (
                        "<p>A temperature/dew point spread of 2 °C means the air is close to "
                        "saturation. Expect lower clouds, fog or reduced visibility, "
                        "especially as the air cools toward evening.</p>"
                    ),
                },
            },
            {
                "type": "key_points",
                "value": {
                    "heading": "Key points",
                    "points": [
                        "Winds in a METAR are true; winds from ATIS and the tower are magnetic.",
                        "Cloud heights are in hundreds of feet above ground level.",
                        "Only BKN, OVC or VV layers form a ceiling; FEW and SCT never do.",
                        "AO2 is an automated station with a precipitation discriminator; AO1 "
                        "has none.",
                    ],
                },
            },
            {
                "type": "gated_section",
                "value": {
                    "min_tier": "premium",
                    "title": "What examiners ask about METARs",
                    "content": [
                        {
                            "type": "callout",
                            "value": {
                                "kind": "gouge",
                                "title": "Read it aloud, then answer three questions",
                                "text": (
                                    "<p>Examiners often print the METAR for your departure "
                                    "airport on the day and ask you to read it aloud. Then: "
                                    "is this VFR, is it legal for you, and would you go? Those "
                                    "are three different questions, and the last one is about "
                                    "your personal minimums.</p>"
                                ),
                            },
                        },
                        {
                            "type": "paragraph",
                            "value": (
                                "<p>Be ready for a SPECI, for a VV group (vertical "
                                "visibility into an obscuration, which counts as a ceiling), "
                                "and for the difference between a fully automated report "
                                "(AUTO) and one augmented by a human observer.</p>"
                            ),
                        },
                        {
                            "type": "key_points",
                            "value": {
                                "heading": "Likely follow-up questions",
                                "points": [
                                    "Is the wind direction in this report true or magnetic, "
                                    "and why does it matter for the runway you expect?",
                                    "What would you look for in the remarks section?",
                                    "The altimeter setting has fallen 0.10 inHg in three "
                                    "hours. What does that tell you?",
                                ],
                            },
                        },
                    ],
                },
            },
        ],
    },
    {
        "title": "Decoding TAFs and change groups",
        "slug": "decoding-tafs",
        "summary": (
            "How terminal aerodrome forecasts are built, what FM, TEMPO and PROB30 mean, and "
            "how to find the worst conditions forecast for your arrival time."
        ),
        "lesson_type": "video",
        "access_level": "registered",
        "duration_minutes": 15,
        "body": [
            {
                "type": "video",
                "value": {
                    "url": "https://www.youtube.com/watch?v=gsTafDecode",
                    "title": "Reading a TAF from top to bottom",
                    "caption": "Every change group in a 30-hour Portland forecast, applied in "
                    "order.",
                },
            },
            {
                "type": "paragraph",
                "value": (
                    "<p>A TAF forecasts the weather within 5 SM of the center of an airport's "
                    "runway complex. Routine TAFs are issued four times a day (0000, 0600, 1200 "
                    "and 1800 UTC) and cover 24 or 30 hours. Unlike a METAR, a TAF only "
                    "includes weather that is likely to matter to aircraft.</p>"
                ),
            },
            {
                "type": "code",
                "value": {
                    "language": "text",
                    "code": (
                        "TAF KPDX 141720Z 1418/1524 20012G20KT P6SM -RA BKN015 OVC030\n"
                        "     FM142200 21015G25KT 4SM -RA BR OVC012\n"
                        "     TEMPO 1502/1506 2SM RA BR OVC008\n"
                        "     FM150900 24008KT P6SM SCT020 BKN040\n"
                        "     PROB30 1516/1520 3SM -SHRA BKN025"
                    ),
                    "caption": "A 30-hour TAF for Portland International",
                },
            },
            {
                "type": "table",
                "value": {
                    "caption": "The groups in this forecast",
                    "table": {
                        "first_row_is_table_header": True,
                        "first_col_is_header": False,
                        "table_caption": "",
                        "data": [
                            ["Group", "Meaning"],
                            [
                                "1418/1524",
                                "Valid from 1800 UTC on the 14th to 2400 UTC on the 15th",
                            ],
                            [
                                "FM142200",
                                "From 2200 UTC on the 14th, a complete new forecast "
                                "replaces everything before it",
                            ],
                            [
                                "TEMPO 1502/1506",
                                "Temporary changes, each lasting less than an "
                                "hour and in total less than half of the period",
                            ],
                            [
                                "PROB30 1516/1520",
                                "A 30 percent chance of these conditions in the period",
                            ],
                            ["P6SM", "Visibility more than 6 statute miles"],
                        ],
                    },
                },
            },
            {
                "type": "callout",
                "value": {
                    "kind": "tip",
                    "title": "Plan for the worst group",
                    "text": (
                        "<p>For your arrival time, list every group that applies, TEMPO and "
                        "PROB30 included, and plan around the worst. If you cannot accept 2 SM "
                        "and an 800 ft overcast, that TEMPO group alone is a reason to change "
                        "the plan.</p>"
                    ),
                },
            },
            {
                "type": "key_points",
                "value": {
                    "heading": "Key points",
                    "points": [
                        "TAF times are UTC: convert your departure and arrival times before "
                        "you start reading.",
                        "FM starts a new baseline; TEMPO and PROB30 modify it for a while.",
                        "TAF winds are true, like METAR winds.",
                        "Visibility better than 6 SM is written P6SM.",
                    ],
                },
            },
        ],
        "transcript": (
            "Let's read the Portland TAF together. The header says it was issued on the 14th "
            "at 1720 UTC and is valid from 1800 on the 14th until midnight UTC at the end of "
            "the 15th, thirty hours. The first line is the baseline: wind from two hundred "
            "degrees gusting to twenty, more than six miles in light rain, broken at fifteen "
            "hundred. From 2200 UTC everything changes: the wind picks up and the ceiling "
            "drops to twelve hundred overcast. Overnight a TEMPO group warns of two miles and "
            "eight hundred overcast for short periods. By morning the weather improves, with "
            "only a thirty percent chance of showers in the afternoon."
        ),
    },
    {
        "title": "Weather charts: prog charts, G-AIRMETs and SIGMETs",
        "slug": "weather-charts-and-advisories",
        "summary": (
            "The graphical products behind a standard briefing, from the surface analysis to "
            "convective SIGMETs, and which of them should change your plan."
        ),
        "lesson_type": "reading",
        "access_level": "premium",
        "duration_minutes": 18,
        "body": [
            {
                "type": "paragraph",
                "value": (
                    "<p>METARs and TAFs describe single airports. For the weather between them "
                    "you need the big picture: where the fronts and pressure systems are, where "
                    "they are going and where hazards are forecast. The Aviation Weather "
                    "Center publishes all of it at aviationweather.gov, and its Graphical "
                    "Forecasts for Aviation (GFA) put most of it on one map.</p>"
                ),
            },
            {"type": "heading", "value": {"text": "Charts for the big picture", "level": "h2"}},
            {
                "type": "table",
                "value": {
                    "caption": "Charts and what to take from them",
                    "table": {
                        "first_row_is_table_header": True,
                        "first_col_is_header": False,
                        "table_caption": "",
                        "data": [
                            ["Product", "What it shows", "Use it to"],
                            [
                                "Surface analysis",
                                "Observed fronts, pressure systems and station plots",
                                "See the current weather pattern",
                            ],
                            [
                                "Low-level significant weather prog",
                                "Forecast fronts, IFR and "
                                "MVFR areas, turbulence and freezing levels, surface to FL240",
                                "See how the pattern will change over the next day",
                            ],
                            [
                                "Graphical Forecasts for Aviation",
                                "Clouds, weather, winds, icing and turbulence, hour by hour",
                                "Picture your route at your departure time",
                            ],
                        ],
                    },
                },
            },
            {"type": "heading", "value": {"text": "In-flight advisories", "level": "h2"}},
            {
                "type": "table",
                "value": {
                    "caption": "G-AIRMETs and SIGMETs",
                    "table": {
                        "first_row_is_table_header": True,
                        "first_col_is_header": False,
                        "table_caption": "",
                        "data": [
                            ["Advisory", "Hazard", "Timing"],
                            [
                                "G-AIRMET Sierra",
                                "IFR conditions and mountain obscuration",
                                "Snapshots every 3 hours",
                            ],
                            [
                                "G-AIRMET Tango",
                                "Moderate turbulence, sustained surface winds "
                                "over 30 knots, low-level wind shear",
                                "Snapshots every 3 hours",
                            ],
                            [
                                "G-AIRMET Zulu",
                                "Moderate icing and freezing levels",
                                "Snapshots every 3 hours",
                            ],
                            [
                                "SIGMET",
                                "Severe icing, severe or extreme turbulence, dust or "
                                "sandstorms below 3 SM, volcanic ash",
                                "Valid up to 4 hours (6 for hurricanes and volcanic ash)",
                            ],
                            [
                                "Convective SIGMET",
                                "Lines of thunderstorms, embedded or severe "
                                "thunderstorms, tornadoes",
                                "Issued hourly, valid up to 2 hours",
                            ],
                        ],
                    },
                },
            },
            {
                "type": "callout",
                "value": {
                    "kind": "warning",
                    "title": "AIRMETs are written for airplanes like yours",
                    "text": (
                        "<p>A G-AIRMET for moderate icing or turbulence applies to all aircraft, "
                        "and a light single without ice protection is exactly the airplane it "
                        "warns. Treat a Zulu along your route as a reason to rethink the "
                        "flight, not as small print.</p>"
                    ),
                },
            },
            {
                "type": "key_points",
                "value": {
                    "heading": "Key points",
                    "points": [
                        "The surface analysis is what happened; prog charts are what is forecast.",
                        "Sierra, Tango, Zulu: IFR and obscuration; turbulence and wind; icing.",
                        "A convective SIGMET implies severe turbulence, severe icing and "
                        "low-level wind shear even when none is named.",
                    ],
                },
            },
        ],
    },
    {
        "title": "Quiz: METAR and TAF decoding",
        "slug": "quiz-metar-and-taf",
        "summary": (
            "Ten minutes of practice: decode two reports and a forecast, then check your "
            "answers against the worked solutions."
        ),
        "lesson_type": "quiz",
        "access_level": "premium",
        "duration_minutes": 10,
        "body": [
            {
                "type": "paragraph",
                "value": (
                    "<p>Read each report, write down your answers, then compare them with the "
                    "worked answers below. Score yourself honestly: a wrong answer here is much "
                    "cheaper than one in front of the examiner.</p>"
                ),
            },
            {
                "type": "code",
                "value": {
                    "language": "text",
                    "code": "METAR KBOI 030953Z 32006KT 1/2SM FZFG VV002 M02/M02 A3021 RMK AO2 "
                    "T10221022",
                    "caption": "Question 1: what is the ceiling, and what flight category is this?",
                },
            },
            {
                "type": "code",
                "value": {
                    "language": "text",
                    "code": (
                        "METAR KDEN 211853Z 17014G28KT 10SM -TSRA SCT080CB BKN120 24/09 A3008\n"
                        "      RMK AO2 PK WND 17031/1832 TSB40 OCNL LTGICCG NW"
                    ),
                    "caption": "Question 2: is there a thunderstorm at the field, and what was "
                    "the peak wind?",
                },
            },
            {
                "type": "code",
                "value": {
                    "language": "text",
                    "code": (
                        "TAF KSEA 211720Z 2118/2224 19010KT P6SM BKN025\n"
                        "     FM220300 18015G25KT 3SM -RA BR OVC010\n"
                        "     TEMPO 2206/2210 1 1/2SM RA BR OVC006"
                    ),
                    "caption": "Question 3: you will land at 0800 UTC on the 22nd. What is the "
                    "worst forecast?",
                },
            },
            {
                "type": "callout",
                "value": {
                    "kind": "tip",
                    "title": "Mind the clock",
                    "text": (
                        "<p>All times are UTC. Pacific Daylight Time is UTC minus 7 hours, so "
                        "0800 UTC is 0100 local in summer.</p>"
                    ),
                },
            },
            {
                "type": "key_points",
                "value": {
                    "heading": "Worked answers",
                    "points": [
                        "1. The vertical visibility of 200 ft is the ceiling. With 1/2 SM in "
                        "freezing fog, this is LIFR (ceiling below 500 ft and/or visibility "
                        "below 1 SM).",
                        "2. Yes: -TSRA is a thunderstorm with light rain at the station, which "
                        "began at 40 minutes past the hour (TSB40). The peak wind was 31 knots "
                        "from 170° at 1832 UTC.",
                        "3. From 0300 UTC the baseline is 3 SM and 1,000 ft overcast, and the "
                        "TEMPO group allows 1 1/2 SM and 600 ft overcast from 0600 to 1000 UTC. "
                        "Plan for the TEMPO conditions: IFR.",
                    ],
                },
            },
        ],
    },
]

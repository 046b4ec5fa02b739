"""A hand-checked subset of FAA-S-ACS-6C (Private Pilot for Airplane Category ACS,
November 2023) so the product has real ACS codes without the PDF.

The wording is the FAA's, exactly as printed (wrapped lines joined; a sub-element's
repeated letter "a." dropped because its code already carries it). Tasks: PA.I.B, PA.I.C,
PA.I.E, PA.IX.C (with its archived K1a-K1d) and PA.XI.A, which has no skill elements.
demo.py turns this into the importer's records and loads it through
services.import_standard, the same write path as the PDF.
"""

import datetime

STANDARD = {
    "code": "PA",
    "title": "Private Pilot for Airplane Category Airman Certification Standards",
    "document_id": "FAA-S-ACS-6C",
    "revision_date": datetime.date(2023, 11, 1),
}
AREAS = [
    {
        "numeral": "I",
        "title": "Preflight Preparation",
        "tasks": [
            {
                "letter": "B",
                "title": "Airworthiness Requirements",
                "references": "14 CFR parts 39, 43, 91; FAA-H-8083-2, FAA-H-8083-3, FAA-H-8083-25",
                "objective": (
                    "To determine the applicant exhibits satisfactory knowledge, risk "
                    "management, and skills associated with airworthiness requirements, "
                    "including airplane certificates."
                ),
                "elements": [
                    (
                        "PA.I.B.K1",
                        (
                            "General airworthiness requirements and compliance for airplanes, "
                            "including:"
                        ),
                    ),
                    (
                        "PA.I.B.K1a",
                        "Location and expiration dates of required aircraft certificates",
                    ),
                    ("PA.I.B.K1b", "Required inspections and airplane logbook documentation"),
                    (
                        "PA.I.B.K1c",
                        "Airworthiness Directives and Special Airworthiness Information Bulletins",
                    ),
                    ("PA.I.B.K1d", "Purpose and procedure for obtaining a special flight permit"),
                    ("PA.I.B.K1e", "Owner/Operator and pilot-in-command responsibilities"),
                    ("PA.I.B.K2", "Pilot-performed preventive maintenance."),
                    (
                        "PA.I.B.K3",
                        "Equipment requirements for day and night VFR flight, including:",
                    ),
                    ("PA.I.B.K3a", "Flying with inoperative equipment"),
                    ("PA.I.B.K3b", "Using an approved Minimum Equipment List (MEL)"),
                    ("PA.I.B.K3c", "Kinds of Operation Equipment List (KOEL)"),
                    ("PA.I.B.K3d", "Required discrepancy records or placards"),
                    (
                        "PA.I.B.K4",
                        (
                            "Standard and special airworthiness certificates and their "
                            "associated operational limitations."
                        ),
                    ),
                    ("PA.I.B.R1", "Inoperative equipment discovered prior to flight."),
                    (
                        "PA.I.B.S1",
                        "Locate and describe airplane airworthiness and registration information.",
                    ),
                    (
                        "PA.I.B.S2",
                        (
                            "Determine the airplane is airworthy in the scenario given by the "
                            "evaluator."
                        ),
                    ),
                    (
                        "PA.I.B.S3",
                        (
                            "Apply appropriate procedures for operating with inoperative "
                            "equipment in the scenario given by the evaluator."
                        ),
                    ),
                ],
            },
            {
                "letter": "C",
                "title": "Weather Information",
                "references": (
                    "14 CFR part 91; AC 91-92; AIM; FAA-H-8083-2, FAA-H-8083-3, FAA-H-8083-25, "
                    "FAA-H-8083-28"
                ),
                "objective": (
                    "To determine the applicant exhibits satisfactory knowledge, risk "
                    "management, and skills associated with weather information for a flight "
                    "under VFR."
                ),
                "elements": [
                    (
                        "PA.I.C.K1",
                        (
                            "Sources of weather data (e.g., National Weather Service, Flight "
                            "Service) for flight planning purposes."
                        ),
                    ),
                    (
                        "PA.I.C.K2",
                        (
                            "Acceptable weather products and resources required for preflight "
                            "planning, current and forecast weather for departure, en route, and "
                            "arrival phases of flight such as:"
                        ),
                    ),
                    (
                        "PA.I.C.K2a",
                        "Airport Observations (METAR and SPECI) and Pilot Observations (PIREP)",
                    ),
                    ("PA.I.C.K2b", "Surface Analysis Chart, Ceiling and Visibility Chart (CVA)"),
                    ("PA.I.C.K2c", "Terminal Aerodrome Forecasts (TAF)"),
                    ("PA.I.C.K2d", "Graphical Forecasts for Aviation (GFA)"),
                    ("PA.I.C.K2e", "Wind and Temperature Aloft Forecast (FB)"),
                    ("PA.I.C.K2f", "Convective Outlook (AC)"),
                    (
                        "PA.I.C.K2g",
                        (
                            "Inflight Aviation Weather Advisories including Airmen's "
                            "Meteorological Information (AIRMET), Significant Meteorological "
                            "Information (SIGMET), and Convective SIGMET"
                        ),
                    ),
                    (
                        "PA.I.C.K3",
                        (
                            "Meteorology applicable to the departure, en route, alternate, and "
                            "destination under visual flight rules (VFR) in Visual "
                            "Meteorological Conditions (VMC), including expected climate and "
                            "hazardous conditions such as:"
                        ),
                    ),
                    ("PA.I.C.K3a", "Atmospheric composition and stability"),
                    (
                        "PA.I.C.K3b",
                        "Wind (e.g., windshear, mountain wave, factors affecting wind, etc.)",
                    ),
                    ("PA.I.C.K3c", "Temperature and heat exchange"),
                    ("PA.I.C.K3d", "Moisture/precipitation"),
                    ("PA.I.C.K3e", "Weather system formation, including air masses and fronts"),
                    ("PA.I.C.K3f", "Clouds"),
                    ("PA.I.C.K3g", "Turbulence"),
                    ("PA.I.C.K3h", "Thunderstorms and microbursts"),
                    ("PA.I.C.K3i", "Icing and freezing level information"),
                    ("PA.I.C.K3j", "Fog/mist"),
                    ("PA.I.C.K3k", "Frost"),
                    (
                        "PA.I.C.K3l",
                        "Obstructions to visibility (e.g., smoke, haze, volcanic ash, etc.)",
                    ),
                    (
                        "PA.I.C.K4",
                        (
                            "Flight deck instrument displays of digital weather and aeronautical "
                            "information."
                        ),
                    ),
                    ("PA.I.C.R1", "Making the go/no-go and continue/divert decisions, including:"),
                    ("PA.I.C.R1a", "Circumstances that would make diversion prudent"),
                    ("PA.I.C.R1b", "Personal weather minimums"),
                    (
                        "PA.I.C.R1c",
                        (
                            "Hazardous weather conditions, including known or forecast icing or "
                            "turbulence aloft"
                        ),
                    ),
                    ("PA.I.C.R2", "Use and limitations of:"),
                    ("PA.I.C.R2a", "Installed onboard weather equipment"),
                    ("PA.I.C.R2b", "Aviation weather reports and forecasts"),
                    ("PA.I.C.R2c", "Inflight weather resources"),
                    (
                        "PA.I.C.S1",
                        (
                            "Use available aviation weather resources to obtain an adequate "
                            "weather briefing."
                        ),
                    ),
                    (
                        "PA.I.C.S2",
                        (
                            "Analyze the implications of at least three of the conditions listed "
                            "in K3a through K3l, using actual weather or weather conditions "
                            "provided by the evaluator."
                        ),
                    ),
                    ("PA.I.C.S3", "Correlate weather information to make a go/no-go decision."),
                ],
            },
            {
                "letter": "E",
                "title": "National Airspace System",
                "references": (
                    "14 CFR parts 71, 91, 93; AIM; FAA-H-8083-2, FAA-H-8083-3, FAA-H-8083-25; "
                    "VFR Navigation Charts"
                ),
                "objective": (
                    "To determine the applicant exhibits satisfactory knowledge, risk "
                    "management, and skills associated with National Airspace System (NAS) "
                    "operations under VFR as a private pilot."
                ),
                "elements": [
                    ("PA.I.E.K1", "Airspace classes and associated requirements and limitations."),
                    ("PA.I.E.K2", "Chart symbols."),
                    (
                        "PA.I.E.K3",
                        (
                            "Special use airspace (SUA), special flight rules areas (SFRA), "
                            "temporary flight restrictions (TFR), and other airspace areas."
                        ),
                    ),
                    ("PA.I.E.K4", "Special visual flight rules (VFR) requirements."),
                    ("PA.I.E.R1", "Various classes and types of airspace."),
                    (
                        "PA.I.E.S1",
                        (
                            "Identify and comply with the requirements for basic VFR weather "
                            "minimums and flying in particular classes of airspace."
                        ),
                    ),
                    (
                        "PA.I.E.S2",
                        (
                            "Correctly identify airspace and operate in accordance with "
                            "associated communication and equipment requirements."
                        ),
                    ),
                    (
                        "PA.I.E.S3",
                        (
                            "Identify the requirements for operating in SUA or within a TFR. "
                            "Identify and comply with special air traffic rules (SATR) and SFRA "
                            "operations, if applicable."
                        ),
                    ),
                ],
            },
        ],
    },
    {
        "numeral": "IX",
        "title": "Emergency Operations",
        "tasks": [
            {
                "letter": "C",
                "title": "Systems and Equipment Malfunctions",
                "references": "FAA-H-8083-2, FAA-H-8083-3, FAA-H-8083-25; POH/AFM",
                "objective": (
                    "To determine the applicant exhibits satisfactory knowledge, risk "
                    "management, and skills associated with system and equipment malfunctions "
                    "appropriate to the airplane provided for the practical test."
                ),
                "elements": [
                    (
                        "PA.IX.C.K1",
                        (
                            "Causes of partial or complete power loss related to the specific "
                            "type of powerplant(s)."
                        ),
                    ),
                    ("PA.IX.C.K1a", "[Archived]"),
                    ("PA.IX.C.K1b", "[Archived]"),
                    ("PA.IX.C.K1c", "[Archived]"),
                    ("PA.IX.C.K1d", "[Archived]"),
                    (
                        "PA.IX.C.K2",
                        "System and equipment malfunctions specific to the aircraft, including:",
                    ),
                    ("PA.IX.C.K2a", "Electrical malfunction"),
                    (
                        "PA.IX.C.K2b",
                        "Vacuum/pressure and associated flight instrument malfunctions",
                    ),
                    ("PA.IX.C.K2c", "Pitot-static system malfunction"),
                    ("PA.IX.C.K2d", "Electronic flight deck display malfunction"),
                    ("PA.IX.C.K2e", "Landing gear or flap malfunction"),
                    ("PA.IX.C.K2f", "Inoperative trim"),
                    ("PA.IX.C.K3", "Causes and remedies for smoke or fire onboard the aircraft."),
                    (
                        "PA.IX.C.K4",
                        (
                            "Any other system specific to the aircraft (e.g., supplemental "
                            "oxygen, deicing)."
                        ),
                    ),
                    ("PA.IX.C.K5", "Inadvertent door or window opening."),
                    ("PA.IX.C.R1", "Checklist usage for a system or equipment malfunction."),
                    (
                        "PA.IX.C.R2",
                        (
                            "Distractions, task prioritization, loss of situational awareness, "
                            "or disorientation."
                        ),
                    ),
                    ("PA.IX.C.R3", "Undesired aircraft state."),
                    ("PA.IX.C.R4", "Startle response."),
                    (
                        "PA.IX.C.S1",
                        (
                            "Determine appropriate action for simulated emergencies specified by "
                            "the evaluator, from at least three of the elements or sub-elements "
                            "listed in K1 through K5."
                        ),
                    ),
                    ("PA.IX.C.S2", "Complete the appropriate checklist(s)."),
                ],
            },
        ],
    },
    {
        "numeral": "XI",
        "title": "Night Operations",
        "tasks": [
            {
                "letter": "A",
                "title": "Night Operations",
                "references": "AIM; FAA-H-8083-2, FAA-H-8083-3, FAA-H-8083-25; POH/AFM",
                "objective": (
                    "To determine the applicant exhibits satisfactory knowledge and risk "
                    "management associated with night operations."
                ),
                "elements": [
                    ("PA.XI.A.K1", "Physiological aspects of vision related to night flying."),
                    (
                        "PA.XI.A.K2",
                        (
                            "Lighting systems identifying airports, runways, taxiways and "
                            "obstructions, as well as pilot controlled lighting."
                        ),
                    ),
                    (
                        "PA.XI.A.K3",
                        "Airplane equipment and lighting requirements for night operations.",
                    ),
                    ("PA.XI.A.K4", "Personal equipment essential for night flight."),
                    (
                        "PA.XI.A.K5",
                        (
                            "Night orientation, navigation, chart reading techniques and methods "
                            "for maintaining night vision effectiveness."
                        ),
                    ),
                    ("PA.XI.A.K6", "Night taxi operations."),
                    (
                        "PA.XI.A.K7",
                        (
                            "Interpretation of traffic position and direction based solely on "
                            "position lights."
                        ),
                    ),
                    ("PA.XI.A.K8", "Visual illusions at night."),
                    ("PA.XI.A.R1", "Collision hazards."),
                    (
                        "PA.XI.A.R2",
                        (
                            "Distractions, task prioritization, loss of situational awareness, "
                            "or disorientation."
                        ),
                    ),
                    (
                        "PA.XI.A.R3",
                        (
                            "Effect of visual illusions and night adaptation during all phases "
                            "of night flying."
                        ),
                    ),
                    ("PA.XI.A.R4", "Runway incursion."),
                    ("PA.XI.A.R5", "Night currency versus proficiency."),
                    ("PA.XI.A.R6", "Weather considerations specific to night operations."),
                    ("PA.XI.A.R7", "Inoperative equipment."),
                ],
            },
        ],
    },
]

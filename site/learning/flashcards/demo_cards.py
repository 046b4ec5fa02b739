# ruff: noqa: E501  (one card per line reads better than wrapped strings)
"""The words of the demo "Private Pilot Essentials" deck (plain text; demo.py turns it
into card HTML). Each card: (key, category, tags, front, back). Keys are stable so a
reload finds the card it made. Facts follow 14 CFR Parts 61 and 91, the AIM and the
FAA's Pilot's Handbook of Aeronautical Knowledge and Aviation Weather Handbook.
"""

DECK_NAME = "Private Pilot Essentials"
DECK_DESCRIPTION = (
    "The facts every private pilot applicant is asked about: airspace and VFR weather "
    "minimums, V-speeds, the regulations on currency, medicals, fuel and equipment, light "
    "gun signals and weather reports."
)
DECK_CATEGORY = "Private pilot"
AIRSPACE, REGS, AIRCRAFT, WEATHER = "Airspace", "Regulations", "Aircraft", "Weather"

# fmt: off
CARDS = [
    ("wx-min-b", AIRSPACE, "airspace vfr-minimums 91.155", "VFR weather minimums in Class B airspace?", "3 statute miles flight visibility, clear of clouds (14 CFR 91.155)."),
    ("wx-min-c", AIRSPACE, "airspace vfr-minimums 91.155", "VFR weather minimums in Class C airspace?", "3 SM visibility; 500 ft below, 1,000 ft above and 2,000 ft horizontal from clouds."),
    ("wx-min-d", AIRSPACE, "airspace vfr-minimums 91.155", "VFR weather minimums in Class D airspace?", "3 SM visibility; 500 ft below, 1,000 ft above and 2,000 ft horizontal from clouds."),
    ("wx-min-e-low", AIRSPACE, "airspace vfr-minimums 91.155", "VFR weather minimums in Class E airspace below 10,000 ft MSL?", "3 SM visibility; 500 ft below, 1,000 ft above and 2,000 ft horizontal from clouds."),
    ("wx-min-e-high", AIRSPACE, "airspace vfr-minimums 91.155", "VFR weather minimums in Class E airspace at or above 10,000 ft MSL?", "5 SM visibility; 1,000 ft below, 1,000 ft above and 1 SM horizontal from clouds."),
    ("wx-min-g-day-low", AIRSPACE, "airspace vfr-minimums 91.155", "Class G, 1,200 ft AGL or less, by day: VFR weather minimums?", "1 SM visibility, clear of clouds."),
    ("wx-min-g-night-low", AIRSPACE, "airspace vfr-minimums 91.155", "Class G, 1,200 ft AGL or less, at night: VFR weather minimums?", "3 SM visibility; 500 ft below, 1,000 ft above, 2,000 ft horizontal.\nException: in the traffic pattern within 1/2 mile of the runway, 1 SM and clear of clouds."),
    ("wx-min-g-mid", AIRSPACE, "airspace vfr-minimums 91.155", "Class G, more than 1,200 ft AGL but below 10,000 ft MSL: VFR weather minimums?", "Day: 1 SM visibility; 500 below, 1,000 above, 2,000 horizontal.\nNight: 3 SM visibility; 500 below, 1,000 above, 2,000 horizontal."),
    ("wx-min-g-high", AIRSPACE, "airspace vfr-minimums 91.155", "Class G, more than 1,200 ft AGL and at or above 10,000 ft MSL: VFR weather minimums?", "5 SM visibility; 1,000 ft below, 1,000 ft above and 1 SM horizontal from clouds."),
    ("wx-min-surface", AIRSPACE, "airspace vfr-minimums 91.155", "Basic VFR within the surface area of controlled airspace: minimum ceiling and visibility?", "Ceiling at least 1,000 ft and ground visibility at least 3 SM (unless under special VFR)."),
    ("svfr", AIRSPACE, "airspace special-vfr 91.157", "Special VFR: weather minimums and the extra night requirement?", "1 SM flight visibility (and 1 SM ground visibility to take off or land) and clear of clouds, with an ATC clearance.\nAt night the pilot needs an instrument rating and the aircraft must be IFR-equipped."),
    ("class-a", AIRSPACE, "airspace dimensions", "Vertical limits of Class A airspace?", "From 18,000 ft MSL up to and including FL600. All flight there is IFR."),
    ("class-b", AIRSPACE, "airspace dimensions class-b", "What do you need to enter Class B airspace?", "An ATC clearance, two-way radio, a Mode C transponder and ADS-B Out, and at least a private pilot certificate (or a student pilot with the required endorsements)."),
    ("class-b-shape", AIRSPACE, "airspace dimensions class-b", "Typical shape of Class B airspace?", "Surface to 10,000 ft MSL around the busiest airports, tailored in layers like an upside-down wedding cake."),
    ("class-c", AIRSPACE, "airspace dimensions class-c", "Typical dimensions of Class C airspace?", "Inner core: 5 NM radius, surface to 4,000 ft above the airport elevation.\nShelf: 10 NM radius, from 1,200 ft to 4,000 ft above the airport elevation."),
    ("class-c-entry", AIRSPACE, "airspace class-c", "What must happen before you enter Class C airspace?", "Two-way radio communication established with ATC (they answer with your call sign), and a Mode C transponder and ADS-B Out."),
    ("class-d", AIRSPACE, "airspace dimensions class-d", "Typical dimensions of Class D airspace?", "Surface to 2,500 ft above the airport elevation (charted in MSL), usually about a 4 NM radius; two-way radio communication is required."),
    ("class-e", AIRSPACE, "airspace dimensions class-e", "Where does Class E airspace usually begin and end?", "Usually from 1,200 ft AGL (700 ft AGL inside magenta shading, or the surface inside dashed magenta lines) up to but not including 18,000 ft MSL; also above FL600."),
    ("mode-c-veil", AIRSPACE, "airspace transponder 91.215", "What is the Mode C veil?", "Within 30 NM of a Class B primary airport, from the surface to 10,000 ft MSL: an altitude-reporting transponder (and ADS-B Out) is required."),
    ("speed-limits", AIRSPACE, "airspace speed 91.117", "Airspeed limits of 14 CFR 91.117?", "Below 10,000 ft MSL: 250 knots.\nAt or below 2,500 ft AGL within 4 NM of the primary airport of Class C or D: 200 knots.\nUnder a Class B shelf or in a VFR corridor: 200 knots."),
    ("transponder-codes", AIRSPACE, "airspace transponder", "Transponder codes 1200, 7500, 7600 and 7700?", "1200: VFR.\n7500: hijacking.\n7600: lost communications.\n7700: emergency."),
    ("vso", AIRCRAFT, "v-speeds", "What is VSO?", "The stalling speed or minimum steady flight speed in the landing configuration (bottom of the white arc)."),
    ("vs1", AIRCRAFT, "v-speeds", "What is VS1?", "The stalling speed or minimum steady flight speed in a specified configuration, usually clean (bottom of the green arc)."),
    ("vx", AIRCRAFT, "v-speeds", "What is VX?", "Best angle of climb speed: the most altitude in a given horizontal distance (for clearing obstacles)."),
    ("vy", AIRCRAFT, "v-speeds", "What is VY?", "Best rate of climb speed: the most altitude in a given time."),
    ("va", AIRCRAFT, "v-speeds", "What is VA, and how does it change with weight?", "Design maneuvering speed: full, abrupt control movement should not overstress the airplane below it. It decreases as weight decreases."),
    ("vfe", AIRCRAFT, "v-speeds", "What is VFE?", "Maximum flap extended speed (top of the white arc)."),
    ("vno", AIRCRAFT, "v-speeds", "What is VNO?", "Maximum structural cruising speed (top of the green arc). Above it, in the yellow arc, fly only in smooth air."),
    ("vne", AIRCRAFT, "v-speeds", "What is VNE?", "Never-exceed speed (the red line)."),
    ("vr", AIRCRAFT, "v-speeds", "What is VR?", "Rotation speed: where the pilot raises the nose for takeoff."),
    ("currency-day", REGS, "regulations currency 61.57", "Currency to carry passengers (14 CFR 61.57(a))?", "Three takeoffs and three landings within the preceding 90 days, as sole manipulator of the controls, in the same category and class (and type, if a type rating is required). In a tailwheel airplane the landings must be to a full stop."),
    ("currency-night", REGS, "regulations currency 61.57 night", "Night currency to carry passengers (14 CFR 61.57(b))?", "Three takeoffs and three landings to a full stop within the preceding 90 days, during the period from 1 hour after sunset to 1 hour before sunrise, in the same category and class (and type, if required)."),
    ("flight-review", REGS, "regulations currency 61.56", "How often is a flight review required, and what does it include?", "Within the preceding 24 calendar months; at least 1 hour of ground training and 1 hour of flight training (14 CFR 61.56)."),
    ("medical-third", REGS, "regulations medical 61.23", "How long is a third-class medical valid for private pilot privileges?", "Under 40 on the date of the exam: 60 calendar months.\n40 or older: 24 calendar months."),
    ("medical-first", REGS, "regulations medical 61.23", "How long is a first-class medical valid for ATP privileges?", "Under 40 on the date of the exam: 12 calendar months; 40 or older: 6 calendar months. After that it still counts as a lower class."),
    ("medical-second", REGS, "regulations medical 61.23", "How long is a second-class medical valid for commercial privileges?", "12 calendar months (then it serves as a third-class medical for the remaining time)."),
    ("fuel-vfr", REGS, "regulations fuel 91.151", "VFR fuel reserves for an airplane (14 CFR 91.151)?", "Enough fuel to fly to the first point of intended landing and, at normal cruising speed, then 30 minutes by day or 45 minutes at night."),
    ("docs-arrow", REGS, "regulations documents", "Documents that must be on board: ARROW?", "Airworthiness certificate\nRegistration certificate\nRadio station license (for international flights)\nOperating limitations (AFM/POH, placards, markings)\nWeight and balance data"),
    ("docs-pilot", REGS, "regulations documents 61.3", "What must a pilot carry to act as pilot in command?", "Their pilot certificate, a medical certificate (or BasicMed documents) when required, and a government-issued photo ID."),
    ("inspections-av1ate", REGS, "regulations inspections", "Required inspections: AV1ATE?", "Annual inspection: every 12 calendar months (91.409).\nVOR check: within 30 days for IFR (91.171).\n100-hour inspection: if carrying people for hire or giving flight instruction for hire in an aircraft the instructor provides (91.409).\nAltimeter and static system: 24 calendar months for IFR (91.411).\nTransponder: 24 calendar months (91.413).\nELT: 12 calendar months (91.207)."),
    ("altimeter-411", REGS, "regulations inspections 91.411", "How often must the altimeter and static system be inspected, and for what?", "Within the preceding 24 calendar months, to fly IFR in controlled airspace (14 CFR 91.411)."),
    ("transponder-413", REGS, "regulations inspections 91.413", "How often must the transponder be tested and inspected?", "Within the preceding 24 calendar months (14 CFR 91.413)."),
    ("elt-207", REGS, "regulations inspections 91.207", "ELT inspection and battery rules (14 CFR 91.207)?", "Inspected every 12 calendar months. Batteries are replaced (or recharged, if rechargeable) after 1 cumulative hour of use or when 50% of their useful life has expired."),
    ("alcohol", REGS, "regulations alcohol 91.17", "Alcohol rules for pilots (14 CFR 91.17)?", "No flying within 8 hours of drinking alcohol, while under the influence, or with a blood alcohol concentration of 0.04 or more."),
    ("oxygen", REGS, "regulations oxygen 91.211", "Supplemental oxygen rules (14 CFR 91.211)?", "Above 12,500 ft up to and including 14,000 ft MSL: the required crew uses oxygen after 30 minutes at those altitudes.\nAbove 14,000 ft: the required crew uses it the whole time.\nAbove 15,000 ft: every occupant must be provided with oxygen."),
    ("cruising-altitudes", REGS, "regulations altitudes 91.159", "VFR cruising altitudes above 3,000 ft AGL (14 CFR 91.159)?", "Magnetic course 0 to 179 degrees: odd thousands plus 500 ft (3,500, 5,500 ...).\nMagnetic course 180 to 359 degrees: even thousands plus 500 ft (4,500, 6,500 ...).\nApplies below 18,000 ft MSL."),
    ("min-safe-altitudes", REGS, "regulations altitudes 91.119", "Minimum safe altitudes (14 CFR 91.119)?", "Anywhere: high enough for an emergency landing without undue hazard.\nCongested areas: 1,000 ft above the highest obstacle within 2,000 ft horizontally.\nOther areas: 500 ft above the surface; over open water or sparsely populated areas, no closer than 500 ft to any person, vessel, vehicle or structure."),
    ("row-distress", REGS, "regulations right-of-way 91.113", "Who has the right-of-way over all other traffic?", "An aircraft in distress."),
    ("row-converging", REGS, "regulations right-of-way 91.113", "Two aircraft of the same category converging: who has the right-of-way?", "The aircraft to the other's right."),
    ("row-categories", REGS, "regulations right-of-way 91.113", "Right-of-way between categories when converging?", "Balloon over all others; then glider; then airship; then powered parachute, weight-shift-control aircraft, airplanes and rotorcraft. An aircraft towing or refueling another has the right-of-way over all other engine-driven aircraft."),
    ("row-head-on", REGS, "regulations right-of-way 91.113", "Approaching head-on: what do both pilots do?", "Each alters course to the right."),
    ("row-overtaking", REGS, "regulations right-of-way 91.113", "Overtaking another aircraft: who has the right-of-way?", "The aircraft being overtaken. The overtaking aircraft passes well clear on the right."),
    ("row-landing", REGS, "regulations right-of-way 91.113", "Right-of-way when landing?", "Aircraft on final or landing have the right-of-way over aircraft in flight or on the surface. Of two aircraft approaching to land, the lower one has it, but may not use that to cut in front of another."),
    ("light-steady-green", REGS, "light-gun 91.125", "Light gun: steady green?", "In flight: cleared to land.\nOn the ground: cleared for takeoff."),
    ("light-flashing-green", REGS, "light-gun 91.125", "Light gun: flashing green?", "In flight: return for landing (a steady green follows when cleared).\nOn the ground: cleared to taxi."),
    ("light-steady-red", REGS, "light-gun 91.125", "Light gun: steady red?", "In flight: give way to other aircraft and continue circling.\nOn the ground: stop."),
    ("light-flashing-red", REGS, "light-gun 91.125", "Light gun: flashing red?", "In flight: airport unsafe, do not land.\nOn the ground: taxi clear of the runway in use."),
    ("light-flashing-white", REGS, "light-gun 91.125", "Light gun: flashing white?", "On the ground: return to the starting point on the airport. (No meaning in flight.)"),
    ("light-alternating", REGS, "light-gun 91.125", "Light gun: alternating red and green?", "Exercise extreme caution, in flight or on the ground."),
    ("metar-cover", WEATHER, "weather metar", "METAR sky cover: FEW, SCT, BKN, OVC?", "FEW: 1/8 to 2/8 of the sky.\nSCT (scattered): 3/8 to 4/8.\nBKN (broken): 5/8 to 7/8.\nOVC (overcast): 8/8."),
    ("metar-ceiling", WEATHER, "weather metar", "What is a ceiling?", "The height above ground of the lowest broken or overcast layer, or the vertical visibility into an obscuration."),
    ("metar-wind", WEATHER, "weather metar", "Decode the METAR wind 27015G25KT.", "From 270 degrees true at 15 knots, gusting to 25 knots. (METAR and TAF winds are true; ATIS and tower winds are magnetic.)"),
    ("metar-wx", WEATHER, "weather metar", "Decode -RA BR and +TSRA.", "-RA BR: light rain and mist.\n+TSRA: thunderstorm with heavy rain."),
    ("metar-temp", WEATHER, "weather metar", "Decode M05/M10 and A2992 in a METAR.", "Temperature -5 °C, dew point -10 °C; altimeter setting 29.92 inches of mercury."),
    ("taf-groups", WEATHER, "weather taf", "In a TAF, what do FM, TEMPO and PROB30 mean?", "FM1500: from 1500Z, a rapid and lasting change.\nTEMPO: temporary changes, each under 1 hour and together less than half of the period.\nPROB30: a 30% chance of the conditions in that period."),
    ("front-cold", WEATHER, "weather fronts", "Typical weather with a cold front?", "Fast moving, steep: cumuliform clouds, showers and thunderstorms, gusty and turbulent winds, a wind shift; good visibility behind the front."),
    ("front-warm", WEATHER, "weather fronts", "Typical weather with a warm front?", "Slow moving, shallow slope: stratiform clouds, steady precipitation, low ceilings and poor visibility spreading far ahead of the front."),
    ("front-occluded", WEATHER, "weather fronts", "What is an occluded front?", "A fast cold front overtaking a warm front, with weather of both."),
    ("fog-radiation", WEATHER, "weather fog", "How does radiation fog form?", "On clear, calm nights the ground cools the air above it to its dew point; it forms in low-lying areas and burns off after sunrise."),
    ("fog-advection", WEATHER, "weather fog", "How does advection fog form?", "Moist air moves over a colder surface (typically along coasts); unlike radiation fog it can form with wind and persist."),
    ("fog-upslope", WEATHER, "weather fog", "How does upslope fog form?", "Moist, stable air is pushed up sloping terrain and cools adiabatically to its dew point."),
    ("fog-steam", WEATHER, "weather fog", "What is steam fog?", "Cold air moving over warmer water: the evaporating water condenses into fog, often with low-level turbulence and icing."),
    ("ts-ingredients", WEATHER, "weather thunderstorms", "What three things does a thunderstorm need?", "Enough water vapor, an unstable lapse rate, and an initial lifting force."),
    ("ts-stages", WEATHER, "weather thunderstorms", "The three stages of a thunderstorm?", "Cumulus: updrafts dominate.\nMature: precipitation reaches the ground, updrafts and downdrafts together; the most violent stage.\nDissipating: downdrafts dominate and the storm rains itself out."),
    ("standard-atmosphere", WEATHER, "weather atmosphere", "Standard sea-level temperature and pressure, and the standard temperature lapse rate?", "15 °C and 29.92 inHg (1013.2 hPa). Temperature falls about 2 °C per 1,000 ft; pressure about 1 inHg per 1,000 ft."),
    ('altimeter-high-low', WEATHER, 'weather altimeter', 'Flying from high pressure to low pressure without resetting the altimeter?', 'The altimeter reads higher than the true altitude: "high to low, look out below".'),
    ("density-altitude", WEATHER, "weather performance", "What raises density altitude, and what does it do?", "High elevation, high temperature and high humidity. Higher density altitude means longer takeoff runs, slower climbs and less engine power."),
]
# fmt: on

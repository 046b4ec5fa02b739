"""Oral questions written for the demo, checked against 14 CFR and the FAA handbooks.

Each: (element codes, prompt, key points (one per line), reference, difficulty 1-3).
Codes the loaded standard lacks are skipped by demo.py.
"""

QUESTIONS = [
    (
        ["PA.I.B.K1a"],
        "Which documents must be aboard the airplane for this flight, and do any expire?",
        "Airworthiness certificate, displayed so passengers and crew can see it (91.203)\n"
        "Registration certificate: expires 7 years after issue (47.40)\n"
        "Radio station license only for flights outside the United States\n"
        "Operating limitations: approved AFM/POH, placards and markings (91.9)\n"
        "Weight and balance data for this airplane\n"
        "The airworthiness certificate stays valid while maintenance and inspections are "
        "done under part 91",
        "14 CFR 91.203, 91.9, 47.40, 21.181",
        1,
    ),
    (
        ["PA.I.B.K1b"],
        "Walk me through the inspections this airplane needs and how you verify them in the "
        "logbooks.",
        "Annual inspection within the preceding 12 calendar months (91.409(a))\n"
        "100-hour inspection if carrying people for hire or giving flight instruction for "
        "hire in an airplane the instructor provides (91.409(b))\n"
        "Transponder test within 24 calendar months (91.413)\n"
        "ELT inspection within 12 calendar months; battery replaced after 1 hour of "
        "cumulative use or half its useful life (91.207)\n"
        "Altimeter and static system check within 24 calendar months for IFR in controlled "
        "airspace (91.411); VOR check within 30 days for IFR (91.171)\n"
        "Entries signed by the mechanic with date, work done and return to service",
        "14 CFR 91.409, 91.413, 91.207, 91.411, 91.171, 91.417",
        2,
    ),
    (
        ["PA.I.B.K1c"],
        "What is an Airworthiness Directive, and how does it differ from a Special "
        "Airworthiness Information Bulletin?",
        "An AD is a regulation (14 CFR part 39) correcting an unsafe condition: compliance "
        "is mandatory\n"
        "ADs can be one-time, recurring, or emergency ADs effective on receipt\n"
        "The owner or operator is responsible for compliance (91.403) and the records show "
        "status, method and any recurring due time (91.417)\n"
        "A SAIB is informational and recommends action; it is not mandatory",
        "14 CFR part 39, 91.403, 91.417",
        2,
    ),
    (
        ["PA.I.B.K1d"],
        "Your airplane's annual inspection has expired at an airport with no mechanic. How "
        "could you legally fly it to a repair station?",
        "A special flight permit (ferry permit) under 14 CFR 21.197\n"
        "For an airplane that may not meet airworthiness requirements but is capable of "
        "safe flight\n"
        "Purposes include flying to a base where repairs or inspections are done, "
        "evacuating from danger, delivery or export\n"
        "Apply to the local FSDO (or a designee); an inspection may be required\n"
        "The permit and its limitations are carried aboard and followed",
        "14 CFR 21.197, 21.199",
        2,
    ),
    (
        ["PA.I.B.K1e"],
        "Who is responsible for keeping the airplane airworthy, and who decides whether it "
        "is safe for this flight?",
        "The owner or operator is primarily responsible for maintaining the aircraft in an "
        "airworthy condition, including AD compliance (91.403)\n"
        "The owner or operator ensures maintenance is recorded and inoperative items are "
        "repaired or deferred properly (91.405)\n"
        "The pilot in command determines whether the aircraft is in condition for safe "
        "flight and discontinues the flight if not (91.7)\n"
        "The pilot in command is the final authority for the operation (91.3)",
        "14 CFR 91.3, 91.7, 91.403, 91.405",
        1,
    ),
    (
        ["PA.I.B.K2"],
        "As a private pilot, what maintenance may you perform yourself, and what must you record?",
        "Preventive maintenance on an aircraft you own or operate that is not used under "
        "part 121, 129 or 135 (43.3(g))\n"
        "Only items listed in part 43 appendix A(c), e.g. oil change, tire replacement, "
        "servicing struts, replacing bulbs, lubrication\n"
        "Logbook entry: description of the work, date completed, your name, signature and "
        "certificate number and kind (43.9)",
        "14 CFR 43.3(g), 43.9, part 43 appendix A",
        2,
    ),
    (
        ["PA.I.B.K3"],
        "What instruments and equipment does 14 CFR 91.205 require for day VFR, and what "
        "more for night VFR?",
        "Day VFR: airspeed indicator, altimeter, magnetic direction indicator, tachometer, "
        "oil pressure and oil temperature gauges, fuel quantity gauge\n"
        "Also, where applicable: manifold pressure gauge, coolant temperature gauge, landing "
        "gear position indicator, anticollision lights (certificated after March 11, 1996), "
        "ELT, seat belts and shoulder harnesses\n"
        "Night VFR adds: approved position lights, anticollision lights, a landing light if "
        "operating for hire, an adequate source of electricity, spare fuses if fuses are "
        "used",
        "14 CFR 91.205(b), (c)",
        1,
    ),
    (
        ["PA.I.B.K3a", "PA.I.B.R1", "PA.I.B.S3"],
        "During preflight you find the landing light inoperative. The airplane has no MEL. "
        "How do you decide whether you can go?",
        "Check that the item is not required by the VFR-day type certification, 91.205 or "
        "other rules for the kind of operation\n"
        "Check it is not required by the airplane's equipment list or kinds of operation "
        "equipment list, or by an Airworthiness Directive\n"
        "If not required: remove it or deactivate it, placard it INOPERATIVE, and have the "
        "removal or deactivation recorded (91.213(d))\n"
        "The pilot (or mechanic) determines it is not a hazard for the planned flight\n"
        "A landing light is required only for hire at night; still weigh the risk of a "
        "night landing without it",
        "14 CFR 91.213(d), 91.205",
        2,
    ),
    (
        ["PA.I.B.K3b"],
        "What is a Minimum Equipment List, and how does it change what you may fly with?",
        "A precise list of equipment that may be inoperative, with the conditions and "
        "procedures for each item\n"
        "Approved for the specific airplane with a letter of authorization from the FSDO; "
        "the MEL and letter are a supplemental type certificate for it (91.213(a))\n"
        "The MEL must be aboard\n"
        "With an MEL you follow it instead of 91.213(d); items not on it must work",
        "14 CFR 91.213(a)",
        3,
    ),
    (
        ["PA.I.B.K3c"],
        "Where would you find a Kinds of Operation Equipment List, and what does it tell you?",
        "In the limitations section of the POH/AFM for many newer airplanes\n"
        "Lists the equipment required for each kind of operation: day VFR, night VFR, IFR, "
        "flight into known icing\n"
        "Used with 91.213(d) to decide whether inoperative equipment may be deferred",
        "POH/AFM section 2; 14 CFR 91.213(d)(2)(iii)",
        2,
    ),
    (
        ["PA.I.B.K4"],
        "What is the difference between a standard and a special airworthiness certificate?",
        "Standard (FAA Form 8100-2): normal, utility, acrobatic, commuter and transport "
        "category aircraft and manned free balloons\n"
        "Special (FAA Form 8130-7): primary, restricted, limited, light-sport, "
        "experimental, provisional and special flight permits\n"
        "Special certificates come with operating limitations that must be followed, e.g. "
        "restrictions on carrying people or flying over populated areas",
        "14 CFR 21.175; FAA-H-8083-25",
        2,
    ),
    (
        ["PA.I.E.K1", "PA.I.E.S2"],
        "What do you need to enter Class B, Class C and Class D airspace as a VFR private pilot?",
        "Class B: an ATC clearance, two-way radio, Mode C transponder and ADS-B Out "
        "(within 30 NM of the primary airport); at least a private pilot certificate or a "
        "student endorsement (91.131)\n"
        "Class C: two-way radio communication established before entry; Mode C "
        "transponder and ADS-B Out (91.130)\n"
        "Class D: two-way radio communication established before entry (91.129)\n"
        "Communication is established when ATC answers using your call sign",
        "14 CFR 91.129, 91.130, 91.131, 91.215, 91.225; AIM 3-2",
        1,
    ),
    (
        ["PA.I.E.S1"],
        "State the basic VFR weather minimums in Class E airspace below 10,000 feet MSL and "
        "in Class G airspace at 1,000 feet AGL during the day.",
        "Class E below 10,000 MSL: 3 statute miles; 500 feet below, 1,000 feet above, "
        "2,000 feet horizontal from clouds\n"
        "Class G at or below 1,200 AGL, day: 1 statute mile and clear of clouds\n"
        "Class G at night below 1,200 AGL: 3 statute miles, 500 below, 1,000 above, 2,000 "
        "horizontal\n"
        "Class B: 3 statute miles and clear of clouds",
        "14 CFR 91.155",
        1,
    ),
    (
        ["PA.I.E.K2"],
        "Show me on the sectional how you tell Class B, C, D and the floors of Class E "
        "airspace apart.",
        "Class B: solid blue lines, floors and ceilings in hundreds of feet MSL\n"
        "Class C: solid magenta lines\n"
        "Class D: dashed blue lines, ceiling in a dashed box\n"
        "Class E to the surface: dashed magenta lines\n"
        "Class E from 700 AGL: shaded magenta; from 1,200 AGL: shaded blue edge "
        "(elsewhere usually from 14,500 MSL)",
        "FAA Aeronautical Chart User's Guide",
        1,
    ),
    (
        ["PA.I.E.K3", "PA.I.E.S3"],
        "What kinds of special use airspace may you fly through VFR, and which may you not?",
        "Prohibited areas: never without permission of the using agency\n"
        "Restricted areas: only with permission when active (check times on the chart)\n"
        "Military operations areas: VFR allowed; exercise caution, contact the controlling "
        "agency or flight service\n"
        "Warning areas (beyond 3 NM offshore) and alert areas: allowed, hazards or heavy "
        "training may exist\n"
        "Temporary flight restrictions are issued by NOTAM: check before every flight",
        "14 CFR part 73, 91.133, 91.137-91.145; AIM 3-4, 3-5",
        2,
    ),
    (
        ["PA.I.E.K4"],
        "What is special VFR and when can a private pilot use it?",
        "A clearance from ATC to operate within the surface area of controlled airspace "
        "below basic VFR minimums\n"
        "Clear of clouds with at least 1 statute mile flight visibility (and ground "
        "visibility for takeoff and landing when reported)\n"
        "Not at night unless instrument rated, current and in an IFR-equipped airplane\n"
        "Not available in the Class B surface areas listed in part 91 appendix D",
        "14 CFR 91.157",
        2,
    ),
    (
        ["PA.I.E.R1"],
        "What risks does airspace pose on a cross-country flight, and how do you manage them?",
        "Inadvertent entry into Class B, C or D, restricted areas or a TFR\n"
        "Mitigate: current charts, check NOTAMs and TFRs in the briefing, plan altitudes "
        "clear of shelves\n"
        "Use flight following and a moving map, but cross-check with the chart\n"
        "Brief communication frequencies and diversion options before departure",
        "AIM 3-2, 4-1; FAA-H-8083-2",
        2,
    ),
    (
        ["PA.IX.C.K2a", "PA.IX.C.R1"],
        "The low-voltage light comes on and the ammeter shows a discharge. What do you do?",
        "Fly the airplane, then use the checklist\n"
        "Check the alternator circuit breaker and master switch; reset once per the POH\n"
        "If the alternator stays offline: turn it off, shed nonessential electrical load\n"
        "The battery has limited time: land as soon as practical, tell ATC early\n"
        "Expect to lose electric flaps, radios and lights; plan a no-flap landing",
        "POH/AFM section 3; FAA-H-8083-3 chapter 18",
        2,
    ),
    (
        ["PA.IX.C.K2b"],
        "How would you recognize a vacuum system failure, and which instruments would you lose?",
        "Low suction gauge reading or a vacuum annunciator\n"
        "The attitude and heading indicators slowly drift or tumble\n"
        "The turn coordinator is usually electric and keeps working\n"
        "Cover the failed instruments and fly partial panel or by outside references",
        "FAA-H-8083-15; FAA-H-8083-25 chapter 8",
        2,
    ),
    (
        ["PA.IX.C.K2c"],
        "What happens to your instruments if the static port is blocked, and what do you do?",
        "The altimeter freezes at the altitude where the blockage happened\n"
        "The vertical speed indicator reads zero\n"
        "The airspeed indicator reads low in a climb and high in a descent\n"
        "Use the alternate static source: the altimeter and airspeed read slightly high\n"
        "If there is none, breaking the VSI glass vents the static system (last resort)",
        "FAA-H-8083-25 chapter 8",
        3,
    ),
    (
        ["PA.IX.C.K3"],
        "You smell burning insulation and see smoke from behind the panel. What do you do?",
        "Follow the electrical fire checklist: master switch off\n"
        "Close vents, cabin heat and air until the fire is out\n"
        "Use the fire extinguisher if needed, then ventilate the cabin\n"
        "Land as soon as possible; do not restore power unless needed for a safe landing",
        "POH/AFM section 3; FAA-H-8083-3 chapter 18",
        2,
    ),
    (
        ["PA.IX.C.K5", "PA.IX.C.R4"],
        "Right after takeoff the cabin door pops open. What do you do?",
        "Fly the airplane first: an open door is noisy but rarely affects control\n"
        "Do not try to close it during the climb; keep climbing to pattern altitude\n"
        "Fly a normal pattern and land to close it\n"
        "Manage the startle: pause, maintain airspeed and situational awareness",
        "FAA-H-8083-3 chapter 18",
        1,
    ),
    (
        ["PA.XI.A.K1", "PA.XI.A.R3"],
        "How do your eyes work at night, and how do you protect your night vision?",
        "Cones (center, color and detail) work poorly in the dark; rods (periphery) see in "
        "dim light\n"
        "A night blind spot at the center: scan and look 5 to 10 degrees off center\n"
        "Rods take about 30 minutes to adapt; avoid bright lights\n"
        "Use dim cockpit lighting; red light preserves adaptation but hides red chart "
        "markings\n"
        "Hypoxia, fatigue and smoking reduce night vision, even at moderate altitudes",
        "FAA-H-8083-25 chapter 17; AIM 8-1-6",
        2,
    ),
    (
        ["PA.XI.A.K2"],
        "What airport lighting would you expect to see at night, and how do you turn on "
        "pilot-controlled lighting?",
        "Rotating beacon: white and green for a lighted land airport\n"
        "Runway edge lights white (yellow on the last 2,000 feet of instrument runways), "
        "threshold green, runway end red\n"
        "Taxiway edge lights blue, taxiway centerline green\n"
        "Obstructions: red lights or high-intensity white strobes\n"
        "Pilot-controlled lighting: key the mic 7 times in 5 seconds for high, 5 for "
        "medium, 3 for low intensity",
        "AIM 2-1, 2-2",
        2,
    ),
    (
        ["PA.XI.A.K3"],
        "Which lights must be on at night, and what equipment does night VFR require?",
        "Position lights from sunset to sunrise (91.209)\n"
        "Anticollision lights on unless the pilot in command turns them off for safety\n"
        "Night VFR equipment (91.205(c)): position lights, anticollision lights, landing "
        "light if for hire, adequate source of electricity, spare fuses if used",
        "14 CFR 91.205(c), 91.209",
        1,
    ),
    (
        ["PA.XI.A.K7", "PA.XI.A.R1"],
        "At night you see another airplane's red and green position lights, with the red on "
        "your right. What is it doing?",
        "Red is on the left wingtip, green on the right, white on the tail\n"
        "Red and green with red on your right: it is coming toward you, head on\n"
        "Only a red light: it is crossing from your right to your left\n"
        "Only white: it is moving away\n"
        "Head on: both alter course to the right (91.113)",
        "FAA-H-8083-3 chapter 11; 14 CFR 91.113",
        2,
    ),
    (
        ["PA.XI.A.R5"],
        "What do you need to carry passengers at night, and is that enough to be safe?",
        "Currency: 3 takeoffs and 3 landings to a full stop within the preceding 90 days, "
        "in the period from 1 hour after sunset to 1 hour before sunrise, in the same "
        "category and class (61.57(b))\n"
        "Currency is the legal minimum; proficiency is being able to do it well today\n"
        "Set personal minimums for night flying and practise with an instructor if rusty",
        "14 CFR 61.57(b)",
        1,
    ),
]

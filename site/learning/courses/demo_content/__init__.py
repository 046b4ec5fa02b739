"""Words for the demo course catalog (data only; demo.py loads it).

Kept apart from the loader so an instructor can review the lessons without reading
code. Bodies use Wagtail's raw StreamField form, a list of {"type", "value"} dicts, with
the block names of blocks.LessonBodyBlock; a course's requirements, skills and objectives
are plain lists of lines, which the loader wraps as ListItemsBlock items. Facts follow
14 CFR, the AIM and the FAA handbooks as of the Private Pilot ACS FAA-S-ACS-6C. The video
ids are placeholders: the click-to-load facade fetches nothing until someone presses play.
"""

from decimal import Decimal

from .airspace import AIRSPACE_LESSONS
from .briefing import BRIEFING_LESSONS, GO_NO_GO_LESSONS
from .regulations import REGULATIONS_LESSONS
from .weather import WEATHER_LESSONS

INSTRUCTOR_EMAIL = "instructor@demo.test"
SUPPORT_EMAIL = "support@groundschool.test"

CATEGORIES = [
    {
        "name": "Airspace",
        "slug": "airspace",
        "icon": "🗺️",
        "featured": True,
        "description": "Classes of airspace, special use airspace, and the clearances and "
        "equipment each one requires.",
    },
    {
        "name": "Weather",
        "slug": "weather",
        "icon": "⛅",
        "featured": True,
        "description": "Reading METARs, TAFs and charts, getting a briefing and making a "
        "go/no-go decision from it.",
    },
    {
        "name": "Regulations",
        "slug": "regulations",
        "icon": "📘",
        "featured": True,
        "description": "14 CFR parts 61 and 91 as they apply to private and instrument pilots.",
    },
    {
        "name": "Checkride preparation",
        "slug": "checkride-preparation",
        "description": "Practical test preparation organized around the Airman Certification "
        "Standards, with the questions examiners actually ask.",
    },
    {
        "name": "Aerodynamics",
        "slug": "aerodynamics",
        "description": "Lift, drag, stability, stalls and spins, and the performance numbers "
        "that follow from them.",
    },
]

COURSE_INDEX = {
    "title": "Courses",
    "slug": "courses",
    "intro": (
        "<p>Courses written by flight instructors and organized around the FAA Airman "
        "Certification Standards. Start with a <b>free course</b> or a free preview lesson; "
        "a free account unlocks more lessons, and Premium unlocks everything.</p>"
    ),
}

PREMIUM_PAGE = {
    "title": "Premium membership",
    "slug": "premium",
    "intro": (
        "<p>Premium opens every lesson in every course, plus the downloads and checkride "
        "gouge we keep for members.</p>"
    ),
    "body": [
        {"type": "heading", "value": {"text": "What Premium includes", "level": "h2"}},
        {
            "type": "paragraph",
            "value": (
                "<ul>"
                "<li><b>All lessons</b> in every course, including the labs, quizzes and "
                "mock oral exams marked Premium.</li>"
                "<li><b>Premium downloads</b> attached to lessons: checklists, study guides "
                "and worksheets to print or take to the airport.</li>"
                "<li><b>Gated gouge sections</b> inside lessons: what examiners tend to ask "
                "about each topic, with model answers.</li>"
                "<li>Everything a free account already gives you: enrollment, progress "
                "tracking, flashcards and the registered lessons.</li>"
                "</ul>"
            ),
        },
        {"type": "heading", "value": {"text": "How to upgrade today", "level": "h2"}},
        {
            "type": "paragraph",
            "value": (
                "<p>Online payment is coming soon. Until it arrives, our staff upgrade "
                "accounts by hand: create a free account, verify your email address, then "
                f'write to <a href="mailto:{SUPPORT_EMAIL}">{SUPPORT_EMAIL}</a> from that '
                "address and ask for Premium. We will reply with the details and switch your "
                "account over, usually within one working day.</p>"
            ),
        },
        {
            "type": "paragraph",
            "value": (
                "<p>Already Premium and still seeing a lock on a lesson? Sign out and back in, "
                f'and if that does not help, tell us at <a href="mailto:{SUPPORT_EMAIL}">'
                f"{SUPPORT_EMAIL}</a>.</p>"
            ),
        },
    ],
}


PRIVATE_PILOT_COURSE = {
    "title": "Private Pilot Checkride Prep",
    "slug": "private-pilot-checkride-prep",
    "subtitle": "Airspace, weather and regulations, the way the examiner asks about them",
    "summary": (
        "A structured review of the knowledge areas that fill most of the private pilot oral "
        "exam. Each lesson ties a topic to the ACS, cites the regulation or handbook behind it "
        "and ends with the questions examiners tend to ask."
    ),
    "description": (
        "<p>The practical test starts on the ground. Before you fly with the examiner you will "
        "spend an hour or more answering questions drawn from the <b>Private Pilot Airplane "
        "Airman Certification Standards</b> (FAA-S-ACS-6C). This course covers the three "
        "areas where applicants most often stumble: airspace, weather and the regulations "
        "that make you pilot in command.</p>"
        "<p>Every lesson is written by a certificated flight instructor and cites its sources: "
        "14 CFR parts 61 and 91, the Aeronautical Information Manual, the <i>Pilot's Handbook "
        "of Aeronautical Knowledge</i> (FAA-H-8083-25) and the <i>Aviation Weather "
        "Handbook</i> (FAA-H-8083-28).</p>"
        "<ul>"
        "<li>Short reading and video lessons you can finish between flights</li>"
        "<li>Labs that have you plan a real route on a sectional chart</li>"
        "<li>Quizzes and mock oral questions with worked answers</li>"
        "</ul>"
    ),
    "category": "checkride-preparation",
    "level": "beginner",
    "price": Decimal("149.00"),
    "discount_price": Decimal("119.00"),
    "discount_days": 60,
    "has_certificate": True,
    "is_featured": True,
    "acs_standard": "FAA-S-ACS-6C",
    "requirements": [
        "A student pilot certificate and some dual instruction behind you",
        "Passed, or preparing for, the Private Pilot Airplane knowledge test",
        "A current VFR sectional chart for your area, on paper or in an EFB",
        "Access to the Chart Supplement and to 14 CFR parts 61 and 91",
    ],
    "skills": [
        "Identify every class of airspace on a sectional chart and state its entry requirements",
        "Apply the VFR weather minimums of 14 CFR 91.155 at any altitude and in any airspace",
        "Decode METARs and TAFs and turn them into a go/no-go decision",
        "Explain your currency, medical and the airplane's documents before the examiner asks",
    ],
    "learning_objectives": [
        "Brief the airspace along a planned cross-country, including special use airspace and TFRs",
        "Identify the hazards in a standard weather briefing that matter for a VFR flight",
        "Cite the regulations behind pilot in command responsibility and preflight action",
        "Decide whether an airplane with inoperative equipment may fly under 14 CFR 91.213(d)",
        "Answer scenario-based oral questions the way the ACS expects",
    ],
    "target_audience": (
        "Student pilots within a few months of their private pilot practical test, and "
        "private pilots who want a structured refresher before a flight review. The course "
        "assumes you have started flight training; it does not replace your instructor or "
        "the ground training endorsements the regulations require."
    ),
    "modules": [
        {
            "title": "Airspace",
            "slug": "airspace",
            "description": (
                "<p>The national airspace system from Class A to Class G, the weather minimums "
                "in each, and the special use airspace that shows up on every cross-country. "
                "Supports ACS Area of Operation I, Task E (National Airspace System).</p>"
            ),
            "lessons": AIRSPACE_LESSONS,
        },
        {
            "title": "Weather",
            "slug": "weather",
            "description": (
                "<p>The products a VFR pilot relies on (METARs, TAFs, charts and advisories) "
                "and how to turn them into a decision. Supports ACS Area of Operation I, "
                "Task C (Weather Information).</p>"
            ),
            "lessons": WEATHER_LESSONS,
        },
        {
            "title": "Regulations and the pilot in command",
            "slug": "regulations-and-the-pilot-in-command",
            "description": (
                "<p>The rules that make you responsible for a flight: PIC authority, preflight "
                "action, currency, medical certificates, documents and inoperative equipment. "
                "Supports ACS Area of Operation I, Tasks A and B (Pilot Qualifications; "
                "Airworthiness Requirements).</p>"
            ),
            "lessons": REGULATIONS_LESSONS,
        },
    ],
}

WEATHER_BRIEFING_COURSE = {
    "title": "Weather Briefing Basics",
    "slug": "weather-briefing-basics",
    "subtitle": "A free introduction to getting, and using, a preflight weather briefing",
    "summary": (
        "How to ask for the right kind of briefing, what a briefer covers and in which order, "
        "and how to turn the result into a clear go/no-go decision. Free for everyone, no "
        "account needed."
    ),
    "description": (
        "<p>Weather is the most common reason a flight should not happen, and the preflight "
        "briefing is where you find out. This short course is open to everyone: student "
        "pilots, renters and pilots coming back to flying.</p>"
        "<ul>"
        "<li>The three types of briefing and when to ask for each</li>"
        "<li>The order a standard briefing follows, so you know what is coming</li>"
        "<li>Flight categories and personal minimums, for a confident no-go</li>"
        "</ul>"
    ),
    "category": "weather",
    "level": "beginner",
    "price": Decimal("0.00"),
    "has_certificate": True,
    "is_featured": False,
    "acs_standard": "FAA-S-ACS-6C",
    "requirements": ["No prior knowledge: the course starts from the beginning"],
    "skills": [
        "Request a standard, abbreviated or outlook briefing",
        "Tell VFR, MVFR, IFR and LIFR apart from a ceiling and a visibility",
    ],
    "learning_objectives": [
        "Follow a standard briefing and note the hazards for your flight",
        "Write down personal minimums and apply them to a forecast",
    ],
    "target_audience": (
        "Student pilots early in training, renters, and anyone returning to flying who wants "
        "a refresher on the preflight weather briefing."
    ),
    "modules": [
        {
            "title": "Getting a briefing",
            "slug": "getting-a-briefing",
            "description": (
                "<p>Where aviation weather comes from, the kinds of briefing you can ask for "
                "and what a standard briefing contains.</p>"
            ),
            "lessons": BRIEFING_LESSONS,
        },
        {
            "title": "Making the go/no-go call",
            "slug": "go-no-go",
            "description": (
                "<p>Flight categories, personal minimums and practice decisions from real-"
                "looking weather.</p>"
            ),
            "lessons": GO_NO_GO_LESSONS,
        },
    ],
}

COURSES = [PRIVATE_PILOT_COURSE, WEATHER_BRIEFING_COURSE]

"""Demo gouge for `load_demo`: five fictional examiners, two of them with enough
approved reports to show aggregates, one report waiting in the moderation queue, and
the demo moderator in the Moderators group.

Every person and checkride here is invented: examiners are "Demo Examiner ..." with
example.test contacts and 555-01xx numbers, applicants have @demo.test addresses.
Reports go through the real services (submit, moderate) so the numbers are computed as
in production. Re-running adds nothing: an existing report (same author, examiner and
date) is left exactly as a moderator or the author may have changed it.
"""

import datetime

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission

from accounts.demo import demo_password, upsert_user
from pages.collections import keep_media_off_root
from snippets.demo import load_examiners as load_snippet_examiners
from snippets.models import Examiner
from snippets.models.examiner import Certificate

from . import services
from .aggregates import recompute
from .models import Difficulty, GougeReport, Outcome

MODERATORS_GROUP = "Moderators"
MODERATOR_EMAIL = "marketer@demo.test"
PENDING_AUTHOR_EMAIL = "learner@demo.test"
GOUGE_PERMISSIONS = ["view_gougereport", "change_gougereport", "view_gougeflag", "change_gougeflag"]

EXAMINERS = [
    {
        "name": "Demo Examiner Morgan Tanaka",
        "slug": "demo-examiner-morgan-tanaka",
        "organization": "Demo data: fictional Designated Pilot Examiner",
        "region": "Southeast",
        "base_airport": "KPDK",
        "certificates": [Certificate.PRIVATE, Certificate.INSTRUMENT],
        "years_experience": 9,
        "email": "morgan.tanaka@example.test",
        "phone": "+1 404 555 0104",
        "website": "",
        "bio": "A fictional examiner for the demo site. Known in the demo for weather-heavy "
        "orals and a brisk, well-briefed flight portion.",
    },
    {
        "name": "Demo Examiner Riley Novak",
        "slug": "demo-examiner-riley-novak",
        "organization": "Demo data: fictional Designated Pilot Examiner",
        "region": "Mountain West",
        "base_airport": "KAPA",
        "certificates": [Certificate.PRIVATE, Certificate.COMMERCIAL],
        "years_experience": 21,
        "email": "riley.novak@example.test",
        "phone": "+1 303 555 0105",
        "website": "https://example.test/examiners/riley-novak",
        "bio": "A fictional examiner for the demo site who gives private and commercial "
        "checkrides and likes to talk density altitude.",
    },
]

# Made-up applicants, so nobody mistakes a demo report for a real person's checkride.
DEMO_APPLICANTS = [
    {"email": "applicant.one@demo.test", "name": "Robin Rudder"},
    {"email": "applicant.two@demo.test", "name": "Taylor Trimtab"},
    {"email": "applicant.three@demo.test", "name": "Quinn Flaps"},
    {"email": "applicant.four@demo.test", "name": "Drew Pitot"},
]

ONE, TWO, THREE, FOUR = (spec["email"] for spec in DEMO_APPLICANTS)
RIVERA, TANAKA, LINDQVIST = (
    "demo-examiner-alex-rivera",
    "demo-examiner-morgan-tanaka",
    "demo-examiner-casey-lindqvist",
)


def ride(author, examiner, date, outcome, scores, what_came_up, unexpected="", acs=""):
    """One demo report: scores are (overall, oral difficulty, flight difficulty, stress)."""
    overall, oral, flight, stress = scores
    return {
        "author": author,
        "examiner": examiner,
        "fields": {
            "checkride_date": date,
            "certificate": Certificate.PRIVATE,
            "outcome": outcome,
            "overall_rating": overall,
            "oral_difficulty": oral,
            "flight_difficulty": flight,
            "stress_level": stress,
            "what_came_up": what_came_up,
            "unexpected_elements": unexpected,
            "acs_codes": acs,
        },
    }


E, M, H = Difficulty.EASY, Difficulty.MODERATE, Difficulty.HARD
APPROVED_RIDES = [
    ride(
        ONE,
        RIVERA,
        datetime.date(2026, 6, 12),
        Outcome.PASS,
        (5, M, E, 3),
        "A cross-country to an unfamiliar Class D field: he had me brief the airspace "
        "along the route, fuel planning with a headwind, and what I would do if the "
        "destination went IFR. Flight was steep turns, a simulated engine failure and "
        "a short-field landing.",
        "He asked about the aircraft's maintenance records "
        "in detail, including the last transponder check.",
        "PA.I.D, PA.I.E, PA.IX.B",
    ),
    ride(
        TWO,
        RIVERA,
        datetime.date(2026, 7, 3),
        Outcome.FAIL,
        (4, H, M, 4),
        "Long oral on weather: reading METARs, TAFs and a prog chart, then deciding "
        "whether to go. The flight ended on the slow flight task when I lost more "
        "than 100 feet.",
        "A scenario about a passenger who feels sick mid-flight.",
        "PA.I.C, PA.VII.A, PA.I.H",
    ),
    ride(
        THREE,
        RIVERA,
        datetime.date(2026, 8, 21),
        Outcome.PASS,
        (4, M, M, 2),
        "Regulations and currency, VFR minimums in each class of airspace, and a "
        "diversion to the nearest airport with a fuel stop. Power-off 180 and soft-"
        "field takeoff in the flight.",
        "",
        "PA.I.A, PA.I.E, PA.VI.C",
    ),
    ride(
        FOUR,
        RIVERA,
        datetime.date(2026, 9, 30),
        Outcome.DISCONTINUED,
        (5, E, M, 2),
        "The oral went smoothly (systems, weight and balance, performance charts). "
        "We stopped after the first hour of flying when the crosswind went out of "
        "limits, and finished another day.",
        "",
        "PA.I.F, PA.I.G",
    ),
    ride(
        ONE,
        TANAKA,
        datetime.date(2026, 10, 8),
        Outcome.PASS,
        (4, H, E, 4),
        "Mostly weather: fronts, icing, thunderstorm avoidance and how I would get "
        "an in-flight update. Flight had a hood segment, unusual attitudes and a "
        "forward slip to a landing.",
        "She asked how I would file a PIREP.",
        "PA.I.C, PA.VIII.E, PA.IV.M",
    ),
    ride(
        TWO,
        TANAKA,
        datetime.date(2026, 10, 29),
        Outcome.PASS,
        (5, M, E, 3),
        "Airspace on the sectional, special use airspace and TFRs, then a short "
        "cross-country leg with a simulated diversion. Ground reference maneuvers "
        "and a go-around.",
        "",
        "PA.I.E, PA.VI.C, PA.V.B",
    ),
    ride(
        THREE,
        TANAKA,
        datetime.date(2026, 11, 10),
        Outcome.FAIL,
        (3, H, H, 5),
        "Aeromedical factors and hypoxia, then performance with a hot day at a high "
        "field. The short-field landing was long and we ended there.",
        "A question about what to do if the ELT went off after landing.",
        "PA.I.H, PA.IV.E, PA.I.F",
    ),
]
PENDING_RIDE = ride(
    PENDING_AUTHOR_EMAIL,
    LINDQVIST,
    datetime.date(2026, 11, 18),
    Outcome.PASS,
    (4, M, E, 3),
    "Started with my logbook endorsements, then the required documents and inspections. "
    "Flight was a soft-field takeoff, steep turns and an emergency descent.",
    "He asked me to explain the airplane's electrical system from the schematic.",
    "PA.I.A, PA.I.B, PA.IX.A",
)


def load_examiners():
    """The snippets demo's three examiners and this module's two, whichever are missing."""
    added = load_snippet_examiners()
    for spec in EXAMINERS:
        if Examiner.objects.filter(slug=spec["slug"]).exists():
            continue
        examiner = Examiner(**spec)
        examiner.full_clean()
        examiner.save()
        added += 1
    return added


def moderators_group():
    """Wagtail admin access plus seeing and moderating gouge (next to the reviews ones)."""
    group, _ = Group.objects.get_or_create(name=MODERATORS_GROUP)
    keep_media_off_root(group)  # Wagtail's own "Moderators" holds them on the root
    group.permissions.add(
        Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin"),
        *Permission.objects.filter(content_type__app_label="gouge", codename__in=GOUGE_PERMISSIONS),
    )
    return group


def submit_once(spec, users, examiners):
    """The ride's report, submitted the day after the checkride; None if it exists already
    or its author is missing."""
    author, examiner = users.get(spec["author"]), examiners[spec["examiner"]]
    date = spec["fields"]["checkride_date"]
    if (
        author is None
        or GougeReport.objects.filter(
            author=author, examiner=examiner, checkride_date=date
        ).exists()
    ):
        return None
    written = datetime.datetime.combine(date, datetime.time(18), tzinfo=datetime.UTC)
    return services.submit_report(
        author, examiner, spec["fields"], now=written + datetime.timedelta(days=1)
    )


def load(stdout):
    examiners_added = load_examiners()
    moderators = moderators_group()
    users = get_user_model().objects
    moderator = users.filter(email=MODERATOR_EMAIL).first()
    if moderator is not None:
        moderator.groups.add(moderators)
    password = demo_password()
    people = {
        spec["email"]: upsert_user(spec["email"], spec["name"], password)
        for spec in DEMO_APPLICANTS
    }
    learner = users.filter(email=PENDING_AUTHOR_EMAIL).first()
    if learner is not None:
        people[PENDING_AUTHOR_EMAIL] = learner
    examiners = {
        examiner.slug: examiner
        for examiner in Examiner.objects.filter(slug__in=[RIVERA, TANAKA, LINDQVIST])
    }

    submitted = [submit_once(spec, people, examiners) for spec in APPROVED_RIDES]
    services.moderate([r for r in submitted if r], moderator, approve=True)
    pending = submit_once(PENDING_RIDE, people, examiners)
    for examiner in examiners.values():
        recompute(examiner.pk)

    added = sum(1 for report in [*submitted, pending] if report)
    stdout.write(
        f"  gouge: {Examiner.objects.filter(slug__startswith='demo-examiner-').count()} demo "
        f"examiners ({examiners_added} added), {added} reports added, group {MODERATORS_GROUP!r}"
    )

"""Demo gouge for `load_demo`: five fictional examiners, two of them with enough
approved reports to show aggregates, one report waiting in the moderation queue, and
the demo moderator in the Moderators role.

Every person and checkride here is invented (demo/data/gouge): examiners are "Demo
Examiner ..." with example.test contacts and 555-01xx numbers, applicants have @demo.test
addresses. Reports go through the real services (submit, moderate) so the numbers are
computed as in production. Re-running adds nothing: an existing report (same author,
examiner and date) is left exactly as a moderator or the author may have changed it.
"""

import datetime

from django.contrib.auth import get_user_model

from accounts.roles import MODERATORS, moderators_group
from community.gouge import services
from community.gouge.aggregates import recompute
from community.gouge.models import GougeReport
from demo.loaders.accounts import demo_password, upsert_user
from demo.loaders.snippets import load_examiners as load_snippet_examiners
from demo.words import date, read
from snippets.models import Examiner

MODERATORS_GROUP = MODERATORS.name
MODERATOR_EMAIL = "marketer@demo.test"
PENDING_AUTHOR_EMAIL = "learner@demo.test"
RIVERA, TANAKA, LINDQVIST = (
    "demo-examiner-alex-rivera",
    "demo-examiner-morgan-tanaka",
    "demo-examiner-casey-lindqvist",
)

EXAMINERS = read("gouge", "examiners.json")
# Made-up applicants, so nobody mistakes a demo report for a real person's checkride.
DEMO_APPLICANTS = read("gouge", "applicants.json")


def ride(spec):
    """A report spec from the data file, its checkride date as a date."""
    fields = {**spec["fields"], "checkride_date": date(spec["fields"]["checkride_date"])}
    return {**spec, "fields": fields}


REPORTS = read("gouge", "reports.json")
APPROVED_RIDES = [ride(spec) for spec in REPORTS["approved"]]
PENDING_RIDE = ride(REPORTS["pending"])


def load_examiners():
    """The snippets loader's three examiners and this module's two, whichever are missing."""
    return load_snippet_examiners() + load_snippet_examiners(EXAMINERS)


def submit_once(spec, users, examiners):
    """The ride's report, submitted the day after the checkride; None if it exists already
    or its author is missing."""
    author, examiner = users.get(spec["author"]), examiners[spec["examiner"]]
    checkride_date = spec["fields"]["checkride_date"]
    if (
        author is None
        or GougeReport.objects.filter(
            author=author, examiner=examiner, checkride_date=checkride_date
        ).exists()
    ):
        return None
    written = datetime.datetime.combine(checkride_date, datetime.time(18), tzinfo=datetime.UTC)
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

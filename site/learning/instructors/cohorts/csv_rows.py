"""Reading a cohort's CSV upload (email, name) into one verdict per line.

The same reading runs for the preview and again, under the cohort's lock, for the
confirmation (services.import_members): what is saved is decided from the data as it
is then, never from what the browser sends back. Each line says what will happen to it:
an existing account with a confirmed address is enrolled; an address without an
account, or whose account has not confirmed it yet, is invited (an unconfirmed account
could belong to anyone who typed that address, so it must prove it owns the address
before it takes the class spot); anything else is an error with its reason, and an
empty line is skipped. Nothing here writes.
"""

import csv
import io
from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db.models import Exists, OuterRef
from django.db.models.functions import Lower

from allauth.account.models import EmailAddress

from core.csv import unguard_formula

from ..models import CohortMember

MAX_BYTES = 1024 * 1024
MAX_ROWS = 2_000
NAME_MAX = CohortMember._meta.get_field("name").max_length
EMAIL_MAX = 254

ENROLL, INVITE, ERROR, SKIP = "enroll", "invite", "error", "skip"


@dataclass
class Row:
    line: int
    email: str
    name: str
    outcome: str
    reason: str = ""
    user: object = None


@dataclass
class Reading:
    rows: list
    problem: str = ""  # a reason the whole file is refused

    def count(self, outcome):
        return sum(1 for row in self.rows if row.outcome == outcome)

    @property
    def counts(self):
        return {outcome: self.count(outcome) for outcome in (ENROLL, INVITE, ERROR, SKIP)}

    @property
    def to_enroll(self):
        return [row for row in self.rows if row.outcome == ENROLL]

    @property
    def to_invite(self):
        return [row for row in self.rows if row.outcome == INVITE]


def is_header(cells):
    return bool(cells) and cells[0].strip().lower() in {"email", "e-mail", "email address"}


def read_lines(text):
    """(line number, cells) for each record; the header line, when there is one, dropped."""
    reader = csv.reader(io.StringIO(text), strict=True)
    records = []
    try:
        for cells in reader:
            records.append((reader.line_num, cells))
    except csv.Error as error:
        return records, f"Line {max(reader.line_num, 1)} cannot be read as CSV ({error})."
    if records and is_header(records[0][1]):
        records = records[1:]
    return records, ""


def check_cells(cells):
    """(email, name, reason) of one record, the reason empty when its form is right."""
    cells = [unguard_formula(cell).strip() for cell in cells]
    while cells and not cells[-1]:
        cells.pop()
    if len(cells) > 2:
        return "", "", "More than two columns: expected email, name."
    email = cells[0].lower() if cells else ""
    name = " ".join(cells[1].split()) if len(cells) > 1 else ""
    try:
        if len(email) > EMAIL_MAX:
            raise ValidationError("too long")
        validate_email(email)
    except ValidationError:
        shown = email if len(email) <= 60 else email[:59] + "…"
        return email, name, f"“{shown}” is not a valid email address."
    if len(name) > NAME_MAX:
        return email, name, f"The name is {len(name)} characters long; at most {NAME_MAX}."
    return email, name, ""


def accounts_by_email(emails):
    """{lowercased email: user} for existing accounts, each annotated `confirmed`."""
    confirmed = EmailAddress.objects.filter(
        user_id=OuterRef("pk"), email__iexact=OuterRef("email"), verified=True
    )
    users = (
        get_user_model()
        .objects.annotate(lowered=Lower("email"), confirmed=Exists(confirmed))
        .filter(lowered__in=list(emails), is_active=True)
    )
    return {user.lowered: user for user in users}


def read_upload(text, cohort):
    """The verdict on every line of `text` for `cohort` (three queries)."""
    records, problem = read_lines(text)
    if problem:
        return Reading([], problem)
    data_rows = sum(1 for _line, cells in records if any(cell.strip() for cell in cells))
    if data_rows > MAX_ROWS:
        return Reading([], f"The file has {data_rows} rows; import at most {MAX_ROWS:,} at once.")
    if not data_rows:
        return Reading([], "The file has no rows: put one email address (and a name) per line.")
    checked = []
    for line, cells in records:
        if not any(cell.strip() for cell in cells):
            checked.append(Row(line, "", "", SKIP, "Empty line skipped."))
            continue
        email, name, reason = check_cells(cells)
        checked.append(Row(line, email, name, ERROR if reason else "", reason))
    emails = {row.email for row in checked if not row.outcome}
    accounts = accounts_by_email(emails)
    members = cohort.members.exclude(status=CohortMember.Status.REMOVED)
    member_emails = {email.lower() for email in members.values_list("email", flat=True)}
    member_users = set(members.exclude(user=None).values_list("user_id", flat=True))
    first_line = {}
    for row in checked:
        if row.outcome:
            continue
        user = accounts.get(row.email)
        if row.email in first_line:
            row.outcome, row.reason = ERROR, f"Duplicate of line {first_line[row.email]}."
        elif row.email in member_emails or (user is not None and user.pk in member_users):
            row.outcome, row.reason = ERROR, "Already a member of this cohort."
        elif user is not None and user.confirmed:
            row.outcome, row.user = ENROLL, user
            row.reason = "Has an account: will be enrolled in the cohort's courses."
        elif user is not None:
            row.outcome = INVITE
            row.reason = (
                "Has an account whose email address is not confirmed yet: invited, and "
                "joins once the address is confirmed."
            )
        else:
            row.outcome, row.reason = INVITE, "No account yet: will be sent an invitation."
        first_line.setdefault(row.email, row.line)
    return Reading(checked)

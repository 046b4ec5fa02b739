"""Write paths of cohorts: saving one, importing members, removing one, and joining
the classes one was invited to once one's email address is confirmed.

Each runs in one transaction and locks the cohort row (or the invitations) first, so
a double-clicked confirmation or two tabs never add anyone twice: the second run
re-reads the members and finds them already there. Enrolling goes through
enrollments.services (one enrollment per learner and course, a dropped one reopened);
invitations are emailed once the transaction has committed, so a rolled-back import
mails nobody.
"""

from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from community.notifications.services import notify
from learning.enrollments.services import EnrollmentError, enroll, leave

from ..models import Cohort, CohortMember
from . import invitations
from .access import managed_course_ids
from .csv_rows import read_upload

Status = CohortMember.Status


def save_cohort(user, cohort, data):
    """Create or update `cohort` from a CohortForm's cleaned data; courses and
    instructors the editor may not choose among are kept as they were."""
    with transaction.atomic():
        if cohort.pk:
            cohort = Cohort.objects.select_for_update().get(pk=cohort.pk)
        else:
            cohort.created_by = user
        for field in ("name", "description", "starts_on", "archived"):
            if field in data:
                setattr(cohort, field, data[field])
        cohort.save()
        cohort.courses.set(data["courses"])
        keep = {person.pk for person in data["instructors"]} | {user.pk}
        if cohort.created_by_id:
            keep.add(cohort.created_by_id)
        cohort.instructors.set(keep)
    return cohort


def enroll_in(user, courses):
    """Enroll `user` in each of `courses` that is open; how many enrollments now stand."""
    done = 0
    for course in courses:
        try:
            enroll(user, course)
            done += 1
        except EnrollmentError:
            continue  # a draft or restricted course: joining the cohort still counts
    return done


def cohort_url(cohort):
    """Where a learner told about a class goes: their dashboard, which lists its courses."""
    return reverse("dashboard")


def import_members(cohort, actor, text):
    """Add the members `text` (the previewed CSV) names, re-read now under the
    cohort's lock; returns the Reading that was applied."""
    now = timezone.now()
    with transaction.atomic():
        cohort = Cohort.objects.select_for_update().get(pk=cohort.pk)
        reading = read_upload(text, cohort)
        courses = list(cohort.courses.filter(pk__in=managed_course_ids(actor, cohort)))
        removed = {
            member.email: member
            for member in cohort.members.filter(status=Status.REMOVED).select_for_update()
        }
        for row in reading.to_enroll:
            add_member(cohort, removed, row, Status.ACTIVE, now)
            enroll_in(row.user, courses)
        invited = [
            add_member(cohort, removed, row, Status.INVITED, now) for row in reading.to_invite
        ]
        users = [row.user for row in reading.to_enroll]
        if users:
            notify(
                users,
                "cohort",
                text=f"You were added to the class “{cohort.name}”.",
                url=cohort_url(cohort),
                actor=actor,
                target=cohort,
            )
        transaction.on_commit(lambda: invitations.send(cohort, actor, invited))
    return reading


def add_member(cohort, removed, row, status, now):
    """A new member row, or a removed one brought back (one row per cohort and email)."""
    member = removed.get(row.email) or CohortMember(cohort=cohort, email=row.email)
    member.name = row.name or member.name
    member.status = status
    member.user = row.user
    member.removed_at = None
    member.invited_at = now if status == Status.INVITED else member.invited_at
    member.joined_at = now if status == Status.ACTIVE else None
    member.save()
    return member


def remove_member(cohort, member_id, actor, drop_enrollments=False):
    """Mark the member removed; with `drop_enrollments`, also drop their enrollments in
    the cohort's courses the actor manages. Returns the member (None if not found)."""
    with transaction.atomic():
        member = (
            cohort.members.select_for_update()
            .exclude(status=Status.REMOVED)
            .filter(pk=member_id)
            .first()
        )
        if member is None:
            return None
        member.status = Status.REMOVED
        member.removed_at = timezone.now()
        member.save(update_fields=["status", "removed_at"])
        if member.user_id is None:
            return member
        if drop_enrollments:
            for course in cohort.courses.filter(pk__in=managed_course_ids(actor, cohort)):
                try:
                    leave(member.user, course)
                except EnrollmentError:
                    continue  # not enrolled there (any more)
        notify(
            [member.user_id],
            "cohort",
            text=f"You are no longer in the class “{cohort.name}”.",
            url=cohort_url(cohort),
            actor=actor,
            target=cohort,
        )
    return member


def join_invited_cohorts(user, email):
    """Turn every invitation to `email` (any letter case) into membership of `user` and
    enroll them in those cohorts' courses. Call only once `email` is confirmed to be
    theirs. Returns the memberships that became active."""
    with transaction.atomic():
        members = list(
            CohortMember.objects.select_for_update()
            .filter(status=Status.INVITED, email__iexact=email.strip())
            .select_related("cohort")
        )
        now = timezone.now()
        joined = []
        for member in members:
            if member.cohort.members.filter(user=user).exclude(pk=member.pk).exists():
                continue  # already in this cohort under another address
            member.user, member.status, member.joined_at = user, Status.ACTIVE, now
            member.save(update_fields=["user", "status", "joined_at"])
            enroll_in(user, member.cohort.courses.all())
            joined.append(member)
        for member in joined:
            notify(
                [user],
                "cohort",
                text=f"You joined the class “{member.cohort.name}”.",
                url=cohort_url(member.cohort),
                target=member.cohort,
            )
    return joined

"""The at-risk rule: which of an instructor's students need a word from them now.

- inactive: an active enrollment whose learner did nothing for
  settings.INSTRUCTOR_INACTIVE_DAYS days (14 unless the environment says otherwise).
  Activity is the latest of: the enrollment's last visit, any lesson progress in the
  course, any attempt at one of the course's quizzes, and any flashcard review (decks
  belong to no course, and drilling cards is studying). A learner who never did
  anything counts from the day they enrolled. Completed enrollments are never inactive.
- failing: two or more submitted, failed attempts at the same quiz of the course and
  no pass of it yet (a learner who failed twice and then passed is no longer at risk).

Only enrollments whose learner shares their records are ever looked at
(enrollments.sharing): a learner who keeps progress private is neither named nor
counted. Everything is computed from the source records in a fixed number of queries
(roster.facts), so the rule is the same on the roster, the home panel and in the
analytics part's nightly instructor snapshot (count_at_risk).
"""

import dataclasses
from datetime import datetime, timedelta

from django.conf import settings
from django.utils import timezone

from learning.courses.teaching import MANAGE_STUDENTS, credited_courses
from learning.enrollments.models import Enrollment
from learning.enrollments.sharing import current_shared

from .facts import Facts

INACTIVE, FAILING = "inactive", "failing"
LABELS = {INACTIVE: "Inactive", FAILING: "Failing a quiz"}
FAILS_TO_FLAG = 2
ATTENTION_LIMIT = 8


def inactive_after():
    return timedelta(days=settings.INSTRUCTOR_INACTIVE_DAYS)


def last_activity(enrollment, facts):
    """When the learner last did something in the course (None: never)."""
    times = [
        enrollment.last_accessed,
        facts.lesson_activity.get(enrollment.pk),
        facts.review_activity.get(enrollment.user_id),
    ]
    quizzes = facts.quiz_results.get((enrollment.user_id, enrollment.course_id), {})
    times += [row["last"] for row in quizzes.values()]
    return max(filter(None, times), default=None)


def failing_quizzes(enrollment, facts):
    """Ids of the course's quizzes the learner failed at least twice and never passed."""
    quizzes = facts.quiz_results.get((enrollment.user_id, enrollment.course_id), {})
    return [
        quiz_id
        for quiz_id, row in quizzes.items()
        if row["failed"] >= FAILS_TO_FLAG and not row["passed"]
    ]


def flags(enrollment, facts, now=None):
    """The set of flags (INACTIVE, FAILING) of one enrollment."""
    now = now or timezone.now()
    found = set()
    if enrollment.status == Enrollment.Status.ACTIVE:
        since = last_activity(enrollment, facts) or enrollment.enrolled_date
        if now - since >= inactive_after():
            found.add(INACTIVE)
    if failing_quizzes(enrollment, facts):
        found.add(FAILING)
    return found


def flags_for(enrollments, now=None):
    """{user id: set of flags} for `enrollments` (merged over a learner's courses).
    The caller narrows `enrollments` to what the viewer may see first."""
    facts = Facts(enrollments)
    found = {}
    for enrollment in facts.enrollments:
        found.setdefault(enrollment.user_id, set()).update(flags(enrollment, facts, now))
    return found


RISK_FIELDS = ("id", "user_id", "course_id", "status", "last_accessed", "enrolled_date")


def count_at_risk(course_ids, now=None):
    """How many distinct learners who share their records are at risk in `course_ids`
    (for the analytics part's InstructorSnapshot.students_at_risk)."""
    enrollments = current_shared(list(course_ids)).only(*RISK_FIELDS)
    return sum(1 for found in flags_for(enrollments, now).values() if found)


@dataclasses.dataclass
class Attention:
    learner: object
    course: object
    flags: list
    last_activity: datetime | None

    @property
    def labels(self):
        return [LABELS[flag] for flag in self.flags]


def needing_attention(user, limit=ATTENTION_LIMIT, now=None):
    """Up to `limit` flagged (learner, course) rows of the courses whose students `user`
    manages: failing first, then the longest inactive."""
    course_ids = list(credited_courses(user, MANAGE_STUDENTS).values_list("pk", flat=True))
    if not course_ids:
        return []
    enrollments = current_shared(course_ids).select_related("user")
    facts = Facts(enrollments)
    rows = []
    for enrollment in facts.enrollments:
        found = flags(enrollment, facts, now)
        if found:
            course = facts.courses[enrollment.course_id]
            active = last_activity(enrollment, facts)
            rows.append(Attention(enrollment.user, course, sorted(found), active))
    never = datetime.min.replace(tzinfo=timezone.get_current_timezone())
    rows.sort(key=lambda row: (FAILING not in row.flags, row.last_activity or never))
    return rows[:limit]

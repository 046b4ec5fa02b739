"""A day's InstructorSnapshot for everyone on a course team and the PlatformSnapshot.

An instructor is a user with an active CourseInstructor row (any rights); their
courses are those rows' courses. Their figures add up the courses' figures of the
same day (course_figures), so the two never disagree: students are counted once
however many of the instructor's courses they take. Students at risk come from the
roster's rule (roster.risk.count_at_risk) and, like the team itself, are as of the
run, not of a past day: neither keeps a history.
"""

import datetime
from collections import defaultdict
from decimal import Decimal

from django.db.models import Count, Q

from accounts.models import Subscription
from community.reviews.models import Review
from learning.courses.models import CoursePage
from learning.courses.teaching import active_credits
from learning.enrollments.models import Certificate, LessonProgress, StudyDay
from learning.flashcards.models import ReviewLog

from ..models import Endorsement
from ..roster.risk import count_at_risk
from .course_figures import ACTIVE_DAYS, current_enrollments, percent


def instructor_rows(end, course_rows):
    """{user id: dict of InstructorSnapshot fields}."""
    courses_of = defaultdict(set)
    for user_id, course_id in active_credits().values_list("user_id", "page_id"):
        courses_of[user_id].add(course_id)
    if not courses_of:
        return {}
    learners_of = defaultdict(set)
    for course_id, user_id in current_enrollments(end).values_list("course_id", "user_id"):
        learners_of[course_id].add(user_id)
    reviews = defaultdict(list)
    for course_id, rating in Review.objects.filter(
        is_approved=True, created_at__lt=end
    ).values_list("course_id", "rating"):
        reviews[course_id].append(rating)
    endorsements = dict(
        Endorsement.objects.filter(signed_at__lt=end, instructor_id__in=list(courses_of))
        .order_by()
        .values("instructor")
        .annotate(count=Count("pk"))
        .values_list("instructor", "count")
    )
    rows = {}
    for user_id, course_ids in courses_of.items():
        students = set().union(*(learners_of[course_id] for course_id in course_ids))
        ratings = [rating for course_id in course_ids for rating in reviews[course_id]]
        enrolled = sum(course_rows.get(c, {}).get("enrollments", 0) for c in course_ids)
        completed = sum(course_rows.get(c, {}).get("completions", 0) for c in course_ids)
        rows[user_id] = {
            "total_students": len(students),
            "total_courses": len(course_ids),
            "average_rating": mean(ratings),
            "total_reviews": len(ratings),
            "completion_rate": percent(completed, enrolled),
            "students_at_risk": count_at_risk(sorted(course_ids)),
            "endorsements_given": endorsements.get(user_id, 0),
        }
    return rows


def mean(values):
    """The mean of `values` to two places (None for none)."""
    if not values:
        return None
    return (Decimal(sum(values)) / len(values)).quantize(Decimal("0.01"))


def platform_row(day, start, end):
    """The PlatformSnapshot fields of the day [start, end)."""
    current = current_enrollments(end)
    week_start = day - datetime.timedelta(days=ACTIVE_DAYS - 1)
    premium = Subscription.objects.filter(
        Q(end_date__isnull=True) | Q(end_date__gte=end),
        tier=Subscription.Tier.PREMIUM,
        status=Subscription.Status.ACTIVE,
        start_date__lt=end,
    )
    return {
        "total_courses": CoursePage.objects.live().filter(first_published_at__lt=end).count(),
        "total_students": current.values("user").distinct().count(),
        "total_instructors": active_credits().values("user").distinct().count(),
        "active_learners": StudyDay.objects.filter(date__gte=week_start, date__lte=day)
        .values("user")
        .distinct()
        .count(),
        "premium_learners": premium.count(),
        "total_enrollments": current.count(),
        "total_lessons_completed": LessonProgress.objects.filter(
            completed=True, completed_date__lt=end
        ).count(),
        "total_certificates_issued": Certificate.objects.filter(issued_at__lt=end).count(),
        "cards_reviewed": ReviewLog.objects.filter(
            reviewed_at__gte=start, reviewed_at__lt=end, imported=False
        ).count(),
    }

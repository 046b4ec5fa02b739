"""A day's LearnerSnapshot for every learner, in grouped queries keyed by user id.

A learner is anyone with an enrollment made before the day ended, or a flashcard review
before it. Figures as of the day (records dated before its end, UTC):
- hours: time in lessons (progress rows' current totals: they keep no per-day split)
  plus quiz attempts submitted and flashcard reviews logged before the end;
- lessons and courses completed before the end;
- streak: consecutive study days ending on the day (or the day before), by the
  enrollments app's own streak rule (streaks.streak_from_dates);
- cards reviewed and retention over the 30 days ending with the day: retention is the
  share of those reviews rated anything but "Again" (flashcards.models.Rating.AGAIN);
- average score: mean percentage of submitted quiz attempts;
- ACS readiness: analytics.readiness (the learner page's rule, in bulk).
Imported reviews (an Anki history) count nowhere: they were not studied here.
"""

import datetime
from collections import defaultdict
from decimal import Decimal

from django.db.models import Avg, Count, Q, Sum

from learning.assessments.models import Attempt
from learning.enrollments.models import Enrollment, LessonProgress, StudyDay
from learning.enrollments.streaks import MAX_STREAK_DAYS, streak_from_dates
from learning.flashcards.models import Rating, ReviewLog

from .course_figures import percent
from .readiness import readiness_by_learner

RETENTION_DAYS = 30


def learner_ids(end):
    enrolled = Enrollment.objects.filter(enrolled_date__lt=end).values_list("user_id", flat=True)
    reviewing = ReviewLog.objects.filter(reviewed_at__lt=end, imported=False).values_list(
        "user_id", flat=True
    )
    return sorted(set(enrolled.distinct()) | set(reviewing.order_by().distinct()))


def grouped(queryset, key, **aggregates):
    """{key value: row} of `queryset` grouped by `key`."""
    rows = queryset.order_by().values(key).annotate(**aggregates)
    return {row[key]: row for row in rows}


def learner_rows(day, end):
    """{user id: dict of LearnerSnapshot fields}."""
    ids = learner_ids(end)
    if not ids:
        return {}
    month = end - datetime.timedelta(days=RETENTION_DAYS)
    lessons = grouped(
        LessonProgress.objects.filter(enrollment__user_id__in=ids),
        "enrollment__user",
        time=Sum("time_spent"),
        completed=Count("pk", filter=Q(completed=True, completed_date__lt=end)),
    )
    courses = grouped(
        Enrollment.objects.filter(user_id__in=ids, completion_date__lt=end),
        "user",
        completed=Count("pk"),
    )
    attempts = grouped(
        Attempt.objects.filter(user_id__in=ids, submitted_at__lt=end),
        "user",
        time=Sum("time_taken"),
        average=Avg("percentage"),
    )
    reviews = grouped(
        ReviewLog.objects.filter(user_id__in=ids, reviewed_at__lt=end, imported=False),
        "user",
        milliseconds=Sum("duration_ms"),
        recent=Count("pk", filter=Q(reviewed_at__gte=month)),
        recalled=Count("pk", filter=Q(reviewed_at__gte=month) & ~Q(rating=Rating.AGAIN)),
    )
    streaks = streaks_on(ids, day)
    readiness = readiness_by_learner(ids, end)
    rows = {}
    for user_id in ids:
        lesson = lessons.get(user_id, {})
        attempt = attempts.get(user_id, {})
        review = reviews.get(user_id, {})
        seconds = (
            (lesson.get("time") or 0)
            + (attempt.get("time") or 0)
            + (review.get("milliseconds") or 0) / 1000
        )
        recent = review.get("recent", 0)
        average = attempt.get("average")
        rows[user_id] = {
            "hours": (Decimal(seconds) / 3600).quantize(Decimal("0.01")),
            "lessons_completed": lesson.get("completed", 0),
            "courses_completed": courses.get(user_id, {}).get("completed", 0),
            "streak_days": streaks.get(user_id, 0),
            "cards_reviewed": recent,
            "retention": percent(review.get("recalled", 0), recent) if recent else None,
            "average_score": (
                Decimal(average).quantize(Decimal("0.01")) if average is not None else None
            ),
            "acs_readiness": readiness.get(user_id, {}),
        }
    return rows


def streaks_on(ids, day):
    """{user id: streak in days as it stood on `day`} (one query over the study days
    that can still count)."""
    since = day - datetime.timedelta(days=MAX_STREAK_DAYS)
    dates = defaultdict(list)
    rows = (
        StudyDay.objects.filter(user_id__in=ids, date__gte=since, date__lte=day)
        .order_by("user_id", "-date")
        .values_list("user_id", "date")
    )
    for user_id, date in rows:
        dates[user_id].append(date)
    return {user_id: streak_from_dates(days, day) for user_id, days in dates.items()}

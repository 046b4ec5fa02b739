"""A day's CourseSnapshot for every course, from enrollments, lesson progress, quiz
attempts and reviews, in a fixed number of grouped queries (never one per learner,
lesson or course).

"As of the day" means records dated before the day's end (UTC). Where a record has no
date for what is counted, its current value stands: a dropped enrollment does not
count (the drop is not dated), a lesson counts as reached when a progress row for it
exists (progress rows keep no creation date) and time spent is the rows' current total.

The definitions, which the analytics page and the admin home repeat in their help texts:
- enrollments: active or completed enrollments made before the day ended;
- active learners: those enrollments whose learner opened the course or one of its
  lessons in the 7 days that ended with the day;
- completion rate: completed enrollments / enrollments;
- average progress: live lessons completed / (enrollments x live lessons), so a course
  of 10 lessons with learners at 2 and 8 lessons stands at 50%;
- average quiz score: mean percentage of submitted attempts at the course's quizzes;
- rating: mean of the approved reviews.
"""

import datetime
from collections import defaultdict
from decimal import Decimal

from django.db.models import Count, Exists, OuterRef, Q, Sum

from community.reviews.models import Review
from learning.assessments.models import Attempt
from learning.courses.models import LessonPage
from learning.enrollments.models import Enrollment, LessonProgress

ACTIVE_DAYS = 7


def percent(part, whole, places="0.01"):
    """part / whole as a percentage Decimal rounded for a DecimalField (0 for none)."""
    if not whole:
        return Decimal(0)
    return (Decimal(100) * part / whole).quantize(Decimal(places))


def current_enrollments(end):
    """Enrollments that count on a day ending at `end`: made before it, not dropped."""
    return Enrollment.objects.filter(enrolled_date__lt=end).exclude(
        status=Enrollment.Status.DROPPED
    )


def lesson_courses(courses):
    """{lesson id: course id} for every lesson (live or not) below `courses`, from the
    tree paths (one query)."""
    by_path = {course.path: course.pk for course in courses}
    depths = sorted({len(course.path) for course in courses})
    found = {}
    for pk, path in LessonPage.objects.values_list("pk", "path").order_by():
        for depth in depths:
            course_id = by_path.get(path[:depth])
            if course_id is not None:
                found[pk] = course_id
                break
    return found


def course_rows(day, start, end, courses, outlines, lessons_to_course):
    """{course id: dict of CourseSnapshot fields} for the day [start, end)."""
    current = current_enrollments(end)
    week = end - datetime.timedelta(days=ACTIVE_DAYS)
    recent = LessonProgress.objects.filter(
        enrollment=OuterRef("pk"), last_accessed__gte=week, last_accessed__lt=end
    )
    counts = {
        row["course"]: row
        for row in current.annotate(recent=Exists(recent))
        .order_by()
        .values("course")
        .annotate(
            enrollments=Count("pk"),
            new=Count("pk", filter=Q(enrolled_date__gte=start)),
            completions=Count("pk", filter=Q(completion_date__lt=end)),
            active=Count(
                "pk",
                filter=Q(recent=True) | Q(last_accessed__gte=week, last_accessed__lt=end),
            ),
        )
    }
    lessons = lesson_figures(current, end)
    quiz = quiz_scores(end, lessons_to_course)
    ratings = {
        row["course"]: row
        for row in Review.objects.filter(is_approved=True, created_at__lt=end)
        .order_by()
        .values("course")
        .annotate(average=Sum("rating"), count=Count("pk"))
    }
    time_spent = defaultdict(int)
    for lesson_id, figures in lessons.items():
        course_id = lessons_to_course.get(lesson_id)
        if course_id is not None:
            time_spent[course_id] += figures["time"] or 0
    rows = {}
    for course in courses:
        count = counts.get(course.pk, {})
        enrolled = count.get("enrollments", 0)
        outline = outlines[course.pk].lessons
        dropoff = [
            {
                "lesson_id": lesson.pk,
                "title": lesson.title,
                "reached": lessons.get(lesson.pk, {}).get("reached", 0),
                "completed": lessons.get(lesson.pk, {}).get("completed", 0),
            }
            for lesson in outline
        ]
        done = sum(item["completed"] for item in dropoff)
        rating = ratings.get(course.pk)
        rows[course.pk] = {
            "enrollments": enrolled,
            "new_enrollments": count.get("new", 0),
            "active_learners": count.get("active", 0),
            "completions": count.get("completions", 0),
            "completion_rate": percent(count.get("completions", 0), enrolled),
            "average_progress": percent(done, enrolled * len(outline)),
            "average_quiz_score": quiz.get(course.pk),
            "average_rating": (
                (Decimal(rating["average"]) / rating["count"]).quantize(Decimal("0.01"))
                if rating
                else None
            ),
            "rating_count": rating["count"] if rating else 0,
            "time_spent": time_spent.get(course.pk, 0),
            "lesson_dropoff": dropoff,
        }
    return rows


def lesson_figures(current, end):
    """{lesson id: {reached, completed, time}} over the current enrollments' progress."""
    rows = (
        LessonProgress.objects.filter(enrollment__in=current)
        .order_by()
        .values("lesson")
        .annotate(
            reached=Count("pk"),
            completed=Count("pk", filter=Q(completed=True, completed_date__lt=end)),
            time=Sum("time_spent"),
        )
    )
    return {row["lesson"]: row for row in rows}


def quiz_scores(end, lessons_to_course):
    """{course id: mean percentage of attempts submitted before `end`} (one query)."""
    totals = defaultdict(lambda: [Decimal(0), 0])
    rows = (
        Attempt.objects.filter(
            submitted_at__lt=end, percentage__isnull=False, assessment__lesson__isnull=False
        )
        .order_by()
        .values("assessment__lesson")
        .annotate(total=Sum("percentage"), count=Count("pk"))
    )
    for row in rows:
        course_id = lessons_to_course.get(row["assessment__lesson"])
        if course_id is not None:
            totals[course_id][0] += row["total"]
            totals[course_id][1] += row["count"]
    return {
        course_id: (total / count).quantize(Decimal("0.01"))
        for course_id, (total, count) in totals.items()
        if count
    }

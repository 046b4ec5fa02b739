"""The figures of one course's analytics page (and its CSV), for a date range.

Aggregates only: counts and shares over enrollments, never a learner's name, so the
page may count every enrollment (sharing decides who is named, and nobody is here).
A fixed number of queries whatever the number of learners: every figure is a grouped
query, or one pass over (enrollment, lesson) progress pairs of the course.

- enrollments over time: new enrollments per day in the range (live, from enrollment
  dates) beside the nightly snapshot's total of each day, where one was taken;
- completion funnel: per module of the live outline, how many current enrollments
  started it (a progress row on one of its lessons) and completed it (every live lesson
  of it completed by the range's end);
- lesson drop-off: the same per lesson;
- quiz item difficulty: percent correct per question of the course's quizzes over
  attempts submitted in the range (assessments.admin.stats's QuestionStat rule: a
  skipped question counts as wrong);
- time spent: lesson time of current enrollments, per module and per learner.
"""

import datetime
from collections import defaultdict
from dataclasses import dataclass

from django.db.models import Count, Q
from django.db.models.functions import TruncDate

from learning.assessments.admin.stats import QuestionStat
from learning.assessments.models import AttemptAnswer, Question
from learning.courses.outline import course_outline
from learning.enrollments.models import Enrollment, LessonProgress
from learning.enrollments.sharing import CURRENT

from ..models import CourseSnapshot


@dataclass
class Stage:
    title: str
    started: int
    completed: int
    enrolled: int
    seconds: int = 0

    @property
    def started_percent(self):
        return round(100 * self.started / self.enrolled) if self.enrolled else 0

    @property
    def completed_percent(self):
        return round(100 * self.completed / self.enrolled) if self.enrolled else 0


@dataclass
class DayRow:
    day: datetime.date
    new: int
    total: int | None


class CourseReport:
    def __init__(self, course, start, end):
        self.course, self.start, self.end = course, start, end
        self.until = datetime.datetime.combine(
            end + datetime.timedelta(days=1), datetime.time.min, tzinfo=datetime.UTC
        )
        self.outline = course_outline(course)
        self.current = Enrollment.objects.filter(
            course=course, status__in=CURRENT, enrolled_date__lt=self.until
        )
        self.enrolled = self.current.count()
        self.modules, self.lessons = self._progress()

    def days(self):
        """One DayRow per day of the range (two queries)."""
        since = datetime.datetime.combine(self.start, datetime.time.min, tzinfo=datetime.UTC)
        new = dict(
            Enrollment.objects.filter(
                course=self.course, enrolled_date__gte=since, enrolled_date__lt=self.until
            )
            .annotate(day=TruncDate("enrolled_date", tzinfo=datetime.UTC))
            .order_by()
            .values("day")
            .annotate(count=Count("pk"))
            .values_list("day", "count")
        )
        totals = dict(
            CourseSnapshot.objects.filter(
                course=self.course, day__gte=self.start, day__lte=self.end
            ).values_list("day", "enrollments")
        )
        count = (self.end - self.start).days + 1
        return [
            DayRow(day, new.get(day, 0), totals.get(day))
            for day in (self.start + datetime.timedelta(days=n) for n in range(count))
        ]

    def _progress(self):
        """(module Stages, lesson Stages) from one pass over the progress rows."""
        pairs = LessonProgress.objects.filter(enrollment__in=self.current).values_list(
            "enrollment_id", "lesson_id", "completed_date", "time_spent"
        )
        reached, done = defaultdict(set), defaultdict(set)
        seconds = defaultdict(int)
        for enrollment_id, lesson_id, completed_date, spent in pairs:
            reached[lesson_id].add(enrollment_id)
            seconds[lesson_id] += spent
            if completed_date is not None and completed_date < self.until:
                done[lesson_id].add(enrollment_id)
        lessons, modules = [], []
        for module in self.outline.modules:
            ids = [lesson.pk for lesson in module.lessons]
            for lesson in module.lessons:
                lessons.append(
                    Stage(
                        lesson.title,
                        len(reached[lesson.pk]),
                        len(done[lesson.pk]),
                        self.enrolled,
                        seconds[lesson.pk],
                    )
                )
            started = set().union(*(reached[pk] for pk in ids)) if ids else set()
            finished = set.intersection(*(done[pk] for pk in ids)) if ids else set()
            modules.append(
                Stage(
                    module.page.title,
                    len(started),
                    len(finished),
                    self.enrolled,
                    sum(seconds[pk] for pk in ids),
                )
            )
        return modules, lessons

    @property
    def total_seconds(self):
        return sum(stage.seconds for stage in self.modules)

    @property
    def seconds_per_learner(self):
        return round(self.total_seconds / self.enrolled) if self.enrolled else 0

    def question_stats(self):
        """QuestionStat per question of the course's quizzes, in course order (two
        queries): answers of attempts submitted within the range."""
        lesson_ids = [lesson.pk for lesson in self.outline.lessons]
        questions = list(
            Question.objects.filter(assessment__lesson_id__in=lesson_ids)
            .select_related("assessment")
            .order_by("assessment__lesson__path", "sort_order", "pk")
        )
        since = datetime.datetime.combine(self.start, datetime.time.min, tzinfo=datetime.UTC)
        blank = Q(selected_choices=[]) & Q(text_answer="")
        counts = {
            row["question"]: row
            for row in AttemptAnswer.objects.filter(
                question__in=[q.pk for q in questions],
                attempt__submitted_at__gte=since,
                attempt__submitted_at__lt=self.until,
            )
            .order_by()
            .values("question")
            .annotate(
                drawn=Count("pk"),
                answered=Count("pk", filter=~blank),
                correct=Count("pk", filter=Q(is_correct=True)),
            )
        }
        none = {"drawn": 0, "answered": 0, "correct": 0}
        stats = []
        for question in questions:
            row = counts.get(question.pk, none)
            stats.append(QuestionStat(question, row["drawn"], row["answered"], row["correct"]))
        return stats

"""What the roster, the student page, the at-risk rule and the attention panel know about
a list of enrollments, each fact loaded once for the whole list.

Every property below is one query keyed by the enrollments' user, course or enrollment
ids (grouped in the database), never one per row, so a page costs the same number of
queries for 3 learners as for 2,000. The callers decide which enrollments are allowed in
(learning.courses.teaching and learning.enrollments.sharing); this module only reads.
"""

from functools import cached_property

from django.db.models import Count, Max, OuterRef, Q, Subquery

from learning.acs.models import AcsArea, AcsStandard
from learning.assessments.models import Assessment, Attempt
from learning.courses.models import CoursePage
from learning.enrollments.models import LessonProgress
from learning.flashcards.models import ReviewLog
from learning.instructors.models import LearnerSnapshot
from learning.orals.models import Grade, MockOralItem, MockOralSession


def any_prefix(field, prefixes):
    query = Q()
    for prefix in prefixes:
        query |= Q(**{f"{field}__startswith": prefix})
    return query


def standard_matches(standard, label):
    """Course.acs_standard is free text ("FAA-S-ACS-6C", "PA" or a slug)."""
    label = label.strip().lower()
    return label in (standard.document_id.lower(), standard.code.lower(), standard.slug.lower())


class Facts:
    """Bulk-loaded facts about `enrollments` (Enrollment rows with their user loaded)."""

    def __init__(self, enrollments):
        self.enrollments = list(enrollments)
        self.user_ids = sorted({row.user_id for row in self.enrollments})
        self.course_ids = sorted({row.course_id for row in self.enrollments})

    @cached_property
    def courses(self):
        if not self.course_ids:
            return {}
        rows = CoursePage.objects.filter(pk__in=self.course_ids)
        return {course.pk: course for course in rows.only("id", "title", "path", "acs_standard")}

    @cached_property
    def quiz_course(self):
        """{assessment id: course id} for the quizzes of lessons below the courses."""
        paths = {course.path: pk for pk, course in self.courses.items()}
        if not paths:
            return {}
        quizzes = Assessment.objects.filter(any_prefix("lesson__path", paths))
        found = {}
        for pk, lesson_path in quizzes.values_list("pk", "lesson__path"):
            for path, course_id in paths.items():
                if lesson_path.startswith(path):
                    found[pk] = course_id
        return found

    @cached_property
    def quiz_results(self):
        """{(user id, course id): {assessment id: row}}, row with best (%), submitted,
        failed, passed and last (latest start or submission)."""
        if not self.quiz_course or not self.user_ids:
            return {}
        rows = (
            Attempt.objects.filter(user_id__in=self.user_ids, assessment_id__in=self.quiz_course)
            .values("user_id", "assessment_id")
            .annotate(
                best=Max("percentage"),
                submitted=Count("pk", filter=Q(submitted_at__isnull=False)),
                failed=Count("pk", filter=Q(submitted_at__isnull=False, passed=False)),
                passed=Count("pk", filter=Q(submitted_at__isnull=False, passed=True)),
                last_start=Max("started_at"),
                last_submit=Max("submitted_at"),
            )
            .order_by()
        )
        results = {}
        for row in rows:
            course_id = self.quiz_course[row["assessment_id"]]
            row["last"] = max(filter(None, [row["last_start"], row["last_submit"]]))
            results.setdefault((row["user_id"], course_id), {})[row["assessment_id"]] = row
        return results

    @cached_property
    def lesson_activity(self):
        """{enrollment id: latest LessonProgress.last_accessed}."""
        ids = [row.pk for row in self.enrollments]
        if not ids:
            return {}
        rows = (
            LessonProgress.objects.filter(enrollment_id__in=ids)
            .values("enrollment_id")
            .annotate(last=Max("last_accessed"))
            .order_by()
        )
        return {row["enrollment_id"]: row["last"] for row in rows}

    @cached_property
    def review_activity(self):
        """{user id: latest flashcard review} (decks belong to no course)."""
        if not self.user_ids:
            return {}
        rows = (
            ReviewLog.objects.filter(user_id__in=self.user_ids)
            .values("user_id")
            .annotate(last=Max("reviewed_at"))
            .order_by()
        )
        return {row["user_id"]: row["last"] for row in rows}

    @cached_property
    def snapshots(self):
        """{user id: their latest LearnerSnapshot} (written nightly by the analytics)."""
        if not self.user_ids:
            return {}
        latest_day = (
            LearnerSnapshot.objects.filter(learner_id=OuterRef("learner_id"))
            .order_by("-day")
            .values("day")[:1]
        )
        rows = LearnerSnapshot.objects.filter(
            learner_id__in=self.user_ids, day=Subquery(latest_day)
        )
        return {row.learner_id: row for row in rows}

    @cached_property
    def standards(self):
        """{course id: AcsStandard with `area_list`, or None when it names none}."""
        labels = {c.acs_standard.strip().lower() for c in self.courses.values() if c.acs_standard}
        found = []
        if labels:
            query = Q()
            for label in labels:
                query |= Q(document_id__iexact=label) | Q(code__iexact=label)
                query |= Q(slug__iexact=label)
            found = list(AcsStandard.objects.filter(query).order_by("code"))
        if found:
            areas = AcsArea.objects.filter(standard__in=found).order_by("order")
            by_standard = {standard.pk: standard for standard in found}
            for standard in found:
                standard.area_list = []
            for area in areas:
                area.standard = by_standard[area.standard_id]
                area.standard.area_list.append(area)
        standards = {}
        for pk, course in self.courses.items():
            label = course.acs_standard
            matching = [s for s in found if label and standard_matches(s, label)]
            standards[pk] = matching[0] if matching else None
        return standards

    @cached_property
    def orals(self):
        """{(user id, standard id): {"done", "last_score", "satisfactory", "graded"}} over
        completed mock oral sessions."""
        standard_ids = {s.pk for s in self.standards.values() if s is not None}
        if not standard_ids or not self.user_ids:
            return {}
        done = MockOralSession.objects.filter(
            user_id__in=self.user_ids, standard_id__in=standard_ids, completed_at__isnull=False
        )
        latest_score = (
            done.filter(user_id=OuterRef("user_id"), standard_id=OuterRef("standard_id"))
            .order_by("-completed_at", "-pk")
            .values("score")[:1]
        )
        figures = {}
        sessions = (
            done.values("user_id", "standard_id")
            .annotate(done=Count("pk"), last_score=Subquery(latest_score))
            .order_by()
        )
        for row in sessions:
            key = (row["user_id"], row["standard_id"])
            figures[key] = {**row, "satisfactory": 0, "graded": 0}
        items = (
            MockOralItem.objects.filter(session__in=done)
            .exclude(grade="")
            .values("session__user_id", "session__standard_id")
            .annotate(
                graded=Count("pk"), satisfactory=Count("pk", filter=Q(grade=Grade.SATISFACTORY))
            )
            .order_by()
        )
        for row in items:
            key = (row["session__user_id"], row["session__standard_id"])
            if key in figures:
                figures[key].update(graded=row["graded"], satisfactory=row["satisfactory"])
        return figures

"""What a learner has done in a course, read in a fixed number of queries for the
course, module and lesson pages (check marks, progress bar, "Continue") and the dashboard."""

import math
from dataclasses import dataclass, field

from accounts.tiers import Tier, tier_for

from .models import Enrollment, LessonProgress


@dataclass
class LearnerProgress:
    """A learner's standing in one course, computed from its live outline."""

    outline: object
    enrollment: Enrollment | None = None
    completed_ids: set = field(default_factory=set)
    tier: Tier = Tier.GUEST

    @property
    def is_enrolled(self):
        return self.enrollment is not None and self.enrollment.is_current

    @property
    def completed_count(self):
        return sum(1 for lesson in self.outline.lessons if lesson.pk in self.completed_ids)

    @property
    def percentage(self):
        total = self.outline.lesson_count
        return math.floor(100 * self.completed_count / total) if total else 0

    @property
    def remaining(self):
        return [lesson for lesson in self.outline.lessons if lesson.pk not in self.completed_ids]

    @property
    def next_lesson(self):
        """The first unfinished lesson, in learning order, that the learner may read."""
        return next((lesson for lesson in self.remaining if lesson.is_visible_to(self.tier)), None)

    @property
    def locked_remaining(self):
        """Unfinished lessons a higher tier would open (they still count in progress)."""
        return sum(1 for lesson in self.remaining if not lesson.is_visible_to(self.tier))

    @property
    def is_complete(self):
        return self.outline.lesson_count > 0 and not self.remaining

    def module_counts(self, module):
        done = sum(1 for lesson in module.lessons if lesson.pk in self.completed_ids)
        return done, len(module.lessons)

    @property
    def modules(self):
        """(module outline, lessons done, lessons in it) for per-module progress."""
        return [(module, *self.module_counts(module)) for module in self.outline.modules]


def learner_progress(user, course, outline, enrollment=None):
    """The viewer's progress in `course` (two queries, one when the caller already has
    the enrollment; none for a guest)."""
    if not user.is_authenticated:
        return LearnerProgress(outline)
    tier = tier_for(user)
    if enrollment is None or enrollment.course_id != course.pk:
        enrollment = Enrollment.objects.filter(user=user, course_id=course.pk).first()
    if enrollment is None:
        return LearnerProgress(outline, tier=tier)
    completed = LessonProgress.objects.filter(enrollment=enrollment, completed=True)
    done = set(completed.values_list("lesson_id", flat=True))
    return LearnerProgress(outline, enrollment, done, tier)


def progress_for_enrollments(user, enrollments, outlines):
    """{enrollment id: LearnerProgress} for many of `user`'s enrollments in one query."""
    completed = {}
    tier = tier_for(user)
    rows = LessonProgress.objects.filter(enrollment__in=enrollments, completed=True)
    for enrollment_id, lesson_id in rows.values_list("enrollment_id", "lesson_id"):
        completed.setdefault(enrollment_id, set()).add(lesson_id)
    return {
        enrollment.pk: LearnerProgress(
            outlines[enrollment.course_id], enrollment, completed.get(enrollment.pk, set()), tier
        )
        for enrollment in enrollments
    }

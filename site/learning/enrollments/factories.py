"""Enrollments for tests and the demo: a learner in a course, optionally with lessons done."""

from learning.courses.outline import course_outline

from . import services
from .models import Enrollment


def enroll(user, course):
    """A learner enrolled through the real service (verified email required)."""
    enrollment, _ = services.enroll(user, course)
    return enrollment


def complete(user, lessons):
    """Complete `lessons` for `user` through the real service; returns the enrollment."""
    for lesson in lessons:
        services.complete_lesson(user, lesson)
    return Enrollment.objects.get(user=user, progress__lesson=lessons[0])


def live_lessons(course):
    return course_outline(course).lessons

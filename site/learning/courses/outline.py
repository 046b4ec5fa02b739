"""A course's live modules and lessons in learning order, in a fixed number of queries.

Course, module and lesson pages all show the outline; lesson pages also need the
previous and next lesson across module boundaries. Loading the whole outline in two
queries (modules, lessons) keeps each page's query count flat however big the course.
"""

from dataclasses import dataclass, field
from functools import cached_property


@dataclass
class ModuleOutline:
    page: object
    lessons: list = field(default_factory=list)

    @property
    def duration_minutes(self):
        if self.page.duration_minutes is not None:
            return self.page.duration_minutes
        return sum(lesson.duration_minutes for lesson in self.lessons)


@dataclass
class CourseOutline:
    modules: list

    @cached_property
    def lessons(self):
        return [lesson for module in self.modules for lesson in module.lessons]

    @property
    def lesson_count(self):
        return len(self.lessons)

    @property
    def duration_minutes(self):
        return sum(lesson.duration_minutes for lesson in self.lessons)

    def module_for(self, page):
        """The module that is `page` or contains it (None if it is not in the outline)."""
        for module in self.modules:
            if page.path.startswith(module.page.path):
                return module
        return None

    def neighbours(self, lesson):
        """(previous, next) live lessons around `lesson`, crossing module boundaries."""
        ids = [item.pk for item in self.lessons]
        if lesson.pk not in ids:
            return None, None
        index = ids.index(lesson.pk)
        previous = self.lessons[index - 1] if index > 0 else None
        following = self.lessons[index + 1] if index + 1 < len(ids) else None
        return previous, following


def course_outline(course):
    """Live, public modules of `course`, each with its live, public lessons."""
    return course_outlines([course])[course.pk]


def course_outlines(courses):
    """{course id: CourseOutline} for several courses in two queries (the dashboard's
    courses, or one course page), however many courses, modules and lessons."""
    from django.db.models import Q

    from .models import LessonPage, ModulePage

    courses = list(courses)
    outlines = {course.pk: CourseOutline([]) for course in courses}
    if not courses:
        return outlines
    step = ModulePage.steplen
    under = Q()
    for course in courses:
        under |= Q(path__startswith=course.path)
    course_by_path = {course.path: course.pk for course in courses}
    modules = ModulePage.objects.filter(under, depth__in={c.depth + 1 for c in courses})
    by_path = {}
    for page in modules.live().public().order_by("path"):
        course_id = course_by_path.get(page.path[:-step])
        if course_id is not None:
            by_path[page.path] = module = ModuleOutline(page)
            outlines[course_id].modules.append(module)
    lessons = (
        LessonPage.objects.filter(under)
        .live()
        .public()
        .defer_streamfields()
        .defer("transcript")
        .order_by("path")
    )
    for lesson in lessons:
        module = by_path.get(lesson.path[:-step])
        if module is not None:  # lessons of an unpublished module drop out with it
            module.lessons.append(lesson)
    return outlines

"""Course page tree: CourseIndexPage > CoursePage > ModulePage > LessonPage."""

from .course import CourseInstructor, CourseLevel, CoursePage
from .course_index import CourseIndexPage
from .lesson import LessonPage, LessonResource, LessonType
from .module import ModulePage

__all__ = [
    "CourseIndexPage",
    "CourseInstructor",
    "CourseLevel",
    "CoursePage",
    "LessonPage",
    "LessonResource",
    "LessonType",
    "ModulePage",
]

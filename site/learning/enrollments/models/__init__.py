from .activity import ActivityType, StudyDay, UserActivity
from .certificate import Certificate
from .enrollment import Enrollment, LessonProgress
from .notes import Bookmark, Note

__all__ = [
    "ActivityType",
    "Bookmark",
    "Certificate",
    "Enrollment",
    "LessonProgress",
    "Note",
    "StudyDay",
    "UserActivity",
]

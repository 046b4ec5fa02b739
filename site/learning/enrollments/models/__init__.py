from .activity import ActivityType, StudyDay, UserActivity
from .announcement import Announcement
from .certificate import Certificate
from .enrollment import Enrollment, LessonProgress
from .notes import Bookmark, Note

__all__ = [
    "ActivityType",
    "Announcement",
    "Bookmark",
    "Certificate",
    "Enrollment",
    "LessonProgress",
    "Note",
    "StudyDay",
    "UserActivity",
]

"""Write paths for courses: keep a course's stored totals equal to its live lessons."""

from .models import CoursePage
from .outline import course_outline
from .signals import course_tree_changed


def refresh_course_totals(course_id):
    """Recount a course's live lessons and minutes from the tree (never increment).

    Stored with an UPDATE, not `save()`, so a lesson edit does not create a course
    revision; CoursePage.save() recounts too, so publishing an old course revision
    cannot bring back stale totals.
    """
    course = CoursePage.objects.filter(pk=course_id).only("pk", "path", "depth").first()
    if course is None:
        return
    outline = course_outline(course)
    CoursePage.objects.filter(pk=course_id).update(
        duration_minutes=outline.duration_minutes, lesson_count=outline.lesson_count
    )
    course_tree_changed.send(sender=CoursePage, course_id=course_id)

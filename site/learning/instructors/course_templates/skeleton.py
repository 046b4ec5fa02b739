"""A course's skeleton for "Save course as template": its modules and lessons in tree
order, each lesson's title, summary, access level and the types of its body blocks,
every value a placeholder. No text of the lessons is kept (it stays the original's), and
nothing about learners is read: the tree alone, in two queries."""

from learning.courses.models import LessonPage, ModulePage

from .placeholders import placeholder


def course_skeleton(course):
    modules = list(ModulePage.objects.child_of(course).order_by("path").only("id", "title", "path"))
    lessons = (
        LessonPage.objects.descendant_of(course)
        .order_by("path")
        .only("id", "title", "path", "depth", "summary", "access_level", "body")
    )
    by_module = {module.path: [] for module in modules}
    for lesson in lessons:
        parent_path = lesson.path[: -LessonPage.steplen]
        if parent_path in by_module:
            by_module[parent_path].append(
                {
                    "title": lesson.title,
                    "summary": lesson.summary,
                    "access_level": lesson.access_level,
                    "blocks": [
                        {"type": child.block_type, "value": placeholder(child.block_type)}
                        for child in lesson.body
                    ],
                }
            )
    return {
        "modules": [
            {"title": module.title, "lessons": by_module[module.path]} for module in modules
        ]
    }

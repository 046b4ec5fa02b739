"""What the Instructors group may do with quizzes in the Wagtail admin: write them.

Assessments are snippets, so editing them needs the model's own permissions (on top of
admin access); import, export and the learner preview need "change". Run by load_demo;
on a real site an admin grants the same through Settings > Groups.
"""

from django.contrib.auth.models import Permission

QUIZ_PERMISSIONS = ["add_assessment", "change_assessment", "delete_assessment", "view_assessment"]


def grant_quiz_editing(group):
    """Idempotently let `group` use the admin and add, change, delete and view quizzes."""
    group.permissions.add(
        Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin"),
        *Permission.objects.filter(
            content_type__app_label="assessments", codename__in=QUIZ_PERMISSIONS
        ),
    )

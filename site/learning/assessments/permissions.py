"""Quiz editing in the Wagtail admin: the Instructors role (accounts.roles) holds it; this
grants it to any group.

Assessments are snippets, so editing them needs the model's own permissions (on top of
admin access); import, export and the learner preview need "change".
"""

from accounts.roles import QUIZ_EDITING, grant


def grant_quiz_editing(group):
    """Idempotently let `group` use the admin and add, change, delete and view quizzes."""
    grant(group, QUIZ_EDITING)

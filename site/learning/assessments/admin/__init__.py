"""The Wagtail admin screens of quizzes: the question bank's own pages (learner preview,
CSV and GIFT import and export) and instructor insight (attempts and statistics).

wagtail_hooks.py imports these modules and registers them. This package is not Django's
admin: `django.contrib.admin`'s autodiscovery imports `learning.assessments.admin` at
start-up, so this file must stay free of imports and side effects (the screens register
only when Wagtail loads the app's hooks).
"""

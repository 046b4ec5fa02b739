"""`python manage.py sync_course_teams`: bring every course's team group (the Wagtail page
rights of the instructors who may edit it, learning.courses.team_access) in step with the
course's "Instructors" panel.

Saving a team row already does this for its course, and `migrate` runs it for every
course; run it by hand after loading rows without signals (fixtures, raw SQL).
"""

from django.core.management.base import BaseCommand

from learning.courses.team_access import sync_every_course


class Command(BaseCommand):
    help = "Give each course's editing instructors page rights on it, and nobody else (idempotent)."

    def handle(self, *args, **options):
        count = sync_every_course()
        self.stdout.write(self.style.SUCCESS(f"Course teams are in step ({count} courses)."))

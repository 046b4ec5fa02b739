"""`python manage.py setup_roles`: create or complete the staff groups and their rights.

`migrate` already does this; a deploy may run it again, for instance after adding a
course catalog page, whose Instructors page rights are granted only once it exists.
"""

from django.core.management.base import BaseCommand

from accounts.roles import ensure_roles


class Command(BaseCommand):
    help = "Create or complete the Instructors, Marketers and Moderators groups (idempotent)."

    def handle(self, *args, **options):
        for name, group in ensure_roles().items():
            self.stdout.write(f"  {name}: {group.permissions.count()} model permissions")
        self.stdout.write(self.style.SUCCESS("Roles are set up."))

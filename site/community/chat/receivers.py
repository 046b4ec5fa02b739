"""Keep a course's group conversation in step with its enrollments.

Enrollments offers no signal of its own, so chat (which sits above it and may import
it) listens to the Enrollment row being created or changing status: a new learner
joins the course group, one who dropped leaves it. Progress saves (which name other
fields) cost nothing here.
"""

from django.db.models.signals import post_save
from django.dispatch import receiver

from learning.enrollments.models import Enrollment

from .services import sync_course_group


@receiver(post_save, sender=Enrollment, dispatch_uid="chat_group_follows_enrollment")
def enrollment_changed(sender, instance, created, update_fields=None, **kwargs):
    if created or update_fields is None or "status" in update_fields:
        sync_course_group(instance.course_id, user_ids=[instance.user_id])

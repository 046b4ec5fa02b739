"""The course page's admin form."""

from django.core.exceptions import ValidationError

from wagtail.admin.forms import WagtailAdminPageForm

ONLY_ADMINS_CREDIT = (
    "Only an administrator can change who teaches this course: being credited opens the "
    "course's learner records (progress, quiz attempts, mock orals) to that instructor."
)


class CoursePageForm(WagtailAdminPageForm):
    """Editors see the course's instructors; only superusers change them.

    Who is credited decides whose learner records an instructor reads
    (learning.courses.teaching), so an instructor who may edit and publish a course must
    not be able to credit themselves, whether through the panel or a hand-made POST.
    """

    def clean(self):
        cleaned = super().clean()
        user = self.for_user
        instructors = self.formsets.get("instructors")
        editable = user is not None and user.is_superuser
        if instructors is not None and not editable and instructors.has_changed():
            raise ValidationError(ONLY_ADMINS_CREDIT)
        return cleaned

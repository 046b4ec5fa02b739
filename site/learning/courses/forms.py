"""The course page's admin form: who may change a course's team, and the revenue split."""

from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db.models import Model

from wagtail.admin.forms import WagtailAdminPageForm

ONLY_LEADS_CHANGE_TEAM = (
    "Only the course's lead instructor or an administrator can change who teaches this "
    "course: being credited opens the course's learner records (progress, quiz attempts, "
    "mock orals) to that instructor."
)
SHARES_OVER_100 = "The active instructors' revenue shares add up to {total} %; at most 100 %."

# What a team row decides; the order rows are listed in is only presentation.
TEAM_FIELDS = (
    "user",
    "role",
    "is_active",
    "can_edit_content",
    "can_manage_students",
    "can_view_analytics",
    "revenue_share_percentage",
)


def _plain(value):
    if isinstance(value, Model):
        return value.pk
    if isinstance(value, Decimal):
        return value.normalize()
    return value


def signature(values):
    return tuple(_plain(values.get(name)) for name in TEAM_FIELDS)


def leads_course(user, course, rows):
    """An active lead row on the saved course; `rows` is the CourseInstructor model (this
    module is imported by the models, so it cannot import them). A course not saved yet
    is its creator's: courses.wagtail_hooks credits them as lead once it exists."""
    if user is None or not user.is_authenticated or not user.is_active:
        return False
    if user.is_superuser or course.pk is None:
        return True
    return rows.objects.filter(
        page_id=course.pk, user=user, is_active=True, role=rows.Role.LEAD
    ).exists()


def submitted_rows(team):
    """(existing row id or None, cleaned values) for every row the submission keeps or
    adds, and the ids of the rows it deletes. Blank extra rows are left out."""
    kept, deleted = [], set()
    for index, form in enumerate(team.forms):
        values = form.cleaned_data
        existing = form.instance.pk if index < team.initial_form_count() else None
        if values.get("DELETE"):
            if existing is not None:
                deleted.add(existing)
        elif existing is not None or form.has_changed():
            kept.append((existing, values))
    return kept, deleted


def team_changed(team, kept, deleted):
    """Whether the submitted rows differ from the ones the editor was given."""
    if deleted:
        return True
    given = {form.instance.pk: signature(form.initial) for form in team.initial_forms}
    return any(pk is None or given.get(pk) != signature(values) for pk, values in kept)


def active_share_total(team, kept, deleted):
    """Revenue shares of the active rows after saving: the submitted ones plus any saved
    row the submission did not list (modelcluster keeps those)."""
    listed = {pk for pk, _ in kept} | deleted
    shares = (
        values.get("revenue_share_percentage") or 0 for _, values in kept if values.get("is_active")
    )
    total = sum(shares, Decimal("0"))
    # modelcluster's in-memory rows do not filter by "pk": compare in Python.
    unlisted = [row for row in team.get_queryset() if row.pk is None or row.pk not in listed]
    return total + sum(
        (row.revenue_share_percentage for row in unlisted if row.is_active), Decimal("0")
    )


class CoursePageForm(WagtailAdminPageForm):
    """Editors see the course's team; only its lead (or a superuser) changes it.

    Who is credited, and with which rights, decides whose learner records an instructor
    reads (learning.courses.teaching) and who edits the course (team_access), so a
    co-instructor who may edit and publish the course must not change the team, whether
    through the panel or a hand-made POST: the submitted rows are compared, field by
    field, with the rows the editor was given (the course as last saved).
    """

    def clean(self):
        cleaned = super().clean()
        team = self.formsets.get("instructors")
        if team is None:
            return cleaned
        if not team.is_valid():
            if team.has_changed() and not leads_course(self.for_user, self.instance, team.model):
                raise ValidationError(ONLY_LEADS_CHANGE_TEAM)
            return cleaned
        kept, deleted = submitted_rows(team)
        changed = team_changed(team, kept, deleted)
        if changed and not leads_course(self.for_user, self.instance, team.model):
            raise ValidationError(ONLY_LEADS_CHANGE_TEAM)
        total = active_share_total(team, kept, deleted)
        if total > 100:
            raise ValidationError(SHARES_OVER_100.format(total=total.normalize()))
        return cleaned

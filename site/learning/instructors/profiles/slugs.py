"""Public page addresses made from an instructor's name: "ida-instructor", then
"ida-instructor-2" when that is taken. The unique constraint on the slug still decides
a race (services.save_profile turns the clash into a form error)."""

from django.utils.text import slugify

from ..models import InstructorProfile

MAX_LENGTH = 120


def unique_slug(name, exclude_pk=None):
    base = (slugify(name) or "instructor")[: MAX_LENGTH - 6]
    taken = set(
        InstructorProfile.objects.filter(slug__startswith=base)
        .exclude(pk=exclude_pk)
        .values_list("slug", flat=True)
    )
    slug, number = base, 2
    while slug in taken:
        slug, number = f"{base}-{number}", number + 1
    return slug

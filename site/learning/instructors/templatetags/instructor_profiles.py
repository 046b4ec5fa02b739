"""{% instructor_pages instructors as people %}: pairs (person, public page URL or "")
for a course page's instructor list, so each name can link to its instructor's page.

One query for the whole list, whatever its length. A URL is given only where the page
would answer (profiles.public): a public profile of an active user actively credited on
a live course. A template tag rather than a field of the course's context, because
learning.courses sits below this app and may not know about profiles."""

from django import template
from django.urls import reverse

from learning.courses.teaching import active_credits

from ..models import InstructorProfile

register = template.Library()


@register.simple_tag
def instructor_pages(people):
    people = list(people)
    slugs = {}
    if people:
        teaching = active_credits().filter(page__live=True).values("user_id")
        profiles = InstructorProfile.objects.filter(
            user_id__in=[person.pk for person in people], public_profile=True
        ).filter(user__is_active=True, user_id__in=teaching)
        slugs = dict(profiles.values_list("user_id", "slug"))
    urls = {pk: reverse("instructor_profile", args=[slug]) for pk, slug in slugs.items()}
    return [(person, urls.get(person.pk, "")) for person in people]

"""The public instructor page, /instructors/<slug>/: who teaches, and what.

It exists only while it has something true to say: the profile is public, the user is
active, and they are actively credited (courses.teaching) on at least one live, public
course; otherwise it is a 404, so a profile never advertises an instructor who no longer
teaches here. The CFI number and email are never put in the context, so no template
change can leak them. The site's cache policy (pages.cache) makes the anonymous page
publicly cacheable for a short time, like every other public page."""

from django.http import Http404
from django.shortcuts import render

from learning.courses.models import CoursePage
from learning.courses.teaching import active_credits

from ..models import Certificate, InstructorProfile

CERTIFICATE_LABELS = dict(Certificate.choices)


def live_courses_taught(user_id):
    credited = active_credits().filter(user_id=user_id).values("page_id")
    return (
        CoursePage.objects.live()
        .public()
        .filter(pk__in=credited)
        .only("id", "title", "subtitle", "url_path", "path", "depth")
        .order_by("title")
    )


def instructor_profile(request, slug):
    profile = (
        InstructorProfile.objects.filter(slug=slug, public_profile=True, user__is_active=True)
        .select_related("photo")
        .only(
            "display_name",
            "slug",
            "title",
            "organization",
            "bio",
            "years_experience",
            "certificates_held",
            "user_id",
            "photo",
        )
        .first()
    )
    if profile is None:
        raise Http404("No such instructor.")
    courses = list(live_courses_taught(profile.user_id))
    if not courses:
        raise Http404("No such instructor.")
    context = {
        "instructor": {
            "name": profile.display_name,
            "title": profile.title,
            "organization": profile.organization,
            "bio": profile.bio,
            "years": profile.years_experience,
            "photo": profile.photo,
            "certificates": [
                CERTIFICATE_LABELS.get(code, code) for code in profile.certificates_held or ()
            ],
        },
        "courses": courses,
    }
    return render(request, "learning/instructors/profiles/public.html", context)

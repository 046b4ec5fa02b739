"""The instructor tools' site pages (their admin pages live in the Wagtail admin):
public instructor profiles, a learner's endorsements and endorsement verification."""

from django.urls import include, path

urlpatterns = [
    path("instructors/", include("learning.instructors.profiles.urls")),
    path("endorsements/", include("learning.instructors.endorsements.urls")),
]

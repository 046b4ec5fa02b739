"""Site URLs of this part: the public instructor pages, mounted at /instructors/."""

from django.urls import path

from .public import instructor_profile

urlpatterns = [path("<slug:slug>/", instructor_profile, name="instructor_profile")]

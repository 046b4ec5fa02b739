"""Links from the grading pages to the roster part's student page."""

from django.urls import NoReverseMatch, reverse


def student_url(user_id):
    """The student page of the roster part, or "" if that page is not registered."""
    try:
        return reverse("instructors_student", args=[user_id])
    except NoReverseMatch:
        return ""

"""Enrollments in the Wagtail admin (filled in below)."""

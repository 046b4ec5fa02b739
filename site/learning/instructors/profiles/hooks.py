"""Wagtail admin hooks of this part (imported by learning.instructors.wagtail_hooks)."""

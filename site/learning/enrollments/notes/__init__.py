"""Learners' private notes on lessons and bookmarks of pages: forms, services, the page
fragments they swap in and out, and their views."""

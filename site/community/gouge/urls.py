"""Examiner directory and gouge URLs."""

urlpatterns = []

"""Review URLs: read a course's reviews; write, edit, delete and vote (signed in)."""

from django.urls import path

from . import views

urlpatterns = [
    path("course/<id:course_id>/", views.course_reviews, name="course_reviews"),
    path("<id:review_id>/delete/", views.delete_review, name="delete_review"),
    path("<id:review_id>/helpful/", views.helpful, name="review_helpful"),
]

"""Notes and bookmarks URLs: private to each learner."""

from django.urls import path

from . import views

urlpatterns = [
    path("notes/", views.note_list, name="notes"),
    path("learn/lessons/<id:lesson_id>/notes/", views.note_create, name="note_create"),
    path("notes/<id:note_id>/edit/", views.note_edit, name="note_edit"),
    path("notes/<id:note_id>/delete/", views.note_delete, name="note_delete"),
    path("bookmarks/", views.bookmark_list, name="bookmarks"),
    path("bookmarks/<id:page_id>/add/", views.bookmark_add, name="bookmark_add"),
    path("bookmarks/<id:bookmark_id>/edit/", views.bookmark_edit, name="bookmark_edit"),
    path("bookmarks/<id:bookmark_id>/delete/", views.bookmark_delete, name="bookmark_delete"),
]

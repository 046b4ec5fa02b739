"""Notification URLs, under /notifications/ (config.urls)."""

from django.urls import path

from . import views

urlpatterns = [
    path("", views.notifications_list, name="notifications_list"),
    path("unread/", views.notifications_unread, name="notifications_unread"),
    path("read-all/", views.notifications_mark_all_read, name="notifications_mark_all_read"),
    path("preferences/", views.notification_preferences, name="notification_preferences"),
    path("<id:notification_id>/open/", views.notification_open, name="notification_open"),
    path("<id:notification_id>/read/", views.notification_mark_read, name="notification_mark_read"),
    path(
        "unsubscribe/<str:token>/",
        views.notifications_unsubscribe,
        name="notifications_unsubscribe",
    ),
]

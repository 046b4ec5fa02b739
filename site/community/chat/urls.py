"""Chat URLs (mounted at /messages/). Ids use the `<id:...>` converter, so a huge or
non-numeric id is simply not found."""

from django.urls import path

from . import actions, views

urlpatterns = [
    path("", views.chat_inbox, name="chat_inbox"),
    path("new/", views.chat_new, name="chat_new"),
    path("course/<id:course_id>/", views.chat_course_group, name="chat_course_group"),
    path("<id:conversation_id>/", views.chat_thread, name="chat_thread"),
    path("<id:conversation_id>/send/", views.chat_send, name="chat_send"),
    path("<id:conversation_id>/updates/", views.chat_updates, name="chat_updates"),
    path("<id:conversation_id>/mute/", actions.chat_mute, name="chat_mute"),
    path("<id:conversation_id>/leave/", actions.chat_leave, name="chat_leave"),
    path(
        "<id:conversation_id>/attachments/<id:message_id>/",
        views.chat_attachment,
        name="chat_attachment",
    ),
    path("<id:conversation_id>/m/<id:message_id>/edit/", actions.chat_edit, name="chat_edit"),
    path("<id:conversation_id>/m/<id:message_id>/delete/", actions.chat_delete, name="chat_delete"),
    path("<id:conversation_id>/m/<id:message_id>/report/", actions.chat_report, name="chat_report"),
    path("<id:conversation_id>/people/<id:user_id>/block/", actions.chat_block, name="chat_block"),
    path(
        "<id:conversation_id>/people/<id:user_id>/unblock/",
        actions.chat_unblock,
        name="chat_unblock",
    ),
]

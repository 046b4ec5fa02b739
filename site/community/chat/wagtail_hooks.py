"""Chat in the Wagtail admin: the "Reported messages" queue for moderators and admins
(services.can_moderate decides; instructors and marketers neither see nor open it)."""

from django.urls import path, reverse

from wagtail import hooks
from wagtail.admin.menu import MenuItem

from .admin_views import ReportedMessagesView
from .services import can_moderate


class ReportedMessagesMenuItem(MenuItem):
    def is_shown(self, request):
        return can_moderate(request.user)


@hooks.register("register_admin_urls")
def register_reported_messages_url():
    return [path("chat/reports/", ReportedMessagesView.as_view(), name="chat_reported_messages")]


@hooks.register("register_admin_menu_item")
def register_reported_messages_menu_item():
    return ReportedMessagesMenuItem(
        "Reported messages", reverse("chat_reported_messages"), icon_name="warning", order=816
    )

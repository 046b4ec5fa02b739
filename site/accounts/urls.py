from django.urls import path, re_path

from . import views

urlpatterns = [
    path("settings/", views.account_settings, name="account_settings"),
    # Shadows allauth's page of the same name and path (this URLconf is included first).
    re_path(
        r"^confirm-email/(?P<key>[-:\w]+)/$", views.confirm_email, name="account_confirm_email"
    ),
]

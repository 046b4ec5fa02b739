"""Django admin (/django-admin/) for users: a fallback for admins; editors use Wagtail."""

from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin

from .models import Preferences, Profile, User


class ProfileInline(admin.StackedInline):
    model = Profile
    can_delete = False


class PreferencesInline(admin.StackedInline):
    model = Preferences
    can_delete = False


@admin.register(User)
class UserAdmin(DjangoUserAdmin):
    ordering = ["email"]
    list_display = ["email", "first_name", "last_name", "is_staff", "is_active", "date_joined"]
    search_fields = ["email", "first_name", "last_name", "profile__display_name"]
    inlines = [ProfileInline, PreferencesInline]
    fieldsets = [
        (None, {"fields": ["email", "password"]}),
        ("Name", {"fields": ["first_name", "last_name"]}),
        (
            "Permissions",
            {"fields": ["is_active", "is_staff", "is_superuser", "groups", "user_permissions"]},
        ),
        ("Dates", {"fields": ["last_login", "date_joined"]}),
    ]

    def get_inlines(self, request, obj):
        # A new user's Profile and Preferences are created by the post_save signal;
        # inline forms on the add page would try to create them a second time.
        return self.inlines if obj else []

    add_fieldsets = [(None, {"classes": ["wide"], "fields": ["email", "password1", "password2"]})]

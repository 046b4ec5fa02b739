"""Wagtail admin hooks of this part (imported by learning.instructors.wagtail_hooks):
"My instructor profile" for instructors, "Instructor profiles" for administrators, and
the admin home banner before CFI privileges lapse."""

from django.urls import path, reverse

from wagtail import hooks

from ..menus import ShownTo
from . import views
from .access import may_edit_any_profile, may_keep_profile
from .panel import add_recency_panel


@hooks.register("register_admin_urls")
def register_profile_urls():
    return [
        path("instructors/me/", views.MyProfileView.as_view(), name=views.MY_PROFILE),
        path("instructors/profiles/", views.ProfileListView.as_view(), name=views.PROFILES),
        path(
            "instructors/profiles/<id:user_id>/",
            views.EditProfileView.as_view(),
            name=views.EDIT_PROFILE,
        ),
    ]


@hooks.register("register_admin_menu_item")
def register_my_profile_menu_item():
    return ShownTo(
        "My instructor profile",
        reverse(views.MY_PROFILE),
        icon_name="user",
        order=790,
        shown_to=may_keep_profile,
    )


@hooks.register("register_settings_menu_item")
def register_profiles_menu_item():
    return ShownTo(
        "Instructor profiles",
        reverse(views.PROFILES),
        icon_name="group",
        order=610,
        shown_to=may_edit_any_profile,
    )


hooks.register("construct_homepage_panels", add_recency_panel)

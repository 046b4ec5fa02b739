"""Wagtail admin hooks of this part (imported by learning.instructors.wagtail_hooks):
the course template screens and their menu item, and the copy hooks that give a copied
course a team of one (copies.py)."""

from django.urls import path, reverse

from wagtail import hooks

from ..menus import ShownTo
from ..profiles.access import may_keep_profile
from . import views
from .copies import refuse_course_alias, reteam_copy


@hooks.register("register_admin_urls")
def register_course_template_urls():
    return [
        path("instructors/templates/", views.TemplateListView.as_view(), name=views.LIST),
        path("instructors/templates/add/", views.TemplateAddView.as_view(), name=views.ADD),
        path("instructors/templates/<id:pk>/", views.TemplateEditView.as_view(), name=views.EDIT),
        path(
            "instructors/templates/new-course/",
            views.CourseFromTemplateView.as_view(),
            name=views.FROM_TEMPLATE,
        ),
        path(
            "instructors/templates/from-course/",
            views.SaveAsTemplateView.as_view(),
            name=views.SAVE_AS,
        ),
    ]


@hooks.register("register_admin_menu_item")
def register_course_templates_menu_item():
    return ShownTo(
        "Course templates",
        reverse(views.LIST),
        icon_name="doc-empty-inverse",
        order=795,
        shown_to=may_keep_profile,
    )


hooks.register("before_copy_page", refuse_course_alias)
hooks.register("after_copy_page", reteam_copy)

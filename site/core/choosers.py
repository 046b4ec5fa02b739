"""Snippet choosers that ask for a permission.

Wagtail opens every snippet chooser (the modal's listing and search, the "chosen" answer
with an object's title and edit URL, the multiple choice) to every admin user, whatever
their permissions on the model: a marketer could list the quiz bank or the oral
questions. The project's snippet viewsets use these chooser viewsets instead, which open
only for users with a permission on the model, and, for the models page editors pick in
page panels and blocks (a course's category, the home page's testimonials), also for
users with rights on some page. The chooser's "create" tab keeps Wagtail's own check
("add" on the model) on top.
"""

from functools import wraps

from django.core.exceptions import PermissionDenied
from django.urls import URLPattern

from wagtail.permission_policies.pages import PagePermissionPolicy
from wagtail.snippets.views.chooser import SnippetChooserViewSet

PAGE_ACTIONS = ["add", "change", "publish"]


def holds_model_permission(user, model):
    """Any Django permission on `model` (add, change, delete, view, publish, ...)."""
    prefix, suffix = f"{model._meta.app_label}.", f"_{model._meta.model_name}"
    return any(
        perm.startswith(prefix) and perm.endswith(suffix) for perm in user.get_all_permissions()
    )


class PermissionChooserViewSet(SnippetChooserViewSet):
    picked_in_pages = False

    def may_choose(self, user):
        if not (user.is_authenticated and user.is_active):
            return False
        if user.is_superuser or holds_model_permission(user, self.model):
            return True
        return self.picked_in_pages and PagePermissionPolicy().user_has_any_permission(
            user, PAGE_ACTIONS
        )

    def guarded(self, view):
        @wraps(view)
        def guarded_view(request, *args, **kwargs):
            if not self.may_choose(request.user):
                raise PermissionDenied
            return view(request, *args, **kwargs)

        return guarded_view

    def get_urlpatterns(self):
        return [
            URLPattern(url.pattern, self.guarded(url.callback), url.default_args, url.name)
            for url in super().get_urlpatterns()
        ]


class PageEditorsChooserViewSet(PermissionChooserViewSet):
    """For snippets chosen in page editors: page editors may open the chooser too."""

    picked_in_pages = True

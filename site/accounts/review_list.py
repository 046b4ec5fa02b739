"""The staff list "Content due for review": every lesson, quiz, deck and oral question
nobody has reviewed, or last checked longer ago than CONTENT_REVIEW_MAX_AGE_DAYS, oldest
first, each with a link to its editor.

It finds the content through content_review.reviewed_models(), so accounts lists the
models of apps above it without importing them. Instructors and administrators see it:
the people who may edit reviewed content (a model permission on any non-page reviewed
model, which the Instructors group holds; superusers hold every one). Marketers edit
pages but no teaching content, so they get a readable 403 and no menu item.
"""

from django import forms
from django.urls import reverse
from django.utils import timezone
from django.views.generic import TemplateView

from wagtail.admin.admin_url_finder import AdminURLFinder
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.models import Page
from wagtail.permission_policies.pages import PagePermissionPolicy

from core.pagination import paginate

from .content_review import (
    due_for_review,
    max_review_age,
    model_key,
    reviewed_models,
    reviewer_credit,
)
from .standing import is_staff_member

URL_NAME = "content_review_due"
PAGE_SIZE = 50
UNKNOWN_TYPE = "That content type is not one we review, so every type is shown."


def may_see_review_list(user):
    if not is_staff_member(user):
        return False
    if user.is_superuser:
        return True
    return any(
        user.has_perm(f"{model._meta.app_label}.change_{model._meta.model_name}")
        for model in reviewed_models()
        if not issubclass(model, Page)
    )


class TypeFilterForm(forms.Form):
    type = forms.ChoiceField(required=False, label="Type")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.models = {model_key(model): model for model in reviewed_models()}
        self.fields["type"].choices = [("", "All types")] + [
            (key, str(model._meta.verbose_name).capitalize()) for key, model in self.models.items()
        ]

    def chosen_models(self, notices):
        """The models to list: the chosen one, or all of them (with a notice when the
        link named a type that is not one)."""
        if self.is_valid():
            chosen = self.cleaned_data["type"]
            return [self.models[chosen]] if chosen else list(self.models.values())
        notices.append(UNKNOWN_TYPE)
        return list(self.models.values())


def edit_urls(user, objects):
    """{object: its editor's URL, or None when `user` may not edit it}.

    Wagtail's AdminURLFinder answers for snippets and modeladmin from the user's cached
    model permissions, but asks about each page's workflow in a query of its own; the
    pages are settled together instead, in one query, by the same page permission rule
    (change, or add on a page the user owns).
    """
    pages = [obj.pk for obj in objects if isinstance(obj, Page)]
    editable = set()
    if pages:
        editable = set(
            PagePermissionPolicy()
            .instances_user_has_permission_for(user, "change")
            .filter(pk__in=pages)
            .values_list("pk", flat=True)
        )
    finder = AdminURLFinder(user)
    urls = {}
    for obj in objects:
        if isinstance(obj, Page):
            editable_page = obj.pk in editable
            urls[obj] = reverse("wagtailadmin_pages:edit", args=[obj.pk]) if editable_page else None
        else:
            urls[obj] = finder.get_edit_url(obj)
    return urls


class Row:
    """One line of the list, everything the template prints worked out here."""

    def __init__(self, obj, edit_url, today):
        self.obj = obj
        self.type = str(obj._meta.verbose_name).capitalize()
        self.title = str(obj)
        self.reviewer = reviewer_credit(obj.reviewed_by)
        self.current_as_of = obj.current_as_of
        self.age_days = (today - obj.current_as_of).days if obj.current_as_of else None
        self.edit_url = edit_url


class ReviewListView(WagtailAdminTemplateMixin, TemplateView):
    template_name = "accounts/admin/review_list.html"
    page_title = "Content due for review"
    header_icon = "date"

    def get_breadcrumbs_items(self):
        return [*self.breadcrumbs_items, {"url": "", "label": self.page_title}]

    def dispatch(self, request, *args, **kwargs):
        if not may_see_review_list(request.user):
            context = WagtailAdminTemplateMixin.get_context_data(self, forbidden=True)
            return self.render_to_response(context, status=403)
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        notices = []
        form = TypeFilterForm(self.request.GET)
        today = timezone.localdate()
        due = due_for_review(form.chosen_models(notices), today=today)
        page = paginate(due, self.request.GET.get("page"), notices, per_page=PAGE_SIZE)
        urls = edit_urls(self.request.user, page.object_list)
        rows = [Row(obj, urls[obj], today) for obj in page.object_list]
        return super().get_context_data(
            form=form,
            page=page,
            rows=rows,
            notices=notices,
            max_age_days=max_review_age().days,
            **kwargs,
        )
